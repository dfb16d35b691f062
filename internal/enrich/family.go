package enrich

import "parallax/internal/model"

// Family names the group of entity keys CorpusEntities may join with a
// key of this type: its type and its loosely folded family name (a
// person's last name past any suffix, a place's or organisation's whole
// key). Keys of different families are never joined, so the records of
// one family can be rebuilt from that family's entities alone and equal
// what CorpusEntities gives over the whole collection.
func Family(typ, key string) string {
	if typ == model.Person {
		return typ + ":" + looseKey(familyOf(key))
	}
	return typ + ":" + looseKey(key)
}

// SearchFamilies are the families a name typed by a user may belong to,
// whatever its spelling ("Zelenskiy", "Selenskyj", "Kiev"): look records
// up by these.
func SearchFamilies(name string) []string {
	k := Key(name)
	if k == "" {
		return nil
	}
	return []string{Family(model.Person, k), Family(model.Place, k), Family(model.Organisation, k)}
}
