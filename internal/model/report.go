package model

import "slices"

// Report is the comparison of the outlets that cover one story.
type Report struct {
	StoryID int64 `json:"story_id"`
	// Title is the member headline that best agrees with what most outlets
	// report (by content), "" when no member has one; Headlines are the
	// other members' headlines.
	Title         string            `json:"title"`
	Headlines     []Headline        `json:"headlines"`
	Claims        []Claim           `json:"claims"`
	Quotes        []QuoteGroup      `json:"quotes"`
	Discrepancies []Discrepancy     `json:"discrepancies"`
	Framing       []Framing         `json:"framing"`
	Timeline      []TimelineEvent   `json:"timeline"`
	Summary       []SummarySentence `json:"summary"`
	// Compared lists the articles the report compares, in ID order, when
	// the story has more than one report reads (compare.MaxCompared): a
	// bounded number per outlet. Nil when every independent article is
	// compared.
	Compared []int64 `json:"compared,omitempty"`
}

// Sentence is one sentence of one article, the evidence behind a finding.
type Sentence struct {
	ArticleID int64  `json:"article_id"`
	Outlet    string `json:"outlet"`
	Text      string `json:"text"`
}

// Headline is one article's headline.
type Headline struct {
	ArticleID int64  `json:"article_id"`
	Outlet    string `json:"outlet"`
	Text      string `json:"text"`
}

// Claim is one fact stated by one or more articles, in their own words.
type Claim struct {
	Text       string     `json:"text"` // the most representative wording
	ArticleIDs []int64    `json:"article_ids"`
	Outlets    []string   `json:"outlets"` // outlets that state it, in the same or other words
	Sentences  []Sentence `json:"sentences"`
	// NotFound lists the outlets whose articles come close to the claim
	// without surely stating it (a partial paraphrase): neither counted as
	// reporting it nor said to leave it out. Every other outlet of the
	// story leaves it out.
	NotFound []string `json:"not_found,omitempty"`
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
	// Labels say what differs from the fullest wording, in this order:
	// "shortened", "words changed", "words added", "paraphrased"; none for
	// the fullest wording or the same words.
	Labels []string `json:"labels"`
	// Changes are the words replaced, when "words changed".
	Changes []WordChange `json:"changes,omitempty"`
}

// Variant labels.
const (
	Shortened    = "shortened"
	WordsChanged = "words changed"
	WordsAdded   = "words added"
	Paraphrased  = "paraphrased"
)

// WordChange is one run of words a variant has in place of the fullest
// wording's.
type WordChange struct {
	From string `json:"from"`
	To   string `json:"to"`
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

// TimelineEvent is one dated entry, merged across outlets. It has two
// dates: when it happened or will happen (EventDate), and when it was said
// or reported (Reported). Date, where the entry stands, is the event's
// date, except for what someone said of a later day (a plan, a demand, a
// promise): that stands on the day it was said, with the day it speaks of
// as its subject.
type TimelineEvent struct {
	Date       string     `json:"date"`
	Text       string     `json:"text"`
	ArticleIDs []int64    `json:"article_ids"`
	Sentences  []Sentence `json:"sentences"`
	// EventDate is the date the text gives for what it reports; for a
	// statement, the later day it speaks of.
	EventDate string `json:"event_date"`
	// Mention is how the text gives EventDate ("on Thursday").
	Mention string `json:"mention"`
	// Reported is the earliest day an article carrying it was published
	// (or, for an undated article, the day its text or page dates it), ""
	// when none is known; ReportedInferred marks a day guessed from the
	// text rather than a published date.
	Reported         string `json:"reported"`
	ReportedInferred bool   `json:"reported_inferred,omitempty"`
	// Statement marks what someone said of a later day, placed on the day
	// it was said.
	Statement bool `json:"statement,omitempty"`
}

// SummarySentence is one sentence of the brief with every article that
// states it (checked by content).
type SummarySentence struct {
	Text       string   `json:"text"`
	ArticleIDs []int64  `json:"article_ids"`
	Outlets    []string `json:"outlets"`
	// Disputed lists the other values outlets give for a value the
	// sentence carries (a count, a title): the brief states the dispute.
	Disputed []DisputedValue `json:"disputed,omitempty"`
}

// DisputedValue is another outlet's value for something a brief sentence
// states.
type DisputedValue struct {
	Subject    string  `json:"subject"`
	Value      string  `json:"value"`
	ArticleIDs []int64 `json:"article_ids"`
}

// Lead is the brief's first line, "" when the brief is empty: what a
// story card shows of the report.
func (r Report) Lead() string {
	if len(r.Summary) == 0 {
		return ""
	}
	return r.Summary[0].Text
}

// Cited lists every article the report names (what it compared and each
// article it cites), in ID order, each once: what a view of the report
// must know the outlets of.
func (r Report) Cited() []int64 {
	seen := map[int64]bool{}
	add := func(ids ...int64) {
		for _, id := range ids {
			if id != 0 {
				seen[id] = true
			}
		}
	}
	sentences := func(ss []Sentence) {
		for _, s := range ss {
			add(s.ArticleID)
		}
	}
	add(r.Compared...)
	for _, h := range r.Headlines {
		add(h.ArticleID)
	}
	for _, c := range r.Claims {
		add(c.ArticleIDs...)
		sentences(c.Sentences)
	}
	for _, q := range r.Quotes {
		add(q.ArticleIDs...)
		add(q.EarliestArticleID)
		for _, v := range q.Variants {
			add(v.ArticleIDs...)
		}
	}
	for _, d := range r.Discrepancies {
		for _, v := range d.Values {
			add(v.ArticleIDs...)
			sentences(v.Sentences)
		}
	}
	for _, f := range r.Framing {
		add(f.ArticleIDs...)
	}
	for _, e := range r.Timeline {
		add(e.ArticleIDs...)
		sentences(e.Sentences)
	}
	for _, s := range r.Summary {
		add(s.ArticleIDs...)
		for _, d := range s.Disputed {
			add(d.ArticleIDs...)
		}
	}
	out := make([]int64, 0, len(seen))
	for id := range seen {
		out = append(out, id)
	}
	slices.Sort(out)
	return out
}
