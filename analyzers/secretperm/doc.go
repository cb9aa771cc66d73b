// Package secretperm defines an Analyzer that reports files holding keys,
// tokens or credentials that are written or created with permissions for
// group or others.
package secretperm
