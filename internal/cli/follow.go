package cli

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"text/tabwriter"

	"parallax/internal/follow"
	"parallax/internal/model"
)

// runFollow manages follows: follow add|list|remove|events|deliveries.
func runFollow(ctx context.Context, args []string, stdio Stdio) error {
	if len(args) == 0 {
		return fmt.Errorf("%w: follow needs a subcommand: add, list, remove, events, deliveries", ErrUsage)
	}
	sub := map[string]func(context.Context, []string, Stdio) error{
		"add": followAdd, "list": followList, "remove": followRemove, "events": followEvents, "deliveries": followDeliveries,
	}[args[0]]
	if sub == nil {
		return fmt.Errorf("%w: follow %q: want add, list, remove, events or deliveries", ErrUsage, args[0])
	}
	return sub(ctx, args[1:], stdio)
}

func followAdd(ctx context.Context, args []string, stdio Stdio) error {
	fs := newFlags("follow add", "(--search WORDS | --entity NAME|ID | --storyline ID) [--webhook URL [--allow-private]] [--db PATH]", stdio)
	db := dbFlag(fs)
	search := fs.String("search", "", "follow the stories with an article matching these words")
	entity := fs.String("entity", "", "follow the stories naming this person, place or organisation (a name in any spelling, or its ID)")
	line := fs.String("storyline", "", "follow the stories of this storyline (its ID)")
	webhook := fs.String("webhook", "", "also POST each event, signed, to this URL")
	allow := fs.Bool("allow-private", false, "let the webhook reach loopback and private addresses")
	if err := parse(fs, args); err != nil {
		return err
	}
	var req follow.Request
	for kind, target := range map[string]string{model.FollowSearch: *search, model.FollowEntity: *entity, model.FollowStoryline: *line} {
		if target != "" {
			if req.Kind != "" {
				return fmt.Errorf("%w: follow add takes one of --search, --entity, --storyline", ErrUsage)
			}
			req.Kind, req.Target = kind, target
		}
	}
	if req.Kind == "" || fs.NArg() != 0 {
		return fmt.Errorf("%w: follow add takes one of --search WORDS, --entity NAME, --storyline ID", ErrUsage)
	}
	req.Webhook, req.AllowPrivate = *webhook, *allow
	st, err := openExistingStore(ctx, *db)
	if err != nil {
		return err
	}
	defer st.Close()
	f, err := follow.Prepare(ctx, st, req)
	var bad *follow.BadRequest
	if errors.As(err, &bad) {
		return fmt.Errorf("%w: %v", ErrUsage, err)
	}
	if err != nil {
		return err
	}
	if f, err = st.AddFollow(ctx, f); err != nil {
		return err
	}
	fmt.Fprintf(stdio.Out, "following %d: %s %s\nAtom feed: /feeds/%d on the server (parallax serve)\n", f.ID, f.Kind, f.Label, f.ID)
	if f.Webhook != "" {
		fmt.Fprintf(stdio.Out, "webhook secret (shown once; the %s header is sha256= and the HMAC-SHA256 of the body with it):\n%s\n",
			follow.SignatureHeader, f.Secret)
	}
	return nil
}

