// Package document builds a message out of parts that each have a
// Validate method, as API payload builders do. A part stored in an
// encoded field of the message is nested in it, not consumed: the
// message is checked or sent as a whole.
package document

import "errors"

type Text struct {
	Kind string `json:"type"`
	Body string `json:"text"`
}

func (t Text) Validate() error {
	if t.Body == "" {
		return errors.New("empty text")
	}
	return nil
}

type Section struct {
	Title *Text  `json:"title,omitempty"`
	Notes []Text `json:"notes"`
	Extra *Text  `yaml:"extra"`
}

func NewSection(title *Text) *Section {
	return &Section{Title: title}
}

func (s *Section) SetExtra(t *Text) {
	s.Extra = t
}

// A field tagged "-" is not part of the document, and an unexported or
// untagged field holds the value for the program's own use.
type Renderer struct {
	Default *Text `json:"-"`
	current *Text
}

func NewRenderer(t *Text) *Renderer { // want NewRenderer:"consumes t" `^parameter t of type Text is stored in a field without a call to Text.Validate`
	return &Renderer{Default: t}
}

func (r *Renderer) Use(t *Text) { // want Use:"consumes t" `^parameter t of type Text is stored in a field without a call to Text.Validate`
	r.current = t
}
