package fixcrand

import (
	"encoding/hex"
	"math/rand"
	"time"
)

func newToken() string {
	b := make([]byte, 32)
	rand.Read(b)
	token := hex.EncodeToString(b) // want `math/rand.Read output reaches credential variable token`
	return token
}

func jitter() time.Duration {
	return time.Duration(rand.Intn(100)) * time.Millisecond
}
