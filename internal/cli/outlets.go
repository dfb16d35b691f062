package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"slices"
	"strings"

	"parallax/internal/model"
	"parallax/internal/outlets"
	"parallax/internal/store"
)

const outletsUsage = `Usage: parallax outlets add [--db PATH] [--domain D]... [--alias A]... [--country C] [--language L] [--attr NAME=VALUE]... NAME
       parallax outlets edit [--db PATH] [--name NEW] [--domain D]... [--drop-domain D]... [--alias A]... [--drop-alias A]...
                             [--country C] [--language L] [--attr NAME=VALUE]... NAME...
       parallax outlets import [--db PATH] FILE.csv...
       parallax outlets export [--db PATH] [--format csv|json] [-o FILE]
       parallax outlets list [--db PATH] [--format table|json]
       parallax outlets remove [--db PATH] NAME...
The registry records what you know of each outlet: its domains (its articles are
linked by their URL's host), other names its pages use, country, language, and any
attribute of yours (leaning, ownership, type…): Parallax rates nothing itself.
CSV: a header row, then one outlet a row; "name" is required, "aliases" and
"domains" hold lists separated by ";", any other column is an attribute.`

func runOutlets(ctx context.Context, args []string, stdio Stdio) error {
	subs := map[string]func(context.Context, []string, Stdio) error{
		"add": runOutletsAdd, "edit": runOutletsEdit, "import": runOutletsImport,
		"export": runOutletsExport, "list": runOutletsList, "remove": runOutletsRemove,
	}
	if len(args) > 0 && (args[0] == "-h" || args[0] == "--help" || args[0] == "help") {
		fmt.Fprintln(stdio.Out, outletsUsage)
		return nil
	}
	if len(args) == 0 || subs[args[0]] == nil {
		fmt.Fprintln(stdio.Err, outletsUsage)
		return fmt.Errorf("%w: outlets needs add, edit, import, export, list or remove", ErrUsage)
	}
	return subs[args[0]](ctx, args[1:], stdio)
}

// listFlag is a flag given once per value.
type listFlag []string

func (l *listFlag) String() string     { return strings.Join(*l, ",") }
func (l *listFlag) Set(v string) error { *l = append(*l, v); return nil }

// outletFlags are the fields add and edit set.
type outletFlags struct {
	fs                *flag.FlagSet
	domains, aliases  listFlag
	attrs             listFlag
	country, language *string
}

func newOutletFlags(fs *flag.FlagSet) *outletFlags {
	f := &outletFlags{fs: fs}
	fs.Var(&f.domains, "domain", "a domain its articles are published under (repeat for more)")
	fs.Var(&f.aliases, "alias", "another name its pages use (repeat for more)")
	fs.Var(&f.attrs, "attr", "an attribute of yours, NAME=VALUE (leaning=centre); NAME= removes it (repeat for more)")
	f.country = fs.String("country", "", "its country, as you write countries (FR, Qatar)")
	f.language = fs.String("language", "", "its language, an ISO 639 code (en)")
	return f
}

// apply sets on o what the command line gives.
func (f *outletFlags) apply(o *model.Outlet) error {
	set := map[string]bool{}
	f.fs.Visit(func(fl *flag.Flag) { set[fl.Name] = true })
	if set["country"] {
		o.Country = *f.country
	}
	if set["language"] {
		o.Language = *f.language
	}
	o.Domains = append(o.Domains, f.domains...)
	o.Aliases = append(o.Aliases, f.aliases...)
	if o.Attributes == nil {
		o.Attributes = map[string]string{}
	}
	for _, kv := range f.attrs {
		k, v, ok := strings.Cut(kv, "=")
		if !ok {
			return fmt.Errorf("%w: --attr %q: want NAME=VALUE", ErrUsage, kv)
		}
		name, err := outlets.AttributeName(k)
		if err != nil {
			return fmt.Errorf("%w: --attr: %v", ErrUsage, err)
		}
		o.Attributes[name] = v
	}
	return nil
}

