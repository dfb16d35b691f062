package model

// Report is the comparison of the outlets that cover one story.
type Report struct {
	StoryID       int64             `json:"story_id"`
	Claims        []Claim           `json:"claims"`
	Quotes        []QuoteGroup      `json:"quotes"`
	Discrepancies []Discrepancy     `json:"discrepancies"`
	Framing       []Framing         `json:"framing"`
	Timeline      []TimelineEvent   `json:"timeline"`
	Summary       []SummarySentence `json:"summary"`
}

// Sentence is one sentence of one article, the evidence behind a finding.
type Sentence struct {
	ArticleID int64  `json:"article_id"`
	Outlet    string `json:"outlet"`
	Text      string `json:"text"`
}

// Claim is one fact stated by one or more articles, in their own words.
type Claim struct {
	Text       string     `json:"text"` // the most representative wording
	ArticleIDs []int64    `json:"article_ids"`
	Outlets    []string   `json:"outlets"`
	Sentences  []Sentence `json:"sentences"`
}

// QuoteGroup is one quotation across outlets, with its wordings.
type QuoteGroup struct {
	Speaker    string         `json:"speaker"`
	Text       string         `json:"text"` // the fullest wording
	ArticleIDs []int64        `json:"article_ids"`
	Variants   []QuoteVariant `json:"variants"`
	// Speakers lists every speaker the articles give it, when they differ.
	Speakers []string `json:"speakers,omitempty"`
	// EarliestArticleID is the first article (by published time) to carry it.
	EarliestArticleID int64 `json:"earliest_article_id"`
}

// QuoteVariant is one wording of a quotation.
type QuoteVariant struct {
	Text       string     `json:"text"`
	ArticleIDs []int64    `json:"article_ids"`
	Outlets    []string   `json:"outlets"`
	Truncated  bool       `json:"truncated"` // a part of the fullest wording
	Diff       []DiffPart `json:"diff"`      // against QuoteGroup.Text
}

// DiffPart is one run of a word-level diff: Op is "=", "-" (only in the
// reference wording) or "+" (only in this variant).
type DiffPart struct {
	Op   string `json:"op"`
	Text string `json:"text"`
}

// Discrepancy is one subject given different values by different articles.
type Discrepancy struct {
	Kind    string             `json:"kind"` // "number", "date", "place", "title", "attribution"
	Subject string             `json:"subject"`
	Values  []DiscrepancyValue `json:"values"`
}

// DiscrepancyValue is one side of a discrepancy.
type DiscrepancyValue struct {
	Value      string     `json:"value"`
	ArticleIDs []int64    `json:"article_ids"`
	Sentences  []Sentence `json:"sentences"`
}

// Framing is how one outlet names and describes things.
type Framing struct {
	Outlet      string       `json:"outlet"`
	ArticleIDs  []int64      `json:"article_ids"`
	Names       []NameChoice `json:"names"` // spellings that differ from other outlets'
	Loaded      []string     `json:"loaded"`
	ScareQuotes []string     `json:"scare_quotes"`
}

// NameChoice is the form one outlet uses for an entity others spell otherwise.
type NameChoice struct {
	Key    string   `json:"key"`
	Used   string   `json:"used"`
	Others []string `json:"others"`
}

// TimelineEvent is one dated event, merged across outlets.
type TimelineEvent struct {
	Date       string     `json:"date"`
	Text       string     `json:"text"`
	ArticleIDs []int64    `json:"article_ids"`
	Sentences  []Sentence `json:"sentences"`
}

// SummarySentence is one sentence of the brief with every article behind it.
type SummarySentence struct {
	Text       string   `json:"text"`
	ArticleIDs []int64  `json:"article_ids"`
	Outlets    []string `json:"outlets"`
}
