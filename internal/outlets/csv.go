package outlets

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"maps"
	"slices"
	"strings"
	"unicode/utf8"

	"parallax/internal/model"
)

// The CSV form of the registry: a header row naming the columns, then one
// outlet a row. "name" is required; "aliases" and "domains" hold lists
// separated by ";"; "country" and "language" are fields of every outlet;
// any other column is an attribute of the user's (leaning, ownership…).

// listSep separates the items of a list cell.
const listSep = ";"

// maxRows bounds one file, so a runaway input cannot fill memory.
const maxRows = 100000

// LineError is one bad row (or header) of a CSV file.
type LineError struct {
	File string
	Line int
	Err  error
}

func (e *LineError) Error() string { return fmt.Sprintf("%s:%d: %v", e.File, e.Line, e.Err) }
func (e *LineError) Unwrap() error { return e.Err }

// ReadCSV reads outlets from a CSV file named file. Rows it can read come
// back in order; each row it cannot read is one LineError, and the rest go
// on. A header it cannot use is the only error.
func ReadCSV(file string, r io.Reader) ([]Row, []error) {
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = -1 // a short or long row is reported as that row's error
	header, err := cr.Read()
	if err != nil {
		if errors.Is(err, io.EOF) {
			err = errors.New("empty file: want a header row such as name,domains,country")
		}
		return nil, []error{&LineError{file, 1, err}}
	}
	cols, err := columns(header)
	if err != nil {
		return nil, []error{&LineError{file, 1, err}}
	}
	var rows []Row
	var errs []error
	seen := map[string]int{}
	for n := 0; ; n++ {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			var pe *csv.ParseError
			if !errors.As(err, &pe) { // not a row's fault: the reader cannot go on
				errs = append(errs, &LineError{file, 0, err})
				break
			}
			errs = append(errs, &LineError{file, pe.Line, pe.Err})
			continue
		}
		line, _ := cr.FieldPos(0)
		if n >= maxRows {
			errs = append(errs, &LineError{file, line, fmt.Errorf("more than %d rows: the rest is not read", maxRows)})
			break
		}
		row, err := readRow(cols, rec, line)
		row.File = file
		if err == nil {
			if first, dup := seen[Key(row.Outlet.Name)]; dup {
				err = fmt.Errorf("outlet %q is already on line %d", row.Outlet.Name, first)
			}
		}
		if err != nil {
			errs = append(errs, &LineError{file, line, err})
			continue
		}
		seen[Key(row.Outlet.Name)] = line
		rows = append(rows, row)
	}
	return rows, errs
}

// columns checks the header: names folded, "name" present, none twice.
func columns(header []string) ([]string, error) {
	cols := make([]string, len(header))
	for i, h := range header {
		h = strings.ToLower(strings.TrimSpace(strings.TrimPrefix(h, "\ufeff")))
		if !slices.Contains(Columns, h) {
			n, err := AttributeName(h)
			if err != nil {
				return nil, fmt.Errorf("header: %w", err)
			}
			h = n
		}
		if slices.Contains(cols[:i], h) {
			return nil, fmt.Errorf("header: column %q twice", h)
		}
		cols[i] = h
	}
	if !slices.Contains(cols, "name") {
		return nil, errors.New(`header: no "name" column (want a header row such as name,domains,country)`)
	}
	return cols, nil
}

// readRow turns one record into a checked outlet.
func readRow(cols, rec []string, line int) (Row, error) {
	if len(rec) != len(cols) {
		return Row{}, fmt.Errorf("%d fields, the header has %d", len(rec), len(cols))
	}
	r := Row{Line: line, Set: map[string]bool{}, Outlet: model.Outlet{Attributes: map[string]string{}}}
	for i, c := range cols {
		v := rec[i]
		if !utf8.ValidString(v) {
			return r, fmt.Errorf("column %s is not valid UTF-8", c)
		}
		if c != "name" {
			r.Set[c] = true
		}
		switch c {
		case "name":
			r.Outlet.Name = v
		case "aliases":
			r.Outlet.Aliases = list(v)
		case "domains":
			r.Outlet.Domains = list(v)
		case "country":
			r.Outlet.Country = v
		case "language":
			r.Outlet.Language = v
		default:
			r.Outlet.Attributes[c] = v
		}
	}
	o, err := Normalize(r.Outlet)
	if err != nil {
		return r, err
	}
	o.Attributes = r.Outlet.Attributes // keep the empty cells: they clear on import
	for k, v := range o.Attributes {
		o.Attributes[k] = strings.TrimSpace(v)
	}
	r.Outlet = o
	return r, nil
}

func list(cell string) []string {
	var out []string
	for _, s := range strings.Split(cell, listSep) {
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, s)
		}
	}
	return out
}

// WriteCSV writes the registry in the form ReadCSV reads: the columns
// every outlet has, then every attribute any outlet has, sorted.
func WriteCSV(w io.Writer, reg []model.Outlet) error {
	attrs := map[string]bool{}
	for _, o := range reg {
		for k := range o.Attributes {
			attrs[k] = true
		}
	}
	names := slices.Sorted(maps.Keys(attrs))
	cw := csv.NewWriter(w)
	if err := cw.Write(append(slices.Clone(Columns), names...)); err != nil {
		return err
	}
	for _, o := range reg {
		rec := []string{o.Name, strings.Join(o.Aliases, listSep+" "), strings.Join(o.Domains, listSep+" "), o.Country, o.Language}
		for _, n := range names {
			rec = append(rec, o.Attributes[n])
		}
		if err := cw.Write(rec); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}
