package eval

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"strings"
)

// Label says which event (and optionally which storyline) one article
// reports. ID names the article by its record id, URL, source path, or the
// end of its source path.
type Label struct {
	ID        string `json:"id"`
	Event     string `json:"event"`
	Storyline string `json:"storyline,omitempty"`
}

// LoadLabels reads a JSONL file of labels; blank lines are skipped and a
// bad line is an error naming it.
func LoadLabels(path string) ([]Label, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("read labels: %w", err) // names the path
	}
	defer f.Close()
	var out []Label
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 64<<10), 16<<20)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" {
			continue
		}
		var l Label
		if err := json.Unmarshal([]byte(line), &l); err != nil {
			return nil, fmt.Errorf("%s:%d: not JSON: %v", path, n, err)
		}
		if l.ID == "" || l.Event == "" {
			return nil, fmt.Errorf("%s:%d: a label needs id and event", path, n)
		}
		out = append(out, l)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read labels %s: %w", path, err)
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("%s: no labels", path)
	}
	return out, nil
}

// ArticleKeys are the names a label may use for one stored article.
type ArticleKeys struct {
	ID                    int64
	SourceID, URL, Source string
}

// MatchLabels maps each label to a stored article: by record id, URL or
// source exactly, else by a source path ending in "/"+label ID. It returns
// label ID → article ID and the labels that matched nothing.
func MatchLabels(labels []Label, arts []ArticleKeys) (map[string]int64, []string) {
	exact := map[string]int64{}
	for _, a := range arts {
		for _, k := range []string{a.SourceID, a.URL, a.Source} {
			if _, dup := exact[k]; k != "" && !dup {
				exact[k] = a.ID
			}
		}
	}
	out := map[string]int64{}
	var missing []string
	for _, l := range labels {
		if id, ok := exact[l.ID]; ok {
			out[l.ID] = id
			continue
		}
		found := false
		for _, a := range arts {
			if strings.HasSuffix(a.Source, "/"+l.ID) {
				out[l.ID], found = a.ID, true
				break
			}
		}
		if !found {
			missing = append(missing, l.ID)
		}
	}
	return out, missing
}
