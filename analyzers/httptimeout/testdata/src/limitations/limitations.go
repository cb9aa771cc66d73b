package limitations

import (
	"context"
	"net"
	"net/http"
	"time"
)

func withTimeouts(srv *http.Server) *http.Server {
	srv.ReadHeaderTimeout = 10 * time.Second
	return srv
}

// Timeouts set by a helper the server is passed to are not seen: this
// server is safe but reported.
func setByHelper(h http.Handler) error {
	srv := withTimeouts(&http.Server{Handler: h}) // want `http.Server has neither`
	return srv.ListenAndServe()
}

// A zero-value server is not examined: missed, it has no timeouts.
func zeroValue(h http.Handler) error {
	var srv http.Server
	srv.Handler = h
	return srv.ListenAndServe()
}

type client struct{ hc *http.Client }

// A client stored in a field is not followed: missed, its requests have
// no deadline.
func escapes() *client {
	return &client{hc: &http.Client{}}
}

// A deadline that reaches the request through a context parameter is
// not seen: this call has one, but is reported.
func deadlineFromCaller(ctx context.Context, u string) (*http.Response, error) {
	c := &http.Client{} // want `http.Client has no Timeout`
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return nil, err
	}
	return c.Do(req)
}

func caller(u string) {
	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	_, _ = deadlineFromCaller(ctx, u)
}

// A server that serves only a loopback listener is reported all the
// same: the listener's address is not followed.
func loopbackListener(h http.Handler) error {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return err
	}
	srv := &http.Server{Handler: h} // want `http.Server has neither`
	return srv.Serve(l)
}
