// Package negatives holds, one file per item, values that must never be
// reported. No line here has a want.
package negatives
