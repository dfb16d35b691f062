package model

// Entity types.
const (
	Person       = "person"
	Place        = "place"
	Organisation = "organisation"
)

// Entity is one person, place or organisation named in an article.
type Entity struct {
	// Name is the fullest form this article uses ("Volodymyr Zelenskiy").
	Name string `json:"name"`
	// Key is the canonical identity shared across articles whatever their
	// spelling ("zelensky" for Zelensky, Zelenskiy and Zelenskyy; "kyiv"
	// for Kiev and Kyiv): compare entities across articles by Key.
	Key  string `json:"key"`
	Type string `json:"type"` // Person, Place or Organisation
	// Aliases are the other forms this article uses for it: short forms
	// ("Zelenskiy") and role references ("the Ukrainian president").
	Aliases  []string `json:"aliases"`
	Mentions int      `json:"mentions"`
	// Descriptions are how the article describes a person, in order of
	// use: titles and affiliations before the name ("Veloran Attorney
	// General"), appositives ("a spokeswoman for the Karvik campaign") and
	// party-state tags spelt out ("(R-Minn.)" → "Republican, Minnesota").
	Descriptions []string `json:"descriptions,omitempty"`
}

// CorpusEntity is one person, place or organisation across a collection
// of articles: the articles' entities joined by key, a family name alone
// ("Trump") joined to the one full name it stands for where that is
// unambiguous, and spellings another language romanises its own way
// ("Wolodymyr Selenskyj") joined to the rest.
type CorpusEntity struct {
	// Key is the identity: a person's given and family name ("donald
	// trump"), a place's or organisation's folded name.
	Key string `json:"key"`
	// Name is the canonical name: the fullest form, as most articles
	// write it ("Volodymyr Zelensky").
	Name string `json:"name"`
	Type string `json:"type"` // Person, Place or Organisation
	// Spellings are every name form the articles use for it, the most
	// used first (role references such as "the Ukrainian president" are
	// left out).
	Spellings []string `json:"spellings"`
	// Keys are the articles' Entity.Key values joined into it.
	Keys     []string `json:"keys"`
	Articles int      `json:"articles"` // how many articles name it
	Mentions int      `json:"mentions"` // how often they refer to it, in all
}

// Quote is one direct quotation with who said it and how.
type Quote struct {
	Text string `json:"text"` // the words inside the marks, paragraphs joined by one space
	// Speaker is the speaker's Entity.Name in this article ("" when the
	// article does not say); SpeakerKey its Entity.Key.
	Speaker    string `json:"speaker"`
	SpeakerKey string `json:"speaker_key"`
	// SpeakerDescription is how the article describes the speaker, at the
	// attribution or at the speaker's first full mention: titles,
	// affiliations, appositives and party-state tags of a person ("Veloran
	// Attorney General", "a spokeswoman for the Karvik campaign",
	// "Republican, Minnesota"), or the owner and modifiers of a speaking
	// thing ("Karvik campaign ad", "lawsuit from Norvala and Veloria").
	// Groups and sides are often named only here ("" when none).
	SpeakerDescription string `json:"speaker_description,omitempty"`
	Verb               string `json:"verb"`      // how it was said: "said", "wrote on Truth Social", "told TASS"
	Paragraph          int    `json:"paragraph"` // index into Article.Paragraphs(); -1 for the headline
	// Attribution says how the speaker was found (one of the Attributed…
	// constants): in the quotation's own sentence, in the paragraph before
	// it, carried on from the quotation it continues, from the person the
	// text was just about; or AttributedNone, when Speaker is "".
	Attribution string `json:"attribution"`
}

// How a quotation's speaker was found (Quote.Attribution).
const (
	AttributedDirect   = "direct"       // "…," Karvik said. / Karvik said: "…"
	AttributedPrevious = "previous"     // the paragraph before introduces it: "Karvik wrote:"
	AttributedContinue = "continued"    // it carries on the last attributed quotation
	AttributedContext  = "context"      // the person the sentence or paragraph before is about
	AttributedNone     = "unattributed" // no speaker found
)

// Term is a scare quote: one to three words in quotation marks that an
// outlet distances itself from ("direct", "ultimatums"), not a statement.
type Term struct {
	Text      string `json:"text"`
	Paragraph int    `json:"paragraph"` // -1 for the headline
}

// DateMention is a date the text gives, absolute or relative.
type DateMention struct {
	Text string `json:"text"` // as written: "on Thursday", "11 May 2025"
	Date string `json:"date"` // 2006-01-02, or 2006-01 / 2006 when that is all it says
	// Inferred is true when a relative date was resolved against a
	// reference date guessed from the text, not the article's own date.
	Inferred  bool   `json:"inferred"`
	Paragraph int    `json:"paragraph"` // -1 for the headline
	Sentence  string `json:"sentence"`  // the sentence that carries it
}

// Figure is a number with what it counts ("nine people killed").
type Figure struct {
	Text      string  `json:"text"`  // as written: "nine people killed", "30-day ceasefire"
	Value     float64 `json:"value"` // 9, 30
	Unit      string  `json:"unit"`  // what it counts, singular, lower case: "person", "day"
	Paragraph int     `json:"paragraph"`
	Sentence  string  `json:"sentence"`
}

// Enrichment is everything enrich finds in one article.
type Enrichment struct {
	Entities []Entity      `json:"entities"`
	Quotes   []Quote       `json:"quotes"`
	Terms    []Term        `json:"terms"`
	Dates    []DateMention `json:"dates"`
	Figures  []Figure      `json:"figures"`
	// RefDate is the date relative dates were resolved against
	// (2006-01-02), "" when none could be found; RefInferred says it was
	// guessed from the text rather than taken from Article.Published.
	RefDate     string `json:"ref_date"`
	RefInferred bool   `json:"ref_inferred"`
}
