// Package app uses lib: its validators, validating constructor and
// consumers are known here only through facts.
package app

import "lib"

func helperInOtherPackage(endpoint string) {
	c := &lib.Config{Endpoint: endpoint}
	if err := lib.Check(c); err != nil {
		return
	}
	lib.Register(c)
}

func constructorInOtherPackage(endpoint string) (*lib.Client, error) {
	return lib.NewClient(lib.Config{Endpoint: endpoint})
}

func consumerInOtherPackage(endpoint string) {
	lib.Register(&lib.Config{Endpoint: endpoint}) // want `^lib.Config built from input is passed to Register, which does not validate it, without a call to lib.Config.Validate`
}

func directiveValidator(p string) {
	o := &lib.Options{Path: p}
	if err := lib.CheckOptions(o); err != nil {
		return
	}
	lib.UseOptions(o)
}

func directiveValidatorMissing(p string) {
	o := &lib.Options{Path: p} // want `^lib.Options built from input is passed to UseOptions`
	lib.UseOptions(o)
}

func filledInOtherPackage(b []byte) error {
	var c lib.Config
	if err := lib.Load(&c, b); err != nil { // want `^lib.Config filled by Load is passed to Register`
		return err
	}
	lib.Register(&c)
	return nil
}

func filledAndChecked(b []byte) error {
	var c lib.Config
	if err := lib.Load(&c, b); err != nil {
		return err
	}
	if err := lib.Check(&c); err != nil {
		return err
	}
	lib.Register(&c)
	return nil
}

type Wrapper struct{ c lib.Config }

// Wrap stores another package's config: lib answers for its own type at
// its API, and values are checked where they are built.
func Wrap(c lib.Config) *Wrapper { return &Wrapper{c: c} } // want Wrap:"consumes c"
