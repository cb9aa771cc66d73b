package leakyerror

import (
	"fmt"
	"strings"
)

// Origin says where a secret or an internal detail comes from.
type Origin struct {
	Kind Kind
	From string   // "field Config.APIKey", "environment variable API_TOKEN"
	Via  []string // functions it was returned through, innermost first
}

func (o *Origin) String() string { return o.Kind.String() + " from " + o.From }

// A ParamSink records that a parameter reaches a sink inside a function.
type ParamSink struct {
	Param int
	Place Place
	Name  string   // the sink call, "fmt.Errorf"
	Via   []string // functions between the parameter and the sink
	// Status is the index of the parameter that gives the HTTP status
	// of a response sink, or -1.
	Status int
	// Returned is set for an error message that the function only
	// returns: a caller that drops the error drops the message.
	Returned bool
}

// funcFact summarises a function for its callers, in this package and in
// the packages that import it.
type funcFact struct {
	// Secret is set when a result of the function carries a secret.
	Secret *Origin
	// SecretResults has bit i set when result i carries Secret: the
	// password of a function returning (user, password, err).
	SecretResults uint64
	// Flows has bit i set when parameter i reaches a result.
	Flows uint64
	// Sinks lists the parameters that reach a sink, one entry each.
	Sinks []ParamSink
	// Redacts is set for a function that takes a string and returns one
	// that does not carry it: a masking or hashing helper.
	Redacts bool
}

func (*funcFact) AFact() {}

func (f *funcFact) String() string {
	var parts []string
	if f.Secret != nil {
		parts = append(parts, "returns "+f.Secret.String())
	}
	if f.Flows != 0 {
		parts = append(parts, "passes "+bits(f.Flows))
	}
	for _, s := range f.Sinks {
		parts = append(parts, fmt.Sprintf("param %d reaches %s (%s)", s.Param, s.Place, s.Name))
	}
	if f.Redacts {
		parts = append(parts, "redacts")
	}
	return strings.Join(parts, "; ")
}

func (f *funcFact) empty() bool {
	return f.Secret == nil && f.Flows == 0 && len(f.Sinks) == 0 && !f.Redacts
}

func (f *funcFact) sink(param int) *ParamSink {
	for i := range f.Sinks {
		if f.Sinks[i].Param == param {
			return &f.Sinks[i]
		}
	}
	return nil
}

// printsFact marks an error type whose Error method prints some of its
// fields: a secret stored in one of them ends up in an error message.
type printsFact struct {
	Fields uint64 // bit i: field i
	Names  []string
}

func (*printsFact) AFact() {}

func (f *printsFact) String() string { return "prints " + strings.Join(f.Names, ", ") }

func bits(b uint64) string {
	var s []string
	for i := 0; i < 64; i++ {
		if b&(1<<i) != 0 {
			s = append(s, fmt.Sprint(i))
		}
	}
	return strings.Join(s, ",")
}

// Place is the kind of sink a value reaches.
type Place int

const (
	noPlace Place = iota
	placeError
	placeLog
	placeStdout
	placePanic
	placeResponse
)

var placeNames = [...]string{
	noPlace:       "nowhere",
	placeError:    "an error message",
	placeLog:      "a log",
	placeStdout:   "standard output",
	placePanic:    "a panic",
	placeResponse: "an HTTP response",
}

func (p Place) String() string {
	if p >= 0 && int(p) < len(placeNames) {
		return placeNames[p]
	}
	return "a sink"
}
