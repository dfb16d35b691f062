// Package source turns user input (files, directories, standard input) into
// documents for extraction. It recognises inputs by content, decodes them to
// UTF-8 and reports each bad input as one InputError while the rest go on.
package source

import (
	"fmt"

	"parallax/internal/model"
)

// Kind says how a document's content must be extracted.
type Kind string

const (
	KindHTML   Kind = "html"   // an HTML page (already decompressed and decoded to UTF-8)
	KindText   Kind = "text"   // a plain-text dump of a page
	KindRecord Kind = "record" // an article record from JSON or JSONL
	// KindKnown stands for a whole file that Options.Known recognised as
	// already ingested unchanged: nothing in it was read. Stamp says how
	// many documents it gave.
	KindKnown Kind = "known"
	// KindFileDone follows the last document of a regular file read
	// without any error; Stamp describes the file and counts its
	// documents, so a consumer can remember it once they are all stored.
	KindFileDone Kind = "file-done"
)

// FileStamp identifies one version of a file cheaply: its absolute path,
// size and modification time; Docs is the number of documents it gives.
type FileStamp struct {
	Path    string
	Size    int64
	ModTime int64 // nanoseconds since 1970
	Docs    int
}

// Doc is one document read from the input.
type Doc struct {
	// Source names where the document came from: the file path, "-" for
	// standard input; for a JSON/JSONL record its url, or PATH:LINE when it
	// has none.
	Source string
	Kind   Kind
	// Text is the UTF-8 content of an HTML or text document.
	Text string
	// Record is set for KindRecord.
	Record *Record
	// File is the regular file the document was read from, "" for other
	// inputs (standard input, URLs).
	File string
	// Stamp is set for KindKnown and KindFileDone.
	Stamp *FileStamp
	// Page is set for an HTML or text page fetched by URL: the
	// validators of the answer, to keep once its article is stored.
	Page *model.FetchedPage
	// Warning, when set, says what was repaired to read the document: one
	// line, without the source's name (bytes that were not valid UTF-8).
	Warning string
	// NotModified means the server answered 304 to a conditional request
	// (NetOptions.KnownPage): there is no content, and Page is what an
	// earlier ingest kept of the page.
	NotModified bool
}

// Record is an article record exported by another tool.
type Record struct {
	ID        string   `json:"id"` // the exporting tool's own identifier
	URL       string   `json:"url"`
	Title     string   `json:"title"`
	Outlet    string   `json:"outlet"`
	Published string   `json:"published"`
	Language  string   `json:"language"`
	Authors   []string `json:"authors"`
	Text      string   `json:"text"`
	Body      string   `json:"body"`
	HTML      string   `json:"html"`
}

// InputError reports one input that could not be read. Its message is the
// one clear line users see: the input, then the reason.
type InputError struct {
	Input string
	Err   error
}

func (e *InputError) Error() string { return fmt.Sprintf("%s: %v", e.Input, e.Err) }
func (e *InputError) Unwrap() error { return e.Err }
