package source

import (
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

// Fictional news sentences. The names (Травник, Светлянка, Пеструхин,
// الفرناوي, الواحة الزرقاء) are made up so a test can look for them.
const (
	russianText = "Городской совет Нижнего Травника вчера утвердил план строительства " +
		"нового моста через реку Светлянку. Мэр Аркадий Пеструхин заявил журналистам, " +
		"что работы начнутся весной и продлятся два года."
	arabicText = "أعلن مجلس مدينة الواحة الزرقاء أمس عن افتتاح مكتبة جديدة في وسط المدينة. " +
		"وقال رئيس المجلس سليم الفرناوي إن المكتبة ستفتح أبوابها للجميع في فصل الربيع."
)

var (
	russianWords = []string{"Травника", "Светлянку", "Пеструхин"}
	arabicWords  = []string{"الفرناوي", "الواحة الزرقاء", "مكتبة"}
)

func encode(t testing.TB, cm *charmap.Charmap, s string) []byte {
	t.Helper()
	b, err := cm.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatalf("encode %v: %v", cm, err)
	}
	return b
}

// page wraps an already encoded paragraph in HTML with the given <head>
// extras; the markup is ASCII, so it is the same in every 8-bit charset.
func page(headExtra string, body []byte) []byte {
	out := []byte("<!DOCTYPE html>\n<html><head>" + headExtra +
		"<title>Town news</title></head>\n<body><article><p>")
	out = append(out, body...)
	return append(out, "</p></article></body></html>\n"...)
}

func TestDecodeCharsets(t *testing.T) {
	type tc struct {
		name        string
		data        []byte
		contentType string
		want        []string
	}
	var tests []tc
	for _, lang := range []struct {
		name  string
		cm    *charmap.Charmap
		label string
		text  string
		words []string
	}{
		{"arabic windows-1256", charmap.Windows1256, "windows-1256", arabicText, arabicWords},
		{"russian koi8-r", charmap.KOI8R, "koi8-r", russianText, russianWords},
		{"russian windows-1251", charmap.Windows1251, "windows-1251", russianText, russianWords},
	} {
		body := encode(t, lang.cm, lang.text)
		tests = append(tests,
			tc{lang.name + " meta charset", page(`<meta charset="`+lang.label+`">`, body), "", lang.words},
			tc{lang.name + " http-equiv", page(`<meta http-equiv="Content-Type" content="text/html; charset=`+lang.label+`">`, body), "", lang.words},
			tc{lang.name + " content-type header", page("", body), "text/html; charset=" + lang.label, lang.words},
			tc{lang.name + " undeclared html", page("", body), "", lang.words},
			tc{lang.name + " undeclared text", body, "", lang.words},
			tc{lang.name + " wrongly declared utf-8", page(`<meta charset="utf-8">`, body), "", lang.words},
			tc{lang.name + " wrong utf-8 header", body, "text/plain; charset=UTF-8", lang.words},
		)
	}
	tests = append(tests,
		tc{"utf-8 declared as windows-1251", page(`<meta charset="windows-1251">`, []byte(russianText)), "", russianWords},
		tc{"utf-8 undeclared", page("", []byte(arabicText)), "", arabicWords},
		tc{"utf-8 BOM beats declaration", append([]byte("\uFEFF"), page(`<meta charset="koi8-r">`, []byte(russianText))...), "", russianWords},
		tc{"utf-16le BOM", utf16LE(t, russianText), "", russianWords},
		tc{"unknown label falls back to sniffing", page(`<meta charset="no-such-charset">`, encode(t, charmap.KOI8R, russianText)), "", russianWords},
	)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Decode(tt.data, tt.contentType)
			if err != nil {
				t.Fatalf("Decode() error = %v", err)
			}
			if !utf8.ValidString(got) {
				t.Fatalf("Decode() returned invalid UTF-8")
			}
			for _, w := range tt.want {
				if !strings.Contains(got, w) {
					t.Errorf("Decode() lacks %q; got %.200q", w, got)
				}
			}
		})
	}
}

func utf16LE(t testing.TB, s string) []byte {
	t.Helper()
	b, err := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestDecodeCleans(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"crlf", "one\r\ntwo\r\n", "one\ntwo\n"},
		{"lone cr", "one\rtwo", "one\ntwo"},
		{"nul", "on\x00e", "one"},
		{"bom", "\uFEFFtext", "text"},
		{"latin-1 fallback", "caf\xe9 cr\xe8me", "café crème"},
		{"plain ascii", "hello", "hello"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Decode([]byte(tt.in), "")
			if err != nil {
				t.Fatal(err)
			}
			if got != tt.want {
				t.Errorf("Decode(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestMetaCharset(t *testing.T) {
	tests := []struct {
		head, want string
	}{
		{`<meta charset="KOI8-R">`, "KOI8-R"},
		{`<META HTTP-EQUIV="content-type" CONTENT="text/html; charset=windows-1256">`, "windows-1256"},
		{`<meta content="text/html; charset=iso-8859-5" http-equiv="Content-Type">`, "iso-8859-5"},
		{`<meta name="description" content="charset=koi8-r">`, ""},
		{`<body><meta charset="koi8-r">`, ""},
		{`<script>var a = "<meta charset=koi8-r>";</script>`, ""},
	}
	for _, tt := range tests {
		if got := metaCharset([]byte("<html><head>" + tt.head)); got != tt.want {
			t.Errorf("metaCharset(%q) = %q, want %q", tt.head, got, tt.want)
		}
	}
}
