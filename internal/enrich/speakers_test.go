package enrich

import (
	"strings"
	"testing"

	"parallax/internal/model"
)

// quoteBy finds the quotation that starts with prefix.
func quoteBy(t *testing.T, e model.Enrichment, prefix string) model.Quote {
	t.Helper()
	for _, q := range e.Quotes {
		if strings.HasPrefix(q.Text, prefix) {
			return q
		}
	}
	t.Fatalf("no quotation %q in %+v", prefix, e.Quotes)
	return model.Quote{}
}

func TestSpeakerDescriptions(t *testing.T) {
	tests := []struct {
		name, body  string
		text        string // prefix of the quotation
		speaker     string
		description string // must be contained in SpeakerDescription
	}{
		{"title and affiliation before the name",
			`"The port stays open," Veloran Attorney General Ana Pell said.`,
			"The port stays open", "Ana Pell", "Veloran Attorney General"},
		{"lower-case affiliation before the name",
			`Fellow Harbor League organizer Dana Orly spoke next. "They no longer listen," she told the Gazette.`,
			"They no longer listen", "Dana Orly", "Harbor League organizer"},
		{"appositive",
			`Ana Pell, a spokeswoman for the Karvik campaign, said, "The ad is dishonest and careless."`,
			"The ad is dishonest", "Ana Pell", "a spokeswoman for the Karvik campaign"},
		{"party-state tag in brackets",
			`"These rules show we are serious," said Rep. Dana Orly (R-Minn.), to the Gazette.`,
			"These rules show", "Dana Orly", "Republican, Minnesota"},
		{"party-state tag between commas",
			`"Shame on the council for failing the harbor," Rep. Ivo Brandt, D-N.Y., said`,
			"Shame on the council", "Ivo Brandt", "Democrat, New York"},
		{"party-state tag inside an appositive",
			`Karl Moss, spokesman for Speaker Ana Pell (R-Ohio), said that. "The findings are confirmed," said Moss.`,
			"The findings are confirmed", "Karl Moss", "Republican, Ohio"},
		{"state between commas stays in the appositive",
			`"They are pulling people apart," said Lena Voss, president of the Port Aldane, Mo., branch of the Harbor Guild, which wrote the resolution.`,
			"They are pulling people apart", "Lena Voss", "branch of the Harbor Guild"},
		{"of-place and who-clause",
			`"We need to close those holes," said Representative Mark Tello of Norvala, who is heading a Democratic task force.`,
			"We need to close those holes", "Mark Tello", "who is heading a Democratic task force"},
		{"first full mention describes a later attribution",
			"Rep. Elin Sarto, D-Md., questioned the reading.\n\n\"It is a failure to show the harbor what we are,\" she said.",
			"It is a failure", "Elin Sarto", "Democrat, Maryland"},
		{"role before a comma",
			`The Norvalian harbor chief, Gustav Ehle, was blunt. "We will not open the gates," Ehle said.`,
			"We will not open the gates", "Gustav Ehle", "Norvalian harbor chief"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			q := quoteBy(t, Article(model.Article{Body: tt.body}), tt.text)
			if q.Speaker != tt.speaker || !strings.Contains(q.SpeakerDescription, tt.description) {
				t.Errorf("speaker %q (%q), want %q (%q)", q.Speaker, q.SpeakerDescription, tt.speaker, tt.description)
			}
		})
	}
}

