// Package parse stands in for a dependency with a vulnerable function.
// The test database says Unsafe is vulnerable before v1.1.0.
package parse

// Unsafe is the vulnerable symbol of GO-2099-0001.
func Unsafe(s string) string { return s }

// Safe is not named by any advisory.
func Safe(s string) string { return s }
