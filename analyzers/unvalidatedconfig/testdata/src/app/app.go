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
	lib.Register(&lib.Config{Endpoint: endpoint}) // want `^lib.Config built from non-constant values is passed to Register, which does not validate it, without a call to lib.Config.Validate`
}

func directiveValidator(p string) {
	o := &lib.Options{Path: p}
	if err := lib.CheckOptions(o); err != nil {
		return
	}
	lib.UseOptions(o)
}

func directiveValidatorMissing(p string) {
	o := &lib.Options{Path: p} // want `^lib.Options built from non-constant values is passed to UseOptions`
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
