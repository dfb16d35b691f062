package source

import (
	"context"
	"errors"
	"io"
	"io/fs"
	"iter"
	"os"
	"path/filepath"
	"strings"
)

// DefaultMaxBytes caps one document when Options.MaxBytes is 0.
const DefaultMaxBytes = 16 << 20

// Options tune Read.
type Options struct {
	// MaxBytes caps one document's size after decompression: a whole file,
	// or one line of a JSON-lines file (which may itself be larger). 0 means
	// DefaultMaxBytes.
	MaxBytes int64
	// Stdin is read for the path "-"; nil means os.Stdin.
	Stdin      io.Reader
	NetOptions // how http and https inputs are read (url.go)
	// Known, when set, is asked about each regular file before it is
	// opened: a file it knows (same path, size and modification time) is
	// not read but yielded as one KindKnown document with the count it
	// returns. With Known set, the documents of a regular file read without
	// error are followed by a KindFileDone marker.
	Known func(FileStamp) (docs int, ok bool)
}

// Read yields every document under paths: files, directories (walked
// recursively in lexical order, skipping hidden entries) and "-" for standard
// input. Each bad input is yielded once as an *InputError and reading goes on
// with the others. If ctx is cancelled, Read yields ctx.Err() once and stops;
// it also stops when the consumer breaks out of the loop.
func Read(ctx context.Context, paths []string, opt Options) iter.Seq2[Doc, error] {
	return read(ctx, paths, opt, os.ReadDir)
}

// read is Read with the directory lister injectable, so tests can make a
// directory unreadable even when they run as root.
func read(ctx context.Context, paths []string, opt Options, readDir func(string) ([]fs.DirEntry, error)) iter.Seq2[Doc, error] {
	if opt.MaxBytes <= 0 {
		opt.MaxBytes = DefaultMaxBytes
	}
	if opt.Stdin == nil {
		opt.Stdin = os.Stdin
	}
	return func(yield func(Doc, error) bool) {
		r := &reader{ctx: ctx, opt: opt, yield: yield, readDir: readDir}
		for _, p := range paths {
			if !r.path(p) {
				return
			}
		}
	}
}

// reader carries one Read call's state. Every method returns false once
// reading must stop (consumer gone or context cancelled); callers then return
// at once, so yield is never called again.
type reader struct {
	ctx     context.Context
	opt     Options
	yield   func(Doc, error) bool
	readDir func(string) ([]fs.DirEntry, error)
}

// live checks for cancellation before each unit of work.
func (r *reader) live() bool {
	if err := r.ctx.Err(); err != nil {
		r.yield(Doc{}, err)
		return false
	}
	return true
}

func (r *reader) emit(d Doc) bool { return r.yield(d, nil) }

func (r *reader) fail(input string, err error) bool {
	return r.yield(Doc{}, &InputError{Input: input, Err: err})
}

// path reads one path given by the user. Unlike entries found in a walk, it is
// read even when hidden or not a regular file (a named pipe from process
// substitution, /dev/stdin), because the user asked for it by name.
func (r *reader) path(p string) bool {
	if !r.live() {
		return false
	}
	if p == "-" {
		return r.stream("-", r.opt.Stdin, -1)
	}
	if IsURL(p) {
		return r.url(p)
	}
	info, err := os.Stat(p)
	if err != nil {
		return r.fail(p, osReason(err))
	}
	if info.IsDir() {
		return r.walk(p, []fs.FileInfo{info})
	}
	return r.file(p, info)
}

// walk reads a directory's entries in lexical order. ancestors are the
// directories above and including dir, used to refuse symlink loops.
func (r *reader) walk(dir string, ancestors []fs.FileInfo) bool {
	entries, err := r.readDir(dir)
	if err != nil && !r.fail(dir, osReason(err)) {
		return false
	}
	// os.ReadDir may return the entries it read before failing; keep them.
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".") {
			continue // hidden: .git, editor swap files, .DS_Store
		}
		if !r.live() {
			return false
		}
		if !r.entry(filepath.Join(dir, e.Name()), e, ancestors) {
			return false
		}
	}
	return true
}

// entry reads one directory entry, following symlinks unless they loop.
func (r *reader) entry(p string, e fs.DirEntry, ancestors []fs.FileInfo) bool {
	link := e.Type()&fs.ModeSymlink != 0
	info, err := os.Stat(p)
	if err != nil {
		if link && errors.Is(err, fs.ErrNotExist) {
			return r.fail(p, &reason{msg: errBrokenLink.Error(), err: errors.Join(errBrokenLink, err)})
		}
		return r.fail(p, osReason(err))
	}
	switch {
	case info.IsDir():
		if link && isAncestor(info, ancestors) {
			return r.fail(p, errSymlinkLoop)
		}
		// Clip capacity so sibling directories never share appended slots.
		return r.walk(p, append(ancestors[:len(ancestors):len(ancestors)], info))
	case info.Mode().IsRegular():
		return r.file(p, info)
	default:
		// Opening a FIFO or device found in a walk could block forever.
		return r.fail(p, errNotRegular)
	}
}

func isAncestor(info fs.FileInfo, ancestors []fs.FileInfo) bool {
	for _, a := range ancestors {
		if os.SameFile(info, a) {
			return true
		}
	}
	return false
}

// file opens and reads one file; size is trusted only for regular files.
// A regular file is first offered to Options.Known, and its documents are
// followed by a KindFileDone marker when it was read without error.
func (r *reader) file(p string, info fs.FileInfo) bool {
	var stamp *FileStamp
	if info.Mode().IsRegular() && r.opt.Known != nil {
		stamp = newStamp(p, info)
		if n, ok := r.opt.Known(*stamp); ok {
			stamp.Docs = n
			return r.emit(Doc{Source: p, Kind: KindKnown, File: stamp.Path, Stamp: stamp})
		}
	}
	f, err := os.Open(p)
	if err != nil {
		return r.fail(p, osReason(err))
	}
	defer f.Close()
	size := int64(-1)
	if info.Mode().IsRegular() {
		size = info.Size()
	}
	if stamp == nil {
		return r.stream(p, f, size)
	}
	docs, failed := 0, false
	outer := r.yield
	r.yield = func(d Doc, err error) bool {
		if err != nil {
			failed = true
		} else {
			docs++
			d.File = stamp.Path
		}
		return outer(d, err)
	}
	ok := r.stream(p, f, info.Size())
	r.yield = outer
	if !ok || failed {
		return ok
	}
	stamp.Docs = docs
	return r.emit(Doc{Source: p, Kind: KindFileDone, File: stamp.Path, Stamp: stamp})
}

// newStamp describes a regular file by its absolute path (so the same file
// named two ways is one), size and modification time.
func newStamp(p string, info fs.FileInfo) *FileStamp {
	abs, err := filepath.Abs(p)
	if err != nil {
		abs = p
	}
	return &FileStamp{Path: abs, Size: info.Size(), ModTime: info.ModTime().UnixNano()}
}
