package outlets

import (
	"errors"
	"fmt"
	"maps"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"parallax/internal/model"
)

// maxText bounds a name, an alias or a value.
const maxText = 200

// Columns are the fields every outlet has; any other attribute name is the
// user's own.
var Columns = []string{"name", "aliases", "domains", "country", "language"}

// Normalize checks one outlet and returns it in the registry's form:
// text trimmed, domains as bare lower-case hosts (a URL given for one is
// cut to its host), a two- or three-letter country upper-cased, the
// language a lower-case ISO 639 code, attribute names lower-cased, empty
// attributes dropped. The error names the first bad field.
func Normalize(o model.Outlet) (model.Outlet, error) {
	var err error
	out := model.Outlet{ID: o.ID, Aliases: []string{}, Domains: []string{}, Attributes: map[string]string{}}
	if out.Name, err = text("name", o.Name); err != nil {
		return out, err
	}
	if out.Name == "" {
		return out, errors.New("name is empty")
	}
	keys := []string{Key(out.Name)}
	for _, a := range o.Aliases {
		if a, err = text("alias", a); err != nil {
			return out, err
		}
		if a != "" && !slices.Contains(keys, Key(a)) {
			keys = append(keys, Key(a))
			out.Aliases = append(out.Aliases, a)
		}
	}
	for _, d := range o.Domains {
		host, err := domain(d)
		if err != nil {
			return out, err
		}
		if host != "" && !slices.Contains(out.Domains, host) {
			out.Domains = append(out.Domains, host)
		}
	}
	if out.Country, err = text("country", o.Country); err != nil {
		return out, err
	}
	if n := len(out.Country); n >= 2 && n <= 3 && isLetters(out.Country) {
		out.Country = strings.ToUpper(out.Country)
	}
	if out.Language, err = language(o.Language); err != nil {
		return out, err
	}
	names := slices.Sorted(maps.Keys(o.Attributes)) // the first bad one, always the same
	for _, name := range names {
		if err := setAttr(&out, name, o.Attributes[name]); err != nil {
			return out, err
		}
	}
	return out, nil
}

// setAttr checks and sets one of the user's attributes; an empty value
// leaves it unset.
func setAttr(o *model.Outlet, name, v string) error {
	n, err := AttributeName(name)
	if err != nil {
		return err
	}
	if v, err = text(n, v); err != nil {
		return err
	}
	if v != "" {
		o.Attributes[n] = v
	}
	return nil
}

// AttributeName checks and folds a user attribute's name: lower case,
// letters, digits, "_" and "-"; not one of the columns every outlet has.
func AttributeName(name string) (string, error) {
	n := strings.ToLower(strings.TrimSpace(name))
	if n == "" || len(n) > 40 || strings.IndexFunc(n, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '_' && r != '-'
	}) >= 0 {
		return "", fmt.Errorf("attribute name %q: want letters, digits, _ or -", name)
	}
	if slices.Contains(Columns, n) {
		return "", fmt.Errorf("attribute name %q is a field of every outlet: set it as %s", name, n)
	}
	return n, nil
}

// text trims a value and refuses control characters and overlong text.
func text(field, s string) (string, error) {
	s = strings.TrimSpace(s)
	if !utf8.ValidString(s) {
		return "", fmt.Errorf("%s %q is not valid UTF-8", field, s)
	}
	if strings.IndexFunc(s, unicode.IsControl) >= 0 {
		return "", fmt.Errorf("%s %q holds a control character", field, s)
	}
	if utf8.RuneCountInString(s) > maxText {
		return "", fmt.Errorf("%s is longer than %d characters", field, maxText)
	}
	return s, nil
}

func isLetters(s string) bool {
	return strings.IndexFunc(s, func(r rune) bool { return r > unicode.MaxASCII || !unicode.IsLetter(r) }) < 0
}

// language accepts an ISO 639 code, or a tag whose primary subtag is one
// ("pt-BR" is "pt").
func language(s string) (string, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return "", nil
	}
	tag := strings.ToLower(s)
	if i := strings.IndexAny(tag, "-_"); i >= 0 {
		tag = tag[:i]
	}
	if n := len(tag); n < 2 || n > 3 || !isLetters(tag) {
		return "", fmt.Errorf("language %q: want an ISO 639 code such as en or fr", s)
	}
	return tag, nil
}

// domain turns "https://www.Example.com/news" or "example.com" into
// "example.com", refusing what is not a host name.
func domain(s string) (string, error) {
	d := strings.ToLower(strings.TrimSpace(s))
	if d == "" {
		return "", nil
	}
	if strings.Contains(d, "://") {
		d = Host(d)
	}
	d = strings.TrimSuffix(strings.TrimPrefix(d, "www."), ".")
	labels := strings.Split(d, ".")
	if len(labels) < 2 || len(d) > 253 {
		return "", fmt.Errorf("domain %q: want a host name such as example.com", s)
	}
	for _, l := range labels {
		if l == "" || len(l) > 63 || l[0] == '-' || l[len(l)-1] == '-' || strings.IndexFunc(l, func(r rune) bool {
			return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '-'
		}) >= 0 {
			return "", fmt.Errorf("domain %q: want a host name such as example.com", s)
		}
	}
	return d, nil
}
