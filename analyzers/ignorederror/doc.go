// Package ignorederror defines an Analyzer that reports dropped errors
// from security-relevant calls: certificate and signature checks,
// randomness on old Go versions, hashing a stream, token refresh and
// closing a file of secrets.
package ignorederror
