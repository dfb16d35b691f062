package compare

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"parallax/internal/model"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// fixture reads the invented Tarrow Dam story: four outlets, hand-made
// enrichment.
func fixture(t testing.TB) (model.Story, []model.Article) {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join("testdata", "tarrow.json"))
	if err != nil {
		t.Fatal(err)
	}
	var arts []model.Article
	if err := json.Unmarshal(raw, &arts); err != nil {
		t.Fatal(err)
	}
	return model.Story{ID: 7, Title: "Tarrow Dam breaks above Kharvik"}, arts
}

// golden compares got with testdata/name, rewriting it under -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the golden file (run with -update after checking):\n%s", name, got)
	}
}

func TestMarkdownGolden(t *testing.T) {
	s, arts := fixture(t)
	r := Build(s, arts)
	var b bytes.Buffer
	if err := Markdown(&b, s, arts, r); err != nil {
		t.Fatal(err)
	}
	golden(t, "tarrow.md", b.Bytes())
	js, err := json.MarshalIndent(r, "", " ")
	if err != nil {
		t.Fatal(err)
	}
	golden(t, "tarrow.report.json", append(js, '\n'))
}

func TestFixtureFindings(t *testing.T) {
	s, arts := fixture(t)
	r := Build(s, arts)
	if !hasQuoteVariant(r, "home", "house") {
		t.Errorf("quote variant home/house missing: %+v", r.Quotes)
	}
	if !hasTitle(r, "Former") {
		t.Errorf("title discrepancy missing: %+v", r.Discrepancies)
	}
	if !hasName(r, "Kharvyk", "Kharvik") {
		t.Errorf("naming difference missing: %+v", r.Framing)
	}
	if !hasDate(r, "2031-03-17") || !hasDate(r, "2031-03-13") {
		t.Errorf("relative dates missing from the timeline: %+v", r.Timeline)
	}
	found := false
	for _, d := range r.Discrepancies {
		if d.Kind == "number" && len(d.Values) == 2 {
			found = strings.Contains(d.Values[0].Value+d.Values[1].Value, "Eleven")
		}
	}
	if !found {
		t.Errorf("number discrepancy nine/eleven missing: %+v", r.Discrepancies)
	}
	if len(r.Summary) == 0 || len(r.Summary[0].Outlets) < 2 {
		t.Errorf("brief should open with a shared claim: %+v", r.Summary)
	}
}

// TestDeterministic: any input order gives the same report, with no nil
// slices.
func TestDeterministic(t *testing.T) {
	s, arts := fixture(t)
	want := Build(s, arts)
	rev := append([]model.Article(nil), arts...)
	for i, j := 0, len(rev)-1; i < j; i, j = i+1, j-1 {
		rev[i], rev[j] = rev[j], rev[i]
	}
	if got := Build(s, rev); !reflect.DeepEqual(got, want) {
		t.Errorf("report depends on input order")
	}
	empty := Build(model.Story{ID: 1}, nil)
	js, _ := json.Marshal(empty)
	if strings.Contains(string(js), "null") {
		t.Errorf("empty report has nil slices: %s", js)
	}
}

// TestDuplicatesIgnored: a copy does not count as a second outlet.
func TestDuplicatesIgnored(t *testing.T) {
	s, arts := fixture(t)
	dup := arts[0]
	dup.ID, dup.Outlet, dup.URL = 9, "Copy Agency", "https://copy.example/x"
	all := append(append([]model.Article(nil), arts...), dup)
	with := BuildWith(s, all, Options{Duplicates: map[int64]int64{9: 1}})
	if !reflect.DeepEqual(with, Build(s, arts)) {
		t.Errorf("the copy changed the report")
	}
	without := Build(s, all)
	if reflect.DeepEqual(without, with) {
		t.Errorf("a copy counted as independent should change the report")
	}
}

func TestNilEnrichment(t *testing.T) {
	_, arts := fixture(t)
	for i := range arts {
		arts[i].Enrichment = nil
	}
	r := Build(model.Story{}, arts)
	if len(r.Claims) == 0 {
		t.Errorf("claims need no enrichment")
	}
}

func TestWordDiff(t *testing.T) {
	tests := []struct {
		ref, alt, want string
	}{
		{"HAVE THE DEAL, NOW!!!", "HAVE THE MEETING, NOW!!!", "=HAVE THE|-DEAL,|+MEETING,|=NOW!!!"},
		{"a b c d", "a b c d", "=a b c d"},
		{"one two three four five", "three four", "-one two|=three four|-five"},
		{"I doubt it. HAVE THE DEAL, NOW", "have the meeting now", "-I doubt it.|=have the|-DEAL,|+meeting|=now"},
		{"x", "", "-x"},
	}
	for _, tt := range tests {
		var parts []string
		for _, p := range localDiff(tokenize(tt.ref), tokenize(tt.alt)) {
			parts = append(parts, p.Op+p.Text)
		}
		if got := strings.Join(parts, "|"); got != tt.want {
			t.Errorf("diff(%q, %q) = %q, want %q", tt.ref, tt.alt, got, tt.want)
		}
	}
}

// wordKeys folds words as the diff compares them ("=" runs show the
// variant's spelling of a shared word).
func wordKeys(ws []string) string {
	out := make([]string, len(ws))
	for i, w := range ws {
		out[i] = wordKey(w)
	}
	return strings.Join(out, " ")
}

// FuzzLocalDiff: the diff keeps every word of both wordings, in order.
func FuzzLocalDiff(f *testing.F) {
	f.Add("HAVE THE DEAL, NOW!!!", "HAVE THE MEETING, NOW!!!")
	f.Add("a b a b", "b a")
	f.Fuzz(func(t *testing.T, ref, alt string) {
		var gotRef, gotAlt []string
		for _, p := range localDiff(tokenize(ref), tokenize(alt)) {
			if p.Op != "+" {
				gotRef = append(gotRef, strings.Fields(p.Text)...)
			}
			if p.Op != "-" {
				gotAlt = append(gotAlt, strings.Fields(p.Text)...)
			}
		}
		if p := localDiff(tokenize(ref), tokenize(alt)); len(strings.Fields(ref)) > 0 && len(p) == 0 {
			t.Fatal("empty diff")
		}
		if wordKeys(gotRef) != wordKeys(strings.Fields(ref)) {
			t.Errorf("ref words lost: %q from %q", gotRef, ref)
		}
		if len(strings.Fields(alt)) > 0 && wordKeys(gotAlt) != wordKeys(strings.Fields(alt)) {
			t.Errorf("alt words lost: %q from %q", gotAlt, alt)
		}
	})
}

// FuzzBuild: any text builds a report without panicking.
func FuzzBuild(f *testing.F) {
	f.Add("Nine people died. \"We will rebuild,\" she said.", "Eleven people died. \"We will rebuild it,\" she said.")
	f.Fuzz(func(t *testing.T, a, b string) {
		arts := []model.Article{
			{ID: 1, Outlet: "A", Body: a, Enrichment: &model.Enrichment{Quotes: []model.Quote{{Text: a}}}},
			{ID: 2, Outlet: "B", Body: b, Enrichment: &model.Enrichment{Quotes: []model.Quote{{Text: b}}}},
		}
		r := Build(model.Story{}, arts)
		if err := Markdown(&bytes.Buffer{}, model.Story{}, arts, r); err != nil {
			t.Fatal(err)
		}
	})
}
