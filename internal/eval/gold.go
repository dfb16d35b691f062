package eval

import (
	"encoding/json"
	"fmt"
	"os"
	"sort"
	"strconv"
	"strings"

	"parallax/internal/text"
)

// GoldDoc is one labelled page, in the format of the public article
// extraction benchmark ({"ID": {"articleBody", "url"}}) with optional
// extensions. Instead of copying a page's text, BodyLines may name the lines
// of the input file that form the body (e.g. "12,14-16"), so gold for pages
// we may not redistribute holds line numbers only.
type GoldDoc struct {
	ArticleBody string `json:"articleBody,omitempty"`
	URL         string `json:"url,omitempty"`
	// File is the input's path relative to the inputs directory; by default
	// the first file named ID.* there.
	File      string `json:"file,omitempty"`
	BodyLines string `json:"body_lines,omitempty"`
	// Title, or TitleLine (1-based) of the input file, is the expected
	// headline; TitleStripSuffix drops a trailing " - Outlet" from that line.
	Title            string `json:"title,omitempty"`
	TitleLine        int    `json:"title_line,omitempty"`
	TitleStripSuffix bool   `json:"title_strip_suffix,omitempty"`
	// Published is the expected date or date-time (RFC 3339).
	Published string `json:"published,omitempty"`
	Outlet    string `json:"outlet,omitempty"`
}

// LoadGold reads a gold file.
func LoadGold(path string) (map[string]GoldDoc, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read gold %s: %w", path, err)
	}
	var g map[string]GoldDoc
	if err := json.Unmarshal(b, &g); err != nil {
		return nil, fmt.Errorf("gold %s: %w", path, err)
	}
	if len(g) == 0 {
		// An empty gold would score nothing and pass every gate.
		return nil, fmt.Errorf("gold %s: no documents", path)
	}
	return g, nil
}

// SortedIDs returns the gold's IDs in order.
func SortedIDs(g map[string]GoldDoc) []string {
	ids := make([]string, 0, len(g))
	for id := range g {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	return ids
}

// maxGoldLine bounds the line numbers a gold may name; no page is longer.
const maxGoldLine = 1 << 20

// ParseLines reads a line list such as "3,5-7" into 1-based line numbers.
func ParseLines(spec string) ([]int, error) {
	var out []int
	for _, part := range strings.Split(spec, ",") {
		part = strings.TrimSpace(part)
		if part == "" {
			continue
		}
		lo, hi, isRange := strings.Cut(part, "-")
		a, err := strconv.Atoi(strings.TrimSpace(lo))
		if err != nil || a < 1 {
			return nil, fmt.Errorf("bad line number %q", part)
		}
		b := a
		if isRange {
			if b, err = strconv.Atoi(strings.TrimSpace(hi)); err != nil || b < a {
				return nil, fmt.Errorf("bad line range %q", part)
			}
		}
		if b > maxGoldLine {
			// A typo such as 12-1200000000 would expand to billions of lines.
			return nil, fmt.Errorf("line number %q past %d", part, maxGoldLine)
		}
		if len(out)+b-a >= maxGoldLine {
			return nil, fmt.Errorf("more than %d lines in %q", maxGoldLine, spec)
		}
		for i := a; i <= b; i++ {
			out = append(out, i)
		}
	}
	return out, nil
}

// Lines returns the given 1-based lines of text, trimmed, skipping empty
// ones; an out-of-range number is an error.
func Lines(text string, nums []int) ([]string, error) {
	all := strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n")
	var out []string
	for _, n := range nums {
		if n > len(all) {
			return nil, fmt.Errorf("line %d past the end (%d lines)", n, len(all))
		}
		if l := strings.TrimSpace(all[n-1]); l != "" {
			out = append(out, l)
		}
	}
	return out, nil
}

// LineCheck compares an extracted body with gold lines: Missing are gold
// lines absent from the body, Extra are body lines that are not gold lines.
// Both compare words only, so spacing and punctuation variants agree.
type LineCheck struct {
	Missing []string `json:"missing"`
	Extra   []string `json:"extra"`
}

// CheckLines runs a LineCheck.
func CheckLines(body string, gold []string) LineCheck {
	norm := func(s string) string { return strings.Join(text.Words(s), " ") }
	goldSet := map[string]bool{}
	for _, g := range gold {
		goldSet[norm(g)] = true
	}
	nb := " " + norm(body) + " "
	var c LineCheck
	for _, g := range gold {
		if n := norm(g); n != "" && !strings.Contains(nb, " "+n+" ") {
			c.Missing = append(c.Missing, g)
		}
	}
	for _, l := range strings.Split(body, "\n") {
		if n := norm(l); n != "" && !goldSet[n] && !containedInAny(n, gold, norm) {
			c.Extra = append(c.Extra, strings.TrimSpace(l))
		}
	}
	return c
}

// containedInAny allows a body line that is part of a gold line (a
// paragraph the extractor split).
func containedInAny(n string, gold []string, norm func(string) string) bool {
	for _, g := range gold {
		if strings.Contains(" "+norm(g)+" ", " "+n+" ") {
			return true
		}
	}
	return false
}