func runOutletsAdd(ctx context.Context, args []string, stdio Stdio) error {
	fs := newFlags("outlets add", "[--db PATH] [--domain D]... [--alias A]... [--country C] [--language L] [--attr NAME=VALUE]... NAME", stdio)
	db := dbFlag(fs)
	of := newOutletFlags(fs)
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return fmt.Errorf("%w: outlets add takes one outlet name (quote a name with spaces)", ErrUsage)
	}
	o := model.Outlet{Name: fs.Arg(0)}
	if err := of.apply(&o); err != nil {
		return err
	}
	st, err := openStore(ctx, *db)
	if err != nil {
		return err
	}
	defer st.Close()
	reg, err := st.RegisteredOutlets(ctx)
	if err != nil {
		return err
	}
	if i := outlets.Find(reg, o.Name); i >= 0 {
		return fmt.Errorf("outlets add %q: already in the registry as %q (change it with parallax outlets edit)", o.Name, reg[i].Name)
	}
	put, err := st.PutOutlets(ctx, []model.Outlet{o})
	if err != nil {
		return fmt.Errorf("outlets add %q: %w", o.Name, errors.Unwrap(err))
	}
	fmt.Fprintf(stdio.Out, "added %s to the outlet registry of %s\n", put[0].Name, st.Path())
	return nil
}

func runOutletsEdit(ctx context.Context, args []string, stdio Stdio) error {
	fs := newFlags("outlets edit", "[--db PATH] [--name NEW] [--domain D]... [--drop-domain D]... [--alias A]... [--drop-alias A]... [--country C] [--language L] [--attr NAME=VALUE]... NAME...", stdio)
	db := dbFlag(fs)
	of := newOutletFlags(fs)
	rename := fs.String("name", "", "rename it (the old name becomes an alias, so articles that carry it stay linked)")
	var dropDomains, dropAliases listFlag
	fs.Var(&dropDomains, "drop-domain", "a domain to take off (repeat for more)")
	fs.Var(&dropAliases, "drop-alias", "a name to take off (repeat for more)")
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() == 0 || *rename != "" && fs.NArg() > 1 {
		return fmt.Errorf("%w: outlets edit takes the names of outlets in the registry (one with --name)", ErrUsage)
	}
	st, reg, err := openRegistry(ctx, *db)
	if err != nil {
		return err
	}
	defer st.Close()
	var put []model.Outlet
	failed := 0
	for _, name := range fs.Args() {
		o, err := editOutlet(reg, name, of, *rename, dropDomains, dropAliases)
		if err == nil {
			reg, err = checked(reg, o)
		}
		if err != nil {
			failed++
			fmt.Fprintf(stdio.Err, "error: outlets edit %q: %v\n", name, err)
			continue
		}
		put = append(put, o)
	}
	if len(put) > 0 {
		if _, err := st.PutOutlets(ctx, put); err != nil {
			return err
		}
		fmt.Fprintf(stdio.Out, "changed %s in the outlet registry of %s\n", plural(len(put), "outlet"), st.Path())
	}
	if failed > 0 {
		return fmt.Errorf("%w: %d of %d outlets not changed", errSomeFailed, failed, fs.NArg())
	}
	return nil
}

// editOutlet is the registry's outlet name with the command line's
// changes, not yet checked against the other outlets.
func editOutlet(reg []model.Outlet, name string, of *outletFlags, rename string, dropDomains, dropAliases []string) (model.Outlet, error) {
	i := outlets.Find(reg, name)
	if i < 0 {
		return model.Outlet{}, errors.New("no such outlet in the registry (see parallax outlets list)")
	}
	o := reg[i]
	o.Attributes = cloneMap(o.Attributes)
	if rename != "" && outlets.Key(rename) != outlets.Key(o.Name) {
		o.Aliases = append(o.Aliases, o.Name)
		o.Name = rename
	} else if rename != "" {
		o.Name = rename
	}
	o.Domains = without(o.Domains, dropDomains, func(s string) string { return strings.TrimPrefix(strings.ToLower(strings.TrimSpace(s)), "www.") })
	o.Aliases = without(o.Aliases, dropAliases, outlets.Key)
	if err := of.apply(&o); err != nil {
		return o, err
	}
	return o, nil
}

// checked puts o in place of its outlet in reg when the registry stays
// valid.
func checked(reg []model.Outlet, o model.Outlet) ([]model.Outlet, error) {
	n, err := outlets.Replace(reg, []model.Outlet{o})
	if err != nil {
		return reg, errors.Unwrap(err) // Replace names the outlet; the caller already does
	}
	out := make([]model.Outlet, len(reg))
	for i, x := range reg {
		if x.ID == o.ID {
			x = n[0]
		}
		out[i] = x
	}
	return out, nil
}

