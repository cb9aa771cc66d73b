package caller

import (
	"os"

	"tlsopts"
)

func use(d *tlsopts.Dialer) {
	_ = tlsopts.New("db", true) // want `true passed as insecure to tlsopts.New reaches tls.Config.InsecureSkipVerify`
	_ = tlsopts.New("db", false)
	_ = tlsopts.Wrap(true) // want `true passed as skip to tlsopts.Wrap reaches`
	_ = tlsopts.Wrap(os.Getenv("INSECURE") == "1")
	d.SetInsecure(true) // want `true passed as on to \(\*tlsopts.Dialer\).SetInsecure reaches`
	d.SetInsecure(false)
	_ = tlsopts.Pinned(true)
	_ = tlsopts.Safe(true)
	_ = forward(true) // want `true passed as k to forward reaches`
}

// forward is unexported: it gets no fact, but calls in this package are
// still checked.
func forward(k bool) any { return tlsopts.Wrap(k) }

func fluent(c *tlsopts.Client) {
	c.InsecureSkipVerify() // want `\(\*tlsopts.Client\).InsecureSkipVerify sets tls.Config.InsecureSkipVerify to true`
}
