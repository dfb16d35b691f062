package sqlite

import (
	"context"
	"database/sql"
)

// migrations is the ordered schema history; the schema version is the
// number of steps applied (PRAGMA user_version). Append, never edit.
var migrations = []string{
	// 1: articles and their full-text index.
	`CREATE TABLE articles (
		id          INTEGER PRIMARY KEY,
		key         TEXT NOT NULL UNIQUE,
		fingerprint TEXT NOT NULL,
		source      TEXT NOT NULL,
		url         TEXT NOT NULL DEFAULT '',
		title       TEXT NOT NULL DEFAULT '',
		authors     TEXT NOT NULL DEFAULT '[]',
		outlet      TEXT NOT NULL DEFAULT '',
		published   TEXT NOT NULL DEFAULT '',
		language    TEXT NOT NULL DEFAULT '',
		body        TEXT NOT NULL,
		ingested_at TEXT NOT NULL,
		updated_at  TEXT NOT NULL
	);
	CREATE INDEX articles_fingerprint ON articles(fingerprint);
	CREATE INDEX articles_published ON articles(published);
	CREATE INDEX articles_outlet ON articles(outlet);
	CREATE VIRTUAL TABLE articles_fts USING fts5(
		title, body, content='articles', content_rowid='id', tokenize='unicode61 remove_diacritics 2'
	);
	CREATE TRIGGER articles_ai AFTER INSERT ON articles BEGIN
		INSERT INTO articles_fts(rowid, title, body) VALUES (new.id, new.title, new.body);
	END;
	CREATE TRIGGER articles_ad AFTER DELETE ON articles BEGIN
		INSERT INTO articles_fts(articles_fts, rowid, title, body) VALUES ('delete', old.id, old.title, old.body);
	END;
	CREATE TRIGGER articles_au AFTER UPDATE ON articles BEGIN
		INSERT INTO articles_fts(articles_fts, rowid, title, body) VALUES ('delete', old.id, old.title, old.body);
		INSERT INTO articles_fts(rowid, title, body) VALUES (new.id, new.title, new.body);
	END;`,
	// 2: the input's own ID; where clustering placed each article; stories.
	`ALTER TABLE articles ADD COLUMN source_id TEXT NOT NULL DEFAULT '';
	ALTER TABLE articles ADD COLUMN page_dates TEXT NOT NULL DEFAULT '[]';
	ALTER TABLE articles ADD COLUMN story_id INTEGER;
	ALTER TABLE articles ADD COLUMN duplicate_of INTEGER;
	ALTER TABLE articles ADD COLUMN new_story INTEGER NOT NULL DEFAULT 0;
	ALTER TABLE articles ADD COLUMN placed_seq INTEGER;
	CREATE INDEX articles_story ON articles(story_id);
	CREATE INDEX articles_placed ON articles(placed_seq);
	CREATE TABLE stories (
		id                  INTEGER PRIMARY KEY,
		storyline_id        INTEGER NOT NULL,
		title               TEXT NOT NULL,
		outlets             TEXT NOT NULL DEFAULT '[]',
		article_count       INTEGER NOT NULL,
		independent         INTEGER NOT NULL,
		independent_outlets INTEGER NOT NULL,
		first_published     TEXT NOT NULL DEFAULT '',
		last_published      TEXT NOT NULL DEFAULT '',
		updated_at          TEXT NOT NULL
	);
	CREATE INDEX stories_last ON stories(last_published);
	CREATE INDEX stories_storyline ON stories(storyline_id);`,
	// 3: what enrichment found in each article; each story's comparison
	// report, with the fingerprint of the articles it was built from.
	`ALTER TABLE articles ADD COLUMN enrichment TEXT NOT NULL DEFAULT '';
	CREATE TABLE story_reports (
		story_id    INTEGER PRIMARY KEY,
		fingerprint TEXT NOT NULL,
		report      TEXT NOT NULL,
		updated_at  TEXT NOT NULL
	);`,
	// 4: followed feeds with their HTTP validators and last check, and
	// what became of each feed entry (so stored entries are not refetched).
	`CREATE TABLE feeds (
		url           TEXT PRIMARY KEY,
		title         TEXT NOT NULL DEFAULT '',
		etag          TEXT NOT NULL DEFAULT '',
		last_modified TEXT NOT NULL DEFAULT '',
		added_at      TEXT NOT NULL,
		checked_at    TEXT NOT NULL DEFAULT '',
		status        INTEGER NOT NULL DEFAULT 0,
		error         TEXT NOT NULL DEFAULT ''
	);
	CREATE TABLE feed_entries (
		feed_url   TEXT NOT NULL REFERENCES feeds(url) ON DELETE CASCADE,
		entry_key  TEXT NOT NULL,
		link       TEXT NOT NULL DEFAULT '',
		article_id INTEGER,
		attempts   INTEGER NOT NULL DEFAULT 0,
		error      TEXT NOT NULL DEFAULT '',
		updated_at TEXT NOT NULL,
		PRIMARY KEY (feed_url, entry_key)
	);`,
	// 5: indexes in the story list's two orders (ORDER BY in Stories must
	// match these expressions), so a page of the list reads a slice of an
	// index instead of sorting every story.
	`CREATE INDEX stories_newest ON stories(last_published = '', last_published DESC, independent_outlets DESC, id);
	CREATE INDEX stories_covered ON stories(independent_outlets DESC, independent DESC, last_published DESC, id);`,
	// 6: one writer at a time. The writer lease's holder and epoch (the
	// lock itself is a file lock beside the database, released by the
	// kernel when its process dies); stories whose report must be rebuilt,
	// marked in the transaction that changes them; files already ingested;
	// the clusterer's latest checkpoint. Placements no longer rewrite the
	// full-text index: only a change of title or body does. Stories that
	// have no report yet (a run died before building it) are pending.
	`CREATE TABLE writer_lease (
		one     INTEGER PRIMARY KEY CHECK (one = 1),
		epoch   INTEGER NOT NULL,
		command TEXT NOT NULL,
		pid     INTEGER NOT NULL,
		host    TEXT NOT NULL,
		since   TEXT NOT NULL
	);
	INSERT INTO writer_lease VALUES (1, 0, '', 0, '', '');
	CREATE TABLE pending_reports (
		story_id INTEGER PRIMARY KEY,
		mark     INTEGER NOT NULL
	);
	INSERT INTO pending_reports (story_id, mark)
		SELECT id, 1 FROM stories WHERE id NOT IN (SELECT story_id FROM story_reports);
	CREATE TABLE inputs (
		path        TEXT PRIMARY KEY,
		size        INTEGER NOT NULL,
		mtime       INTEGER NOT NULL,
		docs        INTEGER NOT NULL,
		recorded_at TEXT NOT NULL
	);
	CREATE TABLE cluster_checkpoint (
		one     INTEGER PRIMARY KEY CHECK (one = 1),
		seq     INTEGER NOT NULL,
		version TEXT NOT NULL,
		data    BLOB NOT NULL
	);
	DROP TRIGGER articles_au;
	CREATE TRIGGER articles_au AFTER UPDATE OF title, body ON articles BEGIN
		INSERT INTO articles_fts(articles_fts, rowid, title, body) VALUES ('delete', old.id, old.title, old.body);
		INSERT INTO articles_fts(rowid, title, body) VALUES (new.id, new.title, new.body);
	END;`,
	// 7: whether a feed's links may reach private addresses (feeds add
	// --allow-private); the validators of pages ingested by URL, so a
	// re-run asks conditionally.
	`ALTER TABLE feeds ADD COLUMN allow_private INTEGER NOT NULL DEFAULT 0;
	CREATE TABLE fetched_pages (
		url           TEXT PRIMARY KEY,
		etag          TEXT NOT NULL DEFAULT '',
		last_modified TEXT NOT NULL DEFAULT '',
		article_id    INTEGER NOT NULL,
		updated_at    TEXT NOT NULL
	);`,
	// 8 (issue 15, outlets): the user's outlet registry, each outlet's
	// aliases, domains and attributes as JSON (the registry is small and
	// read whole: names and hosts are matched in Go, internal/outlets), and
	// a version counted up on every change, which the web server's cache
	// keys carry.
	`CREATE TABLE outlets (
		id         INTEGER PRIMARY KEY,
		name       TEXT NOT NULL,
		key        TEXT NOT NULL UNIQUE,
		aliases    TEXT NOT NULL DEFAULT '[]',
		domains    TEXT NOT NULL DEFAULT '[]',
		country    TEXT NOT NULL DEFAULT '',
		language   TEXT NOT NULL DEFAULT '',
		attributes TEXT NOT NULL DEFAULT '{}',
		updated_at TEXT NOT NULL
	);
	CREATE TABLE outlet_registry (
		one     INTEGER PRIMARY KEY CHECK (one = 1),
		version INTEGER NOT NULL
	);
	INSERT INTO outlet_registry VALUES (1, 0);`,
	// 9: the corpus index and following. Every entity and quotation of
	// every placed article as rows (rewritten with its story's report),
	// one record per person, place and organisation rebuilt per family of
	// keys, each story's last indexed state (stories already stored are
	// indexed silently the first time: they are pending again), saved
	// searches and followed entities or storylines, their events, and the
	// webhook deliveries of those events.
	`CREATE TABLE article_entities (
		article_id INTEGER NOT NULL,
		n          INTEGER NOT NULL,
		story_id   INTEGER NOT NULL,
		type       TEXT NOT NULL,
		key        TEXT NOT NULL,
		family     TEXT NOT NULL,
		name       TEXT NOT NULL,
		aliases    TEXT NOT NULL DEFAULT '[]',
		mentions   INTEGER NOT NULL,
		PRIMARY KEY (article_id, n)
	);
	CREATE INDEX article_entities_key ON article_entities(type, key);
	CREATE INDEX article_entities_family ON article_entities(family);
	CREATE INDEX article_entities_story ON article_entities(story_id);
	CREATE TABLE entities (
		id          INTEGER PRIMARY KEY,
		type        TEXT NOT NULL,
		key         TEXT NOT NULL,
		family      TEXT NOT NULL,
		name        TEXT NOT NULL,
		spellings   TEXT NOT NULL DEFAULT '[]',
		keys        TEXT NOT NULL DEFAULT '[]',
		articles    INTEGER NOT NULL,
		mentions    INTEGER NOT NULL,
		merged_into INTEGER NOT NULL DEFAULT 0,
		updated_at  TEXT NOT NULL,
		UNIQUE (type, key)
	);
	CREATE INDEX entities_family ON entities(family);
	CREATE INDEX entities_articles ON entities(articles DESC);
	CREATE TABLE entity_keys (
		type      TEXT NOT NULL,
		key       TEXT NOT NULL,
		entity_id INTEGER NOT NULL,
		PRIMARY KEY (type, key)
	);
	CREATE INDEX entity_keys_entity ON entity_keys(entity_id);
	CREATE TABLE pending_families (
		family TEXT PRIMARY KEY,
		mark   INTEGER NOT NULL
	);
	CREATE TABLE quotes (
		id          INTEGER PRIMARY KEY,
		article_id  INTEGER NOT NULL,
		story_id    INTEGER NOT NULL,
		n           INTEGER NOT NULL,
		text        TEXT NOT NULL,
		speaker     TEXT NOT NULL,
		speaker_key TEXT NOT NULL,
		verb        TEXT NOT NULL,
		paragraph   INTEGER NOT NULL
	);
	CREATE INDEX quotes_article ON quotes(article_id);
	CREATE INDEX quotes_speaker ON quotes(speaker_key);
	CREATE VIRTUAL TABLE quotes_fts USING fts5(
		text, speaker, content='quotes', content_rowid='id', tokenize='unicode61 remove_diacritics 2'
	);
	CREATE TRIGGER quotes_ai AFTER INSERT ON quotes BEGIN
		INSERT INTO quotes_fts(rowid, text, speaker) VALUES (new.id, new.text, new.speaker);
	END;
	CREATE TRIGGER quotes_ad AFTER DELETE ON quotes BEGIN
		INSERT INTO quotes_fts(quotes_fts, rowid, text, speaker) VALUES ('delete', old.id, old.text, old.speaker);
	END;
	CREATE TABLE story_index (
		story_id    INTEGER PRIMARY KEY,
		fingerprint TEXT NOT NULL,
		snapshot    TEXT NOT NULL
	);
	INSERT INTO story_index (story_id, fingerprint, snapshot) SELECT id, '', '' FROM stories;
	INSERT INTO pending_reports (story_id, mark) SELECT id, 1 FROM stories WHERE true
		ON CONFLICT(story_id) DO UPDATE SET mark = mark + 1;
	CREATE TABLE follows (
		id            INTEGER PRIMARY KEY,
		kind          TEXT NOT NULL,
		target        TEXT NOT NULL,
		label         TEXT NOT NULL,
		webhook       TEXT NOT NULL DEFAULT '',
		secret        TEXT NOT NULL DEFAULT '',
		allow_private INTEGER NOT NULL DEFAULT 0,
		created_at    TEXT NOT NULL
	);
	CREATE TABLE follow_events (
		id         INTEGER PRIMARY KEY,
		follow_id  INTEGER NOT NULL REFERENCES follows(id) ON DELETE CASCADE,
		story_id   INTEGER NOT NULL,
		kind       TEXT NOT NULL,
		detail     TEXT NOT NULL,
		created_at TEXT NOT NULL
	);
	CREATE INDEX follow_events_follow ON follow_events(follow_id, id);
	CREATE TABLE deliveries (
		event_id    INTEGER PRIMARY KEY REFERENCES follow_events(id) ON DELETE CASCADE,
		follow_id   INTEGER NOT NULL REFERENCES follows(id) ON DELETE CASCADE,
		url         TEXT NOT NULL,
		attempts    INTEGER NOT NULL DEFAULT 0,
		next_try    INTEGER NOT NULL,
		delivered   TEXT NOT NULL DEFAULT '',
		gave_up     INTEGER NOT NULL DEFAULT 0,
		last_status INTEGER NOT NULL DEFAULT 0,
		last_error  TEXT NOT NULL DEFAULT ''
	);
	CREATE INDEX deliveries_due ON deliveries(next_try) WHERE next_try > 0;`,
	// 10 (issue 16, compact storage and reads that do not grow with the
	// store), all in this step's transaction:
	//   - each report's brief's first line beside it (the story cards read
	//     it, not the report);
	//   - each outlet's article and story counts, kept by triggers in the
	//     transaction that changes an article, with the (outlet, story)
	//     pairs they count (the outlets page read every article), and an
	//     index by outlet and day for each outlet's first and last day;
	//   - a story's members in placement order with what a story page
	//     lists of them (a covering index, about 185 bytes an article:
	//     reading the rows read each member's page, body and all);
	//   - a story's names counted from an index (a story page joined
	//     every entity row of its members);
	//   - the single-outlet stories (the outlets page's sole stories read
	//     every story);
	//   - each storyline's summary (stories, days, latest title), kept by
	//     triggers on the stories: the count by one, the rest from indexes
	//     by storyline (a generated store of 200,000 articles has a
	//     storyline of 35,000 stories: recounted, every change to one of
	//     them read them all);
	//   - each story's originals (a link per outlet, what its card shows),
	//     written with the story (stories.go), filled here by
	//     fillOriginals;
	//   - then packStored (pack.go) packs the reports, enrichments, index
	//     snapshots and the checkpoint already stored.
	`ALTER TABLE story_reports ADD COLUMN lead TEXT NOT NULL DEFAULT '';
	UPDATE story_reports SET lead = coalesce(json_extract(report, '$.summary[0].text'), '');
	ALTER TABLE stories ADD COLUMN originals TEXT NOT NULL DEFAULT '[]';
	CREATE TABLE outlet_counts (
		outlet   TEXT PRIMARY KEY,
		articles INTEGER NOT NULL,
		stories  INTEGER NOT NULL
	) WITHOUT ROWID;
	CREATE TABLE outlet_stories (
		outlet   TEXT NOT NULL,
		story_id INTEGER NOT NULL,
		articles INTEGER NOT NULL,
		PRIMARY KEY (outlet, story_id)
	) WITHOUT ROWID;
	INSERT INTO outlet_stories SELECT outlet, story_id, count(*) FROM articles WHERE story_id IS NOT NULL GROUP BY outlet, story_id;
	INSERT INTO outlet_counts SELECT outlet, count(*), count(DISTINCT story_id) FROM articles GROUP BY outlet;
	DROP INDEX articles_outlet;
	CREATE INDEX articles_outlet ON articles(outlet, published);
	DROP INDEX articles_story;
	CREATE INDEX articles_story ON articles(story_id, placed_seq, id, duplicate_of, source, url, title, outlet, published, language);
	DROP INDEX article_entities_story;
	CREATE INDEX article_entities_story ON article_entities(story_id, type, key, article_id, mentions);
	CREATE INDEX stories_sole ON stories(outlets ->> 0, last_published DESC, id, title, first_published)
		WHERE json_array_length(outlets) = 1;
	DROP INDEX stories_storyline;
	CREATE INDEX stories_storyline ON stories(storyline_id, last_published, id);
	CREATE INDEX stories_storyline_first ON stories(storyline_id, first_published);
	CREATE TABLE storylines (
		id      INTEGER PRIMARY KEY,
		stories INTEGER NOT NULL,
		first   TEXT NOT NULL,
		last    TEXT NOT NULL,
		title   TEXT NOT NULL
	);
	CREATE INDEX storylines_last ON storylines(last DESC, id) WHERE stories > 1;
	INSERT INTO storylines SELECT storyline_id, count(*), coalesce(min(nullif(first_published, '')), ''), max(last_published),
		(SELECT t.title FROM stories t WHERE t.storyline_id = s.storyline_id ORDER BY t.last_published = '', t.last_published DESC, t.id DESC LIMIT 1)
		FROM stories s GROUP BY storyline_id;
	CREATE TRIGGER stories_line_ai AFTER INSERT ON stories BEGIN
		INSERT INTO storylines VALUES (new.storyline_id, 1, '', '', '') ON CONFLICT(id) DO UPDATE SET stories = stories + 1;
` + storylineSummary("new.storyline_id") + `	END;
	CREATE TRIGGER stories_line_ad AFTER DELETE ON stories BEGIN
		UPDATE storylines SET stories = stories - 1 WHERE id = old.storyline_id;
		DELETE FROM storylines WHERE id = old.storyline_id AND stories = 0;
` + storylineSummary("old.storyline_id") + `	END;
	CREATE TRIGGER stories_line_au AFTER UPDATE OF storyline_id, title, first_published, last_published ON stories BEGIN
		UPDATE storylines SET stories = stories - 1 WHERE id = old.storyline_id AND old.storyline_id != new.storyline_id;
		INSERT INTO storylines SELECT new.storyline_id, 1, '', '', '' WHERE old.storyline_id != new.storyline_id
			ON CONFLICT(id) DO UPDATE SET stories = stories + 1;
		DELETE FROM storylines WHERE id = old.storyline_id AND stories = 0;
` + storylineSummary("old.storyline_id, new.storyline_id") + `	END;
	CREATE TRIGGER articles_count_ai AFTER INSERT ON articles BEGIN
		INSERT INTO outlet_counts VALUES (new.outlet, 1, 0) ON CONFLICT(outlet) DO UPDATE SET articles = articles + 1;
		INSERT INTO outlet_stories SELECT new.outlet, new.story_id, 1 WHERE new.story_id IS NOT NULL
			ON CONFLICT(outlet, story_id) DO UPDATE SET articles = articles + 1;
		UPDATE outlet_counts SET stories = stories + 1 WHERE outlet = new.outlet
			AND (SELECT articles FROM outlet_stories WHERE outlet = new.outlet AND story_id = new.story_id) = 1;
	END;
	CREATE TRIGGER articles_count_ad AFTER DELETE ON articles BEGIN
		UPDATE outlet_counts SET articles = articles - 1 WHERE outlet = old.outlet;
		UPDATE outlet_stories SET articles = articles - 1 WHERE outlet = old.outlet AND story_id = old.story_id;
		UPDATE outlet_counts SET stories = stories - 1 WHERE outlet = old.outlet
			AND (SELECT articles FROM outlet_stories WHERE outlet = old.outlet AND story_id = old.story_id) = 0;
		DELETE FROM outlet_stories WHERE outlet = old.outlet AND story_id = old.story_id AND articles = 0;
		DELETE FROM outlet_counts WHERE outlet = old.outlet AND articles = 0;
	END;
	CREATE TRIGGER articles_count_au AFTER UPDATE OF outlet, story_id ON articles
	WHEN old.outlet IS NOT new.outlet OR old.story_id IS NOT new.story_id BEGIN
		UPDATE outlet_counts SET articles = articles - 1 WHERE outlet = old.outlet;
		UPDATE outlet_stories SET articles = articles - 1 WHERE outlet = old.outlet AND story_id = old.story_id;
		UPDATE outlet_counts SET stories = stories - 1 WHERE outlet = old.outlet
			AND (SELECT articles FROM outlet_stories WHERE outlet = old.outlet AND story_id = old.story_id) = 0;
		DELETE FROM outlet_stories WHERE outlet = old.outlet AND story_id = old.story_id AND articles = 0;
		DELETE FROM outlet_counts WHERE outlet = old.outlet AND articles = 0;
		INSERT INTO outlet_counts VALUES (new.outlet, 1, 0) ON CONFLICT(outlet) DO UPDATE SET articles = articles + 1;
		INSERT INTO outlet_stories SELECT new.outlet, new.story_id, 1 WHERE new.story_id IS NOT NULL
			ON CONFLICT(outlet, story_id) DO UPDATE SET articles = articles + 1;
		UPDATE outlet_counts SET stories = stories + 1 WHERE outlet = new.outlet
			AND (SELECT articles FROM outlet_stories WHERE outlet = new.outlet AND story_id = new.story_id) = 1;
	END;`,
	// 11: each report's title beside its lead, so that lists show the
	// title the story page shows (the report's), not the clusterer's
	// first headline; filled from the stored reports in goSteps.
	`ALTER TABLE story_reports ADD COLUMN title TEXT NOT NULL DEFAULT '';`,
	// 12: a narrow index of each article's story and day by ID (about 35
	// bytes an article), for reads that look many articles up by ID and
	// want no more: a search's candidates' stories, an entity's
	// quotations in time order. Looked up in the table, each read a page
	// of the article's text (5,000 of them for a common word). The story
	// beside each entity row's key, so that an entity's stories are read
	// from the index, not from each of its rows. A storyline's stories in
	// the order its page reads them, a page at a time.
	`CREATE INDEX articles_by_id ON articles(id, story_id, published);
	DROP INDEX article_entities_key;
	CREATE INDEX article_entities_key ON article_entities(type, key, story_id);
	CREATE INDEX stories_storyline_order ON stories(storyline_id, first_published = '', first_published, last_published);`,
	// 13: how each story's articles use each entity key (store.NameCount),
	// kept with the index rows, so that a story page reads its most used
	// names from an index in the order it shows them. Counting a story's
	// rows on every request cost 25 ms for a story of 4,500 articles (19,000
	// rows). That count was the only use of article_entities_story. A
	// large story's members by outlet and date (StorySpans, StoryMembers)
	// from a narrow index: through articles_story, which holds every
	// column a story's list shows, counting them took twice as long.
	`CREATE TABLE story_entities (
		story_id INTEGER NOT NULL,
		type     TEXT NOT NULL,
		key      TEXT NOT NULL,
		articles INTEGER NOT NULL,
		mentions INTEGER NOT NULL,
		PRIMARY KEY (story_id, type, key)
	) WITHOUT ROWID;
	INSERT INTO story_entities SELECT story_id, type, key, count(DISTINCT article_id), sum(mentions)
		FROM article_entities GROUP BY story_id, type, key;
	CREATE INDEX story_entities_named ON story_entities(story_id, articles DESC, mentions DESC, type, key);
	DROP INDEX article_entities_story;
	CREATE INDEX articles_story_dates ON articles(story_id, outlet, published);`,
	// 14: each quotation's article date beside it and an index of each
	// speaker key's quotations by date, so that an entity page reads one
	// page of its quotations in the order shown (EntityQuotes); sorted
	// through the articles, every quotation of the speaker was read. The
	// trigger moves an article's quotations with its date, in the
	// transaction that changes it. Each speaker key's count of quotations
	// (store.SpeakerCount), written with the quotation rows.
	`CREATE TABLE quote_speakers (
		speaker_key TEXT PRIMARY KEY,
		quotes      INTEGER NOT NULL
	) WITHOUT ROWID;
	INSERT INTO quote_speakers SELECT speaker_key, count(*) FROM quotes WHERE speaker_key != '' GROUP BY speaker_key;
	ALTER TABLE quotes ADD COLUMN published TEXT NOT NULL DEFAULT '';
	UPDATE quotes SET published = coalesce((SELECT a.published FROM articles a WHERE a.id = quotes.article_id), '');
	DROP INDEX quotes_speaker;
	CREATE INDEX quotes_speaker ON quotes(speaker_key, published DESC, article_id DESC, n);
	CREATE TRIGGER quotes_published AFTER UPDATE OF published ON articles WHEN new.published IS NOT old.published BEGIN
		UPDATE quotes SET published = new.published WHERE article_id = new.id;
	END;`,
}

