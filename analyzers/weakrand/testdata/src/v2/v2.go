package v2

import (
	crand "crypto/rand"
	"crypto/rsa"
	"encoding/hex"
	"math/rand/v2"
	"strconv"
	"time"
)

func sessionID() {
	sessionID := strconv.FormatUint(rand.Uint64(), 16) // want `math/rand/v2.Uint64 output reaches credential variable sessionID`
	use(sessionID)
}

func pcg() {
	r := rand.New(rand.NewPCG(1, 2))
	nonce := r.Uint64() // want `\(\*math/rand/v2.Rand\).Uint64 output reaches credential variable nonce`
	use(nonce)
}

func chachaFixedSeed() {
	var seed [32]byte
	c := rand.NewChaCha8(seed)
	key := make([]byte, 32)
	c.Read(key)
	apiKey := hex.EncodeToString(key) // want `\(\*math/rand/v2.ChaCha8\).Read output reaches credential variable apiKey`
	use(apiKey)
}

func chachaKeygen() {
	c := rand.NewChaCha8([32]byte{1})
	_, _ = rsa.GenerateKey(c, 2048) // want `math/rand/v2.NewChaCha8 output reaches the random source of rsa.GenerateKey`
}

// Not reported: a ChaCha8 seeded from crypto/rand, jitter, a pick.

func chachaCryptoSeed() {
	var seed [32]byte
	crand.Read(seed[:])
	c := rand.NewChaCha8(seed)
	key := make([]byte, 32)
	c.Read(key)
	apiKey := hex.EncodeToString(key)
	use(apiKey)
	r := rand.New(c)
	token := strconv.FormatUint(r.Uint64(), 16)
	use(token)
}

func jitter() time.Duration {
	return time.Duration(rand.IntN(100)) * time.Millisecond
}

func pick(servers []string) string {
	return servers[rand.IntN(len(servers))]
}

func use(...any) {}
