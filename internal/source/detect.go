package source

import (
	"bytes"
	"path/filepath"
	"strings"

	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"
)

// sniffLen bounds how much of a document the binary and HTML sniffers look
// at: enough to see past a long doctype or comment, cheap on huge files.
const sniffLen = 8 << 10

var (
	bomUTF8    = []byte{0xEF, 0xBB, 0xBF}
	bomUTF16LE = []byte{0xFF, 0xFE}
	bomUTF16BE = []byte{0xFE, 0xFF}
	gzipMagic  = []byte{0x1F, 0x8B}
)

// binaryMagic lists signatures of common non-text formats that people end up
// pointing the tool at (images, archives, executables, PDFs). Some, like
// "%PDF-", are ASCII, so the control-byte heuristic alone would miss them.
var binaryMagic = [][]byte{
	[]byte("\x89PNG\r\n\x1a\n"),
	[]byte("GIF87a"), []byte("GIF89a"),
	{0xFF, 0xD8, 0xFF},                                               // JPEG
	[]byte("PK\x03\x04"), []byte("PK\x05\x06"), []byte("PK\x07\x08"), // ZIP and friends
	[]byte("\x7fELF"),
	[]byte("%PDF-"),
	gzipMagic,
	[]byte("\xfd7zXZ\x00"),
	[]byte("7z\xbc\xaf\x27\x1c"),
	{0x28, 0xB5, 0x2F, 0xFD}, // zstd
	[]byte("SQLite format 3\x00"),
	[]byte("\x00asm"),
	{0xCF, 0xFA, 0xED, 0xFE}, {0xFE, 0xED, 0xFA, 0xCF}, {0xCA, 0xFE, 0xBA, 0xBE}, // Mach-O, Java class
	{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}, // OLE (old Office)
}

// Detect classifies content that is already decompressed: KindHTML, KindText
// or KindRecord (a JSON object, an array of objects, or JSON lines). It judges
// by content; name (a file name, may be "") only breaks ties, such as a
// ".json" file whose content starts like JSON but is not valid.
// It returns ErrEmpty for content that is empty or only whitespace and
// ErrBinary for content that is not text.
func Detect(name string, data []byte) (Kind, error) {
	if bytes.HasPrefix(data, bomUTF16LE) || bytes.HasPrefix(data, bomUTF16BE) {
		// UTF-16 text is full of NULs; judge its UTF-8 form instead.
		if u, _, err := transform.Bytes(unicode.BOMOverride(unicode.UTF8.NewDecoder()), data); err == nil {
			data = u
		}
	}
	data = bytes.TrimPrefix(data, bomUTF8)
	body := trimSpaceLeft(data)
	if len(body) == 0 {
		return "", ErrEmpty
	}
	if isBinary(data[:min(len(data), sniffLen)]) {
		return "", ErrBinary
	}
	head := body[:min(len(body), sniffLen)]
	ext := nameExt(name)
	ev := htmlEvidence(head)
	switch {
	case looksJSON(head):
		return KindRecord, nil
	case ev == strongHTML:
		return KindHTML, nil
	case ev == weakHTML && !textExt[ext] && bytes.Contains(head, []byte("</")):
		// A fragment such as "<p>...</p>". Text dumps sometimes open with
		// a stray tag the renderer printed verbatim ("<img ...>" from a
		// <noscript>), but rarely hold closing tags.
		return KindHTML, nil
	case jsonExt[ext] && (head[0] == '{' || head[0] == '['):
		return KindRecord, nil
	case htmlExt[ext] && head[0] == '<':
		return KindHTML, nil
	}
	return KindText, nil
}

var (
	jsonExt = map[string]bool{".json": true, ".jsonl": true, ".ndjson": true}
	htmlExt = map[string]bool{".html": true, ".htm": true, ".xhtml": true, ".shtml": true}
	textExt = map[string]bool{".txt": true, ".text": true}
)

// nameExt is the lower-case extension of name, looking through ".gz".
func nameExt(name string) string {
	name = strings.ToLower(name)
	return filepath.Ext(strings.TrimSuffix(name, ".gz"))
}

func isSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'
}

func trimSpaceLeft(b []byte) []byte {
	i := 0
	for i < len(b) && isSpace(b[i]) {
		i++
	}
	return b[i:]
}

// isBinary reports whether a sample is not text: a known binary signature,
// or more than 2% control bytes that no text encoding we read produces. Random
// bytes hold about 10% of them, text virtually none, so the margin is wide.
// ESC is allowed because ISO-2022 encodings use it.
func isBinary(sample []byte) bool {
	for _, m := range binaryMagic {
		if bytes.HasPrefix(sample, m) {
			return true
		}
	}
	ctl := 0
	for _, c := range sample {
		if (c < 0x20 && !isSpace(c) && c != 0x1B) || c == 0x7F {
			ctl++
		}
	}
	return ctl*50 > len(sample)
}

