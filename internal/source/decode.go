package source

import (
	"bytes"
	"fmt"
	"mime"
	"strings"
	"unicode/utf8"

	"github.com/gogs/chardet"
	"golang.org/x/net/html"
	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

const (
	// metaScanLen is how far we look for a <meta> charset declaration. The
	// WHATWG prescan stops at 1024 bytes, but real pages often put scripts
	// and styles before it, so we look further; a late hit is still better
	// than guessing.
	metaScanLen = 4096
	// detectLen bounds the sample the charset detector sees; statistics on
	// 64 KiB are as good as on the whole page and much cheaper.
	detectLen = 64 << 10
)

// Decode turns the raw bytes of an HTML or text document into UTF-8 text.
// contentType is an optional Content-Type header value whose charset
// parameter, like a <meta> declaration in the document, is trusted only when
// the bytes agree with it. The order is: byte order mark, declared charset,
// UTF-8 (valid, or with a few damaged bytes: see mostlyUTF8), then
// statistical detection. The result is valid UTF-8 with line ends
// normalised to "\n" and NUL bytes removed.
func Decode(data []byte, contentType string) (string, error) {
	text, _, err := decodeReport(data, contentType)
	return text, err
}

// decodeReport is Decode that also returns a warning when bytes were read
// as UTF-8 although some were not: each damaged run became U+FFFD.
func decodeReport(data []byte, contentType string) (text, warning string, err error) {
	enc, data := chooseEncoding(data, contentType)
	if enc == encoding.Nop {
		if runs, _, _ := utf8Damage(data); runs > 0 {
			warning = fmt.Sprintf("not valid UTF-8 in %d %s; read as UTF-8 with %s replaced by U+FFFD",
				runs, plural(runs, "place", "places"), plural(runs, "it", "each"))
		}
		return clean(string(data)), warning, nil
	}
	out, err := enc.NewDecoder().Bytes(data)
	if err != nil {
		return "", "", fmt.Errorf("decode %s: %w", encodingName(enc), err)
	}
	return clean(string(out)), "", nil
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// chooseEncoding picks the encoding of data; it returns data without any byte
// order mark. encoding.Nop stands for UTF-8.
func chooseEncoding(data []byte, contentType string) (encoding.Encoding, []byte) {
	switch {
	case bytes.HasPrefix(data, bomUTF8):
		return encoding.Nop, data[len(bomUTF8):]
	case bytes.HasPrefix(data, bomUTF16LE):
		return unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM), data[2:]
	case bytes.HasPrefix(data, bomUTF16BE):
		return unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM), data[2:]
	}
	utf8ish := utf8.Valid(data) || mostlyUTF8(data)
	if enc := declaredEncoding(data, contentType); enc != nil {
		switch {
		case isUTF8(enc) && !utf8ish:
			// A wrong declaration: the page claims UTF-8 but is not. Common
			// on sites that changed templates but not their old articles.
		case !isUTF8(enc) && utf8ish && hasMultibyte(data):
			// The reverse mistake: non-ASCII bytes that form valid UTF-8
			// sequences almost never occur by chance in legacy encodings.
			return encoding.Nop, data
		case isUTF8(enc):
			return encoding.Nop, data
		default:
			return enc, data
		}
	}
	if utf8ish {
		return encoding.Nop, data
	}
	return detectEncoding(data), data
}

// mostlyUTF8 reports whether data, not valid UTF-8, is UTF-8 with a few
// damaged bytes (a file cut and pasted, one bad write) rather than a
// legacy encoding: the bytes of its invalid sequences are under 1% of all
// bytes, and there are at least as many valid multi-byte characters as
// damaged places. Legacy text breaks at nearly every non-ASCII byte and
// forms valid multi-byte sequences almost never; legacy multi-byte
// encodings (GBK, Shift_JIS) break far more often than 1%.
func mostlyUTF8(data []byte) bool {
	runs, badBytes, multibyte := utf8Damage(data)
	return runs > 0 && multibyte >= runs && badBytes*100 < len(data)
}

// utf8Damage counts in data the runs of bytes that are not valid UTF-8
// (each run becomes one U+FFFD), the bytes in them, and the valid
// multi-byte characters.
func utf8Damage(data []byte) (runs, badBytes, multibyte int) {
	inRun := false
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			badBytes++
			if !inRun {
				runs++
			}
			inRun = true
		case size > 1:
			multibyte++
			inRun = false
		default:
			inRun = false
		}
		i += size
	}
	return runs, badBytes, multibyte
}

