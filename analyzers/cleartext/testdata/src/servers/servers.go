package servers

import (
	"context"
	"net"
	"net/http"

	"golang.org/x/crypto/acme/autocert"
)

const addr = ":8080"

func flagged(mux *http.ServeMux) {
	http.ListenAndServe(":8080", mux)      // want `http\.ListenAndServe serves HTTP on ":8080" in clear text; use ListenAndServeTLS, or listen on a loopback address behind a TLS-terminating proxy`
	http.ListenAndServe("0.0.0.0:80", nil) // want `http\.ListenAndServe serves HTTP on "0\.0\.0\.0:80"`
	http.ListenAndServe("[::]:80", nil)    // want `serves HTTP on "\[::\]:80"`
	http.ListenAndServe(addr, mux)         // want `serves HTTP on ":8080"`

	srv := &http.Server{Addr: ":9000", Handler: mux}
	srv.ListenAndServe() // want `Server\.ListenAndServe serves HTTP on ":9000"`

	def := &http.Server{Handler: mux}
	def.ListenAndServe() // want `Server\.ListenAndServe serves HTTP on ":http"`

	l, err := net.Listen("tcp", "10.0.0.5:8080")
	if err != nil {
		return
	}
	http.Serve(l, mux) // want `http\.Serve serves HTTP on "10\.0\.0\.5:8080" in clear text; use ServeTLS`
	s2 := http.Server{Handler: mux}
	s2.Serve(l) // want `Server\.Serve serves HTTP on "10\.0\.0\.5:8080"`
}

type app struct {
	srv *http.Server
}

func newApp(mux *http.ServeMux) *app {
	return &app{srv: &http.Server{Addr: ":8081", Handler: mux}}
}

func (a *app) run() error {
	return a.srv.ListenAndServe() // want `Server\.ListenAndServe serves HTTP on ":8081"`
}

// A handler that does more than redirect is still a clear-text server.
func mixed(w http.ResponseWriter, r *http.Request) {
	w.Write([]byte("hello"))
}

func serveMixed() {
	http.ListenAndServe(":80", http.HandlerFunc(mixed))                                  // want `serves HTTP on ":80"`
	http.ListenAndServe(":80", http.RedirectHandler("http://acme.io", http.StatusFound)) // want `serves HTTP on ":80"`
}

func loopback(mux *http.ServeMux, ctx context.Context) {
	http.ListenAndServe("127.0.0.1:8080", mux)
	http.ListenAndServe("localhost:6060", nil)
	http.ListenAndServe("[::1]:8080", mux)
	srv := &http.Server{Addr: "127.0.0.1:9000", Handler: mux}
	srv.ListenAndServe()
	l, _ := net.Listen("tcp", "127.0.0.1:0")
	http.Serve(l, mux)
	var lc net.ListenConfig
	l2, _ := lc.Listen(ctx, "tcp", "localhost:0")
	http.Serve(l2, mux)
	u, _ := net.Listen("unix", "/run/app.sock")
	http.Serve(u, mux)
}

func secure(mux *http.ServeMux) {
	http.ListenAndServeTLS(":443", "cert.pem", "key.pem", mux)
	srv := &http.Server{Addr: ":443", Handler: mux}
	srv.ListenAndServeTLS("cert.pem", "key.pem")
}

// Run-time addresses are not judged.
func runtimeAddr(port string, mux *http.ServeMux, cfgAddr string) {
	http.ListenAndServe(":"+port, mux)
	http.ListenAndServe(cfgAddr, mux)
	srv := &http.Server{Addr: cfgAddr, Handler: mux}
	srv.ListenAndServe()
	other := &http.Server{Addr: ":8080", Handler: mux}
	other.Addr = cfgAddr
	other.ListenAndServe()
}

func param(srv *http.Server) {
	srv.ListenAndServe() // made elsewhere
}

// An address set after the literal is the one served on.
func addrAfter(mux *http.ServeMux, cfgAddr string) {
	srv := &http.Server{Handler: mux}
	srv.Addr = ":8080"
	srv.ListenAndServe() // want `Server.ListenAndServe serves HTTP on ":8080" in clear text`

	local := &http.Server{Addr: ":8080", Handler: mux}
	local.Addr = "127.0.0.1:8080"
	local.ListenAndServe()

	twice := &http.Server{Handler: mux}
	twice.Addr = ":8080"
	if cfgAddr != "" {
		twice.Addr = cfgAddr
	}
	twice.ListenAndServe()
}

// Servers that only send clients to https.
func redirectToHTTPS(w http.ResponseWriter, r *http.Request) {
	http.Redirect(w, r, "https://"+r.Host+r.URL.RequestURI(), http.StatusMovedPermanently)
}

type redirector struct{}

func (redirector) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	u := *r.URL
	u.Scheme = "https"
	u.Host = r.Host
	http.Redirect(w, r, u.String(), http.StatusPermanentRedirect)
}

func redirects(m *autocert.Manager) {
	http.ListenAndServe(":80", http.RedirectHandler("https://acme.io", http.StatusMovedPermanently))
	http.ListenAndServe(":80", http.HandlerFunc(redirectToHTTPS))
	http.ListenAndServe(":80", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		target := "https://" + r.Host + r.URL.Path
		http.Redirect(w, r, target, http.StatusFound)
	}))
	http.ListenAndServe(":80", redirector{})
	http.ListenAndServe(":80", m.HTTPHandler(nil))
	h := m.HTTPHandler(nil)
	srv := &http.Server{Addr: ":80", Handler: h}
	srv.ListenAndServe()
}

// A handler that redirects one path and serves the others.
func partial(w http.ResponseWriter, r *http.Request) {
	if r.URL.Path == "/login" {
		http.Redirect(w, r, "https://"+r.Host+"/login", http.StatusFound)
		return
	}
	w.Write([]byte("welcome"))
}

func servePartial(mux *http.ServeMux) {
	http.ListenAndServe(":80", http.HandlerFunc(partial))                                      // want `serves HTTP on ":80"`
	http.ListenAndServe(":80", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { // want `serves HTTP on ":80"`
		if r.Host == "acme.io" {
			http.Redirect(w, r, "https://acme.io"+r.URL.Path, http.StatusFound)
			return
		}
		mux.ServeHTTP(w, r)
	}))
}
