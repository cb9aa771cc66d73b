// Package cleartext defines an Analyzer that reports HTTP requests,
// WebSocket dials, HTTP servers and gRPC clients that carry traffic to
// or from other machines without TLS.
package cleartext
