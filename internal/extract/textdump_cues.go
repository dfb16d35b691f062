package extract

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"parallax/internal/text"
)

// Cues are general page-furniture signals, never tied to a site: the
// headings that open lists of other stories, the credits that mark photo
// captions, the signature under an embedded social post.

// sectionHeads open a block of links to other stories when they stand
// alone on a line (matched against the line's lower-cased words).
var sectionHeads = []string{
	"related", "related news", "related articles", "related stories", "related posts",
	"related content", "related coverage", "related topics", "related tags", "related reading",
	"most read", "most popular", "most viewed", "most shared", "popular", "popular posts",
	"popular stories", "trending", "trending news", "trending now", "trending stories",
	"recent news", "recent posts", "recent stories", "latest news", "latest stories", "latest",
	"read next", "read more", "more", "more news", "more stories", "more from", "up next",
	"you may also like", "you might also like", "you may like", "recommended", "recommended for you",
	"also read", "see also", "further reading", "more on this story", "more on this topic",
	"coverage", "in case you missed it", "editor s picks", "top stories", "tags", "topics",
	"share this", "share", "comments", "leave a reply", "leave a comment", "about the author",
	"sponsored", "sponsored content", "advertisement", "promoted stories", "from the web",
	"we recommend", "don t miss", "watch", "watch more", "listen", "next article", "previous article",
	"next post", "previous post", "what to read next", "keep reading", "all", "subjects",
}

// appealHeads open a plea to the reader for money or subscriptions, as
// pages print it below the article; they are section heads too.
var appealHeads = []string{
	"before you go", "one more thing", "thank you for reading", "thanks for reading", "support us",
	"support our journalism", "support independent journalism", "support our work",
}

// inlinePrefixes introduce a link to another story on the same line, as in
// "Read more: Headline" or "Also Read | Headline".
var inlinePrefixes = []string{
	"read more", "read also", "also read", "related", "see also", "more", "also", "watch",
	"listen", "recommended", "read next", "read", "click here", "more on this", "more from",
	"editor s note", "sign up", "subscribe", "follow us", "download", "our standards",
}

// inlineFirst holds the first words of inlinePrefixes: most lines open
// with none of them.
var inlineFirst = func() map[string]bool {
	m := make(map[string]bool)
	for _, p := range inlinePrefixes {
		m[firstWord(p)] = true
	}
	return m
}()

func firstWord(key string) string {
	w, _, _ := strings.Cut(key, " ")
	return w
}

var (
	headSet       = wordSet(append(append([]string(nil), sectionHeads...), appealHeads...))
	appealHeadSet = wordSet(appealHeads)
)

func wordSet(ws []string) map[string]bool {
	m := make(map[string]bool, len(ws))
	for _, w := range ws {
		m[w] = true
	}
	return m
}

// isSectionHead reports a line that is only a heading for other content.
func isSectionHead(l dumpLine) bool {
	k := strings.TrimSuffix(l.key, " all")
	return headSet[k] || (strings.HasPrefix(k, "more ") && l.words <= 5) ||
		(strings.HasPrefix(k, "related ") && l.words <= 4) || opensWithHead(l)
}

// opensWithHead reports a heading that ends in a colon and opens with a
// section head of two words or more: "Related coverage from Money:".
func opensWithHead(l dumpLine) bool {
	if l.words > 10 || !strings.HasSuffix(l.text, ":") {
		return false
	}
	ws := strings.Fields(l.key)
	for n := 2; n <= min(len(ws), 5); n++ {
		if headSet[strings.Join(ws[:n], " ")] {
			return true
		}
	}
	return false
}

// isInlineLink reports "Read more: ...", "Also Read | ..." and the like: a
// cue word followed by a separator and the title of another story.
func isInlineLink(l dumpLine) bool {
	if !inlineFirst[firstWord(l.key)] {
		return false
	}
	for _, p := range inlinePrefixes {
		if len(l.key) <= len(p) || l.key[len(p)] != ' ' || !strings.HasPrefix(l.key, p) {
			continue
		}
		rest := strings.TrimLeft(l.text[prefixLen(l.text, p):], " ")
		if r, _ := utf8.DecodeRuneInString(rest); rest != "" && strings.ContainsRune(":|»>›-–—", r) {
			return true
		}
	}
	return false
}

