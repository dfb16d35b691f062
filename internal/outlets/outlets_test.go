package outlets

import (
	"bytes"
	"reflect"
	"strings"
	"testing"

	"parallax/internal/model"
)

// registry is a fictional registry for these tests.
func registry() []model.Outlet {
	return []model.Outlet{
		{Name: "Harbour Wire", Aliases: []string{"HW"}, Domains: []string{"harbourwire.example"}, Country: "XA",
			Attributes: map[string]string{"kind": "agency"}},
		{Name: "Fenmoor Post", Domains: []string{"fenmoor.example"}, Country: "XB", Language: "en"},
		{Name: "Lantern Daily", Country: "XA"},
	}
}

func TestIndex(t *testing.T) {
	x := NewIndex(registry())
	tests := []struct {
		name string
		a    model.Article
		want string
	}{
		{"by name, any case and spacing", model.Article{Outlet: "  harbour   WIRE "}, "Harbour Wire"},
		{"by alias", model.Article{Outlet: "hw"}, "Harbour Wire"},
		{"by domain", model.Article{URL: "https://www.fenmoor.example/a"}, "Fenmoor Post"},
		{"by subdomain", model.Article{URL: "https://news.fenmoor.example/a"}, "Fenmoor Post"},
		{"name before domain", model.Article{Outlet: "Lantern Daily", URL: "https://fenmoor.example/a"}, "Lantern Daily"},
		{"an unknown name falls back to the host", model.Article{Outlet: "Someone", URL: "https://harbourwire.example/x"}, "Harbour Wire"},
		{"a look-alike domain is not a subdomain", model.Article{URL: "https://notfenmoor.example/a"}, ""},
		{"nothing", model.Article{Source: "a.txt"}, ""},
	}
	for _, tt := range tests {
		o, _ := x.Article(tt.a)
		if o.Name != tt.want {
			t.Errorf("%s: Article = %q, want %q", tt.name, o.Name, tt.want)
		}
	}
	for label, want := range map[string]string{"HW": "Harbour Wire", "fenmoor.example": "Fenmoor Post",
		"unknown outlet (a.txt)": "", "x.y.harbourwire.example": "Harbour Wire"} {
		if o, _ := x.Label(label); o.Name != want {
			t.Errorf("Label(%q) = %q, want %q", label, o.Name, want)
		}
	}
	if got := x.Attributes(); !reflect.DeepEqual(got, []string{"country", "language", "kind"}) {
		t.Errorf("Attributes = %v", got)
	}
}

func TestNormalize(t *testing.T) {
	o, err := Normalize(model.Outlet{Name: " Fenmoor Post ", Aliases: []string{"fenmoor post", "The Post", ""},
		Domains: []string{"https://WWW.Fenmoor.example/news", "fenmoor.example", "m.fenmoor.example."}, Country: "xb",
		Language: "EN-gb", Attributes: map[string]string{"Leaning": " centre ", "owner": ""}})
	if err != nil {
		t.Fatal(err)
	}
	want := model.Outlet{Name: "Fenmoor Post", Aliases: []string{"The Post"}, Domains: []string{"fenmoor.example", "m.fenmoor.example"},
		Country: "XB", Language: "en", Attributes: map[string]string{"leaning": "centre"}}
	if !reflect.DeepEqual(o, want) {
		t.Errorf("Normalize = %+v\nwant %+v", o, want)
	}
	bad := []struct {
		name string
		o    model.Outlet
		want string
	}{
		{"no name", model.Outlet{Name: "  "}, "name is empty"},
		{"control character", model.Outlet{Name: "A\x1b[2J"}, "control character"},
		{"bad domain", model.Outlet{Name: "A", Domains: []string{"not a domain"}}, "domain"},
		{"single-label domain", model.Outlet{Name: "A", Domains: []string{"localhost"}}, "domain"},
		{"bad language", model.Outlet{Name: "A", Language: "English"}, "language"},
		{"reserved attribute", model.Outlet{Name: "A", Attributes: map[string]string{"country": "XA"}}, "field of every outlet"},
		{"bad attribute name", model.Outlet{Name: "A", Attributes: map[string]string{"a b": "x"}}, "attribute name"},
		{"overlong value", model.Outlet{Name: "A", Attributes: map[string]string{"kind": strings.Repeat("x", 201)}}, "longer than"},
	}
	for _, tt := range bad {
		if _, err := Normalize(tt.o); err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: err = %v, want one saying %q", tt.name, err, tt.want)
		}
	}
}

