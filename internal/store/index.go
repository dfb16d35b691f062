package store

import (
	"cmp"
	"encoding/json"
	"slices"
	"strconv"
	"strings"

	"parallax/internal/model"
)

// The corpus index: every entity and quotation of every placed article,
// kept as rows beside the articles, and one record per person, place and
// organisation across the store. A story's rows are rewritten when its
// report is built (pipeline.BuildPending), and the records of the entity
// families those rows touch are rebuilt from all rows of the family: see
// docs/ARCHITECTURE.md.

// EntityRow is one entity as one article names it.
type EntityRow struct {
	ArticleID int64
	N         int // its place among the article's entities
	StoryID   int64
	// Family groups the rows whose keys may join into one record (the
	// type and the loosely folded family name): a record is rebuilt from
	// its family's rows alone.
	Family string
	Entity model.Entity
}

// QuoteRow is one quotation of one article.
type QuoteRow struct {
	ArticleID int64
	StoryID   int64
	N         int // its place among the article's quotations
	Quote     model.Quote
}

// StoryIndex replaces the index rows of a story's articles.
type StoryIndex struct {
	StoryID    int64
	ArticleIDs []int64 // every member: their old rows go
	Entities   []EntityRow
	Quotes     []QuoteRow
}

// PendingFamily is an entity family whose records must be rebuilt; Mark
// works as PendingReport's.
type PendingFamily struct {
	Family string
	Mark   int64
}

// FamilyRecords are one family's records as rebuilt from its rows
// (enrich.CorpusEntities), with the mark that asked for them.
type FamilyRecords struct {
	Pending  PendingFamily
	Entities []model.CorpusEntity
}

// Entity is one record of the corpus index: a model.CorpusEntity with the
// store's ID. MergedInto is the record that now holds its key when it was
// joined into another (its page redirects there), 0 otherwise.
type Entity struct {
	ID int64 `json:"id"`
	model.CorpusEntity
	MergedInto int64 `json:"merged_into,omitempty"`
}

// TypeKey names an entity key of one type, as rows and records hold it.
func TypeKey(typ, key string) string { return typ + "\x00" + key }

// EntityMention is an entity a story or an article names, with the
// record it belongs to.
type EntityMention struct {
	EntityID int64  `json:"entity_id"`
	Name     string `json:"name"` // the record's canonical name
	Type     string `json:"type"`
	Key      string `json:"key"`      // the article's key for it
	Articles int    `json:"articles"` // the story's articles that name it
}

// NameQuery selects the names a story's articles use (StoryNames): each
// entity key with its record, the most widely named first.
type NameQuery struct {
	StoryID int64
	Keys    []string // only these keys (of any type); nil: all
	Offset  int
	Limit   int // 0: all
}

// NameCount is how a story's articles use one entity key: how many of
// them name it and how often in all. The stores keep one per story and
// key beside the index rows, written in the same transaction, so that a
// story's names are read in the order shown, a page at a time, instead of
// counted from every member's rows.
type NameCount struct {
	Type, Key          string
	Articles, Mentions int
}

// NameCounts counts the story's entity rows by key, sorted by type and
// key.
func (idx StoryIndex) NameCounts() []NameCount {
	at := map[string]int{}
	seen := map[string]bool{} // TypeKey and article: counted once
	var out []NameCount
	for _, r := range idx.Entities {
		tk := TypeKey(r.Entity.Type, r.Entity.Key)
		i, ok := at[tk]
		if !ok {
			i = len(out)
			at[tk] = i
			out = append(out, NameCount{Type: r.Entity.Type, Key: r.Entity.Key})
		}
		if ak := tk + "\x00" + strconv.FormatInt(r.ArticleID, 10); !seen[ak] {
			seen[ak] = true
			out[i].Articles++
		}
		out[i].Mentions += r.Entity.Mentions
	}
	slices.SortFunc(out, func(a, b NameCount) int { return cmp.Or(cmp.Compare(a.Type, b.Type), cmp.Compare(a.Key, b.Key)) })
	return out
}

