package secureclient

import (
	"bytes"
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"io"
	"log"
	"log/slog"
	"math/big"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"golang.org/x/time/rate"
)

// randomSecret returns a fresh random credential; tests never embed one.
func randomSecret(t *testing.T) Secret {
	t.Helper()
	return Secret(rand.Text())
}

// testPKI is a private CA and a server certificate it issued for the
// loopback addresses.
type testPKI struct {
	caPEM []byte
	ca    *x509.Certificate
	leaf  tls.Certificate
}

func newTestPKI(t *testing.T) *testPKI {
	t.Helper()
	now := time.Now()
	caKey, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	caTemplate := &x509.Certificate{
		SerialNumber:          big.NewInt(1),
		Subject:               pkix.Name{CommonName: "secureclient test CA"},
		NotBefore:             now.Add(-time.Hour),
		NotAfter:              now.Add(time.Hour),
		IsCA:                  true,
		BasicConstraintsValid: true,
		KeyUsage:              x509.KeyUsageCertSign | x509.KeyUsageDigitalSignature,
	}
	caDER, err := x509.CreateCertificate(rand.Reader, caTemplate, caTemplate, &caKey.PublicKey, caKey)
	if err != nil {
		t.Fatal(err)
	}
	ca, err := x509.ParseCertificate(caDER)
	if err != nil {
		t.Fatal(err)
	}

	leafKey, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	leafTemplate := &x509.Certificate{
		SerialNumber: big.NewInt(2),
		Subject:      pkix.Name{CommonName: "localhost"},
		DNSNames:     []string{"localhost"},
		IPAddresses:  []net.IP{net.IPv4(127, 0, 0, 1), net.IPv6loopback},
		NotBefore:    now.Add(-time.Hour),
		NotAfter:     now.Add(time.Hour),
		KeyUsage:     x509.KeyUsageDigitalSignature,
		ExtKeyUsage:  []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
	}
	leafDER, err := x509.CreateCertificate(rand.Reader, leafTemplate, ca, &leafKey.PublicKey, caKey)
	if err != nil {
		t.Fatal(err)
	}
	return &testPKI{
		caPEM: pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: caDER}),
		ca:    ca,
		leaf:  tls.Certificate{Certificate: [][]byte{leafDER}, PrivateKey: leafKey},
	}
}

// testServer is an HTTP/2 TLS server whose certificate comes from a
// generated CA, counting the requests it handles.
type testServer struct {
	*httptest.Server
	pki  *testPKI
	hits atomic.Int64
}

func newTestServer(t *testing.T, h http.HandlerFunc) *testServer {
	return newTestServerTLS(t, h, nil)
}

// hitKey is the context key of the request number, counted from 1.
type hitKey struct{}

// hitNumber returns the number of r among the requests the server saw.
func hitNumber(r *http.Request) int64 {
	n, _ := r.Context().Value(hitKey{}).(int64)
	return n
}

// newTestServerTLS is newTestServer with a hook to change the server's
// TLS config before it starts.
func newTestServerTLS(t *testing.T, h http.HandlerFunc, tweak func(*tls.Config)) *testServer {
	t.Helper()
	ts := &testServer{pki: newTestPKI(t)}
	srv := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n := ts.hits.Add(1)
		h(w, r.WithContext(context.WithValue(r.Context(), hitKey{}, n)))
	}))
	srv.EnableHTTP2 = true
	srv.TLS = &tls.Config{Certificates: []tls.Certificate{ts.pki.leaf}, MinVersion: tls.VersionTLS12}
	if tweak != nil {
		tweak(srv.TLS)
	}
	srv.Config.ReadHeaderTimeout = 5 * time.Second
	srv.Config.ErrorLog = log.New(io.Discard, "", 0) // refused handshakes are expected
	srv.StartTLS()
	t.Cleanup(srv.Close)
	ts.Server = srv
	return ts
}

// config returns a Config for ts that trusts only the test CA and keeps
// every delay tiny.
func (ts *testServer) config(t *testing.T) Config {
	t.Helper()
	cfg := DefaultConfig()
	cfg.APIKey = randomSecret(t)
	cfg.BaseURL = ts.URL + "/v1"
	cfg.TLS.RootCAsPEM = ts.pki.caPEM
	cfg.TLS.ExcludeSystemRoots = true
	cfg.Timeout = 5 * time.Second
	cfg.RetryBaseDelay = time.Millisecond
	cfg.RetryMaxDelay = 4 * time.Millisecond
	cfg.RateLimit = rate.Inf
	return cfg
}

// newTestClient creates a client and closes its connections at the end.
func newTestClient(t *testing.T, cfg Config) *Client {
	t.Helper()
	c, err := New(cfg)
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	t.Cleanup(c.CloseIdleConnections)
	return c
}

// sleepRecorder replaces Client.sleep to record delays without waiting.
type sleepRecorder struct {
	mu    sync.Mutex
	waits []time.Duration
}

func (s *sleepRecorder) sleep(ctx context.Context, d time.Duration) error {
	s.mu.Lock()
	s.waits = append(s.waits, d)
	s.mu.Unlock()
	return ctx.Err()
}

func (s *sleepRecorder) recorded() []time.Duration {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]time.Duration(nil), s.waits...)
}

// logBuffer collects audit log output from concurrent requests.
type logBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *logBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *logBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// count returns how many log lines have the message msg.
func (b *logBuffer) count(msg string) int {
	return strings.Count(b.String(), `"msg":"`+msg+`"`)
}

func newAuditLogger() (*slog.Logger, *logBuffer) {
	buf := &logBuffer{}
	return slog.New(slog.NewJSONHandler(buf, nil)), buf
}

// writeJSON writes a JSON response with the given status.
func writeJSON(w http.ResponseWriter, status int, body string) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_, _ = w.Write([]byte(body))
}

// assertNoSecret fails if text contains any of the secrets.
func assertNoSecret(t *testing.T, what, text string, secrets ...string) {
	t.Helper()
	for _, s := range secrets {
		if s != "" && strings.Contains(text, s) {
			t.Errorf("%s contains a secret: %q", what, text)
		}
	}
}

// plainServer is an http (not https) server counting requests.
type plainServer struct {
	*httptest.Server
	hits atomic.Int64
}

func newPlainServer(t *testing.T) *plainServer {
	t.Helper()
	ps := &plainServer{}
	ps.Server = httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ps.hits.Add(1)
		writeJSON(w, http.StatusOK, `{}`)
	}))
	ps.Config.ReadHeaderTimeout = 5 * time.Second
	ps.Config.ErrorLog = log.New(io.Discard, "", 0)
	ps.Start()
	t.Cleanup(ps.Close)
	return ps
}
