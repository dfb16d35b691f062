package extract

// lineClass is what a line looks like on its own, before its neighbours
// are considered.
type lineClass int

const (
	clsEmpty     lineClass = iota // blank
	clsJunk                       // image placeholder, rule, lone number
	clsProse                      // sentence-like article text
	clsShort                      // short text: headline, subhead, menu item
	clsBullet                     // short list item
	clsHead                       // heading of a related-stories block
	clsLink                       // "Read more: ..." pointing at another story
	clsCaption                    // photo caption or credit
	clsSignature                  // "— Name (@handle) date" under an embedded post
	clsBoiler                     // copyright, share buttons, comment scaffolding
	clsTeaser                     // snippet cut short with an ellipsis
	clsByline                     // "By Jane Roe": metadata, not text
)

// furniture reports the classes the rules recognise for certain as not
// article text, whatever the model says.
func furniture(c lineClass) bool {
	switch c {
	case clsJunk, clsHead, clsLink, clsCaption, clsSignature, clsBoiler, clsByline:
		return true
	}
	return false
}

func classify(l dumpLine) lineClass {
	switch {
	case l.empty():
		return clsEmpty
	case isJunk(l):
		return clsJunk
	case isSignature(l):
		return clsSignature
	case isByline(l):
		return clsByline
	case isSectionHead(l):
		return clsHead
	case isInlineLink(l):
		return clsLink
	case l.twin || isCaption(l):
		return clsCaption
	case l.words <= 25 && isBoilerplate(l):
		return clsBoiler
	case endsTeaser(l.text) && l.words >= 6:
		return clsTeaser
	case l.prose():
		return clsProse
	case l.bullet:
		return clsBullet
	}
	return clsShort
}

// lineScore is a line's contribution to the densest-region search: prose
// adds its length, furniture subtracts.
func lineScore(l dumpLine, c lineClass) float64 {
	switch c {
	case clsProse:
		w := float64(min(l.words, 60))
		if l.bullet || l.repeats > 1 {
			w /= 2
		}
		return w
	case clsEmpty:
		return 0
	case clsJunk:
		return -1
	case clsShort:
		if l.repeats > 2 {
			return -4
		}
		return -2
	case clsBullet, clsCaption, clsTeaser:
		return -3
	case clsLink, clsSignature:
		return -4
	case clsHead:
		return -8
	}
	return -10
}

// densestRegion returns the [from, to] line indexes of the run of lines with
// the highest total score (Kadane's maximum subarray).
func densestRegion(scores []float64) (from, to int) {
	best, cur, start := 0.0, 0.0, 0
	from, to = -1, -1
	for i, s := range scores {
		if cur <= 0 {
			cur, start = 0, i
		}
		cur += s
		if cur > best {
			best, from, to = cur, start, i
		}
	}
	return from, to
}
