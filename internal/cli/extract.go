package cli

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"

	"parallax/internal/extract"
	"parallax/internal/model"
	"parallax/internal/source"
)

func runExtract(ctx context.Context, args []string, stdio Stdio) error {
	fs := newFlags("extract", "[--format json|text] PATH|-", stdio)
	format := formatFlag(fs, "json", "json", "text")
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return fmt.Errorf("%w: extract takes one input (a file or -)", ErrUsage)
	}
	var docs []source.Doc
	for d, err := range source.Read(ctx, fs.Args(), source.Options{Stdin: stdio.In}) {
		if err != nil {
			return err
		}
		docs = append(docs, d)
	}
	if len(docs) != 1 {
		return fmt.Errorf("%w: %s holds %d documents; extract takes one (use ingest for many)", ErrUsage, fs.Arg(0), len(docs))
	}
	a, err := extract.Document(docs[0])
	if err != nil {
		return fmt.Errorf("%s: %w", docs[0].Source, err)
	}
	if *format == "text" {
		return writeArticleText(stdio.Out, a)
	}
	return writeJSON(stdio.Out, a)
}

func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}

func writeArticleText(w io.Writer, a model.Article) error {
	var b strings.Builder
	fmt.Fprintf(&b, "%s\n", a.Title)
	var meta []string
	for _, m := range []string{a.Outlet, strings.Join(a.Authors, ", "), a.Published, a.URL} {
		if m != "" {
			meta = append(meta, m)
		}
	}
	if len(meta) > 0 {
		fmt.Fprintf(&b, "%s\n", strings.Join(meta, " · "))
	}
	fmt.Fprintf(&b, "\n%s\n", a.Body)
	_, err := io.WriteString(w, b.String())
	return err
}

var errSomeFailed = errors.New("some inputs failed")
