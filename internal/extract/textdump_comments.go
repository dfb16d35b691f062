package extract

import "strings"

// A comment thread under an article repeats one pattern: who wrote
// ("jane says:"), when, the comment, and a row of actions ("Reply",
// "Report"). Its comments are prose like the article's, so the line model
// cannot tell them apart; the pattern can. markComments flags every line
// of a thread, which the body then leaves out.

// commentActions are the links under each comment, as a line's key.
var commentActions = map[string]bool{
	"reply": true, "report": true, "report abuse": true, "flag": true, "permalink": true, "quote": true,
	"like": true, "likes": true, "like reply": true, "reply report": true, "share reply": true,
	"log in to reply": true, "login to reply": true, "reply with quote": true, "reply share": true,
	"upvote": true, "downvote": true, "report comment": true, "reply to this comment": true,
}

// commentSpeech are the verbs that follow a commenter's name.
var commentSpeech = []string{"says:", "wrote:", "replied:", "commented:"}

// threadGap is how many non-empty lines may separate two marks of one
// thread: a long comment is a few paragraphs.
const threadGap = 10

// commentMark is what a line says about a comment thread.
type commentMark int

const (
	markNone   commentMark = iota
	markStamp              // a time alone: a comment's timestamp, or a dateline
	markAction             // "Reply", "Report": under comments, and under embedded posts too
	markAuthor             // "jane says:": a commenter's name
)

// commentMarkOf reads a line as a mark of a comment thread.
func commentMarkOf(l dumpLine) commentMark {
	if l.empty() || l.words > 8 {
		return markNone
	}
	for _, v := range commentSpeech {
		if n := len(l.text) - len(v); n > 0 && l.text[n-1] == ' ' && strings.HasSuffix(l.text, v) {
			return markAuthor
		}
	}
	if commentActions[l.key] || commentActions[strings.TrimRight(l.key, " 0123456789")] {
		return markAction
	}
	if isTimeAgo(l.text) || (!l.terminal && l.dated) {
		return markStamp
	}
	return markNone
}

// thread counts the marks of one run of them.
type thread struct {
	at    []int // line indexes of the marks
	kinds []commentMark
	marks [markAuthor + 1]int
}

// real reports a run of marks that only a thread makes: two comment
// headers (a commenter's name with a timestamp beside it: an article's
// "The minister wrote:" has none), or actions and timestamps together (an
// action alone also sits under embedded posts, a timestamp alone is a
// dateline).
func (p *page) real(t thread) bool {
	headers := 0
	for k, m := range t.kinds {
		if m == markAuthor && (p.stampNear(t, k, k-1) || p.stampNear(t, k, k+1)) {
			headers++
		}
	}
	return headers >= 2 || (t.marks[markAction] >= 2 && t.marks[markStamp] >= 2)
}

// stampNear reports whether mark j of the thread is a timestamp within
// two non-empty lines of mark k.
func (p *page) stampNear(t thread, k, j int) bool {
	return j >= 0 && j < len(t.at) && t.kinds[j] == markStamp && p.nonEmptyBetween(t.at[k], t.at[j]) <= 2
}

// markComments flags the lines of comment threads: runs of marks, each
// within threadGap non-empty lines of the next, that only a thread makes,
// and the comment under the last mark.
func (p *page) markComments() {
	p.comment = make([]bool, len(p.lines))
	var t thread
	gap := 0
	close := func() {
		if p.real(t) {
			p.flagThread(t)
		}
		t, gap = thread{}, 0
	}
	for i, l := range p.lines {
		if l.empty() {
			continue
		}
		m := commentMarkOf(l)
		if m == markNone {
			if gap++; len(t.at) > 0 && gap > threadGap {
				close()
			}
			continue
		}
		t.at, t.kinds, gap = append(t.at, i), append(t.kinds, m), 0
		t.marks[m]++
	}
	close()
}

// flagThread flags the thread's lines and, when its last mark heads a
// comment rather than closing one, that comment's text under it: its
// prose, up to a heading or furniture. Timestamps far above the first
// comment are the article's dateline, not part of the thread.
func (p *page) flagThread(t thread) {
	k := 0
	for k+1 < len(t.at) && t.kinds[k] == markStamp && p.nonEmptyBetween(t.at[k], t.at[k+1]) > 2 {
		k++
	}
	first, last := t.at[k], t.at[len(t.at)-1]
	for i := first; i <= last; i++ {
		p.comment[i] = !p.lines[i].empty()
	}
	if t.kinds[len(t.kinds)-1] == markAction {
		return
	}
	for i, n := p.next[last], 0; i >= 0 && n < threadGap; i, n = p.next[i], n+1 {
		if c := p.classes[i]; c != clsProse && c != clsShort && c != clsTeaser {
			return
		}
		p.comment[i] = true
	}
}
