package sqlite

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
}
