// Package usesbroken imports a package that does not type-check, so it
// cannot be analyzed either; seclint says so once, not once per rule.
package usesbroken

import "example.com/bad/broken"

var _ = broken.Broken
