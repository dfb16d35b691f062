package cluster

import (
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"parallax/internal/model"
)

// report writes an undated fictional report: a headline and paragraphs
// that draw their words from pool between function words, with
// name once in each paragraph.
func report(id int64, seed uint64, name string, pool []string) model.Article {
	return reportOn(id, seed, []string{name}, pool)
}

// reportOn is report naming several people or places in each paragraph.
func reportOn(id int64, seed uint64, names []string, pool []string) model.Article {
	r := rand.New(rand.NewPCG(seed, 7))
	filler := strings.Fields("the of and to in on for with at by from that")
	var ps []string
	for range 4 {
		var b strings.Builder
		b.WriteString(strings.Join(names, " and ") + " spoke.")
		for range 3 {
			for range 10 {
				b.WriteString(" " + pool[r.IntN(len(pool))] + " " + filler[r.IntN(len(filler))])
			}
			b.WriteString(".")
		}
		ps = append(ps, b.String())
	}
	return model.Article{ID: id, Outlet: "Outlet " + string(rune('A'+id%7)), Title: names[0] + " " + pool[0] + " " + pool[1], Body: strings.Join(ps, "\n\n")}
}

// background returns n unrelated reports, so that document frequencies
// tell rare words from common ones.
func background(n int) []model.Article {
	var out []model.Article
	for i := range n {
		pool := []string{"weather", "market", "league", "concert", "museum", "traffic", "festival", "school"}
		out = append(out, report(int64(1000+i), uint64(i), "Person"+string(rune('a'+i%26)), pool[i%4:i%4+4]))
	}
	return out
}

// TestJoinNeedsMoreThanOneName: two reports that share a rare name and
// nothing else of note join only when the name rule is off.
func TestJoinNeedsMoreThanOneName(t *testing.T) {
	a := report(1, 1, "Ilvenko Brask", strings.Fields("harbour strike ferry dockers wages union picket"))
	b := report(2, 2, "Ilvenko Brask", strings.Fields("vaccine drought clinic rainfall wells harvest"))
	for _, tc := range []struct {
		name string
		nth  float64
		same bool
	}{{"rule off", 0, true}, {"default", DefaultConfig().NameThreshold, false}} {
		cfg := DefaultConfig()
		cfg.NameThreshold = tc.nth
		c := New(cfg)
		for _, x := range background(40) {
			c.Assign(x)
		}
		if got := c.Assign(a).StoryID == c.Assign(b).StoryID; got != tc.same {
			t.Errorf("%s: one story %v, want %v", tc.name, got, tc.same)
		}
	}
}

// TestJoinDoesNotDrift: a chain of five events, each sharing half its
// words and its minister with the one before, runs into one story of three
// events or more when only the summed profile is compared; when newcomers
// must also resemble the members, no story holds more than two.
func TestJoinDoesNotDrift(t *testing.T) {
	words := strings.Fields("tariff quota grain export levy barley customs silo freight rail wagon port crane berth lorry canal sluice barge")
	places := strings.Fields("Ammerby Brisholt Caldwen Dunmark Elverum")
	var chain []model.Article
	for i := range 5 {
		pool := words[3*i : 3*i+6]
		for j := range 3 {
			chain = append(chain, reportOn(int64(10*i+j+1), uint64(10*i+j), []string{"Minister Sorvald", places[i]}, pool))
		}
	}
	for _, tc := range []struct {
		name          string
		members       int
		atLeast, most int // events in the largest story
	}{{"profile only", 0, 3, 5}, {"default", DefaultConfig().Members, 1, 2}} {
		cfg := DefaultConfig()
		cfg.Members = tc.members
		c := New(cfg)
		for _, x := range background(40) {
			c.Assign(x)
		}
		events := map[int64]map[int64]bool{} // story → events
		for _, x := range chain {
			s := c.Assign(x).StoryID
			if events[s] == nil {
				events[s] = map[int64]bool{}
			}
			events[s][x.ID/10] = true
		}
		largest := 0
		for _, evs := range events {
			largest = max(largest, len(evs))
		}
		if largest < tc.atLeast || largest > tc.most {
			t.Errorf("%s: the largest story holds %d events, want %d to %d", tc.name, largest, tc.atLeast, tc.most)
		}
	}
}

// TestURLDays: articles without published dates but with dated URLs are
// placed by those days (a week apart: two stories, the same words
// notwithstanding), and their story shows the URL days, not as Dated.
func TestURLDays(t *testing.T) {
	pool := strings.Fields("harbour strike ferry dockers wages union picket")
	mk := func(id int64, seed uint64, url string) model.Article {
		a := report(id, seed, "Ilvenko Brask", pool)
		a.URL = url
		return a
	}
	c := New(DefaultConfig())
	a := c.Assign(mk(1, 1, "https://example.org/2024/03/01/strike"))
	b := c.Assign(mk(2, 2, "https://example.net/news/2024-03-02-strike"))
	d := c.Assign(mk(3, 3, "https://example.org/2024/03/12/strike"))
	if a.StoryID != b.StoryID || d.StoryID == a.StoryID {
		t.Fatalf("stories %d, %d, %d: want the first two together, the third apart", a.StoryID, b.StoryID, d.StoryID)
	}
	s := c.Stories()[0]
	if s.Dated || s.FirstPublished.Format(time.DateOnly) != "2024-03-01" || s.LastPublished.Format(time.DateOnly) != "2024-03-02" {
		t.Errorf("story days %v–%v, dated %v: want the URL days, not dated", s.FirstPublished, s.LastPublished, s.Dated)
	}
}

// TestReleaseMembers: an undated story keeps its members until it falls out
// of the recent arrivals, then drops them for good.
func TestReleaseMembers(t *testing.T) {
	c := New(DefaultConfig())
	as := c.Assign(report(1, 1, "Ilvenko Brask", strings.Fields("harbour strike ferry dockers wages union picket")))
	st := c.stories[c.byID[as.StoryID]]
	for range recentArrivals - 1 {
		c.advance()
	}
	if len(st.members) != 1 {
		t.Fatalf("%d members within the recent arrivals, want 1", len(st.members))
	}
	for range 2 * evictEvery {
		c.advance()
	}
	if st.members != nil || !st.released || len(c.holding) != 0 {
		t.Errorf("members %d, released %v, %d stories holding: want none kept", len(st.members), st.released, len(c.holding))
	}
}
