// Package wire holds the units of a network protocol, whose tokens are
// protocol fields; a client configuration's token is a credential.
package wire

import (
	"fmt"
	"log"
)

// Must not flag: the token field of a packet header or a frame.
type Header struct {
	Type  byte
	Token []byte
}

type ExtendedHeader struct {
	Header
	PacketNumber int
}

type NewTokenFrame struct{ Token []byte }

func (h *ExtendedHeader) Log() {
	log.Printf("long header{type: %d, token: %#x}", h.Type, h.Token)
}

func logFrame(f *NewTokenFrame) {
	log.Printf("new token frame{token: %#x}", f.Token)
}

// Must flag: a bare token anywhere else is a credential.
type Config struct{ Token string }

func dial(c *Config) error {
	return fmt.Errorf("dial with token %s failed", c.Token) // want `token from field Config.Token reaches an error message \(fmt.Errorf\)`
}

func connect(token string) error { // want connect:"param 0 reaches an error message"
	return fmt.Errorf("connect with %s failed", token) // want `token from parameter token reaches an error message \(fmt.Errorf\)`
}

// Must not flag: an ACME challenge token is served to anyone who asks.
type Challenge struct {
	Type  string
	URI   string
	Token string
}

func pick(cs []*Challenge) {
	for i, c := range cs {
		log.Printf("challenge %d: %+v", i, c)
	}
}
