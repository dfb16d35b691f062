package eval

// B3 scores a clustering against gold clusters with B-cubed (Bagga and
// Baldwin, 1998): for each item, precision is the share of its predicted
// cluster that shares its gold cluster, recall the share of its gold cluster
// that shares its predicted cluster; both are averaged over the items and
// F1 is taken from the averages. pred and gold map each item to a cluster
// label. Only items in gold count: predicted clusters are restricted to them,
// and a gold item missing from pred is a cluster of its own. An empty gold
// scores 1, 1, 1 (nothing to get wrong).
func B3(pred, gold map[string]string) (precision, recall, fscore float64) {
	if len(gold) == 0 {
		return 1, 1, 1
	}
	type pair struct{ p, g string }
	joint := make(map[pair]int)
	predSize := make(map[string]int)
	goldSize := make(map[string]int)
	for item, g := range gold {
		p, ok := pred[item]
		if !ok {
			p = "\x00unassigned\x00" + item // a singleton no real label can equal
		}
		joint[pair{p, g}]++
		predSize[p]++
		goldSize[g]++
	}
	// Each of the n items of a (pred, gold) cell scores n/|pred| and n/|gold|.
	for k, n := range joint {
		precision += float64(n) * float64(n) / float64(predSize[k.p])
		recall += float64(n) * float64(n) / float64(goldSize[k.g])
	}
	total := float64(len(gold))
	precision /= total
	recall /= total
	return precision, recall, f1(precision, recall)
}
