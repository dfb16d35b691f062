package cli

import (
	"fmt"
	"io"
	"strings"

	"parallax/internal/model"
)

// writeComparison writes, for a terminal, what the story page shows
// before its articles: who covers it, the brief, the story at a glance,
// where outlets differ and the quotes they word differently.
func writeComparison(w io.Writer, r *model.Report, bal []model.Balance, arts []model.Article) {
	var b strings.Builder
	writeBalanceText(&b, bal)
	if r == nil {
		b.WriteString("The comparison of outlets has not been built yet (the next ingest or `parallax status --repair` builds it).\n\n")
		io.WriteString(w, b.String())
		return
	}
	outletOf := map[int64]string{}
	for _, a := range arts {
		outletOf[a.ID] = a.OutletLabel()
	}
	who := func(ids []int64) string { return "[" + strings.Join(outletsOf(ids, outletOf), ", ") + "]" }
	if len(r.Summary) > 0 {
		b.WriteString("Brief\n")
		for _, s := range r.Summary {
			fmt.Fprintf(&b, "  • %s %s\n", s.Text, who(s.ArticleIDs))
			for _, d := range s.Disputed {
				fmt.Fprintf(&b, "      disputed — %s: %q %s\n", d.Subject, d.Value, who(d.ArticleIDs))
			}
		}
		b.WriteString("\n")
	}
	writeGlance(&b, r, len(outletsOf(nil, outletOf)))
	if len(r.Discrepancies) > 0 {
		b.WriteString("Where they differ\n")
		for _, d := range r.Discrepancies {
			var vals []string
			for _, v := range d.Values {
				vals = append(vals, fmt.Sprintf("%s %s", v.Value, who(v.ArticleIDs)))
			}
			fmt.Fprintf(&b, "  %s, %s: %s\n", d.Kind, d.Subject, strings.Join(vals, " · "))
		}
		b.WriteString("\n")
	}
	writeQuotesText(&b, r.Quotes, who)
	io.WriteString(w, b.String())
}

// outletsOf names the outlets of the articles ids, once each, in order
// (all the story's outlets for nil).
func outletsOf(ids []int64, outletOf map[int64]string) []string {
	var out []string
	seen := map[string]bool{}
	add := func(name string) {
		if name != "" && !seen[name] {
			seen[name] = true
			out = append(out, name)
		}
	}
	if ids == nil {
		for _, name := range outletOf {
			add(name)
		}
	}
	for _, id := range ids {
		add(outletOf[id])
	}
	return out
}

func writeBalanceText(b *strings.Builder, bal []model.Balance) {
	var lines []string
	var only []string
	for _, x := range bal {
		if len(x.Values) == 0 {
			continue
		}
		var parts []string
		for _, v := range x.Values {
			parts = append(parts, fmt.Sprintf("%s %d (%s)", v.Value, len(v.Outlets), strings.Join(v.Outlets, ", ")))
		}
		if len(x.Unknown) > 0 {
			parts = append(parts, fmt.Sprintf("not recorded %d (%s)", len(x.Unknown), strings.Join(x.Unknown, ", ")))
		}
		lines = append(lines, fmt.Sprintf("  %-10s %s\n", x.Attribute, strings.Join(parts, " · ")))
		if x.Only != "" {
			only = append(only, fmt.Sprintf("covered only by %s %s", x.Attribute, x.Only))
		}
	}
	if len(lines) == 0 {
		return
	}
	b.WriteString("Who covers it\n" + strings.Join(lines, ""))
	if len(only) > 0 {
		b.WriteString("  " + strings.Join(only, "; ") + "\n")
	}
	b.WriteString("\n")
}

func writeGlance(b *strings.Builder, r *model.Report, outlets int) {
	shared, partial := 0, 0
	for _, c := range r.Claims {
		if len(c.Outlets) >= outlets {
			shared++
		} else {
			partial++
		}
	}
	differing := 0
	for _, q := range r.Quotes {
		if len(q.Variants) > 1 {
			differing++
		}
	}
	fmt.Fprintf(b, "At a glance: %s every outlet reports, %s only some report, %s, %s worded differently\n\n",
		plural(shared, "claim"), plural(partial, "claim"), pluralES(len(r.Discrepancies), "discrepancy"), plural(differing, "quote"))
}

func writeQuotesText(b *strings.Builder, quotes []model.QuoteGroup, who func([]int64) string) {
	var lines []string
	for _, q := range quotes {
		if len(q.Variants) < 2 {
			continue
		}
		speaker := q.Speaker
		if speaker == "" {
			speaker = "Unattributed"
		}
		lines = append(lines, fmt.Sprintf("  %s: “%s”\n", speaker, q.Text))
		for _, v := range q.Variants {
			label := strings.Join(v.Labels, ", ")
			if label == "" {
				label = "same words"
			}
			lines = append(lines, fmt.Sprintf("    %s %s: “%s”\n", who(v.ArticleIDs), label, v.Text))
		}
	}
	if len(lines) > 0 {
		b.WriteString("Quotes worded differently\n" + strings.Join(lines, "") + "\n")
	}
}

// pluralES says n things for a noun whose plural ends in -ies or -es.
func pluralES(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	if strings.HasSuffix(noun, "y") {
		return fmt.Sprintf("%d %sies", n, strings.TrimSuffix(noun, "y"))
	}
	return fmt.Sprintf("%d %ses", n, noun)
}
