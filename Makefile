# Everyday commands, one word each.
.PHONY: build test lint bench eval ci

build:
	go build -o bin/parallax ./cmd/parallax

test:
	go test -race -count=1 ./...

lint:
	gofmt -l cmd internal
	go vet ./...

bench:
	go test -run '^$$' -bench . -benchmem ./...

eval: build
	bin/parallax eval extract --gold ../shared/datasets/extraction-dev/gold.json --inputs ../shared/datasets/extraction-dev/html
	bin/parallax eval extract --gold ../shared/datasets/extraction-dev/gold.json --inputs ../shared/datasets/extraction-dev/text
	bin/parallax eval extract --gold testdata/seeds-gold.json --inputs ../shared/seeds --exact -v

ci:
	bash .ci/run
