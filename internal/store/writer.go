package store

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"parallax/internal/model"
)

// Holder names a process that holds, or asks for, a store's writer lease:
// enough for a person to find it ("ingest pid 4120 on host news-1").
type Holder struct {
	Command string    `json:"command"`
	PID     int       `json:"pid"`
	Host    string    `json:"host"`
	Since   time.Time `json:"since"`
}

// Me is the holder record of this process running command.
func Me(command string) Holder {
	host, _ := os.Hostname()
	if command == "" {
		command = filepath.Base(os.Args[0])
	}
	return Holder{Command: command, PID: os.Getpid(), Host: host, Since: time.Now().UTC().Truncate(time.Second)}
}

func (h Holder) String() string {
	if h.PID == 0 {
		return "an unknown process"
	}
	s := fmt.Sprintf("%s pid %d on host %s", h.Command, h.PID, h.Host)
	if !h.Since.IsZero() {
		s += " since " + h.Since.Format(time.RFC3339)
	}
	return s
}

// Lease is a store's writer lease: while it is held, no other process
// places articles into stories or builds reports. Epoch numbers the
// grants; every placement commit carries it, and the store refuses a
// commit whose epoch is not the current one (ErrLeaseLost), so a holder
// that lost its lease without noticing cannot write.
type Lease interface {
	Epoch() int64
	Release() error
}

// ErrLeaseLost is returned by a commit made under a lease that is no
// longer the current one.
var ErrLeaseLost = errors.New("the store's writer lease was lost (another writer took over)")

// WriterStatus says who holds a store's writer lease, if anyone.
type WriterStatus struct {
	Held   bool   `json:"held"`
	Holder Holder `json:"holder"` // the last holder recorded, when Held
	Epoch  int64  `json:"epoch"`
}

// PlacementBatch is what one placement commit writes, all or nothing:
// where articles were placed, the story rows that changed, the stories
// whose comparison report must be rebuilt, and optionally a checkpoint of
// the clusterer's state as of the last placement in the batch.
type PlacementBatch struct {
	Epoch      int64
	Placements []model.Placement
	Stories    []model.Story
	Pending    []int64 // story IDs whose report is out of date
	Checkpoint *Checkpoint
}

// Put is what became of one article of a batch (PutArticles): its ID and
// outcome, or the error that left it unstored.
type Put struct {
	ID      int64
	Outcome Outcome
	Err     error
}

// ThenPlace is called inside a batch's transaction with what became of
// each article; the placements it returns (nil: none due) are committed in
// the same transaction.
type ThenPlace func(puts []Put) (*PlacementBatch, error)

// Checkpoint is the clusterer's state, encoded by the cluster package, as
// of the placement with sequence number Seq. Version names the encoding
// and configuration; a checkpoint of another version is ignored.
type Checkpoint struct {
	Seq     int64
	Version string
	Data    []byte
}

// PendingReport is a story whose report must be (re)built. Mark changes
// each time the story is marked again, so clearing it after a build does
// not forget a mark made during the build.
type PendingReport struct {
	StoryID int64
	Mark    int64
}

// Input is a file already ingested, known by path, size and modification
// time, with the number of documents it gave.
type Input struct {
	Path    string
	Size    int64
	ModTime int64 // nanoseconds since 1970
	Docs    int
}

// Status counts what a store holds and what work is left in it.
type Status struct {
	Articles       int          `json:"articles"`
	Stories        int          `json:"stories"`
	Unplaced       int          `json:"unplaced_articles"`
	PendingReports int          `json:"pending_reports"`
	Reports        int          `json:"reports"`
	CheckpointSeq  int64        `json:"checkpoint_seq"`
	LastSeq        int64        `json:"last_placement_seq"`
	Writer         WriterStatus `json:"writer"`
}

// Problems lists what an integrity check found wrong, one line each.
type Problems []string

func (p Problems) Error() string { return strings.Join(p, "; ") }

// ConsistencyCheck is a query that lists what is wrong, one ID a row, and
// the message (with one %v for the ID) that explains a row. Both backends
// run these after their own checks.
type ConsistencyCheck struct{ Query, Message string }

// ConsistencyChecks are what must hold between articles, stories and
// reports once no writer is at work.
var ConsistencyChecks = []ConsistencyCheck{
	{`SELECT a.id FROM articles a WHERE a.story_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM stories s WHERE s.id = a.story_id)`,
		"article %v is placed in a story that has no row"},
	{`SELECT s.id FROM stories s WHERE s.article_count != (SELECT count(*) FROM articles a WHERE a.story_id = s.id)`,
		"story %v counts a different number of articles than are placed in it"},
	{`SELECT s.id FROM stories s WHERE NOT EXISTS (SELECT 1 FROM story_reports r WHERE r.story_id = s.id)
		AND NOT EXISTS (SELECT 1 FROM pending_reports p WHERE p.story_id = s.id)`,
		"story %v has no report and none is pending"},
	{`SELECT a.id FROM articles a WHERE a.duplicate_of IS NOT NULL AND NOT EXISTS (SELECT 1 FROM articles b WHERE b.id = a.duplicate_of)`,
		"article %v copies an article that does not exist"},
}
