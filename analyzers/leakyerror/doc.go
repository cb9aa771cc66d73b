// Package leakyerror defines an Analyzer that reports credentials reaching
// error messages, logs, panics, standard output and HTTP responses, and
// internal error detail or stack traces sent to HTTP clients. It follows
// values through SSA within functions and across packages through facts.
package leakyerror
