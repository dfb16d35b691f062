package web

import (
	"context"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"parallax/internal/model"
	"parallax/internal/store/sqlite"
)

// FuzzParseWhen: any date string from a report either parses to a time
// the timeline can place, or is refused.
func FuzzParseWhen(f *testing.F) {
	for _, s := range []string{"2026-03-10", "2026-03", "2026", "2026-03-10T10:42:00+01:00", "", "soon", "0000-01-01", "9999-12-31T23:59:59Z"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		w, ok := parseWhen(s)
		if !ok {
			return
		}
		lo, hi := w, w.Add(24*time.Hour)
		ticks(lo, hi, func(time.Time) int { return 0 })
	})
}

// FuzzStoryPageInert: whatever text an article and its report carry, the
// standalone story page holds no script, no event handler and no link
// other than http(s), a path or a fragment.
func FuzzStoryPageInert(f *testing.F) {
	f.Add(hostileTitle, hostileBody, hostileURL, hostileOutlet, `<b onclick=x>we won</b>`, "2026-04-01")
	f.Add("Plain", "Body.\n\nMore.", "https://a.example/x", "Wire", "quote", "soon")
	f.Add(`"><svg/onload=1>`, `</style><script>1</script>`, " JaVaScRiPt:1", `'><a href=javascript:1>`, "</title><img src=x>", `"><x onmouseover=1>`)
	f.Fuzz(func(t *testing.T, title, body, url, outlet, quote, date string) {
		a := model.Article{ID: 1, Source: url, URL: url, Title: title, Outlet: outlet, Published: date, Body: body,
			Authors:    []string{outlet},
			Enrichment: &model.Enrichment{Quotes: []model.Quote{{Text: quote, Speaker: title, Verb: "said", Paragraph: 1}}}}
		s := model.Story{ID: 1, StorylineID: 1, Title: title, ArticleIDs: []int64{1}, Outlets: []string{outlet},
			FirstPublished: date, LastPublished: date, Independent: 1, IndependentOutlets: 1}
		sent := []model.Sentence{{ArticleID: 1, Outlet: outlet, Text: body}}
		r := model.Report{StoryID: 1,
			Claims:        []model.Claim{{Text: body, ArticleIDs: []int64{1}, Outlets: []string{outlet}, Sentences: sent}},
			Quotes:        []model.QuoteGroup{{Speaker: title, Text: quote, ArticleIDs: []int64{1}, Variants: []model.QuoteVariant{{Text: quote, ArticleIDs: []int64{1}, Diff: []model.DiffPart{{Op: "-", Text: quote}, {Op: "+", Text: body}}}}}},
			Discrepancies: []model.Discrepancy{{Kind: quote, Subject: title, Values: []model.DiscrepancyValue{{Value: url, ArticleIDs: []int64{1}, Sentences: sent}}}},
			Framing:       []model.Framing{{Outlet: outlet, Loaded: []string{quote}, ScareQuotes: []string{title}}},
			Timeline:      []model.TimelineEvent{{Date: date, Text: body, ArticleIDs: []int64{1}}},
			Summary:       []model.SummarySentence{{Text: body, ArticleIDs: []int64{1}, Outlets: []string{outlet}}},
		}
		var b strings.Builder
		if err := StoryPage(&b, s, []model.Article{a}, &r); err != nil {
			t.Fatal(err)
		}
		assertInertStandalone(t, b.String())
	})
}

// FuzzListURL: any query string is refused with 400 or served; never a
// server error.
func FuzzListURL(f *testing.F) {
	f.Add("/?q=%00&outlet=%ff")
	f.Add("/search?q=%22%00%22")
	f.Add("/stories/99999999999999999999")
	f.Add("/api/stories?page=0&since=2026-02-30")
	db, err := sqlite.Open(context.Background(), filepath.Join(f.TempDir(), "w.db"))
	if err != nil {
		f.Fatal(err)
	}
	f.Cleanup(func() { db.Close() })
	putHostile(f, db)
	h := newHandler(f, Config{Store: db})
	f.Fuzz(func(t *testing.T, target string) {
		if !strings.HasPrefix(target, "/") || strings.ContainsAny(target, " \t\r\n#") {
			t.Skip()
		}
		req, err := http.NewRequest("GET", "http://127.0.0.1"+target, nil)
		if err != nil {
			t.Skip()
		}
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		if rec.Code >= 500 {
			t.Fatalf("GET %s: status %d: %s", target, rec.Code, rec.Body.String())
		}
	})
}
