package extract

import (
	"regexp"
	"strings"
	"unicode"

	"parallax/internal/text"
)

// A site prints its own name near the top of the page, as its masthead,
// and again at the bottom, alone or in a copyright notice. These rules
// read it from those places; when the page does not say, or says only
// the name of the company behind it, the outlet stays empty.

const (
	mastheadLines = 10 // non-empty lines at the top where the masthead may stand
	footerLines   = 25 // non-empty lines at the bottom where the footer may stand
)

// masthead returns the site's name as the page states it, or "".
//
//   - The first line of the page is a short run of capitalised words that
//     stands again below the article among its last lines, alone or inside
//     a copyright notice.
//   - One of the first lines above the headline (index before) is a short
//     run of capitalised words, not a menu item, that the copyright notice
//     names exactly or that stands alone again among the last lines.
//   - The copyright notice names the site, "© 2026 The Daily Example", and
//     not a company ("Example Media Group, Inc.").
func (p *page) masthead(before int) string {
	if i := p.firstNonEmpty(); i >= 0 && i < p.from && i < before {
		l := p.lines[i]
		if !l.bullet && l.words >= 2 && !furniture(p.classes[i]) && isNameLike(l.text, 5) && p.inFooter(l.key) {
			return l.text
		}
	}
	notices := p.copyrightNames()
	seen := 0
	for i := 0; i < len(p.lines) && i < before && (p.from < 0 || i < p.from) && seen < mastheadLines; i++ {
		l := p.lines[i]
		if l.empty() {
			continue
		}
		seen++
		name := undouble(l.text)
		if l.bullet || l.table || furniture(p.classes[i]) || !isNameLike(name, 5) || isNavLine(name) {
			continue
		}
		key := strings.Join(text.Words(name), " ")
		for _, n := range notices {
			if sameName(key, n.name) {
				return name
			}
		}
		if len(strings.Fields(name)) >= 2 && p.standsApart(i) && p.aloneInFooter(key) {
			return name
		}
	}
	for _, n := range notices {
		if !n.company && p.mentions(n.name, n.at) {
			return n.name
		}
	}
	return ""
}

// standsApart reports a line with a blank line, or the edge of the page,
// on either side: a masthead, not an item of a menu printed line by line.
func (p *page) standsApart(i int) bool {
	return (i == 0 || p.lines[i-1].empty()) && (i+1 == len(p.lines) || p.lines[i+1].empty())
}

// mentions reports whether a line of the page other than line skip names
// name. A site names itself more than once; the company behind it often
// only in the copyright notice.
func (p *page) mentions(name string, skip int) bool {
	key := " " + strings.Join(text.Words(name), " ") + " "
	for i, l := range p.lines {
		if i != skip && strings.Contains(" "+l.key+" ", key) {
			return true
		}
	}
	return false
}

// inFooter reports whether one of the last lines of the page, below the
// article, is key alone or a copyright notice naming it.
func (p *page) inFooter(key string) bool {
	found := false
	p.eachFooterLine(func(i int) bool {
		l := p.lines[i]
		named := strings.Contains(" "+l.key+" ", " "+key+" ")
		found = l.key == key || named && copyrightRe.MatchString(l.text)
		return !found
	})
	return found
}

// aloneInFooter reports whether one of the last lines of the page, not a
// list item, is key alone.
func (p *page) aloneInFooter(key string) bool {
	found := false
	p.eachFooterLine(func(i int) bool {
		l := p.lines[i]
		found = !l.bullet && strings.Join(text.Words(undouble(l.text)), " ") == key
		return !found
	})
	return found
}

// eachFooterLine calls f on the last non-empty lines of the page below the
// article, bottom up, until f returns false.
func (p *page) eachFooterLine(f func(i int) bool) {
	seen := 0
	for i := len(p.lines) - 1; i > p.to && seen < footerLines; i-- {
		l := p.lines[i]
		if l.empty() {
			continue
		}
		seen++
		if !f(i) {
			return
		}
	}
}

// notice is the name a copyright notice gives, and whether the notice
// names a company.
type notice struct {
	name    string
	company bool
	at      int // line index of the notice
}

// copyrightNames returns the names the copyright notices among the last
// lines of the page give, bottom up.
func (p *page) copyrightNames() []notice {
	var out []notice
	p.eachFooterLine(func(i int) bool {
		if l := p.lines[i]; l.words <= 40 {
			if n, company := copyrightName(l.text); n != "" {
				out = append(out, notice{n, company, i})
			}
		}
		return true
	})
	return out
}

var (
	copyrightRe     = regexp.MustCompile(`(?i)©|\(c\)|copyright|all rights reserved`)
	copyrightMarkRe = regexp.MustCompile(`(?i)©|\(c\)|copyright`)
	reservedRe      = regexp.MustCompile(`(?i)\ball rights reserved\b.*$`)
	yearRe          = regexp.MustCompile(`^(?:\d{4}(?:\s*[-–]\s*\d{4})?)$`)
)

