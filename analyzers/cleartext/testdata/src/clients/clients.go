package clients

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strings"

	"github.com/gorilla/websocket"
)

const apiBase = "http://api.acme.io"

func direct() {
	http.Get("http://api.acme.io/v1/users")                                            // want `http\.Get sends the request to http://api\.acme\.io in clear text; use https://`
	http.Head("HTTP://Api.Acme.io:8080/health")                                        // want `http\.Head sends the request to http://api\.acme\.io:8080 in clear text`
	http.Post("http://10.0.0.12/hook", "application/json", nil)                        // want `http\.Post sends the request to http://10\.0\.0\.12`
	http.PostForm("http://api.acme.io/login", url.Values{})                            // want `http\.PostForm sends`
	http.NewRequest("GET", "http://api.acme.io/v1", nil)                               // want `http\.NewRequest makes a request to http://api\.acme\.io in clear text`
	http.NewRequestWithContext(context.Background(), "GET", "http://api.acme.io", nil) // want `http\.NewRequestWithContext makes`
}

func secretsNotPrinted() {
	http.Get("http://admin:hunter2@api.acme.io/v1?token=abc") // want `sends the request to http://api\.acme\.io in clear text`
}

func methods(c *http.Client) {
	c.Get(apiBase + "/v1/users")                              // want `Client\.Get sends the request to http://api\.acme\.io`
	http.DefaultClient.Post(apiBase+"/v1", "text/plain", nil) // want `Client\.Post sends`
}

func locals(ctx context.Context, id int) {
	u := apiBase + "/v1/items"
	http.Get(u) // want `http\.Get sends`

	endpoint := fmt.Sprintf("http://api.acme.io/v1/items/%d", id)
	http.Get(endpoint) // want `http\.Get sends the request to http://api\.acme\.io`

	joined := fmt.Sprintf("%s/v1/items/%d", apiBase, id)
	http.Get(joined) // want `http\.Get sends`

	http.Get(apiBase + "/v1/items/" + fmt.Sprint(id)) // want `http\.Get sends`
}

func parsed() {
	u, err := url.Parse("http://api.acme.io/v1")
	if err != nil {
		return
	}
	http.Get(u.String()) // want `http\.Get sends the request to http://api\.acme\.io`

	v, _ := url.Parse(apiBase)
	http.NewRequest("GET", v.JoinPath("users").String(), nil) // want `http\.NewRequest makes`

	w := &url.URL{Scheme: "http", Host: "api.acme.io", Path: "/v1"}
	http.Get(w.String()) // want `http\.Get sends the request to http://api\.acme\.io`

	http.Get(strings.TrimSuffix(apiBase, "/") + "/v1") // want `http\.Get sends`
}

// A client struct whose base URL is a clear-text constant.
type Client struct {
	BaseURL string
	hc      *http.Client
}

func NewClient() *Client {
	return &Client{BaseURL: "http://api.acme.io/v2"} // want `BaseURL of Client is set to http://api\.acme\.io, so its requests travel in clear text; use https://`
}

func (c *Client) get(path string) (*http.Response, error) {
	return c.hc.Get(c.BaseURL + path) // reported where BaseURL is set
}

type service struct {
	Endpoint *url.URL
	hc       *http.Client
}

func configure(s *service) {
	s.Endpoint, _ = url.Parse("http://api.acme.io") // a tuple assignment, not judged
	u, _ := url.Parse("http://billing.acme.io")
	s.Endpoint = u // want `Endpoint of the client is set to http://billing\.acme\.io`
}

// A field of an ordinary struct assigned once and read by a call.
type notifier struct {
	webhook string
}

var n = notifier{webhook: "http://hooks.acme.io/T123/B456/secret"}

func notify() {
	http.Post(n.webhook, "application/json", nil) // want `http\.Post sends the request to http://hooks\.acme\.io in clear text`
}

func ws() {
	websocket.DefaultDialer.Dial("ws://stream.acme.io/feed", nil) // want `Dialer\.Dial opens a WebSocket to ws://stream\.acme\.io in clear text; use wss://`
	d := &websocket.Dialer{}
	d.DialContext(context.Background(), "ws://10.1.2.3:9000/feed", nil) // want `Dialer\.DialContext opens a WebSocket to ws://10\.1\.2\.3:9000`
}

type APIClientConfig struct {
	Endpoint string
}

var staging = APIClientConfig{Endpoint: "http://staging.acme.io"} // want `Endpoint of APIClientConfig is set to http://staging\.acme\.io`