func followList(ctx context.Context, args []string, stdio Stdio) error {
	fs := newFlags("follow list", "[--db PATH] [--format table|json]", stdio)
	db := dbFlag(fs)
	format := formatFlag(fs, "table", "table", "json")
	if err := parse(fs, args); err != nil {
		return err
	}
	st, err := openExistingStore(ctx, *db)
	if err != nil {
		return err
	}
	defer st.Close()
	fsl, err := st.Follows(ctx)
	if err != nil {
		return err
	}
	if *format == "json" {
		return writeJSON(stdio.Out, map[string]any{"follows": nonNilSlice(fsl)})
	}
	tw := tabwriter.NewWriter(stdio.Out, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tKIND\tTARGET\tLABEL\tWEBHOOK\tSINCE")
	for _, f := range fsl {
		fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\t%s\n", f.ID, f.Kind, clip(f.Target, 30), clip(f.Label, 50), orDash(f.Webhook), f.Created)
	}
	return tw.Flush()
}

// followID reads the one follow ID a subcommand takes.
func followID(name string, args []string) (int64, error) {
	if len(args) != 1 {
		return 0, fmt.Errorf("%w: follow %s takes one follow ID", ErrUsage, name)
	}
	id, err := strconv.ParseInt(args[0], 10, 64)
	if err != nil || id <= 0 {
		return 0, fmt.Errorf("%w: follow ID %q is not a positive number", ErrUsage, args[0])
	}
	return id, nil
}

func followRemove(ctx context.Context, args []string, stdio Stdio) error {
	fs := newFlags("follow remove", "[--db PATH] ID", stdio)
	db := dbFlag(fs)
	if err := parse(fs, args); err != nil {
		return err
	}
	id, err := followID("remove", fs.Args())
	if err != nil {
		return err
	}
	st, err := openExistingStore(ctx, *db)
	if err != nil {
		return err
	}
	defer st.Close()
	if err := st.RemoveFollow(ctx, id); err != nil {
		return err
	}
	fmt.Fprintf(stdio.Out, "removed follow %d with its events and deliveries\n", id)
	return nil
}

// followLog is what follow events and follow deliveries share: the
// flags, the follow's ID, the store, and the follow checked to exist.
type followLog struct {
	st     Store
	id     int64
	limit  int
	format string
}

func openFollowLog(ctx context.Context, name string, args []string, stdio Stdio) (*followLog, error) {
	fs := newFlags("follow "+name, "[--db PATH] [--limit N] [--format table|json] ID", stdio)
	db := dbFlag(fs)
	limit := fs.Int("limit", 50, "show the latest N")
	format := formatFlag(fs, "table", "table", "json")
	if err := parse(fs, args); err != nil {
		return nil, err
	}
	id, err := followID(name, fs.Args())
	if err != nil {
		return nil, err
	}
	st, err := openExistingStore(ctx, *db)
	if err != nil {
		return nil, err
	}
	if _, err := st.Follow(ctx, id); err != nil {
		st.Close()
		return nil, err
	}
	return &followLog{st: st, id: id, limit: *limit, format: *format}, nil
}

func followEvents(ctx context.Context, args []string, stdio Stdio) error {
	l, err := openFollowLog(ctx, "events", args, stdio)
	if err != nil {
		return err
	}
	defer l.st.Close()
	evs, err := l.st.FollowEvents(ctx, l.id, l.limit)
	if err != nil {
		return err
	}
	if l.format == "json" {
		return writeJSON(stdio.Out, map[string]any{"events": nonNilSlice(evs)})
	}
	tw := tabwriter.NewWriter(stdio.Out, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "EVENT\tWHEN\tKIND\tSTORY\tWHAT")
	for _, e := range evs {
		what := e.Title
		switch {
		case e.Outlet != "":
			what = e.Outlet + " covers it"
		case e.Discrepancy != nil:
			what = "outlets differ on " + e.Discrepancy.Subject
		}
		fmt.Fprintf(tw, "%d\t%s\t%s\t%d\t%s\n", e.ID, e.Created, e.Kind, e.StoryID, clip(what, 70))
	}
	return tw.Flush()
}

func followDeliveries(ctx context.Context, args []string, stdio Stdio) error {
	l, err := openFollowLog(ctx, "deliveries", args, stdio)
	if err != nil {
		return err
	}
	defer l.st.Close()
	ds, err := l.st.Deliveries(ctx, l.id, l.limit)
	if err != nil {
		return err
	}
	if l.format == "json" {
		return writeJSON(stdio.Out, map[string]any{"deliveries": nonNilSlice(ds)})
	}
	tw := tabwriter.NewWriter(stdio.Out, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "EVENT\tATTEMPTS\tSTATE\tLAST")
	for _, d := range ds {
		state := "due " + d.NextTry.Format("2006-01-02T15:04:05Z")
		switch {
		case !d.Delivered.IsZero():
			state = "delivered " + d.Delivered.Format("2006-01-02T15:04:05Z")
		case d.GaveUp:
			state = "given up"
		}
		last := strings.TrimSpace(fmt.Sprintf("%s %s", statusText(d.LastStatus), d.LastError))
		fmt.Fprintf(tw, "%d\t%d\t%s\t%s\n", d.EventID, d.Attempts, state, orDash(clip(last, 80)))
	}
	return tw.Flush()
}

func statusText(code int) string {
	if code == 0 {
		return ""
	}
	return "HTTP " + strconv.Itoa(code)
}
