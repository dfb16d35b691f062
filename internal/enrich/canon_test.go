package enrich

import "testing"

func TestKey(t *testing.T) {
	tests := []struct{ a, b string }{
		{"Zelensky", "Zelenskiy"},
		{"Zelenskyy", "Zelensky"},
		{"Erdoğan", "Erdogan"},
		{"Kiev", "Kyiv"},
		{"Türkiye", "Turkey"},
		{"Burma", "Myanmar"},
		{"Bombay", "Mumbai"},
		{"U.S.", "United States"},
		{"Odessa", "Odesa"},
		{"Andrii", "Andriy"},
		{"São Paulo", "Sao Paulo"},
		{"Selenskyj", "Zelensky"},       // German
		{"Zełenski", "Zelenskyy"},       // Polish
		{"Zelens'kyj", "Zelenskiy"},     // Italian, scholarly
		{"Schewtschenko", "Shevchenko"}, // German
		{"Janukowytsch", "Yanukovych"},  // German
	}
	for _, tt := range tests {
		if ka, kb := Key(tt.a), Key(tt.b); ka != kb {
			t.Errorf("Key(%q) = %q, Key(%q) = %q; want equal", tt.a, ka, tt.b, kb)
		}
	}
	different := [][2]string{{"Kyiv", "Kursk"}, {"Trump", "Putin"}, {"Georgia", "Gorgia"}, {"Sanders", "Zanders"}}
	for _, p := range different {
		if Key(p[0]) == Key(p[1]) {
			t.Errorf("Key(%q) == Key(%q)", p[0], p[1])
		}
	}
	if got := Key("Zelenskiy"); got != "zelensky" {
		t.Errorf("Key(Zelenskiy) = %q, want zelensky", got)
	}
}
