package lang

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/RadhiFadlillah/whatlanggo"

	"parallax/internal/testshared"
)

// sameAsWhatlanggo fails when detect's answer for text differs from
// whatlanggo.Detect's. whatlanggo breaks a tie for first place in map
// order, at random, and then its confidence is 0; so the language is
// compared only when the confidence is not 0.
func sameAsWhatlanggo(t *testing.T, text string) {
	t.Helper()
	info := whatlanggo.Detect(text)
	l, conf := detect(text)
	if conf != info.Confidence || conf != 0 && l != info.Lang {
		t.Errorf("detect(%.80q) = %v %v, whatlanggo %v %v", text, l, conf, info.Lang, info.Confidence)
	}
}

// TestDetectMatchesWhatlanggo: our scoring of whatlanggo's profiles gives
// its answers on our one-line samples in twelve languages, on their
// prefixes and joins, and (when ../shared is there) on every article of
// the labelled corpora, whole and cut where Of cuts them.
func TestDetectMatchesWhatlanggo(t *testing.T) {
	var texts []string
	var all strings.Builder
	for _, l := range shortLines(t) {
		texts = append(texts, l[1], l[1][:len(l[1])/2], strings.ToUpper(l[1]), "« "+l[1]+" » 12 %")
		all.WriteString(l[1] + " ")
	}
	texts = append(texts, all.String(), "", " ", "123 456", "—", "a", "ab", "\xff\xfe", "日本語のテキスト", "中文新闻", "Ελληνικά")
	// Single profile trigrams: texts that one language alone matches,
	// where whatlanggo's confidence takes its other branch.
	for _, profiles := range []map[whatlanggo.Lang][]string{latinLangs, cyrillicLangs, arabicLangs, devanagariLangs, hebrewLangs, ethiopicLangs} {
		for _, tgs := range profiles {
			for i := 0; i < len(tgs); i += 23 {
				texts = append(texts, tgs[i])
			}
		}
	}
	if testing.Short() {
		t.Log("corpora skipped in -short")
	} else {
		texts = append(texts, corpusTexts(t)...)
	}
	for _, s := range texts {
		sameAsWhatlanggo(t, s)
		if len(s) > sample {
			sameAsWhatlanggo(t, s[:sample])
		}
	}
	t.Logf("%d texts", len(texts))
}

// corpusTexts reads the titles and texts of the shared corpora in place.
func corpusTexts(t *testing.T) []string {
	dir := testshared.Dir(t, "datasets")
	var out []string
	for _, name := range []string{"basil-2010-2014-articles.jsonl", filepath.Join("polnear-train", "articles.jsonl")} {
		f, err := os.Open(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		sc := bufio.NewScanner(f)
		sc.Buffer(nil, 64<<20)
		for sc.Scan() {
			var r struct{ Title, Text string }
			if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			out = append(out, r.Title+"\n"+r.Text)
		}
		f.Close()
	}
	return out
}

func FuzzDetect(f *testing.F) {
	for _, s := range []string{"The council voted on the budget.", "Le conseil a voté le budget.", "Рада ухвалила бюджет.",
		"", "  ", "x", "'' -- ''", "Zürich's “mayor” — 5%", "مجلس المدينة", "נתניהו אמר", "मंत्री ने कहा", "ሰላም ነው"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) { sameAsWhatlanggo(t, s) })
}

// BenchmarkDetect: whatlanggo's scoring and ours on the same text, the
// one-line samples joined and cut where Of cuts an article (1,500 bytes).
func BenchmarkDetect(b *testing.B) {
	var all strings.Builder
	for _, l := range shortLines(b) {
		all.WriteString(l[1] + " ")
	}
	text := all.String()[:sample]
	b.Run("whatlanggo", func(b *testing.B) {
		for b.Loop() {
			whatlanggo.Detect(text)
		}
	})
	b.Run("ours", func(b *testing.B) {
		for b.Loop() {
			detect(text)
		}
	})
}
