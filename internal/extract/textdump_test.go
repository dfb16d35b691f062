package extract

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// fixtureTests are the expectations for the fictional pages in
// testdata/textdump, each showing the furniture FromText must strip.
var fixtureTests = []struct {
	file      string
	title     string
	authors   []string
	outlet    string
	published string
	in        []string // must be in the body
	out       []string // must not be in the body
}{
	{
		file:      "news_page.txt",
		title:     "Volunteers restore the old lighthouse garden after ten years of neglect",
		outlet:    "Harbour Gazette",
		authors:   []string{"Marta Lindqvist"},
		published: "2024-03-03T09:15:00Z",
		in: []string{
			"clearing brambles, rebuilding dry-stone walls",
			"Now families are walking out here again",
			"The restoration was paid for with a grant",
			"we should not let it slip back",
			"painting the garden benches.",
		},
		out: []string{
			"Ferry service", "Council votes", // ticker
			"Related News", "new fund for coastal footpaths", "Lighthouse museum", // teasers
			"Read more", "Coastal path reopens", // inline link
			"AP Photo", "Listen", "Min Read", // caption and widgets
			"Kestrel Point\n", "Volunteering", "Most Read", "Fishermen", // tags, most read
			"independent local newspaper", "Privacy", // footer
			"Volunteers restore the old lighthouse garden", // headline
		},
	},
	{
		file:  "embedded_post.txt",
		title: "Mayor agrees to meet river campaigners on Thursday after weeks of protest",
		in: []string{
			"Mayor Elin Haug confirmed on Monday",
			`the mayor wrote.`,
			"Next steps",
			"the protest camp by the bridge will stay",
		},
		out: []string{
			"(Archive)", "@elinhaug_mayor", "both the fish and the…",
			"The mayor said on social media", // standfirst restated below
		},
	},
	{
		file:   "outlet_suffix.txt",
		title:  "Wind farm plan wins approval after long inquiry",
		outlet: "Northfield Courier",
		in: []string{
			"The regional planning board has approved",
			"The board said it had weighed the visual impact",
			"The walking club said it would study the decision",
		},
		out: []string{"Select Page", "EPA Members", "Northfield Courier"},
	},
	{
		file:      "russian.txt",
		title:     "В Приморске открылся новый парк у реки",
		outlet:    "Вечерний Приморск",
		published: "2024-04-12",
		in: []string{
			"Городские власти Приморска в субботу открыли новый парк",
			"сказала заместитель главы города",
			"по выходным там собираются уличные музыканты.",
		},
		out: []string{"Главная", "Мост через Светлую", "Все права защищены", "интересно"},
	},
	{
		file:    "arabic.txt",
		title:   "افتتاح مكتبة عامة جديدة في وسط مدينة الوادي",
		outlet:  "صحيفة الوادي",
		authors: []string{"سلمى حداد"},
		in: []string{
			"افتتحت بلدية مدينة الوادي",
			"وأن الدخول سيكون مجانياً لجميع السكان.",
		},
		out: []string{"الرئيسية", "مهرجان الربيع", "جميع الحقوق محفوظة"},
	},
	{
		file:      "comments.txt",
		title:     "Why your sourdough loaf keeps coming out flat",
		authors:   []string{"Tomas Reyes"},
		published: "2024-06-03",
		in: []string{
			"Few things are as disappointing",
			"the next loaf should stand tall.",
		},
		out: []string{"comments", "breadfan88", "made all the difference", "never doubled in size", "Reply"},
	},
	{
		file:      "comments_actions.txt",
		title:     "Council approves new cycle lanes on Mill Road",
		authors:   []string{"Oren Pike"},
		outlet:    "Mill Road News",
		published: "2025-05-04",
		in:        []string{"The council's transport committee", "should take about four months."},
		out:       []string{"Hanna Varga", "long overdue", "Nobody asked the traders", "Reply", "hours ago"},
	},
	{
		file:      "list_end.txt",
		title:     "Folk festival returns to the riverside with a week of free concerts",
		authors:   []string{"Juno Marsh"},
		outlet:    "Riverside Courier",
		published: "2025-06-09",
		in: []string{
			"a week of concerts and workshops",
			"Festival programme",
			"Friday 4 July – Opening concert",
			"Wednesday 9 July – Closing concert and lantern walk, Main Stage",
		},
		out: []string{"More from the Courier", "footbridge", "Contact the newsroom"},
	},
	{
		file:      "teaser_grid.txt",
		title:     "New e-reader promises a month of battery life",
		outlet:    "Valley Tech Review",
		authors:   []string{"Noor Aziz"},
		published: "2023-11-19T08:03:00Z",
		in: []string{
			"A small company from the valley",
			"it is dead when they want it,\" she said.",
			"The e-reader will go on sale in March",
		},
		out: []string{"More from", "budget headphones", "Cold weather slows", "hours ago", "Smart plugs"},
	},
	{
		file:      "standfirst_byline.txt",
		title:     "Why the heron colony left Saltmere Reeds",
		authors:   []string{"Petra Voss", "Idris Calder"},
		outlet:    "The Marsh Ledger",
		published: "2025-02-04T08:30:00Z",
		in: []string{
			"The grey herons that nested in Saltmere Reeds",
			"Last spring the wardens counted three occupied nests",
			"the trust has offered to pay for a new study of the water levels.",
		},
		out: []string{
			"Ecologists had warned", // standfirst above the byline
			"Flitter", "Copy link",  // share bar
			"Empty nests", "Northshore Wildlife Trust", // caption ending in its credit
			"Before you go", "funded by readers", // appeal
			"Reader-funded", "Registered office",
		},
	},
	{
		file:      "wire_footer.txt",
		title:     "Port workers in Calder Bay vote to end two-week strike",
		authors:   []string{"Mira Solberg"},
		outlet:    "Harbourline Wire",
		published: "2025-06-06T16:45:00Z",
		in: []string{
			"CALDER BAY, June 6 (Harbourline Wire) - Dock workers",
			"two supermarket chains had begun sending lorries",
			"(Reporting by Mira Solberg; Editing by Tomas Berg)",
		},
		out: []string{"Our Standards", "BREAKING", "Related coverage", "2 min read"},
	},
	{
		file:      "deck_headline.txt",
		title:     "CAKE AND CHAOS! Village bake-off ends in great flour fight",
		authors:   []string{"HARRIET MOSS"},
		outlet:    "Evening Clarion",
		published: "2025-09-14T19:20:00Z",
		in: []string{
			"The annual Brindle Green bake-off descended into chaos",
			"There was flour in my tea.",
			"with a rule that only judges may open the ovens.",
		},
		out: []string{
			"Judges:", "CAKE AND CHAOS", // deck and headline
			"FLOUR POWER", "Clarion Photographer", // caption ending in its credit
			"Got a tip", "news@eveningclarion.example", // newsroom contact line
			"Comments (58)",
		},
	},
}

