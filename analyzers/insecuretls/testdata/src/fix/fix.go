package fix

import (
	"crypto/tls"
	"net/http"
)

func multiLine() *tls.Config {
	return &tls.Config{
		ServerName:         "db",
		InsecureSkipVerify: true,             // want `InsecureSkipVerify set to true`
		MinVersion:         tls.VersionTLS10, // want `MinVersion tls.VersionTLS10`
	}
}

func sole() *tls.Config {
	return &tls.Config{InsecureSkipVerify: true} // want `InsecureSkipVerify set to true`
}

func first() *tls.Config {
	return &tls.Config{InsecureSkipVerify: true, ServerName: "db"} // want `InsecureSkipVerify set to true`
}

func last() *tls.Config {
	return &tls.Config{ServerName: "db", InsecureSkipVerify: true} // want `InsecureSkipVerify set to true`
}

func transport() *http.Transport {
	return &http.Transport{TLSClientConfig: &tls.Config{
		InsecureSkipVerify: true}} // want `InsecureSkipVerify set to true`
}

func assigned(c *tls.Config) {
	c.MinVersion = tls.VersionTLS11 // want `MinVersion tls.VersionTLS11`
}

// No fix: removing the element would leave skip unused.
func throughLocal() *tls.Config {
	skip := true
	return &tls.Config{InsecureSkipVerify: skip} // want `InsecureSkipVerify set to true`
}

// No fix: the version comes from a variable.
func versionLocal(c *tls.Config) {
	v := uint16(tls.VersionTLS10)
	c.MinVersion = v // want `MinVersion tls.VersionTLS10`
}
