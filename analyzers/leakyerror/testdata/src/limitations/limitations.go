// Package limitations pins what leakyerror is known to get wrong.
package limitations

import (
	"fmt"
	"reflect"
)

type Options struct {
	Name   string
	Secret string
}

// loadField panics with the whole struct when the field is missing: a
// programming error that the constant field names below never make.
func loadField(ptr any, field string) { // want loadField:"param 0 reaches a panic"
	if !reflect.ValueOf(ptr).Elem().FieldByName(field).IsValid() {
		panic(fmt.Sprintf("no field %s in %#v", field, ptr))
	}
}

func provision(o *Options) {
	// Known false positive: the panic cannot run for a field that
	// exists, but paths are not told apart by the values that pick them.
	loadField(o, "Name") // want `Options value with secret field Secret reaches a panic \(panic\) through provision -> loadField`
}
