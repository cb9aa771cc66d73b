package secureclient

import (
	"crypto/tls"
	"fmt"
	"net"
	"net/http"
	"time"
)

// maxRedirects bounds how many same-origin redirects a request follows.
const maxRedirects = 5

// Transport limits. Connection setup gets at most connectTimeout, and
// less when Config.Timeout is shorter.
const (
	connectTimeout      = 10 * time.Second
	keepAlive           = 30 * time.Second
	idleConnTimeout     = 90 * time.Second
	maxResponseHeader   = 1 << 20
	maxIdleConnsPerHost = 16
)

// newHTTPClient builds the client every request goes through: its own
// transport (never http.DefaultTransport, which other code may change),
// TLS 1.2 or later with verification on, HTTP/2 when the server offers
// it, a timeout on each phase, and redirects kept on the same origin.
func newHTTPClient(tlsConfig *tls.Config, timeout time.Duration) *http.Client {
	setup := min(timeout, connectTimeout)
	dialer := &net.Dialer{Timeout: setup, KeepAlive: keepAlive}
	transport := &http.Transport{
		Proxy:                  http.ProxyFromEnvironment,
		DialContext:            dialer.DialContext,
		TLSClientConfig:        tlsConfig,
		TLSHandshakeTimeout:    setup,
		ResponseHeaderTimeout:  timeout,
		ExpectContinueTimeout:  time.Second,
		IdleConnTimeout:        idleConnTimeout,
		MaxIdleConnsPerHost:    maxIdleConnsPerHost,
		MaxResponseHeaderBytes: maxResponseHeader,
		ForceAttemptHTTP2:      true,
	}
	return &http.Client{
		Transport:     transport,
		Timeout:       timeout,
		CheckRedirect: checkRedirect,
	}
}

// checkRedirect follows a redirect only to the same scheme and host, so
// that neither the credential nor the request leaves the API's origin,
// and never from https to http.
func checkRedirect(req *http.Request, via []*http.Request) error {
	if len(via) >= maxRedirects {
		return fmt.Errorf("%w: more than %d redirects", ErrRedirect, maxRedirects)
	}
	first := via[0].URL
	if req.URL.Scheme != first.Scheme || req.URL.Host != first.Host {
		return fmt.Errorf("%w: redirect leaves the origin", ErrRedirect)
	}
	return nil
}
