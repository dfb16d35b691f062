package eval

import (
	"errors"
	"io"
	"sort"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"parallax/internal/model"
)

// EntityGold lists the entities one article names: Source is the
// article's path relative to the corpus directory, or its URL for a
// JSON-lines record (as in labels.jsonl).
type EntityGold struct {
	Source   string       `json:"source"`
	Entities []GoldEntity `json:"entities"`
}

// GoldEntity is one person, place or organisation by its fullest form.
type GoldEntity struct {
	Name string `json:"name"`
	Type string `json:"type"` // model.Person, model.Place or model.Organisation
}

// PRF is precision, recall and F1 from pair counts.
type PRF struct {
	TP        int     `json:"tp"`
	FP        int     `json:"fp"`
	FN        int     `json:"fn"`
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
	F1        float64 `json:"f1"`
}

// EntityErrors are one article's wrong and missed (name, type) pairs.
type EntityErrors struct {
	Source   string       `json:"source"`
	Spurious []GoldEntity `json:"spurious"` // found, not in the gold
	Missed   []GoldEntity `json:"missed"`   // in the gold, not found
}

// EntityScore is micro-averaged over every article of the gold: Typed
// counts (name, type) pairs, Untyped names alone.
type EntityScore struct {
	Articles int            `json:"articles"`
	Typed    PRF            `json:"typed"`
	Untyped  PRF            `json:"untyped"`
	Errors   []EntityErrors `json:"errors"` // typed errors, articles with any
	// Unmatched are gold sources with no extracted article; all their
	// entities count as missed.
	Unmatched []string `json:"unmatched"`
}

// LoadEntityGold reads JSON lines of {"source", "entities"}; blank lines
// are skipped.
func LoadEntityGold(r io.Reader) ([]EntityGold, error) {
	return readJSONLines(r, "entity gold", func(g EntityGold) error {
		if g.Source == "" {
			return errors.New("source is required")
		}
		return nil
	})
}

// ScoreEntities compares each gold article's entities with those found
// for the same source (got is keyed by EntityGold.Source). Names match
// after NormEntityName; a name given twice counts once.
func ScoreEntities(gold []EntityGold, got map[string][]model.Entity) EntityScore {
	s := EntityScore{Articles: len(gold), Errors: []EntityErrors{}, Unmatched: []string{}}
	for _, g := range gold {
		found, ok := got[g.Source]
		if !ok {
			s.Unmatched = append(s.Unmatched, g.Source)
		}
		var sys []GoldEntity
		for _, e := range found {
			sys = append(sys, GoldEntity{Name: e.Name, Type: e.Type})
		}
		spurious, missed := countPairs(&s.Typed, g.Entities, sys, true)
		countPairs(&s.Untyped, g.Entities, sys, false)
		if len(spurious)+len(missed) > 0 {
			s.Errors = append(s.Errors, EntityErrors{Source: g.Source, Spurious: spurious, Missed: missed})
		}
	}
	s.Typed.finish()
	s.Untyped.finish()
	return s
}

// countPairs adds one article's matches to c and returns its errors.
func countPairs(c *PRF, gold, sys []GoldEntity, typed bool) (spurious, missed []GoldEntity) {
	key := func(e GoldEntity) string {
		k := NormEntityName(e.Name)
		if typed {
			k += "\x00" + strings.ToLower(e.Type)
		}
		return k
	}
	want := make(map[string]GoldEntity)
	for _, e := range gold {
		want[key(e)] = e
	}
	have := make(map[string]GoldEntity)
	for _, e := range sys {
		have[key(e)] = e
	}
	for k, e := range have {
		if _, ok := want[k]; ok {
			c.TP++
		} else {
			c.FP++
			spurious = append(spurious, e)
		}
	}
	for k, e := range want {
		if _, ok := have[k]; !ok {
			c.FN++
			missed = append(missed, e)
		}
	}
	sortEntities(spurious)
	sortEntities(missed)
	return spurious, missed
}

func sortEntities(es []GoldEntity) {
	sort.Slice(es, func(i, j int) bool {
		if es[i].Name != es[j].Name {
			return es[i].Name < es[j].Name
		}
		return es[i].Type < es[j].Type
	})
}

func (c *PRF) finish() {
	if c.TP+c.FP > 0 {
		c.Precision = float64(c.TP) / float64(c.TP+c.FP)
	}
	if c.TP+c.FN > 0 {
		c.Recall = float64(c.TP) / float64(c.TP+c.FN)
	}
	if c.Precision+c.Recall > 0 {
		c.F1 = 2 * c.Precision * c.Recall / (c.Precision + c.Recall)
	}
}

// NormEntityName folds a name for matching: lower case, no diacritics,
// apostrophes and dots dropped ("Fishermen's" → "fishermens"), other
// punctuation a space, and a leading "the" dropped ("The Meridian Herald").
func NormEntityName(s string) string {
	var b strings.Builder
	space := true
	for _, r := range norm.NFD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, r), r == '.', r == '\'', r == '’':
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			b.WriteRune(unicode.ToLower(r))
			space = false
		case !space:
			b.WriteByte(' ')
			space = true
		}
	}
	return strings.TrimPrefix(strings.TrimSpace(b.String()), "the ")
}
