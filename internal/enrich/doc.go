// Package enrich finds what outlets differ on in one article: the people,
// places and organisations it names, its direct quotations and their
// speakers, the dates it gives and the figures it reports. Every function
// is pure and works offline: nothing is downloaded at run time.
package enrich
