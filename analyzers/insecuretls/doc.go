// Package insecuretls defines an Analyzer that reports crypto/tls
// configurations which skip certificate verification, allow protocol
// versions below TLS 1.2 or enable cipher suites that Go lists as
// insecure. The full documentation is the Doc of Rule.
package insecuretls