// declaredEncoding returns the encoding named by the Content-Type header, else
// by a <meta> tag near the start of data, or nil.
func declaredEncoding(data []byte, contentType string) encoding.Encoding {
	if contentType != "" {
		if _, params, err := mime.ParseMediaType(contentType); err == nil {
			if enc := lookup(params["charset"]); enc != nil {
				return enc
			}
		}
	}
	label := metaCharset(data[:min(len(data), metaScanLen)])
	if strings.HasPrefix(strings.ToLower(label), "utf-16") {
		// A <meta> readable as ASCII cannot be in UTF-16; browsers read
		// such pages as UTF-8 and so do we.
		return encoding.Nop
	}
	return lookup(label)
}

// lookup maps a charset label to an encoding; encoding.Nop for UTF-8, nil
// when unknown.
func lookup(label string) encoding.Encoding {
	label = strings.TrimSpace(label)
	if label == "" {
		return nil
	}
	if alias, ok := chardetLabels[label]; ok {
		label = alias
	}
	enc, name := charset.Lookup(label)
	if enc == nil {
		return nil
	}
	if name == "utf-8" {
		return encoding.Nop
	}
	return enc
}

// chardetLabels maps detector names that the WHATWG label table lacks.
var chardetLabels = map[string]string{"GB-18030": "gb18030"}

func isUTF8(enc encoding.Encoding) bool { return enc == encoding.Nop }

func encodingName(enc encoding.Encoding) string {
	if s, ok := enc.(fmt.Stringer); ok {
		return s.String()
	}
	return "charset"
}

// metaCharset finds the charset declared by <meta charset> or by
// <meta http-equiv="Content-Type" content="...; charset=..."> in the head.
func metaCharset(head []byte) string {
	z := html.NewTokenizer(bytes.NewReader(head))
	for {
		switch z.Next() {
		case html.ErrorToken:
			return ""
		case html.StartTagToken, html.SelfClosingTagToken:
			name, hasAttr := z.TagName()
			switch string(name) {
			case "body":
				return "" // declarations only count in the head
			case "meta":
				if label := metaTagCharset(z, hasAttr); label != "" {
					return label
				}
			}
		}
	}
}

// metaTagCharset reads one <meta> tag's attributes.
func metaTagCharset(z *html.Tokenizer, hasAttr bool) string {
	var content string
	pragma := false
	for hasAttr {
		var key, val []byte
		key, val, hasAttr = z.TagAttr()
		switch string(key) {
		case "charset":
			return string(val)
		case "http-equiv":
			pragma = strings.EqualFold(string(val), "content-type")
		case "content":
			content = string(val)
		}
	}
	if !pragma {
		return ""
	}
	if _, params, err := mime.ParseMediaType(content); err == nil {
		return params["charset"]
	}
	return ""
}

// hasMultibyte reports whether data (known to be valid UTF-8) has any
// non-ASCII character.
func hasMultibyte(data []byte) bool {
	for _, c := range data {
		if c >= 0x80 {
			return true
		}
	}
	return false
}

// detectEncoding guesses the encoding of bytes that are not valid UTF-8 and
// carry no usable declaration. The ICU-derived detector scores byte n-grams
// per language, which tells windows-1251 from KOI8-R and windows-1256 from
// ISO-8859-6 on a few sentences. Windows-1252 is the web's own fallback.
func detectEncoding(data []byte) encoding.Encoding {
	sample := data[:min(len(data), detectLen)]
	det := chardet.NewTextDetector()
	if looksHTML(sample) {
		det = chardet.NewHtmlDetector() // ignore ASCII markup when counting
	}
	results, err := det.DetectAll(sample)
	if err == nil {
		for _, r := range results {
			if strings.HasPrefix(strings.ToUpper(r.Charset), "UTF-") {
				continue // we only get here when the bytes are not Unicode
			}
			if enc := lookup(r.Charset); enc != nil && enc != encoding.Nop {
				return enc
			}
		}
	}
	return charmap.Windows1252
}

// textCleaner normalises line ends; "\r\n" is listed first so it wins over
// a lone "\r" (old Mac files), which also becomes "\n".
var textCleaner = strings.NewReplacer("\r\n", "\n", "\r", "\n")

// clean makes decoded text safe for every later stage: valid UTF-8, no NULs
// (they break C-string consumers and SQLite text), "\n" line ends, no BOM.
func clean(s string) string {
	s = strings.TrimPrefix(s, "\uFEFF")
	s = strings.ToValidUTF8(s, "\uFFFD")
	s = strings.ReplaceAll(s, "\x00", "")
	return textCleaner.Replace(s)
}
