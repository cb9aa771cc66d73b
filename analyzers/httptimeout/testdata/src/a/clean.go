package a

import (
	"context"
	"fmt"
	"net/http"
	"strconv"
	"time"
)

func serverWithHeaderTimeout(h http.Handler) error {
	srv := &http.Server{Addr: ":8080", Handler: h, ReadHeaderTimeout: 5 * time.Second}
	return srv.ListenAndServe()
}

func serverWithReadTimeout(h http.Handler, d time.Duration) error {
	srv := &http.Server{Addr: ":8080", Handler: h, ReadTimeout: d}
	return srv.ListenAndServe()
}

func serverTimeoutLater(h http.Handler) error {
	srv := &http.Server{Addr: ":8080", Handler: h}
	srv.ReadHeaderTimeout = 3 * time.Second
	return srv.ListenAndServe()
}

func serverTimeoutInClosure(h http.Handler) func() error {
	srv := &http.Server{Handler: h}
	return func() error {
		srv.ReadTimeout = time.Minute
		return srv.ListenAndServe()
	}
}

func clientWithTimeout(u string) (*http.Response, error) {
	c := &http.Client{Timeout: 10 * time.Second}
	return c.Get(u)
}

func clientTimeoutLater(u string) (*http.Response, error) {
	c := &http.Client{}
	c.Timeout = time.Minute
	return c.Get(u)
}

func clientDeadlineRequest(u string) (*http.Response, error) {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	c := &http.Client{Transport: http.DefaultTransport}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return nil, err
	}
	return c.Do(req)
}

func clientDeadlineWithContext(req *http.Request, at time.Time) (*http.Response, error) {
	ctx, cancel := context.WithDeadline(req.Context(), at)
	defer cancel()
	c := http.Client{}
	return c.Do(req.WithContext(ctx))
}

// A client that is returned sends its requests elsewhere.
func newClient(t http.RoundTripper) *http.Client {
	c := &http.Client{Transport: t}
	return c
}

type service struct{ hc *http.Client }

func newService() *service {
	return &service{hc: &http.Client{Transport: http.DefaultTransport}}
}

func defaultClientDeadline(u string) error {
	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return err
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func isDefault(c *http.Client) bool {
	return c == http.DefaultClient
}

// Setting no timeout is not a use; a zero one does not count as one.
func setDefaultTimeout() {
	http.DefaultClient.Timeout = 0
}

// Declarations of handlers and requests are not servers or clients.
func handler(w http.ResponseWriter, r *http.Request) {
	req, _ := http.NewRequest(http.MethodGet, "/", nil)
	_ = req
	http.Redirect(w, r, "/", http.StatusFound)
}

// A listener on a loopback address takes connections from this machine
// only, such as a pprof endpoint.
const debugAddr = "127.0.0.1:6060"

func loopbackServers(h http.Handler) {
	_ = http.ListenAndServe("localhost:6060", nil)
	_ = http.ListenAndServe(debugAddr, h)
	_ = http.ListenAndServeTLS("[::1]:8443", "c.pem", "k.pem", h)
	srv := &http.Server{Addr: "127.0.0.2:8080", Handler: h}
	_ = srv.ListenAndServe()
}

func loopbackBuilt(h http.Handler, port int, p string) {
	_ = http.ListenAndServe("localhost:"+strconv.Itoa(port), h)
	_ = http.ListenAndServe(fmt.Sprintf("127.0.0.1:%d", port), h)
	_ = http.ListenAndServe(("[::1]:" + p), h)
}

func publicBuilt(h http.Handler, host string, port int) {
	_ = http.ListenAndServe(host+":"+strconv.Itoa(port), h)      // want `http.ListenAndServe serves with no timeouts`
	_ = http.ListenAndServe(fmt.Sprintf("%s:%d", host, port), h) // want `http.ListenAndServe serves with no timeouts`
	_ = http.ListenAndServe("local"+host+":80", h)               // want `http.ListenAndServe serves with no timeouts`
}

// An address with no host, or one known only at run time, listens on
// every interface or may.
func publicServers(h http.Handler, addr string) {
	_ = http.ListenAndServe(":6060", h)                     // want `http.ListenAndServe serves with no timeouts`
	_ = http.ListenAndServe("0.0.0.0:6060", h)              // want `http.ListenAndServe serves with no timeouts`
	_ = http.ListenAndServe(addr, h)                        // want `http.ListenAndServe serves with no timeouts`
	_ = http.ListenAndServe("localhost.example:80", h)      // want `http.ListenAndServe serves with no timeouts`
	srv := &http.Server{Addr: "192.0.2.1:8080", Handler: h} // want `http.Server has neither`
	_ = srv.ListenAndServe()
}
