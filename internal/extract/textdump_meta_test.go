package extract

import (
	"strings"
	"testing"
)

// The pages in these tests are fictional.

func TestOutlets(t *testing.T) {
	const head = "A headline for the test page\n\nBy Jane Roe\n\n"
	tests := []struct {
		name, dump, outlet string
	}{
		{
			"masthead under a tagline, named by the copyright notice",
			"Independent since 1899\n\nThe Ridge Times\n\n  • News\n  • Sport\n\n" + head + prose +
				"\n  • About us\n  • Contact\n\n© 2025 The Ridge Times Ltd. Registered in Ridgeford.\n",
			"The Ridge Times",
		},
		{
			"masthead under a skip link, repeated alone at the bottom",
			"Skip to main content\n\nRidge Valley Wire\n\n  • World\n  • Markets\n\n" + head + prose +
				"\n  • Careers\n  • Terms of use\n\nRidge Valley Wire\n",
			"Ridge Valley Wire",
		},
		{
			"masthead printed twice as logo and text",
			"Log in\n\nThe Ridge Times The Ridge Times\n\n  • News\n\n" + head + prose + "\n© 2025 The Ridge Times\n",
			"The Ridge Times",
		},
		{
			"copyright notice alone, the name mentioned elsewhere",
			"  • Home\n  • News\n\n" + head + prose + "\nFollow the Pinewood Herald on social media\n\n" +
				"Copyright © 2019-2025 Pinewood Herald. All rights reserved.\n",
			"Pinewood Herald",
		},
		{
			"copyright notice naming only a company",
			"  • Home\n  • News\n\n" + head + prose + "\n© 2025 Brightwater Media Group, Inc. All rights reserved.\n",
			"",
		},
		{
			"copyright notice naming a name nothing else mentions",
			"  • Home\n  • News\n\n" + head + prose + "\n© 2025 Calloway\n",
			"",
		},
		{
			"copyright notice crediting the designer",
			"  • Home\n  • News\n\n" + head + prose + "\nCopyright © 2025 - Designed by Webworks Studio\n\nWebworks Studio\n",
			"",
		},
		{
			"copyright notice whose name runs on",
			"  • Home\n\n" + head + prose + "\nMeadow Lane and friends\n\n© 2025 Meadow Lane and friends of the river\n",
			"",
		},
		{
			"menu item at top and bottom",
			"Contact Us\n\nMain Menu\n\n" + head + prose + "\nContact Us\n",
			"",
		},
		{
			"menu printed line by line, an item repeated at the bottom",
			"Ridge News\nNorth Shore\nSouth Shore\n\n" + head + prose + "\nNorth Shore\n",
			"",
		},
		{
			"tagline and sign-in bar only",
			"Independent since 1899\n\nSign in   Support us\n\n" + head + prose + "\nAll Rights Reserved\n",
			"",
		},
	}
	for _, tt := range tests {
		a, _ := FromText("x", tt.dump)
		if a.Outlet != tt.outlet {
			t.Errorf("%s: outlet %q, want %q", tt.name, a.Outlet, tt.outlet)
		}
	}
}

func TestCopyrightName(t *testing.T) {
	tests := []struct {
		in, name string
		company  bool
	}{
		{"© 2025 The Marsh Ledger Ltd. Registered office: Quay Lane.", "The Marsh Ledger Ltd", true},
		{"© Evening Clarion 2025. Part of the Clarion Media Group.", "Evening Clarion", false},
		{"All quotes delayed. © 2025 Harbourline Wire. All rights reserved.", "Harbourline Wire", false},
		{"Copyright 2025. Ridge Examiner. All Rights Reserved.", "Ridge Examiner", false},
		{"© Copyright 2025, The Ridge-Review | Terms of Service", "The Ridge-Review", false},
		{"© Ridge.example 2003 - 2025 powered by Example Network", "Ridge.example", false},
		{"© 2025 Example News Network, LLC. All rights reserved.", "Example News Network", true},
		{"© 2025 Example Publishing Corp., a subsidiary of Example Holdings", "Example Publishing Corp", true},
		{"Copyright © 2025 - Designed by Webworks Studio", "", false},
		{"© All rights reserved | Terms", "", false},
		{"  • Copyright Policy", "", false},
		{"Copyright and Reprint", "", false},
		{"Landing page copy©", "", false},
	}
	for _, tt := range tests {
		name, company := copyrightName(tt.in)
		if name != tt.name || company != tt.company {
			t.Errorf("copyrightName(%q) = %q, %v; want %q, %v", tt.in, name, company, tt.name, tt.company)
		}
	}
}

