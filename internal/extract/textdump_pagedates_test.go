package extract

import (
	"reflect"
	"strings"
	"testing"
)

// TestPageDates: dates on caption and embed lines inside the article's
// span are kept as hints; a date in a teaser after the article is not.
func TestPageDates(t *testing.T) {
	dump := strings.Join([]string{
		"Home | World | Sport | Culture",
		"",
		"Ferry service to Marlow Island resumes after winter storms",
		"",
		"The island's harbour master Odile Branck said the first crossing left at dawn and carried forty passengers, most of them returning residents.",
		"",
		"Passengers wait on the quay at Port Senna, 14 March 2031 (Photo: Harbour Office)",
		"",
		"Crews spent three weeks clearing debris from the slipway and repairing the loading ramp that the January gales had torn from its hinges.",
		"",
		"The operator said timetables would return to normal by the end of the month if the weather holds and the second vessel passes inspection.",
		"",
		"— Marlow Ferries (@marlowferries) March 15, 2031",
		"",
		"Branck said the island's shop had run low on fuel and fresh food during the closure and that a supply run was planned for the weekend.",
		"",
		"Residents had relied on a weekly helicopter flight for medicine and post since the harbour closed, and the island council thanked its crew.",
		"",
		"The council said it would ask the regional government to fund a second breakwater before next winter, at a cost it put at four million euros.",
		"",
		"Related News",
		"Lighthouse keeper retires after forty years, 2 February 2030",
	}, "\n")
	a, _ := FromText("ferry.txt", dump)
	if want := []string{"2031-03-14", "2031-03-15"}; !reflect.DeepEqual(a.PageDates, want) {
		t.Errorf("PageDates = %q, want %q (body %q)", a.PageDates, want, a.Body)
	}
}
