package cluster

import (
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	"parallax/internal/model"
)

// TestBasilSweep prints, for a grid of parameters, B³ F1 on BASIL's tuned
// part (its 2010–2012 events; heldout_test.go) as mean/min over the file
// order and the shuffled orders, with published dates, undated and text
// only, and PolNeAR's undated joins more than a week apart (file order). It
// is how DefaultConfig was chosen; the held-out part is not shown here on
// purpose. Run it with PARALLAX_SWEEP=1 (PARALLAX_SWEEP_VARIANTS below).
func TestBasilSweep(t *testing.T) {
	if os.Getenv("PARALLAX_SWEEP") == "" {
		t.Skip("set PARALLAX_SWEEP=1")
	}
	tuned, _ := basilParts(t)
	pol := undated(loadPolnear(t))
	modes := []struct {
		name string
		arts []model.Article
	}{{"published", tuned.arts}, {"undated", undated(tuned.arts)}, {"text only", textOnly(tuned.arts)}}
	thresholds := []float64{0.2, 0.225, 0.25, 0.275, 0.3, 0.325, 0.35}
	for _, v := range sweepVariants() {
		for _, th := range thresholds {
			cfg := v.cfg
			cfg.Threshold = th
			var b strings.Builder
			fmt.Fprintf(&b, "%-24s %.3f", v.name, th)
			for _, m := range modes {
				f1s, _ := orderScores(cfg, corpus{m.name, m.arts, tuned.gold})
				lo, mean := minMean(f1s)
				fmt.Fprintf(&b, "  %s %.3f/%.3f", m.name[:3], mean, lo)
			}
			bad, pairs := impossiblePairs(Partition(cfg, pol, nil), loadPolnear(t), 7)
			fmt.Fprintf(&b, "  polnear %d/%d", bad, pairs)
			fmt.Println(b.String())
		}
	}
}

type sweepVariant struct {
	name string
	cfg  Config
}

func sweepVariants() []sweepVariant {
	base := DefaultConfig()
	vs := []sweepVariant{{"default", base}}
	add := func(name string, f func(*Config)) {
		c := base
		f(&c)
		vs = append(vs, sweepVariant{name, c})
	}
	// PARALLAX_SWEEP_VARIANTS: variants separated by ";", each a list of
	// name=value settings separated by ",".
	for _, spec := range strings.Split(os.Getenv("PARALLAX_SWEEP_VARIANTS"), ";") {
		if spec != "" {
			add(spec, func(c *Config) { applySettings(c, spec) })
		}
	}
	return vs
}

// applySettings sets Config fields from "name=value,…" (float fields and
// LeadWords; durations in days).
func applySettings(c *Config, spec string) {
	for _, kv := range strings.Split(spec, ",") {
		name, val, _ := strings.Cut(kv, "=")
		var x float64
		if _, err := fmt.Sscan(val, &x); err != nil {
			panic(kv)
		}
		day := time.Duration(x * 24 * float64(time.Hour))
		switch name {
		case "nth":
			c.NameThreshold = x
		case "ubonus":
			c.URLBonus = x
		case "members":
			c.Members = int(x)
		case "ent":
			c.EntityWeight = x
		case "title":
			c.TitleWeight = x
		case "pen":
			c.TimePenalty = x
		case "bonus":
			c.DatedBonus = x
		case "lead":
			c.LeadWords = int(x)
		case "n0":
			c.BackgroundDocs = x
		case "grace":
			c.TimeGrace = day
		case "window":
			c.Window = day
		default:
			panic(name)
		}
	}
}