func TestThingSpeakers(t *testing.T) {
	tests := []struct {
		name, body  string
		text        string
		speaker     string
		description string
	}{
		{"ad introduced by its owner",
			"The Karvik campaign retorted with an ad of its own on Tuesday. The ad says: \"You paid in for years, and now the council cut it.\"",
			"You paid in for years", "The ad", "Karvik campaign ad"},
		{"thing named after a comma-ended quotation",
			"The Voss campaign aired a new Lumen commercial.\n\n\u201cYou paid into the harbor fund for years,\u201d the advertisement says. \u201cNow the council has cut it.\u201d",
			"Now the council has cut it", "the advertisement", "Lumen commercial"},
		{"unnamed spokesperson",
			"A spokesperson for the Lumen Company says it cares deeply.\n\n\"We disclose data only under the law,\" the spokesperson said.",
			"We disclose data", "the spokesperson", "spokesperson for the Lumen Company"},
		{"lawsuit with a clause between commas",
			"But the lawsuit from Norvala and Veloria, where fishing is still banned, argues that the port has \u201ccreated a dangerous gap\u201d in the rules.",
			"created a dangerous gap", "the lawsuit", "lawsuit from Norvala and Veloria"},
		{"document past an adverb",
			"The Harbor Guild adopted a resolution on Tuesday.\n\nThe resolution initially said the Guild would \"repudiate the racism of the old board\" and stand against the attempt to \"push our town back to the old era,\" though the wording changed.",
			"push our town back", "Harbor Guild", "The resolution"}, // a document speaks for who issued it
		{"document from a named body",
			"A letter from the Harbor Board warned the mayor on Friday.\n\nThe letter says the pier is \"unsafe for any vessel over forty tonnes\" until repairs are done.",
			"unsafe for any vessel", "Harbor Board", "The letter"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			q := quoteBy(t, Article(model.Article{Body: tt.body}), tt.text)
			if q.Speaker != tt.speaker || !strings.Contains(q.SpeakerDescription, tt.description) {
				t.Errorf("speaker %q (%q), want %q (%q)", q.Speaker, q.SpeakerDescription, tt.speaker, tt.description)
			}
		})
	}
}

