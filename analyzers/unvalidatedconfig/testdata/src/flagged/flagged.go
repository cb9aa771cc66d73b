// Package flagged is checked with -types flagged.Settings and
// -validators naming the go-playground validator.
package flagged

import "github.com/go-playground/validator/v10"

type Settings struct {
	Host string `validate:"required,hostname"`
}

var (
	validate = validator.New()
	kept     Settings
)

func keep(s Settings) { kept = s }

func validated(host string) error {
	s := Settings{Host: host}
	if err := validate.Struct(s); err != nil {
		return err
	}
	keep(s)
	return nil
}

func unvalidated(host string) {
	s := Settings{Host: host} // want `^Settings built from input is passed to keep, which does not validate it, without a call to v10.Validate.Struct`
	keep(s)
}
