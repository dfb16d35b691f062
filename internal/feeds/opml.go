package feeds

import (
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"
)

// Outline is one feed in an OPML subscription list.
type Outline struct {
	Title   string
	URL     string // the feed (xmlUrl)
	HTMLURL string // the site (htmlUrl)
}

type opmlDoc struct {
	XMLName xml.Name      `xml:"opml"`
	Version string        `xml:"version,attr"`
	Title   string        `xml:"head>title"`
	Body    []opmlElement `xml:"body>outline"`
}

type opmlElement struct {
	Text     string        `xml:"text,attr"`
	Title    string        `xml:"title,attr,omitempty"`
	Type     string        `xml:"type,attr,omitempty"`
	XMLURL   string        `xml:"xmlUrl,attr,omitempty"`
	HTMLURL  string        `xml:"htmlUrl,attr,omitempty"`
	Children []opmlElement `xml:"outline"`
}

// opmlMaxDepth bounds nested folders; real lists use one or two levels.
const opmlMaxDepth = 32

// ParseOPML reads the feeds of an OPML file, folders flattened, in
// document order, each URL once.
func ParseOPML(r io.Reader) ([]Outline, error) {
	var doc opmlDoc
	dec := xml.NewDecoder(r)
	dec.Strict = false // hand-edited lists often carry bare ampersands
	dec.CharsetReader = func(label string, in io.Reader) (io.Reader, error) {
		if l := strings.ToLower(label); l == "utf-8" || l == "us-ascii" || l == "ascii" {
			return in, nil
		}
		return nil, fmt.Errorf("unsupported charset %q", label)
	}
	if err := dec.Decode(&doc); err != nil {
		return nil, fmt.Errorf("bad OPML: %w", err)
	}
	var out []Outline
	seen := map[string]bool{}
	if err := flatten(doc.Body, 0, seen, &out); err != nil {
		return nil, err
	}
	return out, nil
}

func flatten(els []opmlElement, depth int, seen map[string]bool, out *[]Outline) error {
	if depth > opmlMaxDepth {
		return errors.New("bad OPML: outlines nested too deep")
	}
	for _, el := range els {
		if u := strings.TrimSpace(el.XMLURL); u != "" && !seen[u] {
			seen[u] = true
			title := clean(el.Title)
			if title == "" {
				title = clean(el.Text)
			}
			*out = append(*out, Outline{Title: title, URL: u, HTMLURL: strings.TrimSpace(el.HTMLURL)})
		}
		if err := flatten(el.Children, depth+1, seen, out); err != nil {
			return err
		}
	}
	return nil
}

// WriteOPML writes an OPML 2.0 list of feeds.
func WriteOPML(w io.Writer, title string, feeds []Outline) error {
	doc := opmlDoc{Version: "2.0", Title: title}
	for _, f := range feeds {
		text := f.Title
		if text == "" {
			text = f.URL
		}
		doc.Body = append(doc.Body, opmlElement{Text: text, Title: f.Title, Type: "rss", XMLURL: f.URL, HTMLURL: f.HTMLURL})
	}
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(doc); err != nil {
		return fmt.Errorf("write OPML: %w", err)
	}
	_, err := io.WriteString(w, "\n")
	return err
}
