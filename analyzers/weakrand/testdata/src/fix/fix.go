package fix

import (
	"encoding/hex"
	"math/rand"
)

func newToken() string {
	b := make([]byte, 32)
	rand.Read(b)
	token := hex.EncodeToString(b) // want `math/rand.Read output reaches credential variable token; use crypto/rand.Read`
	return token
}
