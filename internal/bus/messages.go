package bus

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/nats-io/nats.go"

	"parallax/internal/source"
)

// Headers Parallax sets on a queued document besides Nats-Msg-Id.
const (
	sourceHeader   = "Parallax-Source" // where the document was read from, for people and tools
	encodingHeader = "Content-Encoding"
)

// gzipOver is the size above which a document is compressed: pages can
// be larger than a NATS message may be (1 MB by default).
const gzipOver = 256 << 10

// docMessage encodes a document for the docs stream.
func docMessage(d source.Doc) (*nats.Msg, error) {
	d.Stamp = nil
	b, err := json.Marshal(d)
	if err != nil {
		return nil, fmt.Errorf("%s: encode for the queue: %w", d.Source, err)
	}
	m := nats.NewMsg(DocsSubject)
	m.Header.Set(nats.MsgIdHdr, docID(d))
	m.Header.Set(sourceHeader, oneLine(d.Source))
	if len(b) > gzipOver {
		var buf bytes.Buffer
		zw := gzip.NewWriter(&buf)
		zw.Write(b)
		if err := zw.Close(); err != nil {
			return nil, fmt.Errorf("%s: compress for the queue: %w", d.Source, err)
		}
		b = buf.Bytes()
		m.Header.Set(encodingHeader, "gzip")
	}
	m.Data = b
	return m, nil
}

// maxDoc caps a queued document once decompressed, as source caps files.
const maxDoc = 64 << 20

// decodeDoc reads a document from a docs stream message.
func decodeDoc(h nats.Header, data []byte) (source.Doc, error) {
	var d source.Doc
	if h.Get(encodingHeader) == "gzip" {
		zr, err := gzip.NewReader(bytes.NewReader(data))
		if err != nil {
			return d, fmt.Errorf("not a queued document: %w", err)
		}
		if data, err = io.ReadAll(io.LimitReader(zr, maxDoc+1)); err != nil {
			return d, fmt.Errorf("not a queued document: %w", err)
		}
		if len(data) > maxDoc {
			return d, fmt.Errorf("queued document larger than %d MB", maxDoc>>20)
		}
	}
	if err := json.Unmarshal(data, &d); err != nil {
		return d, fmt.Errorf("not a queued document: %w", err)
	}
	if d.Kind == source.KindRecord && d.Record == nil {
		return d, fmt.Errorf("%s: queued record without its fields", d.Source)
	}
	return d, nil
}

// docID is a document's Nats-Msg-Id: its article key (the record's URL,
// else where it was read from) and a fingerprint of its content, so the
// same document queued twice within the window is kept once, while a
// changed page under the same key is a new message.
func docID(d source.Doc) string {
	key := d.Source
	content := []byte(d.Text)
	if d.Record != nil {
		if strings.TrimSpace(d.Record.URL) != "" {
			key = "url:" + strings.TrimSpace(d.Record.URL)
		}
		content, _ = json.Marshal(d.Record)
	}
	h := sha256.New()
	fmt.Fprintf(h, "%s\x00%s\x00", d.Kind, key)
	h.Write(content)
	return hex.EncodeToString(h.Sum(nil)[:16])
}

// oneLine keeps a header value to one line.
func oneLine(s string) string {
	return lineBreaks.Replace(s)
}

var lineBreaks = strings.NewReplacer("\r", " ", "\n", " ")