// copyrightName reads the name after the copyright mark in a notice:
// "© 2005-2026 The Daily Example. All rights reserved." gives "The Daily
// Example". It returns "" when no short run of capitalised words follows,
// and reports whether the notice, up to the end of its sentence, holds a
// word that names a company.
func copyrightName(t string) (name string, company bool) {
	if !strings.Contains(t, "©") && !containsFold(t, "(c)") && !containsFold(t, "copyright") {
		return "", false // copyrightMarkRe needs one of its marks
	}
	loc := copyrightMarkRe.FindAllStringIndex(t, -1)
	if loc == nil {
		return "", false
	}
	toks := strings.Fields(reservedRe.ReplaceAllString(t[loc[len(loc)-1][1]:], ""))
	var ws []string
	k, ended := 0, false
	for ; k < len(toks); k++ {
		bare := strings.TrimRight(toks[k], ".,;:|")
		if len(ws) == 0 && (bare == "" || yearRe.MatchString(bare) || copyrightMarkRe.MatchString(bare) || isDash(bare)) {
			continue // the marks, years and dashes before the name
		}
		if bare == "" || strings.ContainsAny(bare[:1], "([|/-–—") {
			break
		}
		r := []rune(bare)[0]
		if !unicode.IsUpper(r) && !unicode.IsDigit(r) && !unicode.Is(unicode.Lo, r) && !(len(ws) > 0 && isNameParticle(bare)) {
			if len(ws) > 0 {
				return "", false // "Example News and more": where the name ends is unclear
			}
			break
		}
		ws = append(ws, bare)
		if bare != toks[k] {
			k, ended = k+1, strings.HasSuffix(toks[k], ".")
			break // punctuation ends the name; a full stop, the notice
		}
	}
	if k < len(toks) && strings.EqualFold(toks[k], "by") {
		return "", false // "Designed by ...", "Powered by ..."
	}
	rest := toks[min(k, len(toks)):]
	if ended {
		rest = nil
	}
	for _, tok := range append(ws, rest...) {
		if strings.EqualFold(tok, "by") {
			break // "powered by" someone else
		}
		if hasCompanyWord(tok) {
			company = true
		}
		if strings.HasSuffix(tok, ".") || tok == "|" {
			break
		}
	}
	for len(ws) > 0 && (yearRe.MatchString(ws[len(ws)-1]) || isNameParticle(ws[len(ws)-1])) {
		ws = ws[:len(ws)-1]
	}
	if len(ws) == 0 || len(ws) > 5 {
		return "", false
	}
	name = strings.Join(ws, " ")
	if !strings.ContainsFunc(name, unicode.IsLetter) || isNavLine(name) {
		return "", false
	}
	return name, company
}

// containsFold reports whether s holds sub, an ASCII lower-case string,
// with its ASCII letters in either case.
func containsFold(s, sub string) bool {
	for i := 0; i+len(sub) <= len(s); i++ {
		j := 0
		for j < len(sub) && lowerASCII(s[i+j]) == sub[j] {
			j++
		}
		if j == len(sub) {
			return true
		}
	}
	return false
}

func lowerASCII(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

func isDash(s string) bool { return s == "-" || s == "–" || s == "—" }

// legalForms end the name of a company; the same name without them may
// be the site's.
var legalForms = map[string]bool{
	"inc": true, "llc": true, "ltd": true, "limited": true, "plc": true, "gmbh": true, "corp": true,
	"ag": true, "sa": true, "bv": true, "pty": true, "lp": true, "llp": true,
}

// companyWords name a company rather than a publication: a copyright
// notice that holds one says who owns the site, not what it is called.
var companyWords = map[string]bool{
	"company": true, "corporation": true, "group": true, "holdings": true, "media": true,
	"network": true, "networks": true, "interactive": true, "communications": true, "publishing": true,
	"publications": true, "publishers": true, "newspapers": true, "enterprises": true, "services": true,
	"broadcasting": true, "digital": true, "partners": true, "ventures": true,
}

func hasCompanyWord(name string) bool {
	for _, w := range text.Words(name) {
		if legalForms[w] || companyWords[w] {
			return true
		}
	}
	return false
}

// sameName reports whether key (lower-cased words) is the name n a
// copyright notice gives, give or take a leading "the" and a trailing
// legal form ("Ltd", "Inc").
func sameName(key, n string) bool {
	ws := text.Words(n)
	for len(ws) > 0 && legalForms[ws[len(ws)-1]] {
		ws = ws[:len(ws)-1]
	}
	k := strings.TrimPrefix(key, "the ")
	return len(ws) > 0 && (strings.Join(ws, " ") == key || strings.TrimPrefix(strings.Join(ws, " "), "the ") == k)
}

// navWords are the words of menu items and account links, never of a
// site's name.
var navWords = map[string]bool{
	"home": true, "menu": true, "search": true, "contact": true, "about": true, "account": true,
	"sign": true, "log": true, "login": true, "logout": true, "register": true, "subscribe": true,
	"subscribers": true, "newsletter": true, "newsletters": true, "skip": true, "close": true,
	"edition": true, "editions": true, "privacy": true, "terms": true, "cookies": true, "help": true,
	"advertise": true, "careers": true, "jobs": true, "support": true, "donate": true, "share": true,
	"follow": true, "download": true, "app": true, "apps": true, "listen": true, "watch": true,
	"live": true, "breaking": true, "latest": true, "trending": true, "rights": true, "reserved": true,
	"policy": true, "sitemap": true, "rss": true, "feedback": true, "corrections": true,
}

// isNavLine reports a menu item, account link or heading rather than a
// name.
func isNavLine(s string) bool {
	ws := text.Words(s)
	for _, w := range ws {
		if navWords[w] {
			return true
		}
	}
	l := measureLine(0, s)
	return isSectionHead(l) || isBoilerplate(l)
}

// undouble returns one copy of a name a dumper printed twice, once as a
// logo's alt text and once as text: "The Example Post The Example Post".
func undouble(s string) string {
	if n := len(s); n%2 == 0 && n >= 4 && s[:n/2] == s[n/2:] {
		return s[:n/2]
	}
	f := strings.Fields(s)
	if n := len(f); n%2 == 0 && n >= 2 && strings.Join(f[:n/2], " ") == strings.Join(f[n/2:], " ") {
		return strings.Join(f[:n/2], " ")
	}
	return s
}
