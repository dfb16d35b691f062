package web

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"parallax/internal/model"
	"parallax/internal/store"
)

// quoteStore is what speakerOfMany writes: articles, their quotations
// and the speaker's record.
type quoteStore interface {
	Store
	PutArticle(ctx context.Context, a model.Article) (int64, store.Outcome, error)
	PutStoryIndex(ctx context.Context, idx store.StoryIndex) error
	PutFamily(ctx context.Context, p store.PendingFamily, ents []model.CorpusEntity) error
}

// quotedArticles is how many articles speakerOfMany stores, one quotation
// each: more than a page.
const quotedArticles = quotesPerPage + 40

// speakerOfMany stores quotedArticles articles an hour apart, each
// quoting Ilse Morrow once: every statement in one article but one, which
// the articles at the first page's edge (places 99 to 101, latest first)
// carry. It returns the speaker's record and those three articles,
// earliest first.
func speakerOfMany(t *testing.T, db quoteStore) (int64, []int64) {
	t.Helper()
	ctx := t.Context()
	outlets := []string{"Harbour Wire", "Fenmoor Post", "Corvane Courier"}
	edge := quotesPerPage - 1 // the place of the shared statement's latest
	idx := store.StoryIndex{StoryID: 1}
	var shared []int64
	for i := range quotedArticles {
		at := time.Date(2026, 4, 1, 0, 0, 0, 0, time.UTC).Add(time.Duration(i) * time.Hour)
		id, _, err := db.PutArticle(ctx, model.Article{Source: fmt.Sprint("q", i), Outlet: outlets[i%3],
			Published: at.Format(time.RFC3339), Title: fmt.Sprint("Morrow speaks, part ", i), Body: "The quay council met."})
		if err != nil {
			t.Fatal(err)
		}
		place := quotedArticles - 1 - i // latest first
		text := statement(i)
		if place >= edge && place <= edge+2 {
			text = statement(-1)
			shared = append(shared, id)
		}
		idx.ArticleIDs = append(idx.ArticleIDs, id)
		idx.Quotes = append(idx.Quotes, store.QuoteRow{ArticleID: id, StoryID: 1,
			Quote: model.Quote{Text: text, Speaker: "Ilse Morrow", SpeakerKey: "ilse morrow", Verb: "said"}})
	}
	if err := db.PutStoryIndex(ctx, idx); err != nil {
		t.Fatal(err)
	}
	if err := db.PutFamily(ctx, store.PendingFamily{Family: "person:morrow", Mark: 1}, []model.CorpusEntity{{Key: "ilse morrow",
		Name: "Ilse Morrow", Type: model.Person, Keys: []string{"ilse morrow"}, Articles: quotedArticles, Mentions: quotedArticles}}); err != nil {
		t.Fatal(err)
	}
	found, err := db.FindEntities(ctx, []string{"person:morrow"}, 1)
	if err != nil || len(found) != 1 {
		t.Fatalf("FindEntities = %+v, %v", found, err)
	}
	return found[0].ID, shared
}

// statement is the i-th statement's wording, no word shared with
// another's (-1: the one several articles carry).
func statement(i int) string {
	stem := string(rune('b'+(i+1)/20)) + string(rune('a'+(i+1)%20))
	var words []string
	for _, end := range []string{"rindel", "tosmar", "melvak", "dorkel", "sundra", "quenol"} {
		words = append(words, stem+end)
	}
	return strings.Join(words, " ")
}

func TestEntityQuotePages(t *testing.T) {
	checkEntityQuotePages(t, mustOpen(t, filepath.Join(t.TempDir(), "q.db")))
}

// checkEntityQuotePages reads a speaker of more quotations than a page a
// page at a time: each statement once, on the page of its latest
// quotation, with every wording within reach and the outlet that carried
// it first, even across the page's edge.
func checkEntityQuotePages(t *testing.T, db quoteStore) {
	id, shared := speakerOfMany(t, db)
	h := newHandler(t, Config{Store: db})
	api := fmt.Sprintf("/api/entities/%d", id)
	for _, tc := range []struct {
		query       string
		page, count int
		next        string
		sharedAt    int // the shared statement's place among the page's, -1: not there
	}{
		{"", 1, quotesPerPage, api + "?page=2", quotesPerPage - 1},
		{"?page=2", 2, quotedArticles - quotesPerPage - 2, "", -1},
		{"?page=9", 2, quotedArticles - quotesPerPage - 2, "", -1}, // past the end: the last
	} {
		res, body := get(t, h, api+tc.query)
		var d struct {
			Quotations  []apiQuotation `json:"quotations"`
			Page, Total int
			Next        string
		}
		if err := json.Unmarshal([]byte(body), &d); err != nil || res.StatusCode != http.StatusOK {
			t.Fatalf("%s: %d, %v", tc.query, res.StatusCode, err)
		}
		if d.Page != tc.page || d.Total != quotedArticles || d.Next != tc.next || len(d.Quotations) != tc.count {
			t.Errorf("%s: page %d, total %d, next %q, %d statements; want %d, %d, %q, %d",
				tc.query, d.Page, d.Total, d.Next, len(d.Quotations), tc.page, quotedArticles, tc.next, tc.count)
		}
		at := slices.IndexFunc(d.Quotations, func(q apiQuotation) bool { return q.Text == statement(-1) })
		if at != tc.sharedAt {
			t.Errorf("%s: shared statement at %d, want %d", tc.query, at, tc.sharedAt)
			continue
		}
		if at >= 0 {
			q := d.Quotations[at]
			ids := slices.Sorted(slices.Values(q.ArticleIDs))
			if !slices.Equal(ids, shared) || q.EarliestArticleID != shared[0] {
				t.Errorf("shared statement carried by %v, first %d; want %v, first %d", ids, q.EarliestArticleID, shared, shared[0])
			}
		}
		// Latest first: the page's first is the article at its first place
		// (page 2's first two places carry the shared statement).
		first := quotedArticles - 1 - (tc.page-1)*quotesPerPage - 2*(tc.page-1)
		if len(d.Quotations) == 0 || d.Quotations[0].Text != statement(first) {
			t.Errorf("%s: first statement is not the latest", tc.query)
		}
	}
	if res, _ := get(t, h, api+"?page=0"); res.StatusCode != http.StatusBadRequest {
		t.Errorf("page 0: %d, want 400", res.StatusCode)
	}
	_, page := get(t, h, fmt.Sprintf("/entities/%d?page=2", id))
	for _, want := range []string{fmt.Sprintf("Quotations %d–%d of %d", quotesPerPage+1, quotedArticles, quotedArticles),
		fmt.Sprintf(`<a rel="prev" href="/entities/%d#quotes">newer</a>`, id)} {
		if !strings.Contains(page, want) {
			t.Errorf("page 2 lacks %q", want)
		}
	}
	if _, first := get(t, h, fmt.Sprintf("/entities/%d", id)); !strings.Contains(first, fmt.Sprintf(`href="/entities/%d?page=2#quotes">older</a>`, id)) {
		t.Errorf("page 1 lacks its link to page 2")
	}
}
