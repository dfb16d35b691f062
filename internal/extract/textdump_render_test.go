package extract

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Tests of what the remover must do whatever the dumper: read the same
// page alike from w3m's and lynx's renderings, treat renderer stand-ins as
// noise, leave comment threads out, keep lists the article leads into,
// and return its best region rather than nothing.

func readFixture(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", "textdump", name))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestFromTextSameAcrossDumpers reads one fictional page as w3m and lynx
// render it (lynx indents the text by three columns, sets headings flush
// left, drops some blank lines and prints "(BUTTON)", "IFRAME:" and form
// fields) and wants the same article from both.
func TestFromTextSameAcrossDumpers(t *testing.T) {
	w3m, _ := FromText("w3m", readFixture(t, "w3m_page.txt"))
	lynx, _ := FromText("lynx", readFixture(t, "lynx_page.txt"))
	if w3m.Body != lynx.Body || w3m.Title != lynx.Title || w3m.Published != lynx.Published {
		t.Errorf("the dumpers' renderings read differently:\n%s\n--- lynx:\n%s", w3m.Body, lynx.Body)
	}
	for _, s := range []string{
		"The three blue cranes", "What happens to the old cranes", "planned in three stages:",
		"September: the new cranes are switched on", "expects no delays to deliveries.",
	} {
		if !strings.Contains(lynx.Body, s) {
			t.Errorf("body lacks %q", s)
		}
	}
	for _, s := range []string{"BUTTON", "IFRAME", "Share", "Most Read", "Email me", "____", "Contact the newsroom"} {
		if strings.Contains(lynx.Body, s) {
			t.Errorf("body holds %q", s)
		}
	}
}

func TestDropStandIns(t *testing.T) {
	tests := []struct {
		in, want    string
		form, stand bool
	}{
		{"IFRAME: https://ads.example.net/frame", "IFRAME: https://ads.example.net/frame", false, true},
		{"(BUTTON)", "(BUTTON)", true, true},
		{"(BUTTON) Close the menu", "Close the menu", true, false},
		{"Search ____________________ (BUTTON) Go", "Search Go", true, false},
		{"Your email: [                    ] [Sign up]", "Your email: [Sign up]", true, false},
		{"[ ] Email me when new stories are posted", "Email me when new stories are posted", true, false},
		{"[X] Remember me", "Remember me", true, false},
		{"[INS: :INS]", "[INS: :INS]", false, true},
		{"[harbour-12]The price of the ferry rose again.", "The price of the ferry rose again.", false, false},
		{"[cranes.jpg?width=640&amp;fit=bounds] The cranes will go.", "The cranes will go.", false, false},
		{"[U.S.] troops will stay, he said.", "[U.S.] troops will stay, he said.", false, false},
		{"How to plan a quiet retirement [how-to-ret]", "How to plan a quiet retirement", false, false},
		// Editorial brackets, footnotes and snake_case in prose stay.
		{"[We] have agreed to the terms,\" she said.", "[We] have agreed to the terms,\" she said.", false, false},
		{"It give[s] us hope [1]", "It give[s] us hope [1]", false, false},
		{"The file_name field __init__ stays", "The file_name field __init__ stays", false, false},
	}
	for _, tt := range tests {
		got, form, stand := dropStandIns(tt.in)
		got = strings.Join(strings.Fields(got), " ")
		if got != tt.want || form != tt.form || stand != tt.stand {
			t.Errorf("dropStandIns(%q) = %q, %v, %v; want %q, %v, %v", tt.in, got, form, stand, tt.want, tt.form, tt.stand)
		}
	}
}

// TestFromTextBestRegion holds the fallback: a model that rates no line
// as text still yields the page's best region, and a page without prose
// still yields nothing.
func TestFromTextBestRegion(t *testing.T) {
	doubtful := textdumpWeights
	doubtful[fBias] -= 8
	a := fromText("x", readFixture(t, "news_page.txt"), &doubtful)
	if !strings.Contains(a.Body, "clearing brambles, rebuilding dry-stone walls") {
		t.Errorf("no best region:\n%s", a.Body)
	}
	if strings.Contains(a.Body, "Most Read") {
		t.Errorf("best region holds furniture:\n%s", a.Body)
	}
	if a := fromText("x", "  • Home\n  • News\n  • Contact\n", &doubtful); a.Body != "" {
		t.Errorf("menu gave body %q", a.Body)
	}
}

func TestCommentMarks(t *testing.T) {
	tests := []struct {
		line string
		want commentMark
	}{
		{"breadfan88 says:", markAuthor},
		{"What the mayor says", markNone},
		{"The minister said:", markNone},
		{"Jane Roe wrote:", markAuthor},
		{"Reply", markAction},
		{"Reply   Report", markAction},
		{"Log in to Reply", markAction},
		{"2 hours ago", markStamp},
		{"June 3, 2024 at 9:14 am", markStamp},
		{"The mayor says the plan will go ahead, whatever the council says:", markNone},
		{"He replied on 3 June 2024.", markNone},
	}
	for _, tt := range tests {
		if got := commentMarkOf(measureLine(1, tt.line)); got != tt.want {
			t.Errorf("commentMarkOf(%q) = %d, want %d", tt.line, got, tt.want)
		}
	}
}

func TestMeasureLineMarkers(t *testing.T) {
	tests := []struct {
		raw, text string
		bullet    bool
	}{
		{"     * Home", "Home", true},
		{"          + Harbour", "Harbour", true},
		{"               o Results", "Results", true},
		{"   o presidente disse que a obra começa em março.", "o presidente disse que a obra começa em março.", false},
		{"  • Sport", "Sport", true},
		{"   (BUTTON) Menu", "Menu", false},
	}
	for _, tt := range tests {
		l := measureLine(1, tt.raw)
		if l.text != tt.text || l.bullet != tt.bullet {
			t.Errorf("measureLine(%q) = %q, bullet %v; want %q, %v", tt.raw, l.text, l.bullet, tt.text, tt.bullet)
		}
	}
}

// TestMarkCommentsSparesQuotes: an article that introduces two quotations
// with "wrote:" under its dateline is not a comment thread.
func TestMarkCommentsSparesQuotes(t *testing.T) {
	dump := strings.Join([]string{
		"Ministers trade posts over the harbour toll",
		"",
		"12 March 2025",
		"",
		"The transport minister defended the new harbour toll on Tuesday in a long post to her followers.",
		"",
		"The minister wrote:",
		"",
		"\"The toll pays for the new quay, and every crossing will be cheaper within five years.\"",
		"",
		"Her rival wrote:",
		"",
		"\"Nobody on the island was asked before the toll was set, and the ferry users will pay most.\"",
		"",
		"The council will debate the toll next month.",
	}, "\n")
	p := newPage(dump, &textdumpWeights)
	for i, l := range p.lines {
		if p.comment[i] {
			t.Errorf("line %d %q taken for a comment", l.n, l.text)
		}
	}
}