func without(list, drop []string, key func(string) string) []string {
	out := []string{}
	for _, s := range list {
		keep := true
		for _, d := range drop {
			keep = keep && key(d) != key(s)
		}
		if keep {
			out = append(out, s)
		}
	}
	return out
}

func cloneMap(m map[string]string) map[string]string {
	out := make(map[string]string, len(m))
	for k, v := range m {
		out[k] = v
	}
	return out
}

func runOutletsRemove(ctx context.Context, args []string, stdio Stdio) error {
	fs := newFlags("outlets remove", "[--db PATH] NAME...", stdio)
	db := dbFlag(fs)
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		return fmt.Errorf("%w: outlets remove takes the names of outlets in the registry", ErrUsage)
	}
	st, reg, err := openRegistry(ctx, *db)
	if err != nil {
		return err
	}
	defer st.Close()
	failed := 0
	for _, name := range fs.Args() {
		i := outlets.Find(reg, name)
		if i < 0 {
			failed++
			fmt.Fprintf(stdio.Err, "error: outlets remove %q: no such outlet in the registry\n", name)
			continue
		}
		if err := st.RemoveOutlet(ctx, reg[i].ID); err != nil && !errors.Is(err, store.ErrNotFound) {
			return err
		}
		fmt.Fprintf(stdio.Out, "removed %s from the outlet registry (its articles keep its name)\n", reg[i].Name)
	}
	if failed > 0 {
		return fmt.Errorf("%w: %d of %d outlets not found", errSomeFailed, failed, fs.NArg())
	}
	return nil
}

func runOutletsImport(ctx context.Context, args []string, stdio Stdio) error {
	fs := newFlags("outlets import", "[--db PATH] FILE.csv...", stdio)
	db := dbFlag(fs)
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		return fmt.Errorf("%w: outlets import needs a CSV file (- for stdin)", ErrUsage)
	}
	var rows []outlets.Row
	var errs []error
	for _, path := range fs.Args() {
		r, e := readOutletsCSV(path, stdio)
		rows, errs = append(rows, r...), append(errs, e...)
	}
	st, err := openStore(ctx, *db)
	if err != nil {
		return err
	}
	defer st.Close()
	added, changed, more, err := importRows(ctx, st, rows)
	if err != nil {
		return err
	}
	errs = append(errs, more...)
	slices.SortStableFunc(errs, byLine) // the file's order, whichever check refused a row
	for _, e := range errs {
		fmt.Fprintf(stdio.Err, "error: %v\n", e)
	}
	fmt.Fprintf(stdio.Out, "imported %s into the outlet registry of %s: %d new, %d changed, %d refused\n",
		plural(len(rows), "row"), st.Path(), added, changed, len(errs))
	if len(errs) > 0 {
		return fmt.Errorf("%w: %s refused", errSomeFailed, plural(len(errs), "row"))
	}
	return nil
}

func byLine(a, b error) int {
	var la, lb *outlets.LineError
	if !errors.As(a, &la) || !errors.As(b, &lb) || la.File != lb.File {
		return 0
	}
	return la.Line - lb.Line
}

func readOutletsCSV(path string, stdio Stdio) ([]outlets.Row, []error) {
	if path == "-" {
		return outlets.ReadCSV("-", stdio.In)
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, []error{fmt.Errorf("%s: %w", path, errors.Unwrap(err))}
	}
	defer f.Close()
	return outlets.ReadCSV(path, f)
}

// importRows merges each row into the registry in order, refusing a row
// that would break it (its error names the row), then writes every
// change in one transaction: all of it or nothing.
func importRows(ctx context.Context, st Store, rows []outlets.Row) (added, changed int, errs []error, err error) {
	reg, err := st.RegisteredOutlets(ctx)
	if err != nil {
		return 0, 0, nil, err
	}
	touched := map[int]bool{}
	for _, r := range rows {
		next, i, err := outlets.Apply(reg, r)
		if err != nil {
			errs = append(errs, &outlets.LineError{File: r.File, Line: r.Line, Err: err})
			continue
		}
		reg, touched[i] = next, true
	}
	var put []model.Outlet
	for i := range reg {
		if touched[i] {
			put = append(put, reg[i])
			if reg[i].ID == 0 {
				added++
			} else {
				changed++
			}
		}
	}
	if len(put) > 0 {
		if _, err := st.PutOutlets(ctx, put); err != nil {
			return 0, 0, errs, err
		}
	}
	return added, changed, errs, nil
}
