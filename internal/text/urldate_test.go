package text

import "testing"

func TestURLDate(t *testing.T) {
	tests := []struct {
		url, want string
	}{
		{"https://news.example.org/2025/05/11/talks-in-istanbul/", "2025-05-11"},
		{"http://www.example.com/2010/07/03/us/politics/03mayor.html?_r=2", "2010-07-03"},
		{"https://blogs.example.com/2011/4/7/budget-vote", "2011-04-07"},
		{"https://example.net/politics/2012-10-03-debate-night", "2012-10-03"},
		{"https://example.net/news/20140322/harbour-fire", "2014-03-22"},
		{"https://example.net/news/20140322_harbour-fire.html", "2014-03-22"},
		{"https://example.net/2013/02/budget", ""},         // no day
		{"https://example.net/2013/02/30/x", ""},           // no such day
		{"https://example.net/1850/01/01/x", ""},           // out of range
		{"https://example.net/entry/story_n_633943", ""},   // an ID, not a date
		{"https://example.net/a?date=2014-03-22", ""},      // query, not path
		{"https://example.net/item/123456789/harbour", ""}, // nine digits
		{"https://example.net/2014/03/221/harbour", ""},    // three-digit day
		{"../shared/seeds/000_5b8403fd2eb08937.txt", ""},   // a path, no date
		{"", ""},
	}
	for _, tt := range tests {
		got, ok := URLDate(tt.url)
		s := ""
		if ok {
			s = got.Format("2006-01-02")
		}
		if s != tt.want {
			t.Errorf("URLDate(%q) = %q, want %q", tt.url, s, tt.want)
		}
	}
}