// NameChanges compares a story's new counts with those stored (both in
// any order): the counts to write (new or changed) and those to delete.
func NameChanges(stored, counts []NameCount) (put, gone []NameCount) {
	old := make(map[string]NameCount, len(stored))
	for _, c := range stored {
		old[TypeKey(c.Type, c.Key)] = c
	}
	for _, c := range counts {
		tk := TypeKey(c.Type, c.Key)
		if o, ok := old[tk]; !ok || o != c {
			put = append(put, c)
		}
		delete(old, tk)
	}
	for _, c := range stored {
		if _, ok := old[TypeKey(c.Type, c.Key)]; ok {
			gone = append(gone, c)
		}
	}
	return put, gone
}

// QuoteHit is a stored quotation with where it was carried.
type QuoteHit struct {
	model.Quote
	ArticleID int64  `json:"article_id"`
	StoryID   int64  `json:"story_id"`
	Outlet    string `json:"outlet"`
	Published string `json:"published"`
	Title     string `json:"title"`
	// SpeakerID is the speaker's entity record, 0 when unknown.
	SpeakerID int64 `json:"speaker_id"`
}

// QuoteQuery asks for a page of the quotations one entity is the speaker
// of (EntityQuotes): last published first, undated last, then by article
// and place in it. The stores read them in that order from an index of
// each speaker key's quotations by date (kept in the transactions that
// write the quotations and change an article's date), so a page costs the
// same however often the entity is quoted; Limit 0 only counts them.
type QuoteQuery struct {
	EntityID      int64
	Offset, Limit int
}

// SpeakerCount is how many quotations one speaker key has across the
// store. The stores keep one per key, changed with the quotation rows in
// the same transaction (SpeakerChanges), so that an entity page gives
// its count of quotations without counting them (one row a quotation).
type SpeakerCount struct {
	Key    string
	Quotes int
}

// SpeakerChanges is how each speaker key's count changes when the
// quotation rows of articles (stored: old, in any order) give way to
// idx's: the keys whose count changes, sorted, with the change.
func (idx StoryIndex) SpeakerChanges(old []QuoteRow, articles []int64) []SpeakerCount {
	in := make(map[int64]bool, len(articles))
	for _, id := range articles {
		in[id] = true
	}
	delta := map[string]int{}
	for sign, rows := range map[int][]QuoteRow{-1: old, 1: idx.Quotes} {
		for _, r := range rows {
			if in[r.ArticleID] && r.Quote.SpeakerKey != "" {
				delta[r.Quote.SpeakerKey] += sign
			}
		}
	}
	var out []SpeakerCount
	for k, d := range delta {
		if d != 0 {
			out = append(out, SpeakerCount{Key: k, Quotes: d})
		}
	}
	slices.SortFunc(out, func(a, b SpeakerCount) int { return cmp.Compare(a.Key, b.Key) })
	return out
}

// Storyline is one storyline with the span of its stories.
type Storyline struct {
	ID      int64  `json:"id"`
	Stories int    `json:"stories"`
	First   string `json:"first_published"`
	Last    string `json:"last_published"`
	Title   string `json:"title"` // its latest story's title
}

// Snapshot is what the follows compare a story against when it changes:
// the story as its last index saw it.
type Snapshot struct {
	Members       []int64  `json:"members"`
	Outlets       []string `json:"outlets"`
	Storyline     int64    `json:"storyline"`
	Discrepancies []string `json:"discrepancies"` // kind and subject
	Entities      []string `json:"entities"`      // TypeKey of every entity its articles name
}

// StoryState is a story's index state: the fingerprint of the report it
// was indexed with ("" when never), and its snapshot. A Baseline story
// was stored before follows existed: its first snapshot is taken
// silently.
type StoryState struct {
	Fingerprint string
	Baseline    bool
	Snapshot    *Snapshot // nil when never indexed
}

// StoryEvents is what one story's index commit writes, all or nothing:
// its new state and the follows' events it causes (each with a webhook
// delivery when its follow has a webhook).
type StoryEvents struct {
	StoryID     int64
	Fingerprint string
	Snapshot    Snapshot
	Events      []model.FollowEvent
}

