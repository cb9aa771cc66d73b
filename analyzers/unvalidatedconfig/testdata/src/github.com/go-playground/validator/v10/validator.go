// Package validator is a stub of github.com/go-playground/validator/v10.
package validator

type Validate struct{}

func New() *Validate { return &Validate{} }

func (v *Validate) Struct(s any) error { return nil }
