package follow

import (
	"context"
	"errors"
	"strings"
	"testing"

	"parallax/internal/model"
	"parallax/internal/store"
)

// resolver is a fixed set of records and storylines, standing in for a
// store's reads (the store's own are tested by the storetest contract).
type resolver struct {
	entities []store.Entity
	lines    map[int64][]model.Story
}

func (r resolver) Entity(_ context.Context, id int64) (store.Entity, error) {
	for _, e := range r.entities {
		if e.ID == id {
			return e, nil
		}
	}
	return store.Entity{}, store.ErrNotFound
}

func (r resolver) FindEntities(_ context.Context, families []string, limit int) ([]store.Entity, error) {
	var out []store.Entity
	for _, e := range r.entities {
		for _, f := range families {
			if f == e.Type+":"+e.Key && e.Articles > 0 {
				out = append(out, e)
			}
		}
	}
	return out[:min(limit, len(out))], nil
}

func (r resolver) StorylineStories(_ context.Context, id int64, _, _ int) ([]model.Story, error) {
	return r.lines[id], nil
}

func testResolver() resolver {
	ent := func(id int64, typ, key, name string, arts int) store.Entity {
		return store.Entity{ID: id, CorpusEntity: model.CorpusEntity{Type: typ, Key: key, Name: name, Articles: arts}}
	}
	return resolver{
		entities: []store.Entity{ent(4, model.Person, "vos", "Mara Voss", 3), ent(5, model.Place, "corvane", "Corvane", 2),
			ent(6, model.Person, "gone", "Gone", 0), ent(7, model.Person, "brandt", "Ilse Brandt", 2), ent(8, model.Organisation, "brandt", "Brandt", 2)},
		lines: map[int64][]model.Story{3: {{ID: 3, Title: "Ferry strike"}, {ID: 9, Title: "Ferry strike ends"}}},
	}
}

func TestPrepare(t *testing.T) {
	tests := []struct {
		req          Request
		target, lbl  string
		secret, fail string
	}{
		{Request{Kind: "search", Target: "  ferry   strike "}, "ferry strike", "ferry strike", "", ""},
		{Request{Kind: "entity", Target: "4"}, "4", "Mara Voss", "", ""},
		{Request{Kind: "entity", Target: "Voß"}, "4", "Mara Voss", "", ""},
		{Request{Kind: "storyline", Target: "3", Webhook: "https://hooks.example/p?x=1"}, "3", "Ferry strike ends", "yes", ""},
		{Request{Kind: "storyline", Target: "3", Webhook: "http://127.0.0.1:9/h", AllowPrivate: true}, "3", "Ferry strike ends", "yes", ""},
		{Request{Kind: "topic", Target: "x"}, "", "", "", `follow kind "topic": want search, entity or storyline`},
		{Request{Kind: "search", Target: " "}, "", "", "", `follow target "": want 1 to 200 characters of text`},
		{Request{Kind: "search", Target: `"*" ()`}, "", "", "", `follow search "\"*\" ()": no word to search for`},
		{Request{Kind: "search", Target: strings.Repeat("w ", 13)}, "", "", "", "at most 12 words"},
		{Request{Kind: "entity", Target: "99"}, "", "", "", `follow entity "99": no person, place or organisation has this ID`},
		{Request{Kind: "entity", Target: "6"}, "", "", "", "has this ID"},
		{Request{Kind: "entity", Target: "Zork"}, "", "", "", `follow entity "Zork": no person, place or organisation of this name is stored`},
		{Request{Kind: "entity", Target: "Brandt"}, "", "", "", "ambiguous: Ilse Brandt (7) or Brandt (8); give the ID"},
		{Request{Kind: "storyline", Target: "x"}, "", "", "", "want a storyline ID"},
		{Request{Kind: "storyline", Target: "4"}, "", "", "", "no story belongs to this storyline"},
		{Request{Kind: "search", Target: "ferry", Webhook: "ftp://hooks.example/"}, "", "", "", "want an http or https URL"},
		{Request{Kind: "search", Target: "ferry", Webhook: "https://"}, "", "", "", "no host"},
		{Request{Kind: "search", Target: "ferry", Webhook: "https://u:p@hooks.example/"}, "", "", "", "credentials"},
		{Request{Kind: "search", Target: "ferry", Webhook: "http://127.0.0.1:9/h"}, "", "", "",
			`follow webhook "http://127.0.0.1:9/h": loopback address; allow private addresses for this follow to use it`},
		{Request{Kind: "search", Target: "ferry", Webhook: "http://[fd00::1]/h"}, "", "", "", "private address"},
		{Request{Kind: "search", Target: "ferry", Webhook: "http://169.254.169.254/"}, "", "", "", "link-local address"},
	}
	for _, tt := range tests {
		f, err := Prepare(context.Background(), testResolver(), tt.req)
		if tt.fail != "" {
			var bad *BadRequest
			if !errors.As(err, &bad) || !strings.Contains(err.Error(), tt.fail) {
				t.Errorf("%+v: err = %v, want a bad request saying %q", tt.req, err, tt.fail)
			}
			continue
		}
		if err != nil || f.Target != tt.target || f.Label != tt.lbl || (f.Secret != "") != (tt.secret != "") || f.Kind != tt.req.Kind {
			t.Errorf("%+v: Prepare = %+v, %v", tt.req, f, err)
		}
	}
}

func TestDecodeRequest(t *testing.T) {
	tests := []struct{ body, fail string }{
		{`{"kind": "search", "target": "ferry"}`, ""},
		{`{"kind": "search", "target": "ferry", "secret": "mine"}`, `unknown field "secret"`},
		{`{"kind": "search"} {"kind": "entity"}`, "want one JSON object"},
		{`["search"]`, "cannot unmarshal"},
		{`{"kind": "search", "target": "` + strings.Repeat("x", 20000) + `"}`, "unexpected EOF"},
		{``, "EOF"},
	}
	for _, tt := range tests {
		_, err := DecodeRequest(strings.NewReader(tt.body))
		if (err == nil) != (tt.fail == "") || err != nil && !strings.Contains(err.Error(), tt.fail) {
			t.Errorf("DecodeRequest(%.40q) = %v, want %q", tt.body, err, tt.fail)
		}
	}
}

func FuzzParseWebhook(f *testing.F) {
	for _, s := range []string{"https://hooks.example/p", "http://127.0.0.1:9/", "http://[::1]/", "ftp://x", "https://u:p@h/", "%zz", ""} {
		f.Add(s, false)
		f.Add(s, true)
	}
	f.Fuzz(func(t *testing.T, raw string, allowPrivate bool) {
		u, err := ParseWebhook(raw, allowPrivate)
		if err != nil {
			if strings.Contains(err.Error(), "\n") {
				t.Errorf("error of more than one line: %q", err)
			}
			return
		}
		if !strings.HasPrefix(u, "http://") && !strings.HasPrefix(u, "https://") {
			t.Errorf("accepted %q as %q", raw, u)
		}
	})
}

func FuzzDecodeRequest(f *testing.F) {
	for _, s := range []string{`{"kind":"search","target":"x"}`, `{"webhook":1}`, `{}`, `{"kind":"entity","target":"4","allow_private":true}`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, body string) {
		req, err := DecodeRequest(strings.NewReader(body))
		if err != nil {
			return
		}
		if _, err := Prepare(context.Background(), testResolver(), req); err != nil {
			var bad *BadRequest
			if !errors.As(err, &bad) {
				t.Errorf("Prepare(%+v) = %v, want a bad request or none", req, err)
			}
		}
	})
}