// storylineSummary is the statement each storyline trigger of migration
// 10 ends with: the storylines named by ids get their first and last days
// and their title again from their stories.
func storylineSummary(ids string) string {
	return `		UPDATE storylines SET
			first = coalesce((SELECT min(s.first_published) FROM stories s WHERE s.storyline_id = storylines.id AND s.first_published > ''), ''),
			last = coalesce((SELECT max(s.last_published) FROM stories s WHERE s.storyline_id = storylines.id), ''),
			title = coalesce((SELECT s.title FROM stories s WHERE s.storyline_id = storylines.id AND s.last_published > ''
					ORDER BY s.last_published DESC, s.id DESC LIMIT 1),
				(SELECT s.title FROM stories s WHERE s.storyline_id = storylines.id ORDER BY s.id DESC LIMIT 1), '')
			WHERE id IN (` + ids + `);
`
}

// goSteps are the parts of migration steps that SQL cannot do, by step
// number; each runs after its step's SQL, in the same transaction.
var goSteps = map[int]func(context.Context, *sql.Tx) error{
	10: func(ctx context.Context, tx *sql.Tx) error {
		if err := fillOriginals(ctx, tx); err != nil {
			return err
		}
		return packStored(ctx, tx)
	},
	11: fillReportTitles,
}
