package a

import (
	"context"
	"net/http"
	"net/url"
	"time"
)

// Servers.

func serverLiteral(h http.Handler) error {
	srv := &http.Server{Addr: ":8080", Handler: h} // want `http.Server has neither ReadHeaderTimeout nor ReadTimeout`
	return srv.ListenAndServe()
}

func serverValue(h http.Handler) error {
	srv := http.Server{ // want `http.Server has neither ReadHeaderTimeout nor ReadTimeout`
		Addr:         ":8080",
		Handler:      h,
		WriteTimeout: time.Minute, // a write timeout does not bound reading
	}
	return srv.ListenAndServe()
}

var pkgServer = &http.Server{} // want `http.Server has neither ReadHeaderTimeout nor ReadTimeout`

func helpers(h http.Handler) {
	_ = http.ListenAndServe(":8080", h)                      // want `http.ListenAndServe serves with no timeouts`
	_ = http.ListenAndServeTLS(":8443", "c.pem", "k.pem", h) // want `http.ListenAndServeTLS serves with no timeouts`
	_ = http.Serve(nil, h)                                   // want `http.Serve serves with no timeouts`
}

// Clients.

func clientNoTimeout(u string) (*http.Response, error) {
	c := &http.Client{Transport: http.DefaultTransport} // want `http.Client has no Timeout and its requests carry no deadline`
	return c.Get(u)
}

func clientDoNoDeadline(ctx context.Context, u string) (*http.Response, error) {
	c := http.Client{} // want `http.Client has no Timeout and its requests carry no deadline`
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return nil, err
	}
	return c.Do(req)
}

func clientMixed(u string) error {
	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	c := &http.Client{} // want `http.Client has no Timeout and its requests carry no deadline`
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return err
	}
	if _, err := c.Do(req); err != nil {
		return err
	}
	_, err = c.Post(u, "text/plain", nil) // this one has no deadline
	return err
}

func defaultHelpers(u string) {
	_, _ = http.Get(u)                     // want `http.Get uses http.DefaultClient, which has no timeout`
	_, _ = http.Head(u)                    // want `http.Head uses http.DefaultClient`
	_, _ = http.Post(u, "text/plain", nil) // want `http.Post uses http.DefaultClient`
	_, _ = http.PostForm(u, url.Values{})  // want `http.PostForm uses http.DefaultClient`
}

func defaultClient(req *http.Request) (*http.Response, error) {
	return http.DefaultClient.Do(req) // want `http.DefaultClient has no timeout`
}

type api struct{ hc *http.Client }

func newAPI(hc *http.Client) *api {
	if hc == nil {
		hc = http.DefaultClient // want `http.DefaultClient has no timeout`
	}
	return &api{hc: hc}
}

// A zero timeout is no timeout.
func zeroTimeouts() {
	srv := &http.Server{ // want `http.Server has neither ReadHeaderTimeout nor ReadTimeout`
		Addr:              ":8080",
		ReadHeaderTimeout: 0,
		ReadTimeout:       0 * time.Second,
	}
	_ = srv.ListenAndServe()

	late := &http.Server{Addr: ":8081"} // want `http.Server has neither ReadHeaderTimeout nor ReadTimeout`
	late.ReadHeaderTimeout = 0
	_ = late.ListenAndServe()

	c := &http.Client{Timeout: 0} // want `http.Client has no Timeout`
	_, _ = c.Get("https://api.example.com/")

	neg := &http.Client{Timeout: -1} // want `http.Client has no Timeout`
	_, _ = neg.Get("https://api.example.com/")
}
