// Package httptimeout defines an Analyzer that reports HTTP servers and
// clients that run without timeouts, so that a slow or silent peer can
// hold a connection, a goroutine and its memory for ever.
package httptimeout
