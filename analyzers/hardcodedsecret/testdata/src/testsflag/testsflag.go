// Package testsflag is scanned with -tests.
package testsflag