// prefixLen returns how many bytes of t the words of p (lower-cased,
// separated by single spaces) cover, skipping punctuation between them.
func prefixLen(t, p string) int {
	want := strings.Fields(p)
	i := 0
	for _, w := range want {
		for i < len(t) && !isWordByte(t[i]) {
			i++
		}
		if len(t)-i < len(w) || !strings.EqualFold(t[i:i+len(w)], w) {
			return len(t)
		}
		i += len(w)
	}
	return i
}

func isWordByte(b byte) bool {
	return b >= 0x80 || b == '_' || (b|0x20 >= 'a' && b|0x20 <= 'z') || (b >= '0' && b <= '9')
}

// captionPhrases mark photo captions and credits.
var captionPhrases = newPhrases(nil,
	[]string{"image copyright", "image caption", "photos by", "photo by", "courtesy"},
	cueCaption,
)

// captionMarks are the lower-cased openings and position marks of
// captions: "Photo: Jane Roe", "(L)", "(left)".
var (
	captionOpenings = []string{"photo:", "photos:", "image:", "picture:", "credit:", "caption:"}
	captionMarks    = []string{"(photo", "(l)", "(r)", "(c)", "(left)", "(right)", "(center)", "(centre)", "(top)", "(bottom)"}
	creditWords     = map[string]bool{
		"ap": true, "afp": true, "epa": true, "reuters": true, "getty": true, "file": true, "archive": true,
		"photo": true, "image": true, "courtesy": true, "credit": true, "upi": true, "xinhua": true, "ansa": true,
		"dpa": true, "tass": true, "pa": true, "sputnik": true, "anadolu": true, "supplied": true, "handout": true,
		"screengrab": true, "screenshot": true, "illustration": true,
	}
)

// agencyLead matches a caption that opens with a photo agency credit in
// capitals ("EPA Meeting of ...", "AFP People gather ...").
var agencyLead = regexp.MustCompile(`^(?:AP|AFP|EPA|REUTERS|GETTY|GETTY IMAGES|XINHUA|ANADOLU|SHUTTERSTOCK|PA|DPA|TASS|UPI)\s+\p{Lu}`)

// isCaption reports a photo caption or credit line: "... (AP Photo/Jane
// Roe)", "... (Reuters)", "Photo: Jane Roe", "Image copyright ...",
// "(Archive).", a line marking people "(L)" and "(R)".
func isCaption(l dumpLine) bool {
	if l.words > 70 {
		return false
	}
	if captionPhrases.match(l) || endsWithCredit(l.text) || endsWithTrailingCredit(l.text) || opensWithAgency(l.text) {
		return true
	}
	if strings.Contains(l.text, "©") && l.words <= 30 {
		return true
	}
	for _, p := range captionOpenings {
		if len(l.text) >= len(p) && strings.EqualFold(l.text[:len(p)], p) {
			return true
		}
	}
	if strings.IndexByte(l.text, '(') < 0 {
		return false // every mark opens with a bracket
	}
	low := strings.ToLower(l.text)
	for _, m := range captionMarks {
		if strings.Contains(low, m) {
			return true
		}
	}
	return false
}

// opensWithAgency reports a line agencyLead matches; the agency's name
// must open the line, so a look at the first word comes first.
func opensWithAgency(t string) bool {
	first, _, _ := strings.Cut(t, " ")
	return agencyWords[first] && agencyLead.MatchString(t)
}

var agencyWords = wordSet([]string{"AP", "AFP", "EPA", "REUTERS", "GETTY", "XINHUA", "ANADOLU", "SHUTTERSTOCK", "PA", "DPA", "TASS", "UPI"})

// trailingCreditRe matches a caption that ends with its credit, as in
// "... on Tuesday. Photo: Jane Roe/Agency" or "... Picture: Example Agency".
var trailingCreditRe = regexp.MustCompile(`(?:^|\s|\p{Ll})(?:Photo|Photos|Photograph|Picture|Pic|Image|Images|Illustration|Credit)(?::|\s+by)\s+(\S.{0,60}?)\.?$`)

