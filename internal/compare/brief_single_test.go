package compare

import (
	"testing"

	"parallax/internal/model"
)

// singleDoc is one invented article prepared for the brief's rules.
func singleDoc(t *testing.T, body string, ents []model.Entity) *doc {
	t.Helper()
	a := model.Article{ID: 1, Outlet: "Orvel Courier", Title: "Orvel dam council votes on repairs", Body: body,
		Enrichment: &model.Enrichment{Entities: ents}}
	return prepare([]model.Article{a})[0]
}

func TestSingleFault(t *testing.T) {
	ents := []model.Entity{
		{Name: "Ida Sorn", Key: "ida sorn", Type: model.Person, Aliases: []string{"Sorn"}},
		{Name: "Orvel", Key: "orvel", Type: model.Place},
		{Name: "Brask Party", Key: "brask party", Type: model.Organisation},
	}
	d := singleDoc(t, "The Orvel dam council voted on Monday. The Brask Party met in Orvel.", ents)
	bc := briefContext{known: storyKnown([]*doc{d})}
	tests := []struct {
		text, want string
	}{
		{"Ida Sorn said on Monday that the dam would be rebuilt by the spring.", ""},
		{"On Tuesday, Ida Sorn ordered an inquiry into the collapse of the Orvel dam.", ""},
		{"Former Orvel mayor Ida Sorn was arrested on Monday at her home.", ""},
		{"The Brask Party adopted a resolution calling for the council to resign.", ""},
		{"Orvel has raised more than 60 million crowns for the repairs since January.", ""},
		// No named subject.
		{"Two neighbouring towns filed a complaint against Orvel on Monday.", "subject"},
		{"A sitting councillor was asked in Orvel whether he backed the plan.", "subject"},
		{"For months, some farmers near Orvel have complained about the water.", "subject"},
		{"The Orvel group said the call from Ida Sorn came unexpectedly.", "subject"},
		{"Members of the Brask Party walked out of the Orvel council.", "subject"},
		// The outlet's own assessment.
		{"Ida Sorn's plea was yet another chapter in the decline of her career.", "assessment"},
		{"Ida Sorn appears visibly irritated as she leaves the Orvel council.", "assessment"},
		{"Only in office since 2010, Sorn would be the first Orvel mayor to win twice.", "assessment"},
		{"Ida Sorn, clearly delighted, thanked the Orvel council for its vote.", "judging"},
		{"Ida Sorn blasted the Orvel council for its vote on the dam repairs.", "judging"},
		// A quotation that leans on the article, a noun it introduced.
		{`Ida Sorn told Orvel radio: "Not one thing he said about the dam is true."`, "quoted-pronoun"},
		{"Ida Sorn looked back at her family several times during the hearing.", "unknown-definite"},
		{"Ida Sorn voted against the dam repairs at the council in Orvel.", ""},
	}
	for _, tt := range tests {
		if got := bc.singleFault(tt.text, d.sents[0]); got != tt.want {
			t.Errorf("singleFault(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

func TestQuotedPronoun(t *testing.T) {
	tests := []struct {
		text string
		want bool
	}{
		{`"Now that they have opened the door, lawmakers must walk through it," Kel Varno said.`, true},
		{`"Not a single thing he said is accurate," Ida Sorn said.`, true},
		{`"Ida Sorn knows what she is doing," Kel Varno said.`, false},
		{`"I regret my reaction and I apologize to all involved," Ida Sorn said.`, false},
		{`Kel Varno said he would vote for the dam repairs.`, false},
	}
	for _, tt := range tests {
		if got := quotedPronoun(tt.text); got != tt.want {
			t.Errorf("quotedPronoun(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
}

func TestStandsAloneOpenings(t *testing.T) {
	names := []nameForm{{form: "Ida Sorn", key: "ida sorn", typ: model.Person}, {form: "Orvel", key: "orvel", typ: model.Place}}
	tests := []struct {
		text string
		want bool
	}{
		{"It's a reference to the fact that Ida Sorn is respected in Orvel.", false},
		{"They’re expected to vote on the Orvel dam repairs on Monday.", false},
		{"Two heartland towns filed a complaint against Orvel on Thursday.", false},
		{"Three senators asked Ida Sorn to explain the Orvel payments.", false},
		{"Two surveys of Orvel voters showed mixed results for the dam plan.", true},
		{"In a statement issued by her lawyers, Ida Sorn said she had no excuses.", true},
		{"In a statement issued by her lawyers, the council said Orvel had no excuses.", false},
	}
	for _, tt := range tests {
		if got := standsAlone(tt.text, names); got != tt.want {
			t.Errorf("standsAlone(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
}

func TestTitleEcho(t *testing.T) {
	d := singleDoc(t, "Orvel dam council votes on repairs\n\nThe Orvel dam council voted on Monday to repair the dam.", nil)
	if !titleEcho(d.sents[0]) || titleEcho(d.sents[1]) {
		t.Errorf("titleEcho: %v %v", titleEcho(d.sents[0]), titleEcho(d.sents[1]))
	}
	if news := newsSents(d); len(news) != 1 || news[0] != d.sents[1] {
		t.Errorf("newsSents keeps the headline: %d sentences", len(news))
	}
}

func TestThingPronoun(t *testing.T) {
	names := []nameForm{{form: "Ida Sorn", key: "ida sorn", typ: model.Person}, {form: "Orvel", key: "orvel", typ: model.Place},
		{form: "Brask Party", key: "brask party", typ: model.Organisation}}
	tests := []struct {
		text string
		want bool
	}{
		{"Ida Sorn said it would cost more than nine million crowns.", true},
		{"Ida Sorn said they would vote against the repairs on Monday.", true},
		{"The Brask Party said it would vote against the repairs.", false},
		{"Ida Sorn defended the repairs, saying it was the cheapest plan.", false},
		{"Ida Sorn told farmers they would be paid by the spring.", false},
		{"Ida Sorn said it is likely that the dam will hold.", false},
	}
	for _, tt := range tests {
		if got := thingPronoun(tt.text, names); got != tt.want {
			t.Errorf("thingPronoun(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
}

// TestSharedFault: a line several outlets state keeps the rules of
// reference but may open on a description or judge.
func TestSharedFault(t *testing.T) {
	ents := []model.Entity{
		{Name: "Ida Sorn", Key: "ida sorn", Type: model.Person, Aliases: []string{"Sorn"}},
		{Name: "Orvel", Key: "orvel", Type: model.Place},
	}
	d := singleDoc(t, "The regional council met in Orvel on Monday as the lower town flooded. Ida Sorn spoke in Orvel.", ents)
	bc := briefContext{known: storyKnown([]*doc{d})}
	tests := []struct {
		text, want string
	}{
		{"The regional council will meet on Monday to approve emergency funds for Orvel.", ""},
		{"Rescue crews searched the lower town of Orvel through Thursday night.", ""},
		{"Ida Sorn blasted the Orvel council for its vote on the dam repairs.", ""},
		{"An interim report is due by the end of June.", "subject"},
		{"Some residents were told to leave their homes by the evening.", "subject"},
		{"A court in Orvel will hear the case against Ida Sorn in May.", ""},
		{"Ida Sorn said it would cost more than nine million crowns.", "pronoun"},
		{"Ida Sorn looked back at her family several times during the hearing.", "unknown-definite"},
		{`Ida Sorn told Orvel radio: "Not one thing he said about the dam is true."`, "quoted-pronoun"},
	}
	for _, tt := range tests {
		if got := bc.sharedFault(tt.text, d.sents[0]); got != tt.want {
			t.Errorf("sharedFault(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

// TestBriefNoSingles: past its first line the brief takes only what two
// outlets or more state, however well a single outlet's line reads alone.
func TestBriefNoSingles(t *testing.T) {
	arts := []model.Article{
		{ID: 1, Outlet: "Orvel Courier", Body: "The Tarrow dam broke and flooded the town of Orvel on Thursday, killing nine people.\n\n" +
			"The regional council of Orvel will meet on Monday to approve emergency funds for the town.\n\n" +
			"Harbour master Kel Varno counted forty boats lost in the Orvel marina on Friday morning.\n\n" +
			"Farmers in the Tarrow valley said their fields would stay under water for weeks.\n\n" +
			"The Orvel school was turned into a shelter for families whose homes were flooded.\n\n" +
			"Engineers had inspected the Tarrow dam in 2019 and found no cracks in its wall.\n\n" +
			"Volunteers from Brask brought blankets and food to the shelter on Friday.\n\n" +
			"The Orvel marina is expected to reopen in May after repairs to its walls."},
		{ID: 2, Outlet: "Brask Herald", Body: "The broken Tarrow dam flooded the town of Orvel on Thursday, killing nine people there.\n\n" +
			"The regional council of Orvel is to meet on Monday to approve emergency funds for the town."},
	}
	r := Build(model.Story{ID: 1}, arts)
	if len(r.Summary) < 2 {
		t.Fatalf("brief lacks the shared council line: %+v", r.Summary)
	}
	for _, s := range r.Summary[1:] {
		if len(s.Outlets) < 2 {
			t.Errorf("single-outlet line in the brief: %+v", s)
		}
	}
}

func TestQuotedDemonstrative(t *testing.T) {
	tests := []struct {
		text string
		want bool
	}{
		{`"I remember how humiliating that was and how angry I was," Ida Sorn said.`, true},
		{`"That's why we voted against the repairs," Ida Sorn said.`, true},
		{`"We know this is hard, but that was the plan," Ida Sorn said.`, true},
		{`"The decision that was made in Orvel will stand," Ida Sorn said.`, false},
		{`"It is very important to me that the dam be rebuilt," Ida Sorn said.`, false},
		{`Ida Sorn said that was the plan all along.`, false},
	}
	for _, tt := range tests {
		if got := quotedDemonstrative(tt.text); got != tt.want {
			t.Errorf("quotedDemonstrative(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
}

// TestShortOpening: a short first line one outlet states must date and
// report an event; a dek or a teaser does not open the brief.
func TestShortOpening(t *testing.T) {
	ents := []model.Entity{{Name: "Ida Sorn", Key: "ida sorn", Type: model.Person, Aliases: []string{"Sorn"}}}
	tests := []struct {
		text string
		want bool
	}{
		{"Ida Sorn finished third in the Orvel council vote on Monday.", false},
		{"Ida Sorn met the mayor of Brask on Wednesday.", false},
		{"Ida Sorn had a great night on Saturday.", true},
		{"Tuesday was a very good day for Ida Sorn.", true},
		{"Councillor sharpens attacks as a harder vote looms.", true},
		{"Says Ida Sorn would close the Orvel dam for good.", true},
		{"Ida Sorn, the mayor of Orvel since 2019, said on Monday that the dam would be rebuilt by the spring.", false},
	}
	for _, tt := range tests {
		a := model.Article{ID: 1, Outlet: "Orvel Courier", Title: "Orvel votes", Published: "2026-03-10", Body: tt.text}
		e := enrichArticle(a)
		a.Enrichment = &e
		a.Enrichment.Entities = append(a.Enrichment.Entities, ents...)
		d := prepare([]model.Article{a})[0]
		if got := shortOpening(tt.text, d.sents[0]); got != tt.want {
			t.Errorf("shortOpening(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
}

func TestBriefFaultColon(t *testing.T) {
	d := singleDoc(t, "The latest on the Orvel council vote on the dam repairs, with the results by district:", nil)
	if _, f := briefFault(d.sents[0]); f != "introduces" {
		t.Errorf("fault %q, want introduces", f)
	}
}
