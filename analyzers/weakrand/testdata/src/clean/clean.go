package clean

import (
	"crypto/aes"
	"crypto/cipher"
	crand "crypto/rand"
	"crypto/rsa"
	"encoding/hex"
	"fmt"
	"math/rand"
	"strconv"
	"time"
)

// Jitter and backoff.
func backoff(attempt int) time.Duration {
	base := time.Duration(1<<attempt) * 100 * time.Millisecond
	jitter := time.Duration(rand.Int63n(int64(base / 2)))
	return base + jitter
}

func sleepy() {
	time.Sleep(time.Duration(rand.Intn(500)) * time.Millisecond)
}

// Sampling.
func sampled(rate float64) bool {
	return rand.Float64() < rate
}

func sampleToken(rate float64, token string) string {
	if rand.Float64() < rate {
		return token
	}
	return ""
}

// Shuffling.
func shuffle(tokens []string) {
	rand.Shuffle(len(tokens), func(i, j int) { tokens[i], tokens[j] = tokens[j], tokens[i] })
	order := rand.Perm(len(tokens))
	_ = order
}

// Load balancing: picking one of several backends, or one of several
// configured keys, is a choice among values and makes no secret.
type Backend struct{ Addr string }

func pick(backends []*Backend) *Backend {
	return backends[rand.Intn(len(backends))]
}

func pickKey(apiKeys []string) string {
	apiKey := apiKeys[rand.Intn(len(apiKeys))]
	return apiKey
}

// Identifiers that are not secrets.
func requestID() string {
	return strconv.FormatUint(rand.Uint64(), 16)
}

func ids() {
	requestID := fmt.Sprintf("%016x", rand.Uint64())
	traceID := rand.Uint64()
	spanID := rand.Uint64()
	correlationID := strconv.Itoa(rand.Int())
	keyCount := rand.Intn(10)
	tokensPerSecond := rand.Float64() * 100
	maxTokens := rand.Intn(1000)
	nextPageToken := strconv.Itoa(rand.Int())
	key := rand.Intn(100) // a cache key
	use(requestID, traceID, spanID, correlationID, keyCount, tokensPerSecond, maxTokens,
		nextPageToken, key)
}

type Limiter struct {
	Tokens   int
	KeyCount int
}

func refill(l *Limiter) {
	l.Tokens = rand.Intn(10)
	l.KeyCount = rand.Intn(10)
}

// Simulation.
func simulate(steps int) []float64 {
	r := rand.New(rand.NewSource(42))
	out := make([]float64, steps)
	for i := range out {
		out[i] = r.NormFloat64()
	}
	return out
}

// Seeding.
func seed() {
	rand.Seed(time.Now().UnixNano())
}

// crypto/rand is the right tool.
func goodToken() string {
	b := make([]byte, 32)
	if _, err := crand.Read(b); err != nil {
		panic(err)
	}
	return hex.EncodeToString(b)
}

func goodKey() (cipher.Block, error) {
	key := make([]byte, 32)
	if _, err := crand.Read(key); err != nil {
		return nil, err
	}
	return aes.NewCipher(key)
}

func goodRSA() (*rsa.PrivateKey, error) {
	return rsa.GenerateKey(crand.Reader, 2048)
}

// A math/rand.Rand over a Source backed by crypto/rand.
type cryptoSource struct{}

func (cryptoSource) Int63() int64 {
	var b [8]byte
	crand.Read(b[:])
	return int64(b[0]) // enough for the test
}

func (cryptoSource) Seed(int64) {}

func trustedSource() string {
	r := rand.New(cryptoSource{})
	token := strconv.FormatInt(r.Int63(), 36)
	return token
}

// A credential-named value that a random number only decides about.
func choose(a, b string) string {
	token := a
	if rand.Intn(2) == 0 {
		token = b
	}
	return token
}

// Lengths and counts derived from random numbers.
func padding() {
	password := make([]byte, rand.Intn(8)+8)
	copy(password, "fixed")
	use(len(password))
}

// A function named for a token that returns something unrelated.
func tokenCount() int { return rand.Intn(5) }

// An error is no secret.
func generateToken() (string, error) {
	if rand.Intn(2) == 0 {
		return "", fmt.Errorf("retry %d", rand.Intn(3))
	}
	return goodToken(), nil
}

func use(...any) {}

// A generator passed in by the caller, as fake-data and simulation
// libraries do: judged at the call, and this caller passes none.
func fakePassword(r *rand.Rand, n int) string {
	b := make([]byte, n)
	for i := range b {
		b[i] = byte('a' + r.Intn(26))
	}
	return string(b)
}

type Faker struct{ seed int64 }

func (f *Faker) Password(r *rand.Rand) string { return fakePassword(r, 12) }

// A user agent's platform token.
func platformToken() string {
	platformToken := "X11; Linux x86_64 " + strconv.Itoa(rand.Intn(10))
	return platformToken
}