func TestFromTextFixtures(t *testing.T) {
	for _, tt := range fixtureTests {
		t.Run(tt.file, func(t *testing.T) {
			dump, err := os.ReadFile(filepath.Join("testdata", "textdump", tt.file))
			if err != nil {
				t.Fatal(err)
			}
			a, err := FromText(tt.file, string(dump))
			if err != nil {
				t.Fatal(err)
			}
			if a.Source != tt.file {
				t.Errorf("source = %q", a.Source)
			}
			if a.Title != tt.title {
				t.Errorf("title = %q, want %q", a.Title, tt.title)
			}
			if len(a.Authors) > 0 || len(tt.authors) > 0 {
				if !reflect.DeepEqual(a.Authors, tt.authors) {
					t.Errorf("authors = %q, want %q", a.Authors, tt.authors)
				}
			}
			if a.Outlet != tt.outlet {
				t.Errorf("outlet = %q, want %q", a.Outlet, tt.outlet)
			}
			if a.Published != tt.published {
				t.Errorf("published = %q, want %q", a.Published, tt.published)
			}
			for _, s := range tt.in {
				if !strings.Contains(a.Body, s) {
					t.Errorf("body lacks %q", s)
				}
			}
			for _, s := range tt.out {
				if strings.Contains(a.Body+"\n", s) {
					t.Errorf("body holds %q", s)
				}
			}
			if t.Failed() {
				t.Logf("body:\n%s", a.Body)
			}
		})
	}
}

