// Package broken does not type-check. seclint must say so and still
// report the findings of the other packages.
package broken

func Broken() int {
	return "not an int"
}
