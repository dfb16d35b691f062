package web

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"parallax/internal/model"
	"parallax/internal/store"
	"parallax/internal/store/sqlite"
	"parallax/internal/store/storetest"
)

// Every string below is hostile: if any reached the page as markup, the
// browser would set window.pwned.
const (
	hostileTitle = `<script>window.pwned=1</script><img src=x onerror="window.pwned=2">Ferry strike ends`
	hostileBody  = "Talks ended at dawn. <script>window.pwned=3</script>\n\n" +
		`Read <a href="javascript:window.pwned=4">more</a> " onmouseover="window.pwned=5" x="` + "\n\n" +
		`The union leader Ilsa Marrow said "<b onclick=window.pwned=8>we won</b>" after the vote.`
	hostileURL    = "javascript:window.pwned=6"
	hostileOutlet = `<i onclick="window.pwned=9">Harbour Wire</i>`
	hostileStory  = int64(9000)
)

// putHostile stores an article whose every field carries markup, places it
// in a story with a report made of the same, and returns its ID.
func putHostile(tb testing.TB, db *sqlite.DB) int64 {
	tb.Helper()
	ctx := context.Background()
	a := model.Article{
		Source: "javascript:window.pwned=10", URL: hostileURL, Title: hostileTitle, Outlet: hostileOutlet,
		Authors: []string{`<script>window.pwned=11</script>`}, Published: "2026-04-02T09:00:00Z", Body: hostileBody,
		Enrichment: &model.Enrichment{
			Entities: []model.Entity{{Name: "Ilsa Marrow", Key: "marrow", Type: model.Person, Aliases: []string{`<svg onload=window.pwned=12>`}}},
			Quotes: []model.Quote{{Text: `<b onclick=window.pwned=8>we won</b>`, Speaker: `"><script>window.pwned=13</script>`,
				Verb: "said", Paragraph: 2}},
		},
	}
	id, _, err := db.PutArticle(ctx, a)
	if err != nil {
		tb.Fatal(err)
	}
	st := model.Story{ID: hostileStory, StorylineID: hostileStory, Title: hostileTitle, ArticleIDs: []int64{id},
		Outlets: []string{hostileOutlet}, FirstPublished: "2026-04-02", LastPublished: "2026-04-02", Independent: 1, IndependentOutlets: 1}
	storetest.Commit(tb, db, store.PlacementBatch{Stories: []model.Story{st},
		Placements: []model.Placement{{ArticleID: id, StoryID: hostileStory, NewStory: true, Seq: 99999}}})
	evil := `<script>window.pwned=14</script><a href="javascript:window.pwned=15">x</a>`
	sent := []model.Sentence{{ArticleID: id, Outlet: hostileOutlet, Text: evil}}
	r := model.Report{StoryID: hostileStory,
		Claims:        []model.Claim{{Text: evil, ArticleIDs: []int64{id}, Outlets: []string{hostileOutlet, evil}, Sentences: sent}},
		Quotes:        []model.QuoteGroup{{Speaker: evil, Text: evil, ArticleIDs: []int64{id}, Speakers: []string{evil, "x"}, Variants: []model.QuoteVariant{{Text: evil, ArticleIDs: []int64{id}, Diff: []model.DiffPart{{Op: "-", Text: evil}, {Op: "+", Text: evil}, {Op: evil, Text: evil}}}}}},
		Discrepancies: []model.Discrepancy{{Kind: evil, Subject: evil, Values: []model.DiscrepancyValue{{Value: evil, ArticleIDs: []int64{id}, Sentences: sent}}}},
		Framing:       []model.Framing{{Outlet: evil, Names: []model.NameChoice{{Key: evil, Used: evil, Others: []string{evil}}}, Loaded: []string{evil}, ScareQuotes: []string{evil}}},
		Timeline:      []model.TimelineEvent{{Date: "2026-04-01", Text: evil, ArticleIDs: []int64{id}}, {Date: evil, Text: evil}},
		Summary:       []model.SummarySentence{{Text: evil, ArticleIDs: []int64{id}, Outlets: []string{evil}}},
	}
	if err := db.PutReport(ctx, hostileStory, "x", r); err != nil {
		tb.Fatal(err)
	}
	return id
}

func TestHostileContentIsInert(t *testing.T) {
	db, _ := corpusStore(t)
	id := putHostile(t, db)
	h := newHandler(t, Config{Store: db})
	pages := []string{"/", fmt.Sprintf("/articles/%d", id), fmt.Sprintf("/stories/%d", hostileStory), "/outlets",
		"/search?q=ferry+strike", "/search?q=%3Cscript%3Ewindow.pwned%3D1", "/?q=%3Cscript%3E&outlet=%22%3E%3Cscript%3E"}
	for _, p := range pages {
		res, body := get(t, h, p)
		if res.StatusCode != 200 {
			t.Fatalf("%s: status %d", p, res.StatusCode)
		}
		assertInert(t, p, body)
	}
	_, body := get(t, h, fmt.Sprintf("/articles/%d", id))
	for _, want := range []string{"&lt;script&gt;window.pwned=1&lt;/script&gt;", "&lt;script&gt;window.pwned=3", "javascript:window.pwned=6"} {
		if !strings.Contains(body, want) {
			t.Errorf("article page does not show %q as text", want)
		}
	}
	var b strings.Builder
	arts, _ := db.StoryArticles(t.Context(), hostileStory)
	st, _ := db.Story(t.Context(), hostileStory)
	rep, _, _ := db.Report(t.Context(), hostileStory)
	if err := StoryPage(&b, st, arts, &rep); err != nil {
		t.Fatal(err)
	}
	assertInertStandalone(t, b.String())
}

// assertInert fails when the page holds a script element, an event
// handler attribute, or a URL attribute with a scheme other than http(s)
// or a same-site path.
func assertInert(t *testing.T, name, page string) {
	t.Helper()
	z := html.NewTokenizer(strings.NewReader(page))
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			return
		}
		if tt != html.StartTagToken && tt != html.SelfClosingTagToken {
			continue
		}
		tok := z.Token()
		if tok.Data == "script" || tok.Data == "iframe" || tok.Data == "object" || tok.Data == "embed" {
			t.Errorf("%s: <%s> element on the page", name, tok.Data)
		}
		if tok.Data == "img" {
			t.Errorf("%s: <img> element on the page", name)
		}
		for _, a := range tok.Attr {
			if strings.HasPrefix(strings.ToLower(a.Key), "on") {
				t.Errorf("%s: event handler attribute %s=%q on <%s>", name, a.Key, a.Val, tok.Data)
			}
			switch strings.ToLower(a.Key) {
			case "href", "src", "action", "formaction", "xlink:href":
				v := strings.ToLower(strings.TrimSpace(a.Val))
				if !strings.HasPrefix(v, "/") && !strings.HasPrefix(v, "#") && !strings.HasPrefix(v, "http://") && !strings.HasPrefix(v, "https://") {
					t.Errorf("%s: <%s %s=%q>", name, tok.Data, a.Key, a.Val)
				}
			}
		}
	}
}

func assertInertStandalone(t *testing.T, page string) {
	t.Helper()
	assertInert(t, "standalone", page)
	if strings.Contains(page, "<script") {
		t.Error("standalone page holds a script tag")
	}
}
