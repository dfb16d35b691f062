package cluster

import (
	"math"
	"strings"
)

// vocab interns terms and counts document frequencies online.
//
// IDF choice. A background table shipped in the repo would make weights
// independent of input order, but no licensed general-news frequency table
// is available offline, and one derived from our own corpora would be tuned
// to them. Online frequencies adapt to whatever the stream is about, and their
// order dependence is confined to the first articles of a stream: weights are
// applied when two texts are compared, not frozen when an article arrives, so
// a story's profile is always seen through the current frequencies. The
// stopword list (stopwords.go) is the fixed background part: it removes the
// words whose weight an early stream would otherwise overrate.
type vocab struct {
	ids   map[string]uint32
	df    []int32
	logDF []float32 // ln(df+1), kept so comparisons need no logarithms
	n     int       // documents counted
	n0    float64   // background documents assumed (see Config.BackgroundDocs)
	logN1 float32   // ln(n+n0+1)
}

func newVocab(n0 float64) *vocab {
	v := &vocab{ids: make(map[string]uint32), n0: n0}
	v.logN1 = float32(math.Log(n0 + 1))
	return v
}

// id interns term.
func (v *vocab) id(term string) uint32 {
	if id, ok := v.ids[term]; ok {
		return id
	}
	id := uint32(len(v.df))
	v.ids[strings.Clone(term)] = id // the term may be a slice of a whole article
	v.df = append(v.df, 0)
	v.logDF = append(v.logDF, 0)
	return id
}

// addDoc counts one document holding each of the distinct terms.
func (v *vocab) addDoc(vs ...vec) {
	for _, x := range vs {
		for _, e := range x {
			v.df[e.t]++
			v.logDF[e.t] = float32(math.Log(float64(v.df[e.t]) + 1))
		}
	}
	v.n++
	v.logN1 = float32(math.Log(float64(v.n) + v.n0 + 1))
}

// idf is the smoothed inverse document frequency, ln((N+N0+1)/(df+1)) + 1:
// the +1 keeps a term every document has from vanishing entirely.
func (v *vocab) idf(t uint32) float32 {
	return v.logN1 - v.logDF[t] + 1
}
