package postgres

import (
	"context"
	"fmt"
	"math/rand/v2"
	"net/url"
	"strings"
	"sync"
	"testing"

	"parallax/internal/model"
	"parallax/internal/store"

	"parallax/internal/store/pgtest"
	"parallax/internal/store/storetest"
)

func TestMain(m *testing.M) { pgtest.Main(m) }

// open opens a store in a fresh schema of the test server.
func open(t *testing.T) *DB {
	t.Helper()
	db, err := Open(context.Background(), pgtest.URL(t))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

func TestContract(t *testing.T) {
	storetest.Run(t, func(t *testing.T) storetest.Store { return open(t) })
	storetest.RunIndex(t, func(t *testing.T) storetest.IndexStore { return open(t) })
}

func TestMigrations(t *testing.T) {
	ctx := context.Background()
	url := pgtest.URL(t)
	for i := 0; i < 2; i++ { // reopening applies nothing twice
		db, err := Open(ctx, url)
		if err != nil {
			t.Fatalf("open %d: %v", i, err)
		}
		var v int
		if err := db.pool.QueryRow(ctx, `SELECT version FROM schema_version`).Scan(&v); err != nil || v != len(migrations) {
			t.Fatalf("schema version = %d, %v; want %d", v, err, len(migrations))
		}
		if i == 1 {
			if _, err := db.pool.Exec(ctx, `UPDATE schema_version SET version = version + 1`); err != nil {
				t.Fatal(err)
			}
		}
		db.Close()
	}
	if _, err := Open(ctx, url); err == nil || !strings.Contains(err.Error(), "newer") {
		t.Fatalf("opening a newer schema: err = %v; want a refusal", err)
	}
}

func TestPathHidesPassword(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"postgres://ana:s3cret@db.example:5432/px?sslmode=disable", "postgres://ana@db.example:5432/px?sslmode=disable"},
		{"postgresql://ana@db.example/px", "postgresql://ana@db.example/px"},
		{"postgres://db.example/px?password=s3cret&user=ana", "postgres://db.example/px?user=ana"},
		{"host=db.example password=s3cret user=ana", "host=db.example password=xxxxx user=ana"},
		{"host=db.example password='a b' user=ana", "host=db.example password=xxxxx user=ana"},
	} {
		if got := redact(tc.in); got != tc.want || strings.Contains(got, "s3cret") {
			t.Errorf("redact(%q) = %q; want %q", tc.in, got, tc.want)
		}
	}
}

// TestCleansTextPostgresCannotHold: NUL bytes and invalid UTF-8 (which PostgreSQL
// text cannot hold) are cleaned on the way in, and the article stays
// idempotent because its fingerprint is taken before.
func TestCleansTextPostgresCannotHold(t *testing.T) {
	ctx := context.Background()
	db := open(t)
	a := model.Article{Source: "nul.txt", Title: "Tide\x00 table", Outlet: "Quay \xff News", Body: "High water at 06:10.\x00"}
	id, o, err := db.PutArticle(ctx, a)
	if err != nil || o != store.New {
		t.Fatalf("put = %d, %v, %v", id, o, err)
	}
	if _, o, err := db.PutArticle(ctx, a); err != nil || o != store.Unchanged {
		t.Fatalf("second put = %v, %v; want unchanged", o, err)
	}
	got, err := db.Article(ctx, id)
	if err != nil || got.Title != "Tide table" || got.Outlet != "Quay \uFFFD News" || got.Body != "High water at 06:10." {
		t.Fatalf("Article = %+v, %v", got, err)
	}
}

// TestConcurrentWriters: writers racing with the same pages store each
// page once, and a reader meanwhile sees whole articles only.
func TestConcurrentWriters(t *testing.T) {
	ctx := context.Background()
	db := open(t)
	const writers, pages = 4, 25
	var wg sync.WaitGroup
	news := make([]int, writers)
	errs := make(chan error, writers+1)
	for w := range writers {
		wg.Go(func() {
			for i := range pages {
				a := model.Article{Source: fmt.Sprintf("w%d/%d.txt", w, i), URL: fmt.Sprintf("https://quay.example/%d", i),
					Title: fmt.Sprint("Tide report ", i), Body: fmt.Sprint("Water rose by ", i, " centimetres.")}
				_, o, err := db.PutArticle(ctx, a)
				if err != nil {
					errs <- err
					return
				}
				if o == store.New {
					news[w]++
				}
			}
		})
	}
	wg.Go(func() {
		for range 20 {
			as, err := db.Articles(ctx)
			if err != nil {
				errs <- err
				return
			}
			for _, a := range as {
				if a.Body == "" {
					errs <- fmt.Errorf("partial article %+v", a)
					return
				}
			}
		}
	})
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}
	all, err := db.Articles(ctx)
	total := 0
	for _, n := range news {
		total += n
	}
	if err != nil || len(all) != pages || total != pages {
		t.Fatalf("stored %d articles (%d reported new), %v; want %d", len(all), total, err, pages)
	}
}