func TestStackedHeadline(t *testing.T) {
	tests := []struct {
		name, dump, title string
		inBody            []string
	}{
		{
			"headline over a deck over the byline",
			"WHAT A RESCUE! Firefighters free cat from chimney\n\nOwner: 'He just wanted to see the roof'\n\n  • By JANE ROE\n  • 3 Mar 2025 10:00\n\n" + prose,
			"WHAT A RESCUE! Firefighters free cat from chimney", nil,
		},
		{
			"a kicker word above the headline",
			"Politics\n\nCouncil delays decision on the old bus depot\n\nBy Jane Roe\n\n" + prose,
			"Council delays decision on the old bus depot", nil,
		},
		{
			"a breadcrumb ending in the headline",
			"Home News Local Council delays decision on the old bus depot\n\nCouncil delays decision on the old bus depot\n\nBy Jane Roe\n\n" + prose,
			"Council delays decision on the old bus depot", nil,
		},
		{
			"a link above the headline",
			"print logo https://news.example/council-delays-decision-on-depot\n\nCouncil delays decision on the old bus depot\n\nBy Jane Roe\n\n" + prose,
			"Council delays decision on the old bus depot", nil,
		},
		{
			"a standfirst below the byline is text",
			"Council delays decision on the old bus depot\n\nBy Jane Roe\n\n" +
				"Residents and shop owners will have to wait until the spring to learn what becomes of the site, which has stood empty for years.\n\n" + prose,
			"Council delays decision on the old bus depot",
			[]string{"Residents and shop owners will have to wait"},
		},
	}
	for _, tt := range tests {
		a, _ := FromText("x", "  • Home\n  • News\n\n"+tt.dump)
		if a.Title != tt.title {
			t.Errorf("%s: title %q, want %q", tt.name, a.Title, tt.title)
		}
		if strings.Contains(a.Body, "wanted to see the roof") {
			t.Errorf("%s: deck in body", tt.name)
		}
		for _, s := range tt.inBody {
			if !strings.Contains(a.Body, s) {
				t.Errorf("%s: body lacks %q", tt.name, s)
			}
		}
	}
}

func TestStandfirstAboveByline(t *testing.T) {
	dump := "Council delays decision on the old bus depot\n\n" +
		"Residents and shop owners will have to wait until the spring to learn what becomes of the site, which has stood empty for three years since the new station opened.\n\n" +
		"  • By Jane Roe and John Doe\n  • 3 Mar 2025 10:00\n\n" + prose
	p := newPage(dump, &textdumpWeights)
	t0 := 0
	// Whatever the region takes in, the body starts below the byline.
	body := []int{2, 7, 9, 11}
	got, below := p.pastByline(t0, body)
	if below != 5 || len(got) != 3 || got[0] != 7 {
		t.Errorf("pastByline = %v, %d; want [7 9 11], 5", got, below)
	}
	a, _ := FromText("x", dump)
	if strings.Join(a.Authors, "|") != "Jane Roe|John Doe" || a.Published != "2025-03-03T10:00:00Z" {
		t.Errorf("authors %q published %q", a.Authors, a.Published)
	}
	if strings.Contains(a.Body, "Residents and shop owners") {
		t.Errorf("standfirst above the byline in body:\n%s", a.Body)
	}
}