func TestAttributionGaps(t *testing.T) {
	tests := []struct {
		name, body string
		text       string
		speaker    string // "" = must have no speaker
	}{
		{"name, appositive, verb after a quotation",
			`"They are reading it like a sacred text," Rep. Jora Lind, D-N.Y., the former chair of the harbor board, told the Gazette.`,
			"They are reading it", "Jora Lind"},
		{"name of a place, verb after a quotation",
			`"We did not know it was him," Rev. Tomas Arle of Saint Brigid Harbor Mission Parish, told the Gazette.`,
			"We did not know it was him", "Tomas Arle"},
		{"subject of a participle clause",
			`Anselm Karvik met Oleksiy Dovzhenkiy. It came after Karvik publicly chided Dovzhenkiy on Friday, accusing the president of having "wasted another month."`,
			"wasted another month", "Karvik"},
		{"a new sentence after a finished quotation is not its attribution",
			`Marta Kilian spoke first. "The coast is one of the hottest spots." Gregor Hollen said that the plan "really cost these people their homes."`,
			"The coast is one of the hottest spots", "Marta Kilian"},
		{"passive participle attributes nothing",
			`Ivo Brandt, the senior Republican on the board, said the talks described by the ministry "represent an illegal bargain," even so.`,
			"represent an illegal bargain", "Ivo Brandt"},
		{"given name that is also a word",
			`Harbor organizer Bill Okafor wrote on the group's website.` + "\n\n" + `"When you look at the harbor, you see a decade of failure," he wrote.`,
			"When you look at the harbor", "Bill Okafor"},
		{"a title with its complement opens the paragraph",
			"Ivo Brandt met the secretary on Monday.\n\nSecretary of State Mira F. Kostel said in a statement that the vote was an \"important step forward.\"",
			"important step forward", "Mira F. Kostel"},
		{"a title with of after the verb",
			"Ivo Brandt met the council on Monday.\n\n\"The harbour itself is the first line of defense,\" said former secretary of state Ana Pell, who praised the crews.",
			"The harbour itself is the first line", "Ana Pell"},
		{"two titles joined by and after the verb",
			"Ivo Brandt met the council on Monday.\n\n\"We will fund it,\" said former Norvala Gov. and Harbour Board Chairman Olek Varn.",
			"We will fund it", "Olek Varn"},
		{"name and a long appositive after a finished quotation",
			"Ivo Brandt met Ana Pell on Monday.\n\n\"Not our doing, but we cannot argue with it!\" Pell, the head of the Harbour Trust for Norvala, wrote on Friday.",
			"Not our doing", "Pell"},
		{"a new sentence opening on another name after a finished quotation",
			"Ivo Brandt met Ilsa Marrow on Monday.\n\n\"He is funny,\" Marrow said of Brandt. \"But as a mayor, he is a circus act.\" Of Brandt, Marrow, who backs the mayor, said, \"He is scary.\"",
			"But as a mayor, he is a circus act", "Ilsa Marrow"},
		{"a name in quotation marks inside the attribution",
			"Ivo Brandt met Ilsa Marrow on Monday.\n\n\"We have had better summers than this one,\" harbour pilot Ana Pell, wearing a cap and \"Ivo Brandt\" pins, said as the boats came in.",
			"We have had better summers", "Ana Pell"},
		{"a described name and its verb after a finished quotation",
			"Ivo Brandt met the council on Monday.\n\nBrandt \"wants the pier rebuilt before the storms. Does that float?\" former harbour board adviser Ilsa Marrow asked online.",
			"wants the pier rebuilt", "Ilsa Marrow"},
		{"a new sentence reporting speech after a finished quotation",
			"Ivo Brandt met Ilsa Marrow on Monday.\n\n\"It is a sad day,\" Brandt told reporters. \"This is what the board has made of the harbour.\" Harbour pilot Ilsa Marrow said she would have fired the board.",
			"This is what the board has made", "Ivo Brandt"},
		{"a possessive role after the verb goes on to the name",
			"Ana Pell met the council on Monday.\n\n\"We will rebuild the pier,\" said Pell's chief of staff, Ivo Brandt.",
			"We will rebuild the pier", "Ivo Brandt"},
		{"any past verb before its described speaker after the closing mark",
			"Ana Pell spoke on Monday.\n\n\"It is about time this town had a harbour worth the name,\" exhorted Pell's introducer, actress Ilsa Marrow.",
			"It is about time", "Ilsa Marrow"},
		{"a term in quotation marks inside a long attribution",
			"Ana Pell spoke on Monday.\n\nThe board looked for a link between the two captains and did not find \"ties of any weight,\" aside from the two men knowing each other \"casually\" from the same harbour club, said the board's director, Ivo Brandt, on Monday.",
			"ties of any weight", "Ivo Brandt"},
		{"block quotation after a colon",
			"Elsa Marn, an aide to the mayor, wrote that the girls should show some class.\n\nRead the full post via Lumen:\n\nDear girls, I get that you are both young. At least respect the part you play. Rise to the occasion.",
			"Dear girls, I get that you are both young", "Elsa Marn"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			q := quoteBy(t, Article(model.Article{Body: tt.body}), tt.text)
			if q.Speaker != tt.speaker && !strings.HasSuffix(q.Speaker, " "+tt.speaker) {
				t.Errorf("speaker %q, want %q", q.Speaker, tt.speaker)
			}
		})
	}
}

// TestShortQuotes keeps scare quotes apart from short quoted words that a
// speech verb gives to someone.
func TestShortQuotes(t *testing.T) {
	body := `Karvik said jobs are leaving and that the council has given the town "a bitter year." ` +
		`Pell described the new ad as "dishonest and careless," citing the budget. ` +
		`At one point, Karvik referred to a reporter as a "jackass." ` +
		`Karvik rejected what he called "ultimatums". Pell told Lumen's "Meet the Nation." ` +
		`The "direct" talks went on.`
	e := Article(model.Article{Body: body})
	for _, want := range []struct{ text, speaker string }{
		{"a bitter year.", "Karvik"}, {"dishonest and careless", "Pell"}, {"jackass.", "Karvik"},
	} {
		if q := quoteBy(t, e, want.text); q.Speaker != want.speaker {
			t.Errorf("%q by %q, want %q", want.text, q.Speaker, want.speaker)
		}
	}
	var terms []string
	for _, x := range e.Terms {
		terms = append(terms, x.Text)
	}
	if got := strings.Join(terms, "|"); got != "ultimatums|Meet the Nation|direct" {
		t.Errorf("terms %q", got)
	}
}