// TestFromTextWrapped reads a dump wrapped at 80 columns, as w3m -dump
// writes by default, as it reads the same page unwrapped.
func TestFromTextWrapped(t *testing.T) {
	read := func(name string) string {
		b, err := os.ReadFile(filepath.Join("testdata", "textdump", name))
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	want, _ := FromText("a", read("news_page.txt"))
	got, _ := FromText("b", read("news_page_wrapped.txt"))
	if got.Body != want.Body || got.Title != want.Title || got.Published != want.Published {
		t.Errorf("wrapped dump reads differently:\n%s\n---\n%s", got.Body, want.Body)
	}
}

func TestFromTextEmpty(t *testing.T) {
	for _, s := range []string{"", "\n\n", "  • Home\n  • News\n  • Contact\n", "[photo]\n━━━━━━"} {
		a, err := FromText("x", s)
		if err != nil {
			t.Fatalf("%q: %v", s, err)
		}
		if a.Body != "" {
			t.Errorf("%q: body = %q, want empty", s, a.Body)
		}
	}
}

func TestFindDate(t *testing.T) {
	tests := []struct{ in, want string }{
		{"11 May 2025 20:24", "2025-05-11T20:24:00Z"},
		{"  • 9 Feb 2025 14:26", "2025-02-09T14:26:00Z"},
		{"May 11, 2025", "2025-05-11"},
		{"Nov. 19, 2019 8:03 am ET", "2019-11-19T08:03:00Z"},
		{"Updated on: November 19, 2019 / 10:07 PM / CBS", "2019-11-19T22:07:00Z"},
		{"2019-11-18T20:51:19Z", "2019-11-18T20:51:19Z"},
		{"Posted on June 3rd, 2024 by Admin", "2024-06-03"},
		{"21/06/2014 Tony Carter", "2014-06-21"},
		{"sexta-feira, 22 de outubro de 2010 às 20:13", "2010-10-22T20:13:00Z"},
		{"12 апреля 2024", "2024-04-12"},
		{"Posted on Maret 30, 2015 by Admin", "2015-03-30"},
		{"31 February 2024", ""},
		{"Top 10 of 2024", ""},
	}
	for _, tt := range tests {
		got := ""
		if d, ok := findDate(tt.in); ok {
			got = d.String()
		}
		if got != tt.want {
			t.Errorf("findDate(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestBylines(t *testing.T) {
	tests := []struct {
		dump    string
		authors []string
		outlet  string
	}{
		{"Some Outlet English\n\nA headline for the test page\n\nBy Some Outlet English\n\n" + prose, nil, "Some Outlet English"},
		{"A headline for the test page\n\nBy Jane Roe and John Doe\n\n" + prose, []string{"Jane Roe", "John Doe"}, ""},
		{"A headline for the test page\n\nBY JANE ROE | Daily Example Times\n\n" + prose, []string{"JANE ROE"}, ""},
		{"A headline for the test page\n\nBy Jane Roe, Staff Writer\n\n" + prose, []string{"Jane Roe"}, ""},
		{"A headline for the test page\n\nPosted on March 3, 2024 by Admin\n\n" + prose, nil, ""},
		{"A headline for the test page\n\nJane RoeBy Jane Roe, Example Staff\n\n" + prose, []string{"Jane Roe"}, ""},
	}
	for _, tt := range tests {
		a, _ := FromText("x", tt.dump)
		if !reflect.DeepEqual(a.Authors, tt.authors) || a.Outlet != tt.outlet {
			t.Errorf("%.60q: authors %q outlet %q, want %q %q", tt.dump, a.Authors, a.Outlet, tt.authors, tt.outlet)
		}
	}
}

// prose is a fictional article body for tests that need one.
const prose = `The council met on Tuesday evening to discuss the future of the old bus depot, which has stood empty since the new station opened three years ago.

Several residents spoke in favour of turning the site into housing, while shop owners asked for a covered market that could open at weekends.

The council will publish a consultation in the spring and make a decision before the end of the year, the chair said.
`

// largeDumps are megabyte dumps that once took quadratic time: a page of
// many short blocks, a page of one long line, and a single paragraph
// wrapped at 80 columns.
func largeDumps() map[string]string {
	var page, long strings.Builder
	for page.Len() < 1<<20 {
		page.WriteString("  • Menu item\n\n" + prose + "Related News\n\nA teaser headline about another story\n\n")
	}
	for long.Len() < 1<<20 {
		long.WriteString(strings.ReplaceAll(prose, "\n", " "))
	}
	return map[string]string{
		"blocks":  page.String(),
		"line":    "A headline for the test page\n\n" + long.String(),
		"wrapped": "A headline for the test page\n\n" + wrap(long.String(), 80),
	}
}

// TestFromTextLarge: megabyte dumps come out with a body. Their speed is
// BenchmarkFromTextLarge's to measure (no wall-clock limits in tests).
func TestFromTextLarge(t *testing.T) {
	for name, dump := range largeDumps() {
		a, err := FromText(name, dump)
		if err != nil || a.Body == "" {
			t.Fatalf("%s: err %v, body %d bytes", name, err, len(a.Body))
		}
	}
}

func BenchmarkFromTextLarge(b *testing.B) {
	for name, dump := range largeDumps() {
		b.Run(name, func(b *testing.B) {
			b.SetBytes(int64(len(dump)))
			for b.Loop() {
				FromText(name, dump)
			}
		})
	}
}

// wrap breaks s into lines of at most width bytes at spaces, as a
// terminal dumper does.
func wrap(s string, width int) string {
	var b strings.Builder
	n := 0
	for _, w := range strings.Fields(s) {
		if n > 0 && n+1+len(w) > width {
			b.WriteByte('\n')
			n = 0
		} else if n > 0 {
			b.WriteByte(' ')
			n++
		}
		b.WriteString(w)
		n += len(w)
	}
	return b.String()
}
