// Package unixsocket talks to a local daemon over a unix socket, so its
// URLs name placeholder hosts.
package unixsocket

import (
	"context"
	"net"
	"net/http"
)

const socket = "/var/run/docker.sock"

func client() *http.Client {
	return &http.Client{Transport: &http.Transport{
		DialContext: func(ctx context.Context, _, _ string) (net.Conn, error) {
			var d net.Dialer
			return d.DialContext(ctx, "unix", socket)
		},
	}}
}

func containers(ctx context.Context) {
	req, _ := http.NewRequestWithContext(ctx, "GET", "http://docker/v1.41/containers/json", nil)
	client().Do(req)
	http.NewRequest("GET", "http://local-daemon.sock/status", nil)
	// A dotted host is remote even here.
	http.Get("http://registry.acme.io/v2/") // want `http\.Get sends the request to http://registry\.acme\.io`
}
