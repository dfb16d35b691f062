package source

import (
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/simplifiedchinese"
)

// A fictional French news paragraph: accents on nearly every line.
const frenchText = "Le conseil municipal de Brévalle a approuvé jeudi la rénovation du pont de l’Étang. " +
	"Les travaux débuteront en été et dureront dix-huit mois, a précisé la maire Hélène Quérard, " +
	"qui a qualifié le chantier de « priorité absolue » pour les riverains du quartier Saint-Évroult."

// A fictional Chinese news sentence (invented town and mayor).
const chineseText = "青岚镇政府昨天宣布，新的跨河大桥将于明年春天开工，镇长林书远表示工程预计持续两年。"

// damage puts one stray byte after each of the first n sentences' ends, as
// a bad copy or a cut-and-paste across encodings would.
func damage(s string, bytes ...string) string {
	parts := strings.SplitAfter(s, ". ")
	for i, b := range bytes {
		parts[i%len(parts)] += b
	}
	return strings.Join(parts, "")
}

func TestDecodeMostlyUTF8(t *testing.T) {
	gbk, err := simplifiedchinese.GBK.NewEncoder().String(chineseText)
	if err != nil {
		t.Fatal(err)
	}
	long := strings.Repeat(frenchText+" ", 4) // about 1,500 bytes
	tests := []struct {
		name, data, ctype string
		utf8              bool   // read as UTF-8 (the words below intact)
		warning           string // "" when none is due
	}{
		{"one stray byte", damage(long, "\xe9"), "", true, "not valid UTF-8 in 1 place; read as UTF-8 with it replaced by U+FFFD"},
		{"a cut sequence and a stray byte", damage(long, "\xe2\x80", "\xff"), "", true, "not valid UTF-8 in 2 places; read as UTF-8 with each replaced by U+FFFD"},
		{"declared UTF-8", damage(long, "\xe9"), "text/html; charset=utf-8", true, "not valid UTF-8 in 1 place"},
		{"declared windows-1252 wrongly", damage(long, "\xe9"), "text/html; charset=windows-1252", true, "not valid UTF-8 in 1 place"},
		{"valid UTF-8", long, "", true, ""},
		{"windows-1252 text", string(encode(t, charmap.Windows1252, long)), "", false, ""},
		{"over 1% of the bytes damaged", damage(frenchText, "\xe9\xe9", "\xe9\xe9"), "", false, ""},
		{"fewer valid characters than damaged places", "Brevalle news " + strings.Repeat("x", 400) + " caf\xe9 cr\xe8me d\xe9j\xe0 \u00e9t\u00e9", "", false, ""},
		{"GBK", gbk, "", false, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, warning, err := decodeReport([]byte(tt.data), tt.ctype)
			if err != nil {
				t.Fatal(err)
			}
			if !utf8.ValidString(got) {
				t.Fatalf("result is not valid UTF-8: %q", got)
			}
			asUTF8 := got == strings.ToValidUTF8(tt.data, "\uFFFD")
			if asUTF8 != tt.utf8 {
				t.Errorf("read as UTF-8 = %v; want %v: %.80q", asUTF8, tt.utf8, got)
			}
			if !strings.HasPrefix(warning, tt.warning) || (tt.warning == "") != (warning == "") {
				t.Errorf("warning %q; want %q", warning, tt.warning)
			}
			if tt.utf8 && strings.Count(got, "\uFFFD") != strings.Count(tt.data, "\uFFFD")+placesDamaged(tt.data) {
				t.Errorf("%d U+FFFD; want one per damaged place", strings.Count(got, "\uFFFD"))
			}
		})
	}
}

func placesDamaged(s string) int {
	runs, _, _ := utf8Damage([]byte(s))
	return runs
}

// Files and WARC records carry the warning on their document.
func TestReadMostlyUTF8CarriesAWarning(t *testing.T) {
	dir := t.TempDir()
	text := damage(strings.Repeat(frenchText+"\n\n", 4), "\xe9")
	page := "<html><body><p>" + text + "</p></body></html>"
	txt := writeFile(t, dir+"/bridge.txt", []byte(text))
	warc := writeFile(t, dir+"/crawl.warc", warcRec("response", "https://brevalle.example/pont", "application/http; msgtype=response",
		httpResp(200, "text/html; charset=utf-8", page)))
	clean := writeFile(t, dir+"/clean.txt", []byte(frenchText))
	res := readPaths(t, Options{}, txt, warc, clean)
	if len(res.errs) != 0 || len(res.docs) != 3 {
		t.Fatalf("docs %d, errs %v", len(res.docs), res.errs)
	}
	for _, src := range []string{txt, "https://brevalle.example/pont"} {
		d, _ := res.bySource(src)
		if d.Warning != "not valid UTF-8 in 1 place; read as UTF-8 with it replaced by U+FFFD" || !strings.Contains(d.Text, "Hélène Quérard") {
			t.Errorf("%s: warning %q, text %.60q", src, d.Warning, d.Text)
		}
	}
	if d, _ := res.bySource(clean); d.Warning != "" {
		t.Errorf("clean file warned: %q", d.Warning)
	}
}
