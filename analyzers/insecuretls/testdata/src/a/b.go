package a

import (
	"crypto/tls"
	"flag"
	"os"

	"example.com/faketls"
)

// Flags, environment variables and look-alike types.

var insecureFlag = flag.Bool("insecure", false, "skip verification (testing only)")

func fromFlag() *tls.Config {
	return &tls.Config{InsecureSkipVerify: *insecureFlag}
}

var insecureDefaultOn = flag.Bool("insecure-default", true, "skip verification")

func fromFlagOn() *tls.Config {
	return &tls.Config{InsecureSkipVerify: *insecureDefaultOn} // want `tls.Config.InsecureSkipVerify comes from flag "insecure-default", which defaults to true; make the flag default to false`
}

var boundOff, boundOn bool

func init() {
	flag.BoolVar(&boundOff, "k", false, "skip verification")
	flag.BoolVar(&boundOn, "insecure-on", true, "skip verification")
}

func fromBoundFlags() []*tls.Config {
	return []*tls.Config{
		{InsecureSkipVerify: boundOff},
		{InsecureSkipVerify: boundOn}, // want `comes from flag "insecure-on"`
	}
}

// A local variable bound to a flag, as main functions do.
func fromLocalFlags() []*tls.Config {
	var on, off, changed bool
	flag.BoolVar(&on, "local-on", true, "skip verification")
	flag.BoolVar(&off, "local-off", false, "skip verification")
	flag.BoolVar(&changed, "local-changed", true, "skip verification")
	flag.Parse()
	if os.Getenv("STRICT") != "" {
		changed = false
	}
	return []*tls.Config{
		{InsecureSkipVerify: on}, // want `comes from flag "local-on", which defaults to true`
		{InsecureSkipVerify: off},
		{InsecureSkipVerify: changed},
	}
}

func fromFlagSet(fs *flag.FlagSet) *tls.Config {
	skip := fs.Bool("skip", false, "")
	return &tls.Config{InsecureSkipVerify: *skip}
}

func fromEnv() *tls.Config {
	return &tls.Config{InsecureSkipVerify: os.Getenv("TLS_INSECURE") == "1"}
}

func otherPackage() *faketls.Config {
	return &faketls.Config{InsecureSkipVerify: true, MinVersion: tls.VersionTLS10}
}

type localConfig struct {
	InsecureSkipVerify bool
	MinVersion         uint16
}

func localType() *localConfig {
	c := &localConfig{InsecureSkipVerify: true}
	c.MinVersion = tls.VersionTLS10
	return c
}
