package lang

import (
	"bufio"
	"encoding/json"
	"math/rand"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/RadhiFadlillah/whatlanggo"

	"parallax/internal/testshared"
)

// sameAsWhatlanggo fails when detect's answer differs from whatlanggo's.
// When two languages tie for best, whatlanggo names one by map order (by
// chance) with confidence 0; then only the confidence must agree.
func sameAsWhatlanggo(t *testing.T, text string) {
	t.Helper()
	got, want := detect(text), whatlanggo.Detect(text)
	if got.Confidence != want.Confidence || got.Script != want.Script {
		t.Fatalf("%.80q: got %v %.2f, whatlanggo %v %.2f", text, got.Lang, got.Confidence, want.Lang, want.Confidence)
	}
	if got.Lang != want.Lang && want.Confidence != 0 {
		t.Fatalf("%.80q: got %v, whatlanggo %v (confidence %.2f)", text, got.Lang, want.Lang, want.Confidence)
	}
}

// TestDetectSameAsWhatlanggo: the indexed profiles give whatlanggo's
// answer on the short lines in twelve languages, their prefixes and
// mixtures, text made of the profiles' own trigrams (close calls and
// ties), bytes that are not UTF-8, and, when the shared corpora are
// there, every BASIL article and extraction-dev page text.
func TestDetectSameAsWhatlanggo(t *testing.T) {
	var texts []string
	lines := shortLines(t)
	for i, l := range lines {
		texts = append(texts, l[1], l[1][:len(l[1])/2], l[1]+" "+lines[(i+1)%len(lines)][1])
	}
	texts = append(texts, "", " ", "a", "ab", "abc", "42", "--", "\xff\xfe abc \xc3", "The the THE")
	rng := rand.New(rand.NewSource(1))
	for _, list := range []langProfileList{latinLangs, cyrillicLangs, arabicLangs, devanagariLangs, ethiopicLangs, hebrewLangs} {
		var langs []whatlanggo.Lang
		for l := range list {
			langs = append(langs, l)
		}
		for range 200 {
			var b strings.Builder
			for range 1 + rng.Intn(12) {
				p := list[langs[rng.Intn(len(langs))]]
				b.WriteString(p[rng.Intn(len(p))])
				if rng.Intn(3) == 0 {
					b.WriteByte(' ')
				}
			}
			texts = append(texts, b.String())
		}
	}
	for _, text := range texts {
		sameAsWhatlanggo(t, text)
	}
	if testing.Short() {
		return
	}
	basil := filepath.Join(testshared.Dir(t, "datasets"), "basil-2010-2014-articles.jsonl")
	f, err := os.Open(basil)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<24)
	n := 0
	for sc.Scan() {
		var a struct{ Title, Text, Body string }
		if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
			t.Fatal(err)
		}
		body := a.Text + a.Body
		sameAsWhatlanggo(t, a.Title+"\n"+body)
		sameAsWhatlanggo(t, a.Title)
		if len(body) > 300 {
			sameAsWhatlanggo(t, body[:300])
		}
		n++
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	pages, _ := filepath.Glob(filepath.Join(testshared.Dir(t, "datasets", "extraction-dev"), "*", "*"))
	for _, p := range pages {
		b, err := os.ReadFile(p)
		if err != nil || len(b) > 1<<20 {
			continue
		}
		sameAsWhatlanggo(t, string(b[:min(len(b), sample)]))
	}
	t.Logf("%d short texts, %d BASIL articles, %d extraction-dev files", len(texts), n, len(pages))
}

func BenchmarkDetect(b *testing.B) {
	text := strings.Repeat("The senator said on Tuesday that the committee would vote on the bill next week, after months of talks. ", 40)[:sample]
	b.Run("indexed", func(b *testing.B) {
		for b.Loop() {
			detect(text)
		}
	})
	b.Run("whatlanggo", func(b *testing.B) {
		for b.Loop() {
			whatlanggo.Detect(text)
		}
	})
}

// TestDetectScriptSameAsWhatlanggo: the script comes out as whatlanggo's
// on text of every script it counts, mixed so that ties and the kana rule
// arise.
func TestDetectScriptSameAsWhatlanggo(t *testing.T) {
	samples := []string{"abc", "Жизнь", "مرحبا", "नमस्ते", "ひらがな", "カタカナ", "ሰላም", "שלום", "বাংলা", "ქართ", "漢字", "한국어", "Ελλάδα", "ಕನ್ನಡ", "தமிழ்", "ไทย", "ગુજરાતી", "ਪੰਜਾਬੀ", "తెలుగు", "മലയാളം", "ଓଡ଼ିଆ", "မြန်မာ", "සිංහල", "ខ្មែរ", "12 !!", "\x01\x02"}
	rng := rand.New(rand.NewSource(2))
	for range 3000 {
		var b strings.Builder
		for range 1 + rng.Intn(6) {
			s := samples[rng.Intn(len(samples))]
			rs := []rune(s)
			b.WriteString(string(rs[:1+rng.Intn(len(rs))]))
			if rng.Intn(2) == 0 {
				b.WriteByte(' ')
			}
		}
		text := b.String()
		if got, want := detectScript(text), whatlanggo.DetectScript(text); got != want && !(got == hiraganaKatakana && want != nil && whatlanggo.Scripts[want] == "") {
			t.Fatalf("%q: script %v, whatlanggo %v", text, got, want)
		}
		sameAsWhatlanggo(t, text)
	}
}