// looksJSON reports whether text starts like a JSON object or an array of
// objects. It wants the byte after the bracket too, so prose that opens with
// "[Updated]" or "{Editor's note}" stays text.
func looksJSON(b []byte) bool {
	if len(b) == 0 || (b[0] != '{' && b[0] != '[') {
		return false
	}
	rest := trimSpaceLeft(b[1:])
	if len(rest) == 0 {
		return true // a lone bracket: only JSON could explain it
	}
	switch {
	case b[0] == '{' && rest[0] == '"', b[0] == '[' && rest[0] == '{':
		return true
	case rest[0] != closing(b[0]):
		return false
	}
	// An empty array is JSON only when nothing follows it: text dumps show
	// empty form fields as "[ ]", often followed by "[Go]". An empty object
	// may start JSON lines, so another object may follow it.
	after := trimSpaceLeft(rest[1:])
	if len(after) == 0 {
		return true
	}
	return b[0] == '{' && after[0] == '{' && looksJSON(after)
}

func closing(open byte) byte {
	if open == '{' {
		return '}'
	}
	return ']'
}

// Tags a page plausibly opens with. Head tags are strong evidence of HTML;
// body tags also open fragments, and text dumps where a renderer printed a
// tag verbatim, so they are weak evidence.
var (
	htmlHeadTags = map[string]bool{
		"html": true, "head": true, "body": true, "meta": true, "title": true,
		"link": true, "script": true, "style": true, "base": true,
	}
	htmlBodyTags = map[string]bool{
		"p": true, "div": true, "article": true, "section": true, "header": true,
		"main": true, "nav": true, "h1": true, "h2": true, "h3": true, "h4": true,
		"h5": true, "h6": true, "table": true, "ul": true, "ol": true, "span": true,
		"a": true, "br": true, "img": true, "noscript": true, "figure": true, "footer": true,
	}
)

type evidence int

const (
	noHTML evidence = iota
	weakHTML
	strongHTML
)

// looksHTML reports whether text opens like HTML, page or fragment.
func looksHTML(b []byte) bool { return htmlEvidence(b) != noHTML }

// htmlEvidence looks at how text opens once leading whitespace, comments and
// an XML prolog are skipped; failing that, whether an <html>, <body> or
// doctype appears in the first KiB (pages saved with a stray header line
// before the markup).
func htmlEvidence(b []byte) evidence {
	s := skipProlog(b)
	if hasPrefixFold(s, "<!doctype html") {
		return strongHTML
	}
	if len(s) > 1 && s[0] == '<' {
		switch name := tagName(s[1:]); {
		case htmlHeadTags[name]:
			return strongHTML
		case htmlBodyTags[name]:
			return weakHTML
		}
	}
	near := bytes.ToLower(b[:min(len(b), 1024)])
	for _, t := range []string{"<html", "<body", "<!doctype html"} {
		if i := bytes.Index(near, []byte(t)); i >= 0 && tagEnds(near[i+len(t):]) {
			return strongHTML
		}
	}
	return noHTML
}

// skipProlog skips whitespace, <!-- comments --> and <?xml ... ?> prologs.
func skipProlog(b []byte) []byte {
	for {
		b = trimSpaceLeft(b)
		var end string
		switch {
		case bytes.HasPrefix(b, []byte("<!--")):
			end = "-->"
		case bytes.HasPrefix(b, []byte("<?")):
			end = "?>"
		default:
			return b
		}
		i := bytes.Index(b, []byte(end))
		if i < 0 {
			return nil
		}
		b = b[i+len(end):]
	}
}

// tagName reads a lower-cased tag name and checks it is followed by a
// delimiter, so "<pre" is not taken for "<p" and "<abc" not for "<a".
func tagName(b []byte) string {
	i := 0
	for i < len(b) && i < 16 && isAlnum(b[i]) {
		i++
	}
	if i == 0 || !tagEnds(b[i:]) {
		return ""
	}
	return strings.ToLower(string(b[:i]))
}

func tagEnds(rest []byte) bool {
	return len(rest) == 0 || rest[0] == '>' || rest[0] == '/' || isSpace(rest[0])
}

func isAlnum(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
}

func hasPrefixFold(b []byte, prefix string) bool {
	return len(b) >= len(prefix) && strings.EqualFold(string(b[:len(prefix)]), prefix)
}
