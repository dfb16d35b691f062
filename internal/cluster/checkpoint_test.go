package cluster

import (
	"fmt"
	"reflect"
	"strings"
	"testing"

	"parallax/internal/gen"
	"parallax/internal/model"
)

// TestCheckpointResumes: a clusterer resumed from a checkpoint decides every
// later article exactly as the one that wrote it, and ends with the same
// stories, whether the checkpoint is taken early or late, from a clusterer
// that assigned or one that restored.
func TestCheckpointResumes(t *testing.T) {
	cfg := gen.DefaultConfig()
	cfg.UndatedRate = 0.2 // the arrival-ordered index and slots too
	var arts []model.Article
	for a := range cfg.Stream(5, 3000) {
		arts = append(arts, a)
	}
	for _, at := range []int{0, 1, 700, 2400} {
		t.Run(fmt.Sprint("at ", at), func(t *testing.T) {
			whole, part := New(DefaultConfig()), New(DefaultConfig())
			for _, a := range arts[:at] {
				as := whole.Assign(a)
				if err := part.Restore(a, as); err != nil {
					t.Fatal(err)
				}
			}
			data, err := part.Checkpoint()
			if err != nil {
				t.Fatal(err)
			}
			resumed, err := Resume(DefaultConfig(), data)
			if err != nil {
				t.Fatal(err)
			}
			diffs := 0
			for _, a := range arts[at:] {
				w, r := whole.Assign(a), resumed.Assign(a)
				if w != r && diffs < 5 {
					t.Errorf("article %d: resumed %+v, uninterrupted %+v", a.ID, r, w)
					diffs++
				}
			}
			if g, w := fmt.Sprint(resumed.Stories()), fmt.Sprint(whole.Stories()); g != w {
				t.Errorf("stories differ after resuming at %d", at)
			}
			again, err := resumed.Checkpoint()
			if err != nil || len(again) == 0 {
				t.Errorf("checkpoint of a resumed clusterer: %d bytes, %v", len(again), err)
			}
		})
	}
}

func TestCheckpointRefusesGarbage(t *testing.T) {
	for _, data := range [][]byte{nil, []byte("not a checkpoint"), {0x0b, 0xff, 0x81}} {
		if _, err := Resume(DefaultConfig(), data); err == nil {
			t.Errorf("Resume(%q) succeeded", data)
		}
	}
	if CheckpointVersion(DefaultConfig()) == CheckpointVersion(Config{Threshold: 0.9}) {
		t.Error("two configurations share a checkpoint version")
	}
	if CheckpointVersion(DefaultConfig()) != CheckpointVersion(DefaultConfig()) {
		t.Error("the version of one configuration is not stable")
	}
}

// TestCheckpointCoversState fails when the clusterer's state gains or
// loses a field: the checkpoint (checkpoint.go) must then carry it, and
// checkpointFormat be counted up, before this list is brought up to date.
func TestCheckpointCoversState(t *testing.T) {
	want := map[string]string{
		"Clusterer": "cfg vocab index dups cands qText qEnt passed holding stories byID parent known nextID",
		"story":     "id articles titles outlets indep last frozen title text ent members released pub url ment place",
		"index":     "weeks recent seq trimmed newest dated",
		"dupSlot":   "head next ids sigs sizes days story last",
		"vocab":     "ids df logDF n n0 logN1",
		"member":    "text ent",
	}
	for name, v := range map[string]any{"Clusterer": Clusterer{}, "story": story{}, "index": index{}, "dupSlot": dupSlot{}, "vocab": vocab{}, "member": member{}} {
		typ := reflect.TypeOf(v)
		var fields []string
		for i := range typ.NumField() {
			fields = append(fields, typ.Field(i).Name)
		}
		if got := strings.Join(fields, " "); got != want[name] {
			t.Errorf("%s has fields %q; the checkpoint knows %q", name, got, want[name])
		}
	}
}
