package web

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"net/http"
	"path"
	"strconv"
	"strings"
	"time"

	"parallax/internal/store"
)

// csp allows nothing but same-origin styles and images: no script at all,
// no inline styles, no framing, forms only to this site.
const csp = "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; " +
	"base-uri 'none'; frame-ancestors 'none'"

// secure sets the security headers on every response.
func (s *server) secure(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Content-Security-Policy", csp)
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("X-Frame-Options", "DENY")
		h.Set("Referrer-Policy", "no-referrer")
		h.Set("Cross-Origin-Opener-Policy", "same-origin")
		h.Set("Cross-Origin-Resource-Policy", "same-origin")
		h.Set("Permissions-Policy", "camera=(), microphone=(), geolocation=(), interest-cohort=()")
		next.ServeHTTP(w, r)
	})
}

type statusWriter struct {
	http.ResponseWriter
	status int
}

func (w *statusWriter) WriteHeader(code int) {
	w.status = code
	w.ResponseWriter.WriteHeader(code)
}

// Unwrap lets http.ResponseController reach the real writer.
func (w *statusWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }

// logged logs one line per request when a logger is configured.
func (s *server) logged(next http.Handler) http.Handler {
	if s.log == nil {
		return next
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		sw := &statusWriter{ResponseWriter: w, status: http.StatusOK}
		next.ServeHTTP(sw, r)
		s.log.Info("request", slog.String("method", r.Method), slog.String("path", r.URL.Path),
			slog.Int("status", sw.status), slog.Duration("took", time.Since(start)))
	})
}

// writeBody sends a complete body with a strong ETag over its bytes, or
// 304 when the client already has it.
func writeBody(w http.ResponseWriter, r *http.Request, status int, contentType string, body []byte) {
	writeResponse(w, r, newResponse(status, contentType, body))
}

// writeResponse sends a rendered answer. Pages change whenever the store
// does, so clients revalidate every time (no-cache) and the ETag saves the
// transfer.
func writeResponse(w http.ResponseWriter, r *http.Request, resp *response) {
	h := w.Header()
	h.Set("ETag", resp.etag)
	h.Set("Cache-Control", "no-cache")
	if resp.status == http.StatusOK && etagMatches(r.Header.Get("If-None-Match"), resp.etag) {
		w.WriteHeader(http.StatusNotModified)
		return
	}
	h.Set("Content-Type", resp.ctype)
	h.Set("Content-Length", strconv.Itoa(len(resp.body)))
	if resp.filename != "" {
		h.Set("Content-Disposition", `attachment; filename="`+resp.filename+`"`)
	}
	w.WriteHeader(resp.status)
	if r.Method != http.MethodHead {
		w.Write(resp.body)
	}
}

// etagMatches reports whether an If-None-Match header lists etag (weak
// comparison, as RFC 9110 asks for If-None-Match).
func etagMatches(header, etag string) bool {
	for _, t := range strings.Split(header, ",") {
		t = strings.TrimSpace(t)
		if t == "*" || strings.TrimPrefix(t, "W/") == etag {
			return true
		}
	}
	return false
}

func writeJSON(w http.ResponseWriter, r *http.Request, status int, v any) {
	resp, err := jsonResponse(status, v)
	if err != nil {
		apiError(w, http.StatusInternalServerError, "encode response")
		return
	}
	writeResponse(w, r, resp)
}

// jsonResponse encodes v as an answer of the API.
func jsonResponse(status int, v any) (*response, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf) // escapes <, > and & so JSON is inert in HTML too
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		return nil, fmt.Errorf("encode response: %w", err)
	}
	return newResponse(status, "application/json; charset=utf-8", buf.Bytes()), nil
}

// writeJSONNoStore sends v as JSON that no cache may keep (answers about
// the server's own state).
func writeJSONNoStore(w http.ResponseWriter, v any) {
	b, err := json.Marshal(v)
	if err != nil {
		apiError(w, http.StatusInternalServerError, "encode response")
		return
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.Write(append(b, '\n'))
}

func apiError(w http.ResponseWriter, status int, msg string) {
	b, _ := json.Marshal(map[string]string{"error": msg})
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	w.Write(append(b, '\n'))
}

// storeError answers a failed store read: 404 for a missing row, 503
// with Retry-After when the request ran out of time (the server is busy)
// or its client left, 500 (logged, not shown) otherwise.
func (s *server) storeError(w http.ResponseWriter, r *http.Request, api bool, err error) {
	if overloaded(err) {
		s.busy(w, r)
		return
	}
	status, msg := http.StatusInternalServerError, "The store could not be read."
	if errors.Is(err, store.ErrNotFound) {
		status, msg = http.StatusNotFound, "Nothing is stored under this number."
	} else if s.log != nil {
		s.log.Error("store read", slog.String("path", r.URL.Path), slog.String("error", err.Error()))
	}
	if api {
		apiError(w, status, strings.ToLower(strings.TrimSuffix(msg, ".")))
		return
	}
	s.errorPage(w, r, status, msg)
}

// static serves the embedded assets.
func (s *server) static(w http.ResponseWriter, r *http.Request) {
	name := r.PathValue("name")
	b, err := fs.ReadFile(assets, "static/"+name)
	if err != nil || strings.Contains(name, "/") {
		http.NotFound(w, r)
		return
	}
	ctype := "application/octet-stream"
	switch path.Ext(name) {
	case ".css":
		ctype = "text/css; charset=utf-8"
	case ".svg":
		ctype = "image/svg+xml"
	}
	writeBody(w, r, http.StatusOK, ctype, b)
}