func TestReadCSV(t *testing.T) {
	in := "name,domains,country,Leaning\n" +
		"Harbour Wire,harbourwire.example; hw.example,XA,left\n" +
		"\"Fenmoor Post\",fenmoor.example,xb,\n" +
		"Broken,\"unclosed,XA,x\n"
	rows, errs := ReadCSV("o.csv", strings.NewReader(in))
	if len(rows) != 2 || len(errs) != 1 {
		t.Fatalf("rows %+v, errors %v", rows, errs)
	}
	if !strings.HasPrefix(errs[0].Error(), "o.csv:4: ") {
		t.Errorf("error %q does not name the file and line", errs[0])
	}
	if got := rows[0].Outlet.Domains; !reflect.DeepEqual(got, []string{"harbourwire.example", "hw.example"}) {
		t.Errorf("domains = %v", got)
	}
	if rows[1].Outlet.Country != "XB" || !rows[1].Set["leaning"] || rows[1].Set["aliases"] {
		t.Errorf("row 2 = %+v", rows[1])
	}
	bad := []struct{ name, in, want string }{
		{"empty file", "", "o.csv:1: empty file"},
		{"no name column", "domains,country\nx.example,XA\n", "o.csv:1: header: no \"name\""},
		{"column twice", "name,country,Country\nA,XA,XB\n", "o.csv:1: header: column \"country\" twice"},
		{"bad column name", "name,a/b\nA,x\n", "o.csv:1: header: attribute name"},
		{"short row", "name,country\nA\n", "o.csv:2: 1 fields, the header has 2"},
		{"same outlet twice", "name\nA\n a \n", "o.csv:3: outlet \"a\" is already on line 2"},
		{"bad field", "name,domains\nA,nope\n", "o.csv:2: domain \"nope\""},
		{"bad quote", "name\n\"A\"B\n", "o.csv:2: "},
		{"not UTF-8", "name\nA\xff\n", "o.csv:2: column name is not valid UTF-8"},
	}
	for _, tt := range bad {
		_, errs := ReadCSV("o.csv", strings.NewReader(tt.in))
		if len(errs) != 1 || !strings.HasPrefix(errs[0].Error(), tt.want) {
			t.Errorf("%s: errors %v, want one starting %q", tt.name, errs, tt.want)
		}
	}
}

func TestCSVRoundTrip(t *testing.T) {
	var buf bytes.Buffer
	reg := registry()
	for i := range reg {
		reg[i], _ = Normalize(reg[i])
	}
	if err := WriteCSV(&buf, reg); err != nil {
		t.Fatal(err)
	}
	rows, errs := ReadCSV("round.csv", &buf)
	if len(errs) > 0 || len(rows) != len(reg) {
		t.Fatalf("read back %d rows, errors %v", len(rows), errs)
	}
	for i, r := range rows {
		got, _ := Normalize(r.Outlet)
		if !reflect.DeepEqual(got, reg[i]) {
			t.Errorf("row %d: %+v, want %+v", i, got, reg[i])
		}
	}
}

