package clean

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"os"
	"strings"

	"github.com/gorilla/websocket"
)

// svgNS is an XML namespace: an identifier, never dialled.
const svgNS = "http://www.w3.org/2000/svg"

const soapEnv = "http://schemas.xmlsoap.org/soap/envelope/"

type envelope struct {
	XMLNS string `xml:"xmlns,attr"`
}

func namespaces() envelope {
	return envelope{XMLNS: soapEnv}
}

func secure() {
	http.Get("https://api.acme.io/v1")
	http.NewRequest("GET", "https://api.acme.io/v1", nil)
	websocket.DefaultDialer.Dial("wss://stream.acme.io/feed", nil)
}

func local() {
	http.Get("http://localhost:8080/health")
	http.Get("http://127.0.0.1:9090/metrics")
	http.Get("http://127.1.2.3/")
	http.Get("http://[::1]:8080/")
	http.Get("http://0.0.0.0:8080/")
	http.Get("http://app.localhost/")
	http.Get("http://LOCALHOST./")
	websocket.DefaultDialer.Dial("ws://localhost:9222/devtools", nil)
}

// Cloud metadata services answer over plain HTTP on link-local
// addresses and cannot be reached any other way.
func metadata() {
	http.Get("http://169.254.169.254/latest/meta-data/")
	http.Get("http://metadata.google.internal/computeMetadata/v1/")
	http.Get("http://[fe80::a9fe:a9fe]/")
	http.Get("http://[fd00:ec2::254]/latest/api/token")
	http.Get("http://100.100.100.200/latest/meta-data/")
}

func reserved() {
	http.Get("http://example.com/")
	http.Get("http://api.example.org/")
	http.Get("http://service.test/")
}

// Comparisons, messages and string building never send anything.
func notDialled(u string) error {
	if strings.HasPrefix(u, "http://") {
		return errors.New("refusing http://api.acme.io: use https")
	}
	fmt.Println("see http://docs.acme.io/setup")
	link := "http://docs.acme.io/" + u
	_ = link
	parsed, _ := url.Parse("http://api.acme.io")
	_ = parsed.Host
	return nil
}

// Run-time URLs are not judged.
func runtime(base string, host string, ctx context.Context) {
	http.Get(os.Getenv("API_URL"))
	http.Get(base + "/v1")
	http.Get("http://" + host + "/v1")
	http.Get(fmt.Sprintf("http://%s/v1", host))
	http.Get(fmt.Sprintf("http://api.%s.acme.io/v1", host))
	http.Get("http://api." + host)
	http.Get("http://{host}/v1")
	http.NewRequestWithContext(ctx, "GET", base, nil)
}

// A variable assigned more than once may hold either value.
func reassigned(debug bool) {
	u := "https://api.acme.io"
	if debug {
		u = "http://api.acme.io"
	}
	http.Get(u)
}

// An exported package variable may be set by other packages.
var DefaultURL = "http://api.acme.io"

func exported() {
	http.Get(DefaultURL)
}

// A URL struct that is not a client.
type Link struct {
	URL  string
	Text string
}

var links = []Link{{URL: "http://www.acme.io/about", Text: "About"}}

type Schema struct {
	ID string
}

var draft = Schema{ID: "http://json-schema.org/draft-07/schema#"}

// Gorilla's dialer rejects http:// URLs, so nothing is sent.
func wsHTTP() {
	websocket.DefaultDialer.Dial("http://stream.acme.io/feed", nil)
}

type Client struct {
	BaseURL string
	hc      *http.Client
}

func secureClient() *Client {
	return &Client{BaseURL: "https://api.acme.io"}
}

func localClient() *Client {
	return &Client{BaseURL: "http://localhost:8080"}
}

// ClientInfo describes a client; its URL is a home page.
type ClientInfo struct {
	Name string
	URL  string
}

var self = ClientInfo{Name: "acme-cli", URL: "http://www.acme.io/cli"}

type APIClientConfig struct {
	Endpoint string
}

var prodConfig = APIClientConfig{Endpoint: "https://api.acme.io"}
