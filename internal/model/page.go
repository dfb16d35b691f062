package model

// FetchedPage is a page ingested by URL, with the HTTP validators of the
// answer it was stored from: the next ingest of the URL asks
// conditionally, and a 304 means the stored article still stands.
type FetchedPage struct {
	URL          string
	ETag         string
	LastModified string
	ArticleID    int64 // the article the page became
}