// FuzzRedact: whatever the user name and password, the redacted URL keeps
// the user and loses the password.
func FuzzRedact(f *testing.F) {
	f.Add("ana", "s3cret")
	f.Add("a@b", "p:w/d?x#y")
	f.Fuzz(func(t *testing.T, user, pass string) {
		if len(pass) < 4 || strings.Contains(user, pass) || strings.Contains("postgres://@db.example/px", pass) {
			t.Skip()
		}
		u := url.URL{Scheme: "postgres", User: url.UserPassword(user, pass), Host: "db.example", Path: "/px"}
		got := redact(u.String())
		back, err := url.Parse(got)
		if err != nil {
			t.Fatalf("redact(%q) = %q: %v", u.String(), got, err)
		}
		if _, has := back.User.Password(); has || back.User.Username() != user {
			t.Fatalf("redact(%q) = %q", u.String(), got)
		}
	})
}

// TestPutArticlesBatch: a batch is stored as PutArticle stores each
// article; an article the server refuses for its own values (a key too
// long for its index) fails alone and the others are stored; ArticlesByID
// reads them back in the order asked.
func TestPutArticlesBatch(t *testing.T) {
	ctx := context.Background()
	db := open(t)
	// Incompressible, so its index entry exceeds a btree page's third.
	long := make([]byte, 6000)
	r := rand.New(rand.NewPCG(1, 2))
	for i := range long {
		long[i] = "0123456789abcdef"[r.IntN(16)]
	}
	arts := []model.Article{
		{URL: "https://a.example/1", Title: "One", Body: "First body."},
		{URL: "https://a.example/1", Title: "One", Body: "First body."},
		{URL: "https://a.example/" + string(long), Title: "Too long", Body: "Refused."},
		{URL: "https://a.example/2", Title: "Two", Body: "Second body."},
	}
	puts, err := db.PutArticles(ctx, arts, nil)
	if err != nil {
		t.Fatal(err)
	}
	want := []store.Outcome{store.New, store.Unchanged, store.New, store.New}
	for i, p := range puts {
		if refused := i == 2; (p.Err != nil) != refused || (!refused && p.Outcome != want[i]) {
			t.Errorf("article %d: %+v; want outcome %v, refused %v", i, p, want[i], refused)
		}
	}
	if puts[0].ID != puts[1].ID || puts[3].ID == puts[0].ID {
		t.Errorf("IDs %d %d %d; want the first two equal, the last another", puts[0].ID, puts[1].ID, puts[3].ID)
	}
	got, err := db.ArticlesByID(ctx, []int64{puts[3].ID, 999999, puts[0].ID})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || got[0].Title != "Two" || got[1].Title != "One" {
		t.Errorf("ArticlesByID = %+v; want Two, One", got)
	}
}

