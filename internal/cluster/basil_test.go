package cluster

import (
	"bufio"
	"encoding/json"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"parallax/internal/eval"
	"parallax/internal/model"
)

// The BASIL corpus: 150 articles, 50 events, each reported by three outlets
// (2010–2014). Read in place, never copied.
var basilDir = filepath.Join("..", "..", "..", "shared", "datasets")

// loadBasil reads the articles (IDs 1… in file order) and the gold event
// of each, keyed by article ID; it skips the test when the data is absent.
func loadBasil(t testing.TB) ([]model.Article, map[string]string) {
	t.Helper()
	arts := readJSONL(t, filepath.Join(basilDir, "basil-2010-2014-articles.jsonl"))
	labels := readJSONL(t, filepath.Join(basilDir, "basil-2010-2014-labels.jsonl"))
	event := make(map[string]string)
	for _, l := range labels {
		event[l["id"]] = l["event"]
	}
	var out []model.Article
	gold := make(map[string]string)
	for i, r := range arts {
		id := int64(i + 1)
		out = append(out, model.Article{ID: id, URL: r["url"], Title: r["title"], Outlet: r["outlet"], Published: r["published"], Body: r["text"]})
		gold[strconv.FormatInt(id, 10)] = event[r["id"]]
	}
	return out, gold
}

func readJSONL(t testing.TB, path string) []map[string]string {
	t.Helper()
	f, err := os.Open(path)
	if os.IsNotExist(err) {
		t.Skipf("dataset absent: %s", path)
	}
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []map[string]string
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for sc.Scan() {
		var raw map[string]any
		if err := json.Unmarshal(sc.Bytes(), &raw); err != nil {
			t.Fatal(err)
		}
		r := make(map[string]string)
		for k, v := range raw {
			if s, ok := v.(string); ok {
				r[k] = s
			}
		}
		out = append(out, r)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// undated returns the articles without their published dates.
func undated(arts []model.Article) []model.Article {
	out := make([]model.Article, len(arts))
	for i, a := range arts {
		a.Published = ""
		out[i] = a
	}
	return out
}

// shuffled returns a permutation of 0…n-1 from a fixed seed.
func shuffled(n int, seed uint64) []int {
	p := make([]int, n)
	for i := range p {
		p[i] = i
	}
	r := rand.New(rand.NewPCG(seed, 0))
	r.Shuffle(n, func(i, j int) { p[i], p[j] = p[j], p[i] })
	return p
}

var stabilitySeeds = []uint64{1, 2, 3, 4, 5}

// TestBasil asserts the B³ targets, in file order and in shuffled orders,
// with and without published dates.
func TestBasil(t *testing.T) {
	arts, gold := loadBasil(t)
	cfg := DefaultConfig()
	for _, tc := range []struct {
		name string
		arts []model.Article
		want float64
	}{
		{"published", arts, 0.97},
		{"undated", undated(arts), 0.95},
	} {
		t.Run(tc.name, func(t *testing.T) {
			orders := [][]int{nil}
			for _, s := range stabilitySeeds {
				orders = append(orders, shuffled(len(tc.arts), s))
			}
			for i, o := range orders {
				p, r, f := eval.B3(Partition(cfg, tc.arts, o), gold)
				t.Logf("order %d: B3 P=%.4f R=%.4f F1=%.4f", i, p, r, f)
				if f < tc.want {
					t.Errorf("order %d: B3 F1 %.4f < %.2f", i, f, tc.want)
				}
			}
		})
	}
}

// TestBasilOrderStability asserts that shuffling the input changes the
// stories little: B³ between each shuffled order's partition and the file
// order's.
func TestBasilOrderStability(t *testing.T) {
	arts, _ := loadBasil(t)
	cfg := DefaultConfig()
	for _, tc := range []struct {
		name string
		arts []model.Article
	}{{"published", arts}, {"undated", undated(arts)}} {
		t.Run(tc.name, func(t *testing.T) {
			for _, s := range stabilitySeeds {
				f := OrderAgreement(cfg, tc.arts, nil, shuffled(len(tc.arts), s))
				t.Logf("seed %d: B3 F1 between orders %.4f", s, f)
				if f < 0.95 {
					t.Errorf("seed %d: order agreement %.4f < 0.95", s, f)
				}
			}
		})
	}
}
