// Package tokeninurl defines an Analyzer that reports API keys, tokens
// and passwords placed in URL query strings.
package tokeninurl
