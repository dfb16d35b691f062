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
