package source

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"unicode/utf8"
)

// parseRecord turns one JSON value into a Record. It reads fields by hand
// rather than with struct tags so that "authors" may be a string or a list,
// "author" works as an alias, and a wrongly typed field gets a clear reason.
func parseRecord(raw []byte) (*Record, error) {
	if !utf8.Valid(raw) {
		// JSON must be UTF-8, but exports from old systems are sometimes
		// in a legacy charset. Its structure is ASCII, so transcoding the
		// whole value keeps it parseable and makes the strings readable
		// where encoding/json would turn them into U+FFFD.
		if s, err := Decode(raw, ""); err == nil {
			raw = []byte(s)
		}
	}
	if !json.Valid(raw) {
		var v any
		return nil, jsonReason(json.Unmarshal(raw, &v))
	}
	if b := trimSpaceLeft(raw); len(b) == 0 || b[0] != '{' {
		return nil, fmt.Errorf("%w: got %s", errNotObject, jsonType(b))
	}
	var obj map[string]json.RawMessage
	if err := json.Unmarshal(raw, &obj); err != nil {
		return nil, jsonReason(err)
	}
	fields := lowerKeys(obj)
	rec := &Record{}
	var err error
	for _, f := range []struct {
		key string
		dst *string
	}{
		{"url", &rec.URL}, {"title", &rec.Title}, {"outlet", &rec.Outlet},
		{"published", &rec.Published}, {"language", &rec.Language},
		{"text", &rec.Text}, {"body", &rec.Body}, {"html", &rec.HTML},
	} {
		if *f.dst, err = stringField(fields, f.key); err != nil {
			return nil, err
		}
	}
	if rec.ID, err = idField(fields); err != nil {
		return nil, err
	}
	authors, err := authorsField(fields)
	if err != nil {
		return nil, err
	}
	rec.Authors = authors
	normalise(rec)
	if rec.Text == "" && rec.Body == "" && rec.HTML == "" {
		return nil, ErrNoContent
	}
	return rec, nil
}

// lowerKeys makes field names case-insensitive, as encoding/json does for
// structs; an exactly lower-case key wins over other spellings.
func lowerKeys(obj map[string]json.RawMessage) map[string]json.RawMessage {
	out := make(map[string]json.RawMessage, len(obj))
	for k, v := range obj {
		lk := strings.ToLower(k)
		if _, exact := obj[lk]; exact && lk != k {
			continue
		}
		out[lk] = v
	}
	return out
}

// stringField reads an optional string field; null counts as absent.
func stringField(fields map[string]json.RawMessage, key string) (string, error) {
	raw, ok := fields[key]
	if !ok || isNull(raw) {
		return "", nil
	}
	var s string
	if err := json.Unmarshal(raw, &s); err != nil {
		return "", fmt.Errorf("field %q: want a string, got %s", key, jsonType(raw))
	}
	return s, nil
}

// authorsField reads "authors", else "author": a string, or a list whose
// items are strings or objects with a "name" (as schema.org exports have).
func authorsField(fields map[string]json.RawMessage) ([]string, error) {
	key := "authors"
	raw, ok := fields[key]
	if !ok || isNull(raw) {
		key = "author"
		raw = fields[key]
	}
	if raw == nil || isNull(raw) {
		return nil, nil
	}
	b := trimSpaceLeft(raw)
	var items []json.RawMessage
	switch b[0] {
	case '[':
		if err := json.Unmarshal(raw, &items); err != nil {
			return nil, jsonReason(err)
		}
	case '"', '{':
		items = []json.RawMessage{raw}
	default:
		return nil, fmt.Errorf("field %q: want a string or a list of strings, got %s", key, jsonType(raw))
	}
	var out []string
	for _, it := range items {
		name, err := authorName(it)
		if err != nil {
			return nil, fmt.Errorf("field %q: %w", key, err)
		}
		if name = strings.TrimSpace(name); name != "" {
			out = append(out, name)
		}
	}
	return out, nil
}

func authorName(raw json.RawMessage) (string, error) {
	var s string
	if json.Unmarshal(raw, &s) == nil {
		return s, nil
	}
	var obj struct {
		Name *string `json:"name"`
	}
	if json.Unmarshal(raw, &obj) == nil && obj.Name != nil {
		return *obj.Name, nil
	}
	if isNull(raw) {
		return "", nil
	}
	return "", fmt.Errorf("want an author name, got %s", jsonType(raw))
}

// normalise trims metadata and cleans content the same way decoded documents
// are cleaned, so later stages never meet NULs or "\r\n" from records either.
func normalise(rec *Record) {
	for _, p := range []*string{&rec.URL, &rec.Title, &rec.Outlet, &rec.Published, &rec.Language} {
		*p = strings.TrimSpace(clean(*p))
	}
	for _, p := range []*string{&rec.Text, &rec.Body, &rec.HTML} {
		if *p = clean(*p); strings.TrimSpace(*p) == "" {
			*p = ""
		}
	}
}

func isNull(raw []byte) bool { return string(bytes.TrimSpace(raw)) == "null" }

// jsonType names the JSON type of a valid value for error messages.
func jsonType(raw []byte) string {
	b := trimSpaceLeft(raw)
	if len(b) == 0 {
		return "nothing"
	}
	switch b[0] {
	case '{':
		return "an object"
	case '[':
		return "a list"
	case '"':
		return "a string"
	case 't', 'f':
		return "a boolean"
	case 'n':
		return "null"
	}
	return "a number"
}

// recordDoc builds the Doc for a record; at names its place in the input
// and becomes its Source when it has no url.
func recordDoc(at string, rec *Record) Doc {
	src := rec.URL
	if src == "" {
		src = at
	}
	return Doc{Source: src, Kind: KindRecord, Record: rec}
}

// idField reads the record's own identifier, a string or a number.
func idField(fields map[string]json.RawMessage) (string, error) {
	raw, ok := fields["id"]
	if !ok || isNull(raw) {
		return "", nil
	}
	var n json.Number
	if err := json.Unmarshal(raw, &n); err == nil {
		return n.String(), nil
	}
	return stringField(fields, "id")
}
