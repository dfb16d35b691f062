package cluster

import (
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	"parallax/internal/eval"
	"parallax/internal/model"
)

// TestBasilSweep prints B³ F1 (mean and minimum over the file order and
// the shuffled orders) for a grid of parameters, with and without published
// dates. It is how DefaultConfig was chosen; run it with PARALLAX_SWEEP=1.
func TestBasilSweep(t *testing.T) {
	if os.Getenv("PARALLAX_SWEEP") == "" {
		t.Skip("set PARALLAX_SWEEP=1")
	}
	arts, gold := loadBasil(t)
	modes := []struct {
		name string
		arts []model.Article
	}{{"published", arts}, {"undated", undated(arts)}}
	orders := [][]int{nil}
	for _, s := range stabilitySeeds {
		orders = append(orders, shuffled(len(arts), s))
	}
	thresholds := []float64{0.15, 0.2, 0.225, 0.25, 0.275, 0.3, 0.325, 0.35, 0.4, 0.45}
	for _, v := range sweepVariants() {
		var b strings.Builder
		fmt.Fprintf(&b, "%-24s", v.name)
		for _, m := range modes {
			fmt.Fprintf(&b, " %s:", m.name[:3])
			for _, th := range thresholds {
				cfg := v.cfg
				cfg.Threshold = th
				mean, lo := 0.0, 1.0
				for _, o := range orders {
					_, _, f := eval.B3(Partition(cfg, m.arts, o), gold)
					mean += f / float64(len(orders))
					lo = min(lo, f)
				}
				fmt.Fprintf(&b, " %.3f/%.3f", mean, lo)
			}
		}
		fmt.Println(b.String())
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
