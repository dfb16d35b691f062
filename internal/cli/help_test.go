package cli

import (
	"strings"
	"testing"
)

// TestHelpEverywhere: --help on every command and subcommand prints its
// usage and succeeds, creating no store.
func TestHelpEverywhere(t *testing.T) {
	cmds := [][]string{{"--help"}, {"eval", "--help"}, {"feeds", "--help"}, {"outlets", "--help"}}
	for _, c := range commands() {
		cmds = append(cmds, []string{c.name, "--help"})
	}
	for _, sub := range []string{"extract", "clusters", "quotes", "entities"} {
		cmds = append(cmds, []string{"eval", sub, "--help"})
	}
	for _, sub := range []string{"add", "list", "remove", "export"} {
		cmds = append(cmds, []string{"feeds", sub, "--help"})
	}
	for _, sub := range []string{"add", "edit", "import", "export", "list", "remove"} {
		cmds = append(cmds, []string{"outlets", sub, "--help"})
	}
	t.Chdir(t.TempDir())
	for _, args := range cmds {
		out, errOut, err := run(t, args...)
		if err != nil || !strings.Contains(out+errOut, "Usage: parallax") {
			t.Errorf("%q: err %v, output %q", args, err, out+errOut)
		}
	}
	if out, _, err := run(t, "--version"); err != nil || !strings.HasPrefix(out, "parallax ") {
		t.Errorf("--version: %q, %v", out, err)
	}
}

func TestPlurals(t *testing.T) {
	for _, tt := range []struct{ got, want string }{
		{plural(1, "story"), "1 story"}, {plural(2, "story"), "2 stories"}, {plural(0, "outlet"), "0 outlets"},
		{plural(1, "outlet"), "1 outlet"}, {pluralES(2, "discrepancy"), "2 discrepancies"}, {pluralES(1, "discrepancy"), "1 discrepancy"},
	} {
		if tt.got != tt.want {
			t.Errorf("got %q, want %q", tt.got, tt.want)
		}
	}
}
