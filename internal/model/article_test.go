package model

import (
	"reflect"
	"testing"
)

func TestParagraphs(t *testing.T) {
	a := Article{Body: JoinParagraphs([]string{" one ", "", "two\n", "  "})}
	if a.Body != "one\n\ntwo" {
		t.Fatalf("JoinParagraphs = %q", a.Body)
	}
	if got := a.Paragraphs(); !reflect.DeepEqual(got, []string{"one", "two"}) {
		t.Errorf("Paragraphs = %q", got)
	}
}

func TestOutletLabel(t *testing.T) {
	tests := []struct {
		a    Article
		want string
	}{
		{Article{ID: 3, Outlet: " The Meridian Herald "}, "The Meridian Herald"},
		{Article{ID: 3, URL: "https://www.northgatewire.example/a"}, "northgatewire.example"},
		{Article{ID: 3, Source: "https://lumennews.example/x"}, "lumennews.example"},
		{Article{ID: 3, Source: "saved/page.txt"}, "unknown outlet (page.txt)"},
		{Article{ID: 3, Source: `C:\saved\page.txt`}, "unknown outlet (page.txt)"},
		{Article{ID: 3}, "unknown outlet (article 3)"},
		{Article{}, "unknown outlet"},
	}
	for _, tt := range tests {
		if got := tt.a.OutletLabel(); got != tt.want {
			t.Errorf("OutletLabel(%+v) = %q, want %q", tt.a, got, tt.want)
		}
	}
}
