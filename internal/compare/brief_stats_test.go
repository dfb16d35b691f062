package compare

import (
	"fmt"
	"os"
	"slices"
	"sort"
	"strings"
	"testing"

	"parallax/internal/model"
)

// briefStats counts brief sentences, those citing two outlets or more, and
// why shared claims found no wording for the brief.
type briefStats struct {
	sents, shared int
	faults        map[string]int
	dump          strings.Builder
}

// add builds the story's report and counts its brief; the shared claims
// that no member could word are tallied by the fault of their first member.
func (b *briefStats) add(name string, arts []model.Article) {
	docs := prepare(arts)
	ss := statements(docs)
	pairs := similarPairs(ss, pairFloor)
	r := Build(model.Story{ID: 1}, arts)
	fmt.Fprintf(&b.dump, "=== %s\n", name)
	for _, s := range r.Summary {
		b.sents++
		if len(s.Outlets) >= 2 {
			b.shared++
		}
		fmt.Fprintf(&b.dump, "  B %v %s\n", s.ArticleIDs, s.Text)
	}
	sims := make(map[[2]int]float64, len(pairs))
	for _, p := range pairs {
		sims[[2]int{p.a, p.b}] = p.sim
	}
	for _, rc := range claimsOf(ss, groupClaims(ss, pairs), sims, nearlyShared(ss, pairs)) {
		if len(rc.c.Outlets) < 2 {
			continue
		}
		var faults []string
		for _, m := range rc.members {
			_, f := briefFault(ss[m])
			faults = append(faults, f)
		}
		if !slices.Contains(faults, "") {
			b.faults[faults[0]]++
		}
		fmt.Fprintf(&b.dump, "  C %v %q %s\n", rc.c.ArticleIDs, faults, rc.rep.text)
	}
}

// TestBriefSharedShare logs the share of brief sentences citing two
// outlets or more over the BASIL stories and the seeds; BRIEF_DUMP names a
// file for every brief and shared claim with the faults of its members.
//
//	BRIEF_DUMP=/tmp/brief.txt go test ./internal/compare -run BriefSharedShare -v
func TestBriefSharedShare(t *testing.T) {
	b := &briefStats{faults: make(map[string]int)}
	b.add("seeds-istanbul", seedArticles(t, "000_", "001_", "004_"))
	b.add("seeds-all", seedArticles(t))
	seeds := fmt.Sprintf("seeds: %d of %d brief sentences cite two outlets or more", b.shared, b.sents)
	for _, st := range loadBasil(t) {
		b.add(st.event, st.arts)
	}
	t.Log(seeds)
	t.Logf("all: %d of %d brief sentences cite two outlets or more", b.shared, b.sents)
	var keys []string
	for k := range b.faults {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		t.Logf("shared claims with no wording, first fault %q: %d", k, b.faults[k])
	}
	if p := os.Getenv("BRIEF_DUMP"); p != "" {
		if err := os.WriteFile(p, []byte(b.dump.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
