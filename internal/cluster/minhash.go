package cluster

import "math/bits"

// Near-duplicates by MinHash over word shingles with LSH banding.
//
// Five-word shingles: long enough that two independent reports of the same
// event rarely share many (quotes aside), short enough that an agency copy
// with a changed sentence here and there keeps most of them. 60 hashes in 20
// bands of 3 rows make any pair with Jaccard ≥ 0.5 a candidate with
// probability ≥ 0.93 (1−(1−J³)²⁰), while unrelated pairs (J < 0.1) almost
// never collide; candidates are then checked on the full signature, for
// containment (see overlap).
const (
	shingleWords = 5
	numHashes    = 60
	lshBands     = 20
	lshRows      = numHashes / lshBands
	// minShingles: a body this short (a caption, a stub) is too small for
	// shingle overlap to mean copying.
	minShingles = 25
	// minJaccard guards containment: a short text inside a long one (a
	// quoted statement) is contained, yet the long one is no copy of it.
	minJaccard = 0.3
)

// splitmix is the SplitMix64 finaliser: a fast, well-mixed 64-bit hash.
func splitmix(x uint64) uint64 {
	x += 0x9e3779b97f4a7c15
	x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9
	x = (x ^ (x >> 27)) * 0x94d049bb133111eb
	return x ^ (x >> 31)
}

// fnv64 hashes a word (FNV-1a).
func fnv64(s string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= 1099511628211
	}
	return h
}

// minhash returns the signature of the shingle set of words, or nil when
// there are fewer than minShingles shingles.
func minhash(words []string) []uint32 {
	if len(words) < shingleWords+minShingles-1 {
		return nil
	}
	wh := make([]uint64, len(words))
	for i, w := range words {
		wh[i] = fnv64(w)
	}
	sig := make([]uint32, numHashes)
	for i := range sig {
		sig[i] = ^uint32(0)
	}
	for i := 0; i+shingleWords <= len(wh); i++ {
		// Rotations keep word order in the shingle's hash.
		var h uint64
		for j, x := range wh[i : i+shingleWords] {
			h ^= bits.RotateLeft64(x, 13*j)
		}
		h = splitmix(h)
		// The k-th hash is h1 + k·h2 (Kirsch–Mitzenmacher): as good as
		// independent hashes for MinHash, at one multiply-add each.
		h1, h2 := uint32(h), uint32(h>>32)|1
		for k := range sig {
			if v := h1 + uint32(k)*h2; v < sig[k] {
				sig[k] = v
			}
		}
	}
	return sig
}

// jaccard estimates the Jaccard similarity of two shingle sets from their
// signatures.
func jaccard(a, b []uint32) float64 {
	if len(a) != numHashes || len(b) != numHashes {
		return 0
	}
	same := 0
	for i := range a {
		if a[i] == b[i] {
			same++
		}
	}
	return float64(same) / numHashes
}

// overlap estimates, from the Jaccard similarity j of two shingle sets of
// sizes a and b, the share of the smaller set that the larger contains:
// |A∩B| = j(|A|+|B|)/(1+j). Containment, not Jaccard, is what marks a copy:
// an agency story reprinted without its last paragraph, or with an outlet's
// credit line added, is contained in the original though their union grew.
func overlap(j float64, a, b int32) float64 {
	if a <= 0 || b <= 0 {
		return 0
	}
	inter := j * float64(a+b) / (1 + j)
	return min(1, inter/float64(min(a, b)))
}

// bandKey hashes band b of a signature, tagged with the band number so equal
// values in different bands do not collide.
func bandKey(sig []uint32, b int) uint64 {
	h := splitmix(uint64(b) + 1)
	for _, v := range sig[b*lshRows : (b+1)*lshRows] {
		h = splitmix(h ^ uint64(v))
	}
	return h
}
