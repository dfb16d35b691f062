// Package follow makes follows (saved searches, followed entities and
// storylines) from what a user asks for, and delivers their events to
// webhooks: signed, retried with backoff, recorded in the store. The
// events themselves are found by pipeline.Index when stories change.
package follow

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/netip"
	"net/url"
	"strconv"
	"strings"
	"unicode/utf8"

	"parallax/internal/enrich"
	"parallax/internal/fetch"
	"parallax/internal/model"
	"parallax/internal/store"
)

// Request is what a user asks to follow (the body of POST /api/follows,
// the flags of `parallax follow add`).
type Request struct {
	Kind string `json:"kind"` // "search", "entity" or "storyline"
	// Target is the words of a search, an entity's ID or a name to look
	// it up by, a storyline's ID.
	Target       string `json:"target"`
	Webhook      string `json:"webhook,omitempty"`
	AllowPrivate bool   `json:"allow_private,omitempty"`
}

// BadRequest is a request that cannot be followed: one line naming the
// input and the reason.
type BadRequest struct {
	Field, Value, Reason string
}

func (e *BadRequest) Error() string {
	return fmt.Sprintf("follow %s %q: %s", e.Field, e.Value, e.Reason)
}

// Resolver is what checking a request needs of a store.
type Resolver interface {
	Entity(ctx context.Context, id int64) (store.Entity, error)
	FindEntities(ctx context.Context, families []string, limit int) ([]store.Entity, error)
	StorylineStories(ctx context.Context, id int64, limit, offset int) ([]model.Story, error)
}

// Limits on what a request may hold.
const (
	maxTargetRunes = 200
	maxSearchWords = 12
	maxURLBytes    = 2000
)

// Prepare checks a request and makes the follow it asks for: the target
// resolved (an entity named by ID or by any spelling of its name, a
// storyline that exists), labelled, and a webhook secret when a webhook is
// given. A request that cannot be followed is a *BadRequest.
func Prepare(ctx context.Context, r Resolver, req Request) (model.Follow, error) {
	target := strings.TrimSpace(req.Target)
	if target == "" || !utf8.ValidString(target) || utf8.RuneCountInString(target) > maxTargetRunes {
		return model.Follow{}, &BadRequest{"target", clip(target), fmt.Sprintf("want 1 to %d characters of text", maxTargetRunes)}
	}
	f := model.Follow{Kind: req.Kind, AllowPrivate: req.AllowPrivate}
	var err error
	switch req.Kind {
	case model.FollowSearch:
		f.Target, f.Label, err = searchTarget(target)
	case model.FollowEntity:
		f.Target, f.Label, err = entityTarget(ctx, r, target)
	case model.FollowStoryline:
		f.Target, f.Label, err = storylineTarget(ctx, r, target)
	default:
		return f, &BadRequest{"kind", clip(req.Kind), "want search, entity or storyline"}
	}
	if err != nil {
		return f, err
	}
	if req.Webhook != "" {
		if f.Webhook, err = ParseWebhook(req.Webhook, req.AllowPrivate); err != nil {
			return f, err
		}
		f.Secret = NewSecret()
	}
	return f, nil
}

func searchTarget(words string) (string, string, error) {
	ws := strings.Fields(words)
	if len(ws) > maxSearchWords {
		return "", "", &BadRequest{"search", clip(words), fmt.Sprintf("at most %d words", maxSearchWords)}
	}
	if store.FTSQuery(words) == "" {
		return "", "", &BadRequest{"search", clip(words), "no word to search for"}
	}
	w := strings.Join(ws, " ")
	return w, w, nil
}