// DiscrepancyKey names a discrepancy across rebuilds of a report.
func DiscrepancyKey(d model.Discrepancy) string {
	return d.Kind + ": " + strings.ToLower(strings.TrimSpace(d.Subject))
}

// MarshalSnapshot encodes a snapshot as both stores keep it.
func MarshalSnapshot(s Snapshot) string {
	b, _ := json.Marshal(s)
	return string(b)
}

// UnmarshalSnapshot decodes a stored snapshot; "" is none.
func UnmarshalSnapshot(s string) (*Snapshot, error) {
	if s == "" {
		return nil, nil
	}
	var out Snapshot
	if err := json.Unmarshal([]byte(s), &out); err != nil {
		return nil, err
	}
	return &out, nil
}

// IndexChanges is what PutStoryIndex must write for a story: the articles
// whose entity rows differ from those stored (their rows rewritten), the
// articles whose quotation rows differ, and the entity families of the
// old and new rows of the first (marked for rebuilding). An article that
// joins a large story changes its own rows only, so re-indexing the story
// writes those rows and marks those families, not every member's.
type IndexChanges struct {
	Entities []int64
	Quotes   []int64
	Families []string // sorted
}

// Changes compares idx with the rows stored for its articles (oldEntities
// and oldQuotes, in any order), article by article.
func (idx StoryIndex) Changes(oldEntities []EntityRow, oldQuotes []QuoteRow) IndexChanges {
	var ch IndexChanges
	newE, oldE := entitiesByArticle(idx.Entities), entitiesByArticle(oldEntities)
	newQ, oldQ := quotesByArticle(idx.Quotes), quotesByArticle(oldQuotes)
	families := map[string]bool{}
	for _, id := range idx.ArticleIDs {
		if !slices.Equal(newE[id], oldE[id]) {
			ch.Entities = append(ch.Entities, id)
			for _, rows := range [][]string{newE[id], oldE[id]} {
				for _, r := range rows {
					families[strings.SplitN(r, "\x00", 2)[0]] = true
				}
			}
		}
		if !slices.Equal(newQ[id], oldQ[id]) {
			ch.Quotes = append(ch.Quotes, id)
		}
	}
	for f := range families {
		ch.Families = append(ch.Families, f)
	}
	slices.Sort(ch.Families)
	return ch
}

// entitiesByArticle gives each article's rows as comparable strings (the
// family first), in N order.
func entitiesByArticle(rows []EntityRow) map[int64][]string {
	out := map[int64][]string{}
	for _, r := range sortedBy(rows, func(r EntityRow) (int64, int) { return r.ArticleID, r.N }) {
		e := r.Entity
		out[r.ArticleID] = append(out[r.ArticleID], strings.Join([]string{r.Family, strconv.Itoa(r.N),
			strconv.FormatInt(r.StoryID, 10), e.Type, e.Key, e.Name, strings.Join(e.Aliases, "\x01"),
			strconv.Itoa(e.Mentions)}, "\x00"))
	}
	return out
}

func quotesByArticle(rows []QuoteRow) map[int64][]string {
	out := map[int64][]string{}
	for _, r := range sortedBy(rows, func(r QuoteRow) (int64, int) { return r.ArticleID, r.N }) {
		q := r.Quote
		out[r.ArticleID] = append(out[r.ArticleID], strings.Join([]string{strconv.Itoa(r.N),
			strconv.FormatInt(r.StoryID, 10), q.Text, q.Speaker, q.SpeakerKey, q.Verb, strconv.Itoa(q.Paragraph)}, "\x00"))
	}
	return out
}

// sortedBy returns a sorted copy of rows, by article then place.
func sortedBy[T any](rows []T, key func(T) (int64, int)) []T {
	out := slices.Clone(rows)
	slices.SortStableFunc(out, func(a, b T) int {
		aa, an := key(a)
		ba, bn := key(b)
		if aa != ba {
			return cmp.Compare(aa, ba)
		}
		return cmp.Compare(an, bn)
	})
	return out
}
