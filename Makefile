# Everyday commands, one word each.
.PHONY: build test lint bench bench-serve eval ci

build:
	go build -o bin/parallax ./cmd/parallax

test:
	go test -race -count=1 ./...

lint:
	@test -z "$$(gofmt -l cmd internal)" || { gofmt -l cmd internal; exit 1; }
	go vet ./...

bench:
	go test -run '^$$' -bench . -benchmem ./...

# serve at 200 requests/s for 60 s while an ingest writes (docs/PERFORMANCE.md)
bench-serve: build
	scripts/serve-load.sh

eval: build
	bin/parallax eval extract --gold ../shared/datasets/extraction-dev/gold.json --inputs ../shared/datasets/extraction-dev/html
	bin/parallax eval extract --gold ../shared/datasets/extraction-dev/gold.json --inputs ../shared/datasets/extraction-dev/text
	bin/parallax eval extract --gold testdata/seeds-gold.json --inputs ../shared/seeds --exact -v
	rm -f /tmp/parallax-basil.db* && bin/parallax ingest --quiet --db /tmp/parallax-basil.db ../shared/datasets/basil-2010-2014-articles.jsonl
	bin/parallax eval clusters --db /tmp/parallax-basil.db --labels ../shared/datasets/basil-2010-2014-labels.jsonl
	bin/parallax eval quotes --db /tmp/parallax-basil.db --gold ../shared/datasets/basil-2010-2014-quotes.jsonl --strict
	rm -f /tmp/parallax-polnear.db* && bin/parallax ingest --quiet --db /tmp/parallax-polnear.db ../shared/datasets/polnear-train/articles.jsonl
	bin/parallax eval quotes --db /tmp/parallax-polnear.db --gold ../shared/datasets/polnear-train/quotes.jsonl --strict --outlets huff-post,usa-today,west-journal

ci:
	bash .ci/run
