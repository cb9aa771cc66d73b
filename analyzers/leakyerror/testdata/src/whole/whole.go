// Package whole covers structs that hold a secret and are printed whole.
package whole

import (
	"fmt"
	"log"
	"log/slog"

	"golang.org/x/oauth2"
)

// Plain has a secret field and nothing that hides it.
type Plain struct {
	Host     string
	Password string
}

// Redacted hides its secret in String.
type Redacted struct {
	Host     string
	Password string
}

func (r Redacted) String() string { return "Redacted{Host: " + r.Host + "}" }

// Leaky has a String method that gives the secret away.
type Leaky struct {
	Password string
}

func (l Leaky) String() string { return "Leaky{" + l.Password + "}" } // want String:"returns password from field Leaky.Password"

// Nested holds a Plain by value and a Redacted by pointer.
type Nested struct {
	Inner Plain
}

type ByPointer struct {
	Inner *Plain
}

// LogValuer hides its secret from slog.
type LogValuer struct {
	Token string
}

func (LogValuer) LogValue() slog.Value { return slog.StringValue("[token]") }

func printed(p Plain, r Redacted, l Leaky, n Nested, bp ByPointer, lv LogValuer, t *oauth2.Token) {
	log.Printf("config %+v", p) // want `Plain value with secret field Password reaches a log \(log.Printf\) through printed; give Plain a String method that redacts it or print selected fields`
	log.Printf("config %v", &p) // want `Plain value with secret field Password reaches a log`
	fmt.Println(p)              // want `Plain value with secret field Password reaches standard output`
	log.Printf("config %+v", r)
	log.Printf("config %v", l) // want `Leaky value with secret field Password reaches a log`
	log.Printf("config %v", n) // want `Plain value with secret field Password reaches a log`
	log.Printf("config %v", bp)
	slog.Info("config", "v", lv)
	slog.Info("token", "t", t) // want `Token value with secret field AccessToken reaches a log \(slog.Info\)`
	log.Printf("config %T %s", p, p.Host)
	log.Printf("type %T", t)
}

// %#v uses GoString, not String.
func goSyntax(r Redacted) {
	log.Printf("%#v", r) // want `Redacted value with secret field Password reaches a log`
}

// Must not flag: the result of a failed type assertion is nil.
func failed(x any) { // want failed:"param 0 reaches a log"
	p, ok := x.(*Plain)
	if !ok {
		log.Printf("ignored %+v", p)
		return
	}
	log.Printf("got %+v", p) // want `Plain value with secret field Password reaches a log \(log.Printf\)`
}
