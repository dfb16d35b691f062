package cli

import (
	"context"
	"fmt"
	"io"
	"maps"
	"slices"
	"strings"
	"text/tabwriter"

	"parallax/internal/model"
	"parallax/internal/outlets"
	"parallax/internal/store"
)

func runOutletsExport(ctx context.Context, args []string, stdio Stdio) error {
	fs := newFlags("outlets export", "[--db PATH] [--format csv|json] [-o FILE]", stdio)
	db := dbFlag(fs)
	format := formatFlag(fs, "csv", "csv", "json")
	out := fs.String("o", "", "write to FILE instead of stdout")
	if err := parse(fs, args); err != nil {
		return err
	}
	st, reg, err := openRegistry(ctx, *db)
	if err != nil {
		return err
	}
	defer st.Close()
	write := func(w io.Writer) error {
		if *format == "json" {
			return writeJSON(w, map[string]any{"outlets": nonNilSlice(reg)})
		}
		return outlets.WriteCSV(w, reg)
	}
	if *out == "" {
		return write(stdio.Out)
	}
	return writeFileAtomic(*out, write)
}

func runOutletsList(ctx context.Context, args []string, stdio Stdio) error {
	fs := newFlags("outlets list", "[--db PATH] [--format table|json]", stdio)
	db := dbFlag(fs)
	format := formatFlag(fs, "table", "table", "json")
	if err := parse(fs, args); err != nil {
		return err
	}
	st, reg, err := openRegistry(ctx, *db)
	if err != nil {
		return err
	}
	defer st.Close()
	counts, err := st.Outlets(ctx)
	if err != nil {
		return err
	}
	rows := outletRows(reg, counts)
	if *format == "json" {
		return writeJSON(stdio.Out, map[string]any{"outlets": nonNilSlice(rows)})
	}
	return writeOutletTable(stdio.Out, rows, outlets.NewIndex(reg).Attributes())
}

// outletRows is the registry with the store's tallies.
func outletRows(reg []model.Outlet, counts []store.Outlet) []outlets.Profile {
	tallies := make([]outlets.Tally, len(counts))
	for i, c := range counts {
		tallies[i] = outlets.Tally{Label: c.Name, Articles: c.Articles, Stories: c.Stories, First: c.First, Last: c.Last}
	}
	return outlets.Profiles(reg, tallies)
}

func writeOutletTable(w io.Writer, rows []outlets.Profile, attrs []string) error {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "OUTLET\tARTICLES\tSTORIES\tDOMAINS\tATTRIBUTES")
	for _, r := range rows {
		fmt.Fprintf(tw, "%s\t%d\t%d\t%s\t%s\n", clip(r.Name, 36), r.Articles, r.Stories, orDash(strings.Join(r.Domains, " ")), attributeText(r, attrs))
	}
	return tw.Flush()
}

// attributeText shows an outlet's attributes as name=value pairs, or says
// that it is not in the registry.
func attributeText(r outlets.Profile, attrs []string) string {
	if !r.Registered {
		return "(not in the registry: parallax outlets add)"
	}
	var parts []string
	for _, a := range attrs {
		if v := r.Attribute(a); v != "" {
			parts = append(parts, a+"="+v)
		}
	}
	for _, a := range slices.Sorted(maps.Keys(r.Attributes)) {
		if !slices.Contains(attrs, a) && r.Attributes[a] != "" {
			parts = append(parts, a+"="+r.Attributes[a])
		}
	}
	return orDash(strings.Join(parts, " "))
}

// openRegistry opens an existing store and reads its outlet registry.
func openRegistry(ctx context.Context, db string) (Store, []model.Outlet, error) {
	st, err := openExistingStore(ctx, db)
	if err != nil {
		return nil, nil, err
	}
	reg, err := st.RegisteredOutlets(ctx)
	if err != nil {
		st.Close()
		return nil, nil, err
	}
	return st, reg, nil
}