func TestFurnitureCues(t *testing.T) {
	tests := []struct {
		line string
		want lineClass
	}{
		{"Share   Flitter   Email   Copy link", clsBoiler},
		{"Share:   Facebook   Twitter   Print", clsBoiler},
		{"Save   Gift article   Comments (12)", clsBoiler},
		{"Home   News   Sport   Weather", clsShort}, // a menu, not buttons
		{"Pos.   Driver   Points   Wins", clsShort}, // a table row
		{"Email   Print", clsShort},                 // too few cells
		{"Empty nests in the reedbed on Sunday. Photo: Northshore Wildlife Trust", clsCaption},
		{"FLOUR POWER: Contestants in the hall on Saturday Picture: Clarion Photographer", clsCaption},
		{"The hospital where patients were treatedCredit: Example Agency", clsCaption},
		{"The mayor at the opening Photograph: Jane Roe/Example Agency", clsCaption},
		{"She said the photo: a blurred image of the moon, was the best she had taken.", clsProse},
		{"Before you go", clsHead},
		{"Support our journalism", clsHead},
	}
	for _, tt := range tests {
		if got := classify(measureLine(1, tt.line)); got != tt.want {
			t.Errorf("classify(%q) = %d, want %d", tt.line, got, tt.want)
		}
	}
}

func TestAppeals(t *testing.T) {
	appeal := "The Ridge Times is owned by its readers. Our journalism is funded by readers like you. If you can, please support us today."
	tests := []struct {
		name, dump, gone, kept string
	}{
		{"under an appeal heading", prose + "\nBefore you go\n\nWe have no owner. If you value this reporting, please consider a gift.\n", "please consider a gift", ""},
		{"asking in several ways", prose + "\n" + appeal + "\n", "funded by readers", ""},
		{"article text that mentions donations", "A headline for the test page\n\n" + prose +
			"\nReaders who want to help can donate to the relief fund, which the paper set up with the town's food bank last winter.\n",
			"", "Readers who want to help can donate"},
	}
	for _, tt := range tests {
		a, _ := FromText("x", tt.dump)
		if tt.gone != "" && strings.Contains(a.Body, tt.gone) {
			t.Errorf("%s: body holds the appeal:\n%s", tt.name, a.Body)
		}
		if tt.kept != "" && !strings.Contains(a.Body, tt.kept) {
			t.Errorf("%s: body lacks %q:\n%s", tt.name, tt.kept, a.Body)
		}
		if !strings.Contains(a.Body, "The council will publish a consultation") {
			t.Errorf("%s: body lost the article:\n%s", tt.name, a.Body)
		}
	}
}

func TestContactAndCreditLines(t *testing.T) {
	tests := []struct {
		line          string
		contact, wire bool
	}{
		{"Got a tip? Email news@clarion.example or call the newsdesk on 0100 555 0142.", true, false},
		{"Have a story? Jane Roe may be reached at jroe@ridge.example.", true, false},
		{"The council's address, planning@ridge.example, was printed on the leaflet.", false, false},
		{"(Reporting by Mira Solberg; Editing by Tomas Berg)", false, true},
		{"(Additional reporting by Jane Roe)", false, true},
		{"(The council declined to comment.)", false, false},
	}
	for _, tt := range tests {
		l := measureLine(1, tt.line)
		if got := isContactLine(l); got != tt.contact {
			t.Errorf("isContactLine(%q) = %v", tt.line, got)
		}
		if got := isWireCredit(l); got != tt.wire {
			t.Errorf("isWireCredit(%q) = %v", tt.line, got)
		}
	}
}

func TestUndouble(t *testing.T) {
	for in, want := range map[string]string{
		"The Ridge Times The Ridge Times": "The Ridge Times",
		"RidgeNewsRidgeNews":              "RidgeNews",
		"Ridge News":                      "Ridge News",
		"News News Today":                 "News News Today",
	} {
		if got := undouble(in); got != want {
			t.Errorf("undouble(%q) = %q, want %q", in, got, want)
		}
	}
}
