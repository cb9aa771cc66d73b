// Package constanttime defines an Analyzer that reports secrets, MACs,
// tokens and password hashes compared with an operation whose running
// time depends on where the operands first differ.
package constanttime