func TestEntityDescriptions(t *testing.T) {
	body := "Rep. Dana Orly (R-Minn.) spoke first. Dana Orly, a member of the harbor board, spoke again."
	e := Article(model.Article{Body: body})
	x, ok := entityByKey(e.Entities, "dana orly")
	if !ok {
		t.Fatalf("no entity dana orly in %+v", e.Entities)
	}
	want := []string{"Rep., Republican, Minnesota", "a member of the harbor board"}
	if strings.Join(x.Descriptions, "|") != strings.Join(want, "|") {
		t.Errorf("descriptions %q, want %q", x.Descriptions, want)
	}
	if y, ok := entityByKey(e.Entities, "republican"); ok {
		t.Errorf("a party word is not an entity: %+v", y)
	}
}

func TestPartyTag(t *testing.T) {
	tests := []struct {
		in, want string
	}{
		{" (R-Minn.) said", "Republican, Minnesota"},
		{" (D-Nev.)", "Democrat, Nevada"},
		{", D-N.Y., said", "Democrat, New York"},
		{", R-Calif.", "Republican, California"},
		{" (I-VT)", "Independent, Vermont"},
		{", R-Texas, said", "Republican, Texas"},
		{", Ruling party", ""},
		{", D-Karvik, said", ""}, // not a state
	}
	for _, tt := range tests {
		if got, _ := partyTag(tt.in); got != tt.want {
			t.Errorf("partyTag(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestDescribeAfter(t *testing.T) {
	tests := []struct {
		in   string
		want string
	}{
		{", a spokeswoman for the Karvik campaign, said", "a spokeswoman for the Karvik campaign"},
		{", advisory board member for Harbor Watch.", "advisory board member for Harbor Watch"},
		{", 31, who has more than 14,000 followers", "31, who has more than 14"},
		{", in western Norvala, said", "in western Norvala"},
		{", then the director of the harbor authority, wrote", "then the director of the harbor authority"},
		{" of Norvala, who heads the board.", "of Norvala, who heads the board"},
		{", became the latest member to leave", ""},
		{", whose spokesman, it should be noted, tried", ""},
		{", Ivo Brandt and Karl Moss met", ""},
		{", said on Tuesday", ""},
	}
	for _, tt := range tests {
		if got := joinDesc(describeAfter(tt.in)); got != tt.want {
			t.Errorf("describeAfter(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// FuzzDescribeAfter checks that reading a description never panics and
// never reads past its input.
func FuzzDescribeAfter(f *testing.F) {
	f.Add(", a spokeswoman for the campaign, said")
	f.Add(" (R-Minn.), said")
	f.Add(", D-N.Y.,")
	f.Add(", president of the Port Aldane, Mo., branch")
	f.Add(" of ,, , . (")
	f.Fuzz(func(t *testing.T, s string) {
		if _, n := partyTag(s); n < 0 || n > len(s) {
			t.Fatalf("partyTag(%q) spans %d", s, n)
		}
		if _, n := clauseUntilComma(s); n < 0 || n > len(s) {
			t.Fatalf("clauseUntilComma(%q) spans %d", s, n)
		}
		describeAfter(s)
		Article(model.Article{Body: "Ana Pell" + s + " said \"" + s + ",\" the ad says."})
	})
}

// FuzzPartyTag: the quick checks before partyTag's regular expressions
// change none of its answers.
func FuzzPartyTag(f *testing.F) {
	for _, s := range []string{" (R-Minn.) said", ", D-N.Y., said", "\t( I – Vt.)", ", R-Calif.", ",R-Zz.", " said", "(D-CA)", "\v(R-Ohio)"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, rest string) {
		want, wantN := "", 0
		if m := partyTagParen.FindStringSubmatchIndex(rest); m != nil {
			want, wantN = spellParty(rest[m[2]:m[3]], rest[m[4]:m[5]]), m[1]
		} else if m := partyTagComma.FindStringSubmatchIndex(rest); m != nil && stateName(rest[m[4]:m[5]]) != "" {
			want, wantN = spellParty(rest[m[2]:m[3]], rest[m[4]:m[5]]), m[5]
		}
		if got, n := partyTag(rest); got != want || n != wantN {
			t.Errorf("partyTag(%q) = %q, %d; want %q, %d", rest, got, n, want, wantN)
		}
	})
}