func TestApply(t *testing.T) {
	reg := registry()
	// A file with only a leaning column changes the leaning, keeps the rest.
	got, i, err := Apply(reg, Row{Outlet: model.Outlet{Name: "hw", Attributes: map[string]string{"leaning": "left"}}, Set: map[string]bool{"leaning": true}})
	if err != nil || i != 0 {
		t.Fatalf("Apply = %d, %v", i, err)
	}
	o := got[0]
	if o.Name != "Harbour Wire" || o.Country != "XA" || o.Attributes["kind"] != "agency" || o.Attributes["leaning"] != "left" {
		t.Errorf("merged = %+v", o)
	}
	if reg[0].Attributes["leaning"] != "" {
		t.Error("Apply changed the registry it was given")
	}
	// An empty cell clears.
	got, _, _ = Apply(got, Row{Outlet: model.Outlet{Name: "Harbour Wire", Attributes: map[string]string{"kind": ""}}, Set: map[string]bool{"kind": true}})
	if _, ok := got[0].Attributes["kind"]; ok {
		t.Errorf("kind not cleared: %+v", got[0])
	}
	for _, tt := range []struct {
		name string
		o    model.Outlet
		want string
	}{
		{"domain of another", model.Outlet{Name: "New", Domains: []string{"fenmoor.example"}}, `domain fenmoor.example already belongs to "Fenmoor Post"`},
		{"alias that is another's name", model.Outlet{Name: "New", Aliases: []string{"lantern daily"}}, `name "lantern daily" is already another outlet's name`},
		{"name that is another's alias", model.Outlet{Name: "Harbour", Aliases: []string{"HW"}}, `an alias of "Harbour Wire"`},
	} {
		set := map[string]bool{"domains": true, "aliases": true}
		if _, _, err := Apply(reg, Row{Outlet: tt.o, Set: set}); err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: err = %v, want %q", tt.name, err, tt.want)
		}
	}
}

func TestBalance(t *testing.T) {
	x := NewIndex(registry())
	bs := Balance([]string{"Harbour Wire", "HW", "Lantern Daily", "fenmoor.example", "unknown outlet (z.txt)"}, x)
	if len(bs) != 3 || bs[0].Attribute != "country" {
		t.Fatalf("balance = %+v", bs)
	}
	c := bs[0]
	want := []model.BalanceValue{{Value: "XA", Outlets: []string{"Harbour Wire", "Lantern Daily"}}, {Value: "XB", Outlets: []string{"Fenmoor Post"}}}
	if !reflect.DeepEqual(c.Values, want) || !reflect.DeepEqual(c.Unknown, []string{"unknown outlet (z.txt)"}) || c.Only != "" {
		t.Errorf("country = %+v", c)
	}
	tests := []struct {
		labels []string
		spot   string
		want   bool
	}{
		{[]string{"Harbour Wire", "Lantern Daily"}, "country", true},
		{[]string{"Harbour Wire", "Lantern Daily"}, "country=xa", true},
		{[]string{"Harbour Wire", "Lantern Daily"}, "country=XB", false},
		{[]string{"Harbour Wire", "HW"}, "country", false},                        // one outlet under two labels
		{[]string{"Harbour Wire", "Lantern Daily", "Somebody"}, "country", false}, // one not recorded
		{[]string{"Harbour Wire", "Fenmoor Post"}, "country", false},              // two values
		{[]string{"Harbour Wire", "Lantern Daily"}, "kind", false},                // Lantern Daily has none
		{[]string{"Fenmoor Post", "news.fenmoor.example"}, "language", false},     // the same outlet
	}
	for _, tt := range tests {
		b, err := ParseBlindSpot(tt.spot)
		if err != nil {
			t.Fatal(err)
		}
		if got := b.Keep(tt.labels, x); got != tt.want {
			t.Errorf("%s over %v = %v, want %v", tt.spot, tt.labels, got, tt.want)
		}
	}
	for _, s := range []string{"", "=x", "a b"} {
		if _, err := ParseBlindSpot(s); err == nil {
			t.Errorf("ParseBlindSpot(%q) took it", s)
		}
	}
}

// FuzzReadCSV: any input gives rows that are valid outlets and errors that
// name the file and a line; nothing panics.
func FuzzReadCSV(f *testing.F) {
	f.Add("name,domains,country,leaning\nA,a.example,XA,left\n")
	f.Add("name\n\"unclosed\n")
	f.Add("\ufeffName;domains\nA;b\n")
	f.Add("name,aliases\nA,\"B;C\"\nB,\n")
	f.Fuzz(func(t *testing.T, in string) {
		rows, errs := ReadCSV("f.csv", strings.NewReader(in))
		for _, r := range rows {
			if _, err := Normalize(r.Outlet); err != nil {
				t.Errorf("row %+v is not a valid outlet: %v", r, err)
			}
		}
		for _, e := range errs {
			if !strings.HasPrefix(e.Error(), "f.csv:") {
				t.Errorf("error %q names no line", e)
			}
		}
	})
}