// TestDerivedWritesAllOrNothing: a derived write sent as one batch (an
// implicit transaction) or begun with its reads leaves nothing of itself
// when a statement in it fails: not the statements before, not the
// clearing of its pending mark.
func TestDerivedWritesAllOrNothing(t *testing.T) {
	ctx := context.Background()
	db := open(t)
	long := make([]byte, 6000) // too long for a btree entry, as in TestPutArticlesBatch
	r := rand.New(rand.NewPCG(3, 4))
	for i := range long {
		long[i] = "0123456789abcdef"[r.IntN(16)]
	}
	ok := model.CorpusEntity{Type: model.Person, Key: "mara voss", Name: "Mara Voss", Keys: []string{"mara voss"}, Articles: 1}
	if _, err := db.pool.Exec(ctx, `INSERT INTO pending_families (family, mark) VALUES ('person:voss', 1)`); err != nil {
		t.Fatal(err)
	}
	if err := db.PutFamily(ctx, store.PendingFamily{Family: "person:voss", Mark: 1}, []model.CorpusEntity{ok}); err != nil {
		t.Fatal(err)
	}
	if _, err := db.pool.Exec(ctx, `INSERT INTO pending_families (family, mark) VALUES ('person:voss', 2)`); err != nil {
		t.Fatal(err)
	}
	renamed, bad := ok, ok
	renamed.Name = "M. Voss"
	bad.Key, bad.Keys = string(long), []string{string(long)}
	if err := db.PutFamily(ctx, store.PendingFamily{Family: "person:voss", Mark: 2}, []model.CorpusEntity{renamed, bad}); err == nil {
		t.Fatal("PutFamily with a refused record succeeded")
	}
	var name string
	var keys, marks int
	err := db.pool.QueryRow(ctx, `SELECT (SELECT name FROM entities WHERE key = 'mara voss'), (SELECT count(*) FROM entity_keys),
		(SELECT count(*) FROM pending_families)`).Scan(&name, &keys, &marks)
	if err != nil || name != "Mara Voss" || keys != 1 || marks != 1 {
		t.Errorf("after a failed PutFamily: name %q, %d keys, %d marks, %v; want the first records and the mark kept", name, keys, marks, err)
	}

	a, _, err := db.PutArticle(ctx, model.Article{URL: "https://a.example/1", Title: "One", Body: "Body."})
	if err != nil {
		t.Fatal(err)
	}
	row := func(key string) store.EntityRow {
		return store.EntityRow{ArticleID: a, StoryID: 1, Family: "person:" + key[:4],
			Entity: model.Entity{Type: model.Person, Key: key, Name: key, Mentions: 1}}
	}
	if err := db.PutStoryIndex(ctx, store.StoryIndex{StoryID: 1, ArticleIDs: []int64{a}, Entities: []store.EntityRow{row("mara voss")}}); err != nil {
		t.Fatal(err)
	}
	err = db.PutStoryIndex(ctx, store.StoryIndex{StoryID: 1, ArticleIDs: []int64{a},
		Entities: []store.EntityRow{row("ilse morrow"), row(string(long))}})
	if err == nil {
		t.Fatal("PutStoryIndex with a refused row succeeded")
	}
	var stored []string
	if err := db.pool.QueryRow(ctx, `SELECT array_agg(key) FROM article_entities`).Scan(&stored); err != nil || len(stored) != 1 || stored[0] != "mara voss" {
		t.Errorf("after a failed PutStoryIndex: rows %q, %v; want the first", stored, err)
	}
	if fs, err := db.PendingFamilies(ctx); err != nil || len(fs) != 2 {
		t.Errorf("pending families %+v, %v; want the two marked before", fs, err)
	}
}

// TestPutArticlesAsOneByOne: a batch sent together (putArticles) ends as
// the same articles stored one at a time would: batches of 40 drawn from
// a few keys and bodies, so that an article repeats one before it in the
// batch, changes one stored in the batch before, or repeats a stored one
// under another key; with refused articles among them. Outcomes, IDs and
// rows are compared with PutArticle's, article by article, on a second
// database.
func TestPutArticlesAsOneByOne(t *testing.T) {
	ctx := context.Background()
	batched, single := open(t), open(t)
	long := make([]byte, 6000) // refused: see TestPutArticlesBatch
	r := rand.New(rand.NewPCG(7, 8))
	for i := range long {
		long[i] = "0123456789abcdef"[r.IntN(16)]
	}
	for round := range 4 {
		arts := make([]model.Article, 40)
		for i := range arts {
			url := fmt.Sprintf("https://a.example/%d", r.IntN(12))
			if r.IntN(15) == 0 {
				url += "/" + string(long)
			}
			arts[i] = model.Article{URL: url, Title: fmt.Sprintf("T%d", r.IntN(3)), Body: fmt.Sprintf("Body %d.", r.IntN(5))}
		}
		puts, err := batched.PutArticles(ctx, arts, nil)
		if err != nil {
			t.Fatal(err)
		}
		for i, a := range arts {
			id, outcome, err := single.PutArticle(ctx, a)
			p := puts[i]
			if (err != nil) != (p.Err != nil) || err == nil && (id != p.ID || outcome != p.Outcome) {
				t.Errorf("round %d article %d: batched %d %v %v, one by one %d %v %v", round, i, p.ID, p.Outcome, p.Err, id, outcome, err)
			}
		}
	}
	rows := func(db *DB) string {
		var s string
		if err := db.pool.QueryRow(ctx, `SELECT string_agg(concat_ws('|', id, key, fingerprint, url, title, body), E'\n' ORDER BY id)
			FROM articles`).Scan(&s); err != nil {
			t.Fatal(err)
		}
		return s
	}
	if b, s := rows(batched), rows(single); b != s {
		t.Errorf("articles differ:\nbatched:\n%s\none by one:\n%s", b, s)
	}
}
