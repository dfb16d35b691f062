package extract_test

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"

	"parallax/internal/cputime"
	"parallax/internal/enrich"
	"parallax/internal/extract"
	"parallax/internal/source"
	"parallax/internal/testshared"
)

// devPage is one extraction-dev HTML page, decoded as the source stage
// decodes it (not timed).
type devPage struct{ url, html string }

// loadDevPages reads the extraction-dev pages in place (gzipped HTML with
// their URLs in gold.json), in ID order; it skips when they are absent.
func loadDevPages(b *testing.B) []devPage {
	b.Helper()
	dir := testshared.Dir(b, "datasets", "extraction-dev")
	raw, err := os.ReadFile(filepath.Join(dir, "gold.json"))
	if err != nil {
		b.Fatal(err)
	}
	var gold map[string]struct {
		URL string `json:"url"`
	}
	if err := json.Unmarshal(raw, &gold); err != nil {
		b.Fatal(err)
	}
	files, _ := filepath.Glob(filepath.Join(dir, "html", "*.html.gz"))
	sort.Strings(files)
	var pages []devPage
	for _, f := range files {
		z, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		zr, err := gzip.NewReader(bytes.NewReader(z))
		if err != nil {
			b.Fatal(err)
		}
		data, err := io.ReadAll(zr)
		if err != nil {
			b.Fatal(err)
		}
		text, err := source.Decode(data, "")
		if err != nil {
			b.Fatal(err)
		}
		id := strings.TrimSuffix(filepath.Base(f), ".html.gz")
		pages = append(pages, devPage{gold[id].URL, text})
	}
	if len(pages) == 0 {
		b.Skip("no extraction-dev pages")
	}
	return pages
}

// BenchmarkDevPages compares, on the 91 extraction-dev pages, go-trafilatura
// alone (parse, ExtractDocument with the options FromHTML gives it) with
// what ingest does of a page: extraction (trafilatura, our paragraphs,
// fallbacks, language) and enrichment. Run on one core:
//
//	go test ./internal/extract -run '^$' -bench DevPages -cpu 1 -count 3
//
// pages/s is the figure to compare (issue 16: ours ≥ 0.9 × trafilatura's).
// On a shared machine the separate runs drift with the load; "pair"
// alternates the two on every page and reports the ratio of their CPU
// times (ratio-cpu: our pages/s ÷ trafilatura's) and of their wall times.
func BenchmarkDevPages(b *testing.B) {
	pages := loadDevPages(b)
	run := func(b *testing.B, fn func(p devPage)) {
		for b.Loop() {
			for _, p := range pages {
				fn(p)
			}
		}
		b.ReportMetric(float64(b.N*len(pages))/b.Elapsed().Seconds(), "pages/s")
	}
	b.Run("trafilatura", func(b *testing.B) { run(b, trafilaturaAlone) })
	b.Run("extract", func(b *testing.B) {
		run(b, func(p devPage) {
			extract.Document(source.Doc{Kind: source.KindHTML, Source: p.url, Text: p.html})
		})
	})
	b.Run("extract+enrich", func(b *testing.B) { run(b, ingestPage) })
	b.Run("pair", func(b *testing.B) {
		var cpuT, cpuO, wallT, wallO time.Duration
		for b.Loop() {
			for _, p := range pages {
				c0, w0 := cputime.Process(), time.Now()
				trafilaturaAlone(p)
				c1, w1 := cputime.Process(), time.Now()
				ingestPage(p)
				c2, w2 := cputime.Process(), time.Now()
				cpuT, cpuO = cpuT+c1-c0, cpuO+c2-c1
				wallT, wallO = wallT+w1.Sub(w0), wallO+w2.Sub(w1)
			}
		}
		n := float64(b.N * len(pages))
		if cpuO > 0 {
			b.ReportMetric(n/cpuT.Seconds(), "trafilatura-pages/cpu-s")
			b.ReportMetric(n/cpuO.Seconds(), "ours-pages/cpu-s")
			b.ReportMetric(cpuT.Seconds()/cpuO.Seconds(), "ratio-cpu")
		}
		b.ReportMetric(wallT.Seconds()/wallO.Seconds(), "ratio-wall")
	})
}

// trafilaturaAlone is what FromHTML asks of go-trafilatura: the page
// parsed, and its article extracted with FromHTML's options.
func trafilaturaAlone(p devPage) {
	doc, err := html.Parse(strings.NewReader(p.html))
	if err != nil {
		return
	}
	opts := trafilatura.Options{EnableFallback: true, ExcludeComments: true, HtmlDateMode: trafilatura.Fast}
	if u, err := url.Parse(p.url); err == nil && u.Host != "" {
		opts.OriginalURL = u
	}
	trafilatura.ExtractDocument(doc, opts)
}

// ingestPage is what ingest does with a decoded page: extract, enrich.
func ingestPage(p devPage) {
	a, err := extract.Document(source.Doc{Kind: source.KindHTML, Source: p.url, Text: p.html})
	if err == nil {
		enrich.Article(a)
	}
}