// endsWithTrailingCredit reports a line that ends with "Photo: " and the
// name of a photographer or agency.
func endsWithTrailingCredit(t string) bool {
	if n := len(t) - 300; n > 0 {
		for n < len(t) && !utf8.RuneStart(t[n]) {
			n++
		}
		t = t[n:] // the credit is short: look at the end of long lines only
	}
	if !strings.Contains(t, ":") && !strings.Contains(t, " by ") {
		return false
	}
	if !strings.Contains(t, "Photo") && !strings.Contains(t, "Pic") && !strings.Contains(t, "Image") &&
		!strings.Contains(t, "Illustration") && !strings.Contains(t, "Credit") {
		return false // trailingCreditRe needs one of its words
	}
	g := trailingCreditRe.FindStringSubmatch(t)
	return g != nil && isNameLike(creditSeparators.Replace(g[1]), 6)
}

// endsWithCredit reports a line ending in a parenthesised photo credit,
// "(AP Photo/Jane Roe)" or "(Archive).".
func endsWithCredit(t string) bool {
	t = strings.TrimSuffix(t, ".")
	if !strings.HasSuffix(t, ")") {
		return false
	}
	open := strings.LastIndexByte(t, '(')
	if open < 0 || len(t)-open > 64 {
		return false
	}
	inner := strings.FieldsFunc(strings.ToLower(t[open+1:len(t)-1]), func(r rune) bool {
		return r == ' ' || r == '/' || r == ',' || r == ':'
	})
	return len(inner) > 0 && creditWords[inner[0]]
}

// signatureRe matches the line under an embedded social post:
// "— Jane Roe (@janeroe) May 11, 2025".
var signatureRe = regexp.MustCompile(`^[—–-]\s*.{1,80}\(@\w{1,30}\)\s*.{0,30}\d{4}\s*$`)

func isSignature(l dumpLine) bool {
	return strings.Contains(l.text, "(@") && signatureRe.MatchString(l.text)
}

// boilerPhrases mark page furniture whatever its length: copyright
// notices, cookie and newsletter prompts, share buttons, comment
// scaffolding.
var boilerPhrases = newPhrases(
	[]string{"reply", "advertisement", "advertising", "print", "email"},
	[]string{
		"copyright", "sign in", "sign up", "log in", "login", "subscribe", "share this", "share on", "share via",
		"follow us", "follow me", "click here", "tap here", "loading", "skip to", "back to top", "sponsored",
		"leave a comment", "leave a reply", "post a comment", "add a comment", "write a comment",
		"view comments", "show comments", "load comments", "view all comments", "show all comments",
	},
	cueBoiler,
)

// buttonLabels are the labels of share and tool buttons, lower-cased.
var buttonLabels = map[string]bool{
	"share": true, "email": true, "e-mail": true, "mail": true, "print": true, "copy": true, "copy link": true,
	"link": true, "save": true, "comment": true, "comments": true, "tweet": true, "post": true, "facebook": true,
	"twitter": true, "x": true, "whatsapp": true, "linkedin": true, "reddit": true, "pinterest": true,
	"messenger": true, "telegram": true, "sms": true, "flipboard": true, "bookmark": true, "gift": true,
	"gift article": true, "listen": true, "more": true, "copied": true, "embed": true,
}

var cellGapRe = regexp.MustCompile(`\s{2,}`)

// isButtonBar reports a row of short button labels set apart by runs of
// spaces, as a dumper prints a share bar: "Share   Email   Copy link". At
// least two of the labels must be known buttons.
func isButtonBar(t string) bool {
	if !strings.Contains(t, "  ") || len(t) > 200 {
		return false
	}
	cells := cellGapRe.Split(strings.TrimSpace(t), -1)
	if len(cells) < 3 || len(cells) > 10 {
		return false
	}
	known := 0
	for _, c := range cells {
		if len(strings.Fields(c)) > 3 || strings.ContainsAny(c, ".!?") {
			return false
		}
		k := strings.ToLower(strings.TrimRight(c, " :0123456789()"))
		if buttonLabels[strings.TrimSpace(k)] {
			known++
		}
	}
	return known >= 2
}

// appealPhrases are the words of a plea addressed to the reader for money
// or subscriptions (matched against a line's key).
var appealPhrases = []string{
	"support us", "support our", "supporting us", "help us", "our journalism", "our reporting",
	"funded by readers", "funded by our readers", "readers like you", "please support",
	"please consider", "make a contribution", "become a member", "become a supporter",
	"become a subscriber", "donate to us", "give to us", "no paywall", "small favour", "small favor",
	"independent journalism", "every contribution",
}

