package enrich

import (
	"regexp"
	"strings"
)

// Party-state tags of US politicians: "(R-Minn.)", ", D-N.Y.,", "(I-Vt.)".

var (
	// partyTagParen is "(R-Minn.)" right after a name.
	partyTagParen = regexp.MustCompile(`^\s*\(\s*([RDI])\s*[-–]\s*([A-Z][A-Za-z.]*(?: [A-Z][A-Za-z.]*)?)\s*\)`)
	// partyTagComma is ", R-Calif." after a name, up to the comma or end
	// that closes it.
	partyTagComma = regexp.MustCompile(`^,\s*([RDI])\s*[-–]\s*([A-Z][A-Za-z.]*(?: [A-Z][A-Za-z.]*)?)(?:[,;)]|\s|$)`)
	// partyTagAny finds tags inside a longer description.
	partyTagAny = regexp.MustCompile(`\(\s*([RDI])\s*[-–]\s*([A-Z][A-Za-z.]*(?: [A-Z][A-Za-z.]*)?)\s*\)`)
)

var partyNames = map[string]string{"R": "Republican", "D": "Democrat", "I": "Independent"}

// partyTag reads a party-state tag at the start of rest and returns it
// spelt out ("Republican, Minnesota") with the bytes it spans; the comma
// that closes ", R-Calif.," is left for the next reader.
func partyTag(rest string) (string, int) {
	// It is asked after every name: look for the tag's first mark before
	// running a regular expression (\s is [\t\n\f\r ] in RE2).
	if strings.HasPrefix(strings.TrimLeft(rest, "\t\n\f\r "), "(") {
		if m := partyTagParen.FindStringSubmatchIndex(rest); m != nil {
			return spellParty(rest[m[2]:m[3]], rest[m[4]:m[5]]), m[1]
		}
		return "", 0
	}
	if !strings.HasPrefix(rest, ",") {
		return "", 0
	}
	if m := partyTagComma.FindStringSubmatchIndex(rest); m != nil {
		state := rest[m[4]:m[5]]
		if stateName(state) == "" {
			return "", 0
		}
		return spellParty(rest[m[2]:m[3]], state), m[5]
	}
	return "", 0
}

func spellParty(party, state string) string {
	if full := stateName(state); full != "" {
		state = full
	}
	return partyNames[party] + ", " + strings.TrimSuffix(state, ".")
}

// expandPartyTags spells out the tags inside a description: "spokesman
// for Speaker Ana Pell (R-Ohio)" → "… (Republican, Ohio)".
func expandPartyTags(s string) string {
	if !strings.Contains(s, "-") {
		return s
	}
	return partyTagAny.ReplaceAllStringFunc(s, func(tag string) string {
		m := partyTagAny.FindStringSubmatch(tag)
		return "(" + spellParty(m[1], m[2]) + ")"
	})
}

// stateName spells out a state as written in a tag: an AP abbreviation
// ("Calif.", "N.Y."), a two-capital postal code ("CA") or the full name.
func stateName(raw string) string {
	raw = strings.TrimSpace(raw)
	if len(raw) == 2 && strings.ToUpper(raw) == raw {
		if full := statePostal[strings.ToLower(raw)]; full != "" {
			return full
		}
	}
	return stateNames[stateKey(raw)]
}

// stateKey folds a state abbreviation for stateNames: "N.Y." → "ny".
func stateKey(s string) string {
	return strings.ToLower(stateKeyDrop.Replace(strings.TrimSpace(s)))
}

// stateKeyDrop is built once: a Replacer builds its tables on first use.
var stateKeyDrop = strings.NewReplacer(".", "", " ", "")

// stateNames maps AP-style abbreviations of US states, and the states
// written out in full, to their names; statePostal maps postal codes,
// which are only trusted in capitals ("IN", not "in").
var stateNames, statePostal = func() (map[string]string, map[string]string) {
	ap, postal := make(map[string]string), make(map[string]string)
	for _, line := range []string{
		"Alabama:ala:al", "Alaska::ak", "Arizona:ariz:az", "Arkansas:ark:ar", "California:calif,cal:ca",
		"Colorado:colo:co", "Connecticut:conn:ct", "Delaware:del:de", "Florida:fla:fl", "Georgia:ga:ga",
		"Hawaii::hi", "Idaho::id", "Illinois:ill:il", "Indiana:ind:in", "Iowa::ia", "Kansas:kan,kans:ks",
		"Kentucky:ky:ky", "Louisiana:la:la", "Maine::me", "Maryland:md:md", "Massachusetts:mass:ma",
		"Michigan:mich:mi", "Minnesota:minn:mn", "Mississippi:miss:ms", "Missouri:mo:mo", "Montana:mont:mt",
		"Nebraska:neb,nebr:ne", "Nevada:nev:nv", "New Hampshire:nh:nh", "New Jersey:nj:nj", "New Mexico:nm:nm",
		"New York:ny:ny", "North Carolina:nc:nc", "North Dakota:nd:nd", "Ohio::oh", "Oklahoma:okla:ok",
		"Oregon:ore:or", "Pennsylvania:pa,penn:pa", "Rhode Island:ri:ri", "South Carolina:sc:sc",
		"South Dakota:sd:sd", "Tennessee:tenn:tn", "Texas:tex:tx", "Utah::ut", "Vermont:vt:vt",
		"Virginia:va:va", "Washington:wash:wa", "West Virginia:wva:wv", "Wisconsin:wis,wisc:wi",
		"Wyoming:wyo:wy", "District of Columbia:dc:dc",
	} {
		f := strings.Split(line, ":")
		ap[stateKey(f[0])] = f[0]
		for _, a := range strings.Split(f[1], ",") {
			if a != "" {
				ap[a] = f[0]
			}
		}
		postal[f[2]] = f[0]
	}
	return ap, postal
}()
