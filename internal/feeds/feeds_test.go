package feeds

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

func read(t *testing.T, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestParseFormats(t *testing.T) {
	tests := []struct {
		file, url string
		title     string
		want      []Entry
	}{
		{"rss.xml", "https://courier.example/rss.xml", "The Brackenmouth Courier", []Entry{
			{Key: "courier-1001", Link: "https://courier.example/2026/03/tidal-mill", Title: "Tidal mill turns again",
				Published: "2026-03-03T09:30:00Z", Authors: []string{"Ilse Marrow"},
				Content: "<p>Volunteers in Brackenmouth finished restoring the tidal mill.</p>"},
			{Key: "https://courier.example/2026/03/ferry", Link: "https://courier.example/2026/03/ferry", Title: "Ferry timetable changes",
				Content: "<p>The winter timetable ends early.</p>"},
		}},
		{"atom.xml", "https://gazette.example/atom.xml", "Vellmoor Gazette", []Entry{
			{Key: "urn:gazette:77", Link: "https://gazette.example/sea-wall", Title: "Council approves sea wall",
				Published: "2026-03-04T10:00:00Z", Authors: []string{"Petra Quell"}, Content: "The vote was close."},
		}},
		{"feed.json", "https://ledger.example/feed.json", "Harrowgate Ledger", []Entry{
			{Key: "ledger-5", Link: "https://ledger.example/bridge", Title: "Bridge inspection finds rust",
				Published: "2026-03-05T08:00:00Z", Authors: []string{"Oskar Fenn"}, Content: "<p>Inspectors found rust on two girders.</p>"},
		}},
	}
	for _, tt := range tests {
		f, err := Parse(read(t, tt.file), tt.url)
		if err != nil {
			t.Fatalf("%s: %v", tt.file, err)
		}
		if f.Title != tt.title {
			t.Errorf("%s: title %q", tt.file, f.Title)
		}
		if !reflect.DeepEqual(f.Entries, tt.want) {
			t.Errorf("%s: entries\n got %+v\nwant %+v", tt.file, f.Entries, tt.want)
		}
	}
}

func TestParseNotFeed(t *testing.T) {
	for _, in := range []string{"<html><body>page</body></html>", "", "plain words"} {
		if _, err := Parse([]byte(in), "https://x.example/"); !errors.Is(err, ErrNotFeed) && (err == nil || !strings.HasPrefix(err.Error(), "bad feed")) {
			t.Errorf("Parse(%q) = %v; want ErrNotFeed or a bad-feed error", in, err)
		}
	}
}

func TestOPMLRoundTrip(t *testing.T) {
	got, err := ParseOPML(bytes.NewReader(read(t, "subscriptions.opml")))
	if err != nil {
		t.Fatal(err)
	}
	want := []Outline{
		{Title: "The Brackenmouth Courier", URL: "https://courier.example/rss.xml", HTMLURL: "https://courier.example/"},
		{Title: "Gazette & Co", URL: "https://gazette.example/atom.xml"},
		{Title: "Ledger", URL: "https://ledger.example/feed.json"},
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("ParseOPML\n got %+v\nwant %+v", got, want)
	}
	var buf bytes.Buffer
	if err := WriteOPML(&buf, "Parallax feeds", got); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(buf.String(), `<opml version="2.0">`) || !strings.Contains(buf.String(), `xmlUrl="https://ledger.example/feed.json"`) {
		t.Errorf("WriteOPML:\n%s", buf.String())
	}
	again, err := ParseOPML(&buf)
	if err != nil || !reflect.DeepEqual(again, want) {
		t.Errorf("round trip = %+v, %v", again, err)
	}
}

func TestParseOPMLErrors(t *testing.T) {
	for _, in := range []string{"", "<html></html>", "<opml><body><outline xmlUrl='x'", `<?xml version="1.0" encoding="koi8-r"?><opml/>`} {
		if _, err := ParseOPML(strings.NewReader(in)); err == nil || !strings.HasPrefix(err.Error(), "bad OPML") {
			t.Errorf("ParseOPML(%q) = %v; want a bad-OPML error", in, err)
		}
	}
}

func FuzzParseOPML(f *testing.F) {
	f.Add([]byte(`<opml><body><outline xmlUrl="https://a.example/f"><outline xmlUrl="b"/></outline></body></opml>`))
	f.Add([]byte(`<opml><body><outline text="x & y" xmlUrl="u"/></body></opml>`))
	f.Fuzz(func(t *testing.T, data []byte) {
		out, err := ParseOPML(bytes.NewReader(data))
		if err != nil {
			return
		}
		var buf bytes.Buffer
		if err := WriteOPML(&buf, "t", out); err != nil {
			t.Fatalf("WriteOPML: %v", err)
		}
		again, err := ParseOPML(&buf)
		if err != nil || len(again) != len(out) {
			t.Fatalf("round trip lost outlines: %d → %d, %v", len(out), len(again), err)
		}
	})
}

func FuzzParse(f *testing.F) {
	for _, n := range []string{"rss.xml", "atom.xml", "feed.json"} {
		b, _ := os.ReadFile(filepath.Join("testdata", n))
		f.Add(b)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		feed, err := Parse(data, "https://x.example/feed")
		if err != nil {
			return
		}
		for _, e := range feed.Entries {
			if e.Link == "" || e.Key == "" {
				t.Fatalf("entry without link or key: %+v", e)
			}
		}
	})
}
