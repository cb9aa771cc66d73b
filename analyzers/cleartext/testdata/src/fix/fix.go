package fix

import (
	"fmt"
	"net/http"

	"github.com/gorilla/websocket"
)

const base = "http://api.acme.io"

type Client struct {
	BaseURL string
	hc      *http.Client
}

func calls(id int) {
	http.Get("http://api.acme.io/v1/users")                       // want `http\.Get sends`
	http.Get(base + "/v1/a")                                      // want `http\.Get sends`
	http.Get(base + "/v1/b")                                      // want `http\.Get sends`
	http.Get(fmt.Sprintf("http://api.acme.io/v1/items/%d", id))   // want `http\.Get sends`
	websocket.DefaultDialer.Dial("ws://stream.acme.io/feed", nil) // want `opens a WebSocket`
	_ = &Client{BaseURL: "http://api.acme.io/v2"}                 // want `BaseURL of Client is set`
}
