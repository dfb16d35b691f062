package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Text browsers print what they cannot render as stand-ins: a button as
// "(BUTTON)", an inline frame as "IFRAME: url", a text field as a run of
// underscores or as brackets around spaces, a checkbox as "[ ]" or "[X]", an image as its file name or
// alt text in brackets, sometimes glued to the caption or the paragraph
// after it. None of it is text; dropStandIns takes it out before a line is
// measured, and says whether the line held a form control, the mark of a
// search box, a login or a comment form.

// placeholderTokens are stand-ins removed wherever they stand.
var placeholderTokens = []string{"(BUTTON)", "[BUTTON Input]", "[INS: :INS]", "[INS:", ":INS]"}

// placeholderLeads open a line that is only a stand-in for an embedded
// object.
var placeholderLeads = []string{"IFRAME:", "[IFRAME", "[EMBED", "[OBJECT", "[INLINE]", "[USEMAP]", "[IMG]", "[LINK]"}

// dropStandIns removes stand-ins from a trimmed line. It returns the text
// left, whether the line held a form control, and whether it held nothing
// but stand-ins (the text is then returned as it was, to be classed junk).
func dropStandIns(t string) (text string, form, only bool) {
	if strings.IndexAny(t, "[(_]") < 0 && !strings.HasPrefix(t, "IFRAME:") {
		return t, false, false // every stand-in holds one of these
	}
	for _, p := range placeholderLeads {
		if strings.HasPrefix(t, p) {
			return t, false, true
		}
	}
	orig := t
	if strings.Contains(t, "(BUTTON)") {
		form = true
	}
	for _, p := range placeholderTokens {
		if strings.Contains(t, p) {
			t = strings.ReplaceAll(t, p, " ")
		}
	}
	if strings.Contains(t, "____") {
		t, form = dropFields(t), true
	}
	if strings.Contains(t, "[    ") {
		t, form = dropBoxedFields(t), true
	}
	if rest, ok := cutCheckbox(t); ok {
		t, form = rest, true
	}
	t = dropGluedAlt(strings.TrimSpace(t))
	t = dropTrailingAlt(t)
	t = strings.TrimSpace(t)
	if !strings.ContainsFunc(t, unicode.IsLetter) && t != strings.TrimSpace(orig) {
		return orig, form, true
	}
	return t, form, false
}

// dropFields removes runs of four or more underscores: text fields.
func dropFields(t string) string {
	var b strings.Builder
	run := 0
	for i := 0; i < len(t); i++ {
		if t[i] == '_' {
			run++
			continue
		}
		if run > 0 && run < 4 {
			b.WriteString(strings.Repeat("_", run))
		} else if run >= 4 {
			b.WriteByte(' ')
		}
		run = 0
		b.WriteByte(t[i])
	}
	if run > 0 && run < 4 {
		b.WriteString(strings.Repeat("_", run))
	}
	return b.String()
}

// dropBoxedFields removes text fields drawn as brackets around spaces,
// "[                    ]".
func dropBoxedFields(t string) string {
	for {
		i := strings.Index(t, "[    ")
		if i < 0 {
			return t
		}
		j := i + 1
		for j < len(t) && t[j] == ' ' {
			j++
		}
		if j == len(t) || t[j] != ']' {
			return t
		}
		t = t[:i] + " " + t[j+1:]
	}
}

// cutCheckbox removes a leading "[ ]", "[X]" or "[x]".
func cutCheckbox(t string) (string, bool) {
	for _, box := range []string{"[ ]", "[X]", "[x]", "[]"} {
		if rest, ok := strings.CutPrefix(t, box); ok {
			return rest, true
		}
	}
	return t, false
}

// dropGluedAlt removes an image's bracketed alt text or file name at the
// start of a line: glued to the text after it, "[photo-12]The price of
// ...", or a file name before a space, "[cranes.jpg?width=640] The ...".
// Editorial brackets, "[We] have", "[U.S.] troops", stand apart from the
// next word and name no file.
func dropGluedAlt(t string) string {
	if !strings.HasPrefix(t, "[") {
		return t
	}
	end := strings.IndexByte(t, ']')
	if end < 2 || strings.ContainsAny(t[1:end], " []") {
		return t
	}
	r, _ := utf8.DecodeRuneInString(t[end+1:])
	glued := unicode.IsLetter(r) || unicode.IsDigit(r) || r == '"' || r == '“'
	if !glued && !(r == ' ' && isFileName(t[1:end])) {
		return t
	}
	return t[end+1:]
}

// dropTrailingAlt removes a bracketed file-like name at the end of a line,
// "... on your own schedule [how-to-ret]": an image's alt text. Editorial
// brackets and footnote numbers hold words or digits only.
func dropTrailingAlt(t string) string {
	if !strings.HasSuffix(t, "]") {
		return t
	}
	open := strings.LastIndexByte(t, '[')
	if open <= 0 || t[open-1] != ' ' {
		return t
	}
	inner := t[open+1 : len(t)-1]
	if inner == "" || strings.ContainsAny(inner, " []") || !isFileLike(inner) {
		return t
	}
	return strings.TrimSpace(t[:open])
}

// isFileLike reports a token shaped like a file name or slug: letters and
// digits joined by hyphens, underscores, dots or slashes.
func isFileLike(s string) bool {
	return strings.ContainsAny(s, "-_./") && strings.ContainsFunc(s, unicode.IsLetter)
}
