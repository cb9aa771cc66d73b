// Package optin holds constant trues that are stored only when an option
// says so. They mean the same as storing the option itself, so only the
// ones that a caller or a flag decides are reported.
package optin

import (
	"crypto/tls"
	"flag"
	"os"
)

type Options struct {
	Insecure bool
	TLSMode  string
}

func fromField(o Options) *tls.Config {
	c := &tls.Config{}
	if o.Insecure {
		c.InsecureSkipVerify = true
	}
	return c
}

func fromMode(o *Options) *tls.Config {
	switch o.TLSMode {
	case "verify":
		return &tls.Config{}
	case "skip-verify":
		return &tls.Config{InsecureSkipVerify: true}
	}
	return nil
}

func fromEnv() *tls.Config {
	c := new(tls.Config)
	if os.Getenv("TLS_INSECURE") == "1" {
		c.InsecureSkipVerify = true
	}
	return c
}

func inLoop(opts []Options) []*tls.Config {
	var out []*tls.Config
	for _, o := range opts {
		c := &tls.Config{}
		if o.Insecure {
			c.InsecureSkipVerify = true
		}
		out = append(out, c)
	}
	return out
}

// The parameter decides, so its callers are checked.
func fromParam(insecure bool) *tls.Config {
	c := &tls.Config{}
	if insecure {
		c.InsecureSkipVerify = true
	}
	return c
}

func callers(o Options) {
	fromParam(o.Insecure)
	fromParam(true) // want `true passed as insecure to fromParam`
}

var skipFlag = flag.Bool("skip-verify", true, "skip verification")

func fromFlag() *tls.Config {
	c := &tls.Config{}
	if *skipFlag {
		c.InsecureSkipVerify = true // want `comes from flag "skip-verify", which defaults to true`
	}
	return c
}

// A fallback after an error is no opt-in.
func fallback(err error) *tls.Config {
	c := &tls.Config{}
	if err != nil {
		c.InsecureSkipVerify = true // want `InsecureSkipVerify set to true`
	}
	return c
}

// Both arms of a nil test skip verification.
func bothArms(c *tls.Config) *tls.Config {
	if c == nil {
		c = &tls.Config{InsecureSkipVerify: true} // want `InsecureSkipVerify set to true`
	} else {
		c.InsecureSkipVerify = true // want `InsecureSkipVerify set to true`
	}
	return c
}

// The option only guards a log line; the store runs either way.
func afterOption(o Options) *tls.Config {
	c := &tls.Config{}
	if o.Insecure {
		println("insecure")
	}
	c.InsecureSkipVerify = true // want `InsecureSkipVerify set to true`
	return c
}

const debug = true

func constGuard() *tls.Config {
	c := &tls.Config{}
	if debug {
		c.InsecureSkipVerify = true // want `InsecureSkipVerify set to true`
	}
	return c
}
