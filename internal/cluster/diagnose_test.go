package cluster

import (
	"fmt"
	"os"
	"sort"
	"strconv"
	"testing"
)

// TestBasilMistakes prints the stories that merge events and the events
// split over stories, in file order: PARALLAX_DEBUG=1 (published dates) or
// PARALLAX_DEBUG=undated.
func TestBasilMistakes(t *testing.T) {
	if os.Getenv("PARALLAX_DEBUG") == "" {
		t.Skip("set PARALLAX_DEBUG=1 or undated")
	}
	arts, gold := loadBasil(t)
	if os.Getenv("PARALLAX_DEBUG") == "undated" {
		arts = undated(arts)
	}
	c := New(DefaultConfig())
	for _, a := range arts {
		c.Assign(a)
	}
	for _, s := range c.Stories() {
		evs := map[string]int{}
		for _, id := range s.ArticleIDs {
			evs[gold[strconv.FormatInt(id, 10)]]++
		}
		if len(evs) > 1 {
			fmt.Printf("MERGED story %d %q:\n", s.ID, s.Title)
			for _, id := range s.ArticleIDs {
				fmt.Printf("   %d %s %s\n", id, arts[id-1].Published, arts[id-1].Title)
			}
		}
	}
	byEvent := map[string][]int64{}
	lab := c.Labels()
	for id, ev := range gold {
		n, _ := strconv.ParseInt(id, 10, 64)
		byEvent[ev] = append(byEvent[ev], n)
	}
	for _, ids := range byEvent {
		sort.Slice(ids, func(i, j int) bool { return ids[i] < ids[j] })
		st := map[string]bool{}
		for _, id := range ids {
			st[lab[strconv.FormatInt(id, 10)]] = true
		}
		if len(st) > 1 {
			fmt.Printf("SPLIT:\n")
			for _, id := range ids {
				fmt.Printf("   %d story %s %s %s\n", id, lab[strconv.FormatInt(id, 10)], arts[id-1].Published, arts[id-1].Title)
			}
		}
	}
}