func entityTarget(ctx context.Context, r Resolver, target string) (string, string, error) {
	if id, err := strconv.ParseInt(target, 10, 64); err == nil {
		e, err := r.Entity(ctx, id)
		if errors.Is(err, store.ErrNotFound) || err == nil && e.Articles == 0 && e.MergedInto == 0 {
			return "", "", &BadRequest{"entity", target, "no person, place or organisation has this ID"}
		}
		if err != nil {
			return "", "", err
		}
		return target, e.Name, nil
	}
	found, err := r.FindEntities(ctx, enrich.SearchFamilies(target), 2)
	if err != nil {
		return "", "", err
	}
	if len(found) == 0 {
		return "", "", &BadRequest{"entity", clip(target), "no person, place or organisation of this name is stored"}
	}
	if len(found) > 1 && found[0].Articles == found[1].Articles {
		return "", "", &BadRequest{"entity", clip(target), fmt.Sprintf("ambiguous: %s (%d) or %s (%d); give the ID",
			found[0].Name, found[0].ID, found[1].Name, found[1].ID)}
	}
	return strconv.FormatInt(found[0].ID, 10), found[0].Name, nil
}

func storylineTarget(ctx context.Context, r Resolver, target string) (string, string, error) {
	id, err := strconv.ParseInt(target, 10, 64)
	if err != nil || id <= 0 {
		return "", "", &BadRequest{"storyline", clip(target), "want a storyline ID (a positive number)"}
	}
	stories, err := r.StorylineStories(ctx, id, 1000, 0)
	if err != nil {
		return "", "", err
	}
	if len(stories) == 0 {
		return "", "", &BadRequest{"storyline", target, "no story belongs to this storyline"}
	}
	return target, stories[len(stories)-1].Title, nil
}

// ParseWebhook checks a webhook URL: absolute http or https, a host, no
// credentials, at most 2,000 bytes; an IP address that is not public
// (loopback, private, link-local…) only when allowPrivate. A host name
// is checked again on every delivery, after DNS resolution.
func ParseWebhook(raw string, allowPrivate bool) (string, error) {
	raw = strings.TrimSpace(raw)
	bad := func(reason string) error { return &BadRequest{"webhook", clip(raw), reason} }
	if len(raw) > maxURLBytes {
		return "", bad(fmt.Sprintf("longer than %d bytes", maxURLBytes))
	}
	u, err := url.Parse(raw)
	switch {
	case err != nil:
		return "", bad("not a URL")
	case u.Scheme != "http" && u.Scheme != "https":
		return "", bad("want an http or https URL")
	case u.Hostname() == "":
		return "", bad("no host")
	case u.User != nil:
		return "", bad("credentials in the URL are not kept secret; use the signature instead")
	case u.Fragment != "":
		return "", bad("a fragment is never sent")
	}
	if addr, err := netip.ParseAddr(u.Hostname()); err == nil && !allowPrivate {
		if kind := fetch.AddressKind(addr); kind != "" {
			return "", bad(kind + " address; allow private addresses for this follow to use it")
		}
	}
	return u.String(), nil
}

// NewSecret is a webhook secret: 32 random bytes, hex.
func NewSecret() string {
	b := make([]byte, 32)
	if _, err := rand.Read(b); err != nil {
		panic("crypto/rand: " + err.Error()) // never fails on supported systems
	}
	return hex.EncodeToString(b)
}

// clip keeps an input short enough to quote in one line.
func clip(s string) string {
	s = strings.ToValidUTF8(s, "?")
	if utf8.RuneCountInString(s) > 80 {
		return string([]rune(s)[:79]) + "…"
	}
	return s
}

// maxRequestBytes bounds a request's JSON body.
const maxRequestBytes = 16 << 10

// DecodeRequest reads a request as JSON: one object of Request's fields
// and no others, at most 16 KiB.
func DecodeRequest(r io.Reader) (Request, error) {
	var req Request
	dec := json.NewDecoder(io.LimitReader(r, maxRequestBytes+1))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&req); err != nil {
		return req, &BadRequest{"body", "", "want {\"kind\", \"target\", \"webhook\", \"allow_private\"}: " + err.Error()}
	}
	if dec.More() {
		return req, &BadRequest{"body", "", "want one JSON object"}
	}
	return req, nil
}
