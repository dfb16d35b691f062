#!/usr/bin/env bash
# Where a SQLite store's bytes go (docs/PERFORMANCE.md, "Storage and reads
# (issue 16)"): bytes per article of each table and index (sqlite3's dbstat
# table), the file, its free pages, and the articles' own text.
#
#   scripts/store-size.sh STORE.db
set -euo pipefail
sqlite3 -readonly "$1" <<'SQL'
.mode column
.headers on
WITH n(articles, text) AS (SELECT count(*), sum(length(title) + length(body)) FROM articles)
SELECT s.name, sum(s.pgsize) AS bytes, round(1.0 * sum(s.pgsize) / n.articles) AS per_article
FROM dbstat s, n GROUP BY s.name HAVING sum(s.pgsize) > 4096 * 4 ORDER BY bytes DESC;
.headers off
.mode list
WITH n(articles, text) AS (SELECT count(*), sum(length(title) + length(body)) FROM articles)
SELECT 'articles ' || articles || ', their text ' || round(1.0 * text / articles) || ' B each; in use '
	|| (SELECT round(1.0 * sum(pgsize) / articles) FROM dbstat) || ' B an article, beyond the text '
	|| (SELECT round(1.0 * (sum(pgsize) - text) / articles) FROM dbstat) || ' B; file '
	|| (SELECT page_count * page_size FROM pragma_page_count, pragma_page_size) || ' B, free pages '
	|| (SELECT freelist_count FROM pragma_freelist_count) FROM n;
SQL