// markAppeals reclassifies as furniture the plea for support a page sets
// after the article: a paragraph under an appeal heading that asks for
// support, or any paragraph that asks in several ways.
func (p *page) markAppeals() {
	for i, l := range p.lines {
		if l.empty() || l.words > 80 {
			continue
		}
		cues := l.appeals
		if cues == 0 {
			continue
		}
		under, k := false, 0
		for j := i - 1; j >= 0 && k < 2 && !under; j-- {
			if !p.lines[j].empty() {
				under, k = appealHeadSet[p.lines[j].key], k+1
			}
		}
		if cues >= 3 || under {
			p.classes[i] = clsBoiler
		}
	}
}

var (
	emailRe   = regexp.MustCompile(`[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+`)
	contactRe = regexp.MustCompile(`(?i)\b(?:e-?mail|contact|reach|reached|write to|call|tips?|got a story|let us know)\b`)
)

// isContactLine reports an invitation to contact the newsroom or the
// writer: "Got a story? Email news@example.com or call ...", "Have a tip?
// Jane Roe may be reached at jroe@example.com".
func isContactLine(l dumpLine) bool {
	if l.words > 40 || !strings.Contains(l.text, "@") {
		return false
	}
	loc := emailRe.FindStringIndex(l.text)
	return loc != nil && contactRe.MatchString(l.text[:loc[0]]+" "+l.text[loc[1]:])
}

// wireCreditRe matches the credit line that closes a news agency's story:
// "(Reporting by Jane Roe; Editing by John Doe)". It is article text.
var wireCreditRe = regexp.MustCompile(`(?i)^\((?:additional )?(?:reporting|writing|editing|compiled|edited|written|reported) by\b.*\)\.?$`)

func isWireCredit(l dumpLine) bool { return l.words <= 30 && wireCreditRe.MatchString(l.text) }

var commentCount = map[string]bool{"comment": true, "comments": true, "response": true, "responses": true, "replies": true}

func isBoilerplate(l dumpLine) bool {
	if l.buttons || l.form || boilerPhrases.match(l) || strings.HasPrefix(l.text, "©") || strings.HasSuffix(l.text, "says:") {
		return true
	}
	w0, rest, _ := strings.Cut(l.key, " ")
	w1, more, _ := strings.Cut(rest, " ")
	if w1 != "" && commentCount[w1] && strings.Trim(w0, "0123456789") == "" {
		return true // "12 comments"
	}
	if w1 != "" && more == "" && commentCount[w0] && strings.Trim(w1, "0123456789") == "" {
		return true // "Comments (12)"
	}
	return l.cues&cueCookie != 0 && l.cues&cueCookieUse != 0
}

var bracketRe = regexp.MustCompile(`\[[^\]]*\]`)

// isJunk reports lines with nothing to read: image placeholders like
// "[photo-12]", rules of box-drawing characters, form fields, bare numbers.
func isJunk(l dumpLine) bool {
	if !l.hasLetters() || l.stand {
		return true
	}
	t := l.text
	if strings.HasPrefix(t, "[") && len(text.Words(bracketRe.ReplaceAllString(t, ""))) < 2 {
		return true // "[photo-12]", "[facebook] [twitter] [email]"
	}
	if strings.HasPrefix(t, "{*") || strings.HasPrefix(t, "[INS") {
		return true
	}
	a, b, _ := strings.Cut(t, " ") // the text's spaces are single
	if strings.Contains(b, " ") || !isFileName(a) {
		return false
	}
	return b == "" || isFileName(b) // a slug or file name, printed once or twice
}

// isFileName reports a word that is a slug, a path or an image's file
// name rather than text.
func isFileName(w string) bool {
	for _, ext := range []string{".jpg", ".jpeg", ".png", ".gif", ".webp", ".svg"} {
		if containsFold(w, ext) {
			return true
		}
	}
	return (len(w) > 15 && strings.ContainsAny(w, "-_")) || (strings.ContainsAny(w, "_/.") && !strings.HasSuffix(w, "."))
}

// creditSeparators split the names of a credit ("Ana Pell/Reuters").
var creditSeparators = strings.NewReplacer("/", " ", ",", " ")
