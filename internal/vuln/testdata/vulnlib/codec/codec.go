// Package codec stands in for an imported package whose vulnerable
// function the fixture application never calls.
package codec

// Decode is the vulnerable symbol of GO-2099-0002.
func Decode(b []byte) string { return string(b) }

// Encode is not named by any advisory.
func Encode(s string) []byte { return []byte(s) }
