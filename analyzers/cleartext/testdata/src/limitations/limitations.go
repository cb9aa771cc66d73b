package limitations

import (
	"flag"
	"net/http"
	"os"

	"github.com/gin-gonic/gin"
	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
)

var endpoint = flag.String("endpoint", "http://api.acme.io", "API endpoint")

// Values from flags, configuration or the environment are not judged,
// even when their default is clear text.
func configured() {
	http.Get(*endpoint) // limitation: a flag default is not followed
	http.Get(os.Getenv("API_URL"))
}

// Parameters are not followed into callers.
func fetch(u string) {
	http.Get(u) // limitation: the constant is in the caller
}

func caller() {
	fetch("http://api.acme.io/v1")
}

// A URL kept in a struct that is not client-like and whose field is set
// more than once is not followed.
type job struct{ target string }

func jobs() {
	a := job{target: "http://a.acme.io"}
	b := job{target: "http://b.acme.io"}
	http.Get(a.target) // limitation: job.target has two definitions
	http.Get(b.target) // limitation: job.target has two definitions
}

// Web frameworks start their own servers.
func framework(r *gin.Engine) {
	r.Run(":8080") // limitation: gin, echo and fiber servers are not checked
}

// Options appended to a slice are not followed, even unconditionally.
func appended() {
	var opts []grpc.DialOption
	opts = append(opts, grpc.WithTransportCredentials(insecure.NewCredentials()))
	grpc.NewClient("orders.acme.io:443", opts...) // limitation: appended options are not seen
}

// A server started in a helper from a parameter is not checked.
func serve(addr string, h http.Handler) error {
	return http.ListenAndServe(addr, h) // limitation: address comes from the caller
}

func start() { serve(":8080", nil) }

// A handler that writes its response through a helper that does not
// take the ResponseWriter is not seen to serve pages.
var page []byte

func render() []byte { return page }

func partial(w http.ResponseWriter, r *http.Request) {
	if r.URL.Path != "/login" {
		http.Redirect(w, r, "https://"+r.Host+r.URL.Path, http.StatusFound)
		return
	}
	w.Header().Set("Content-Type", "text/html")
	defer respond(render())
}

func respond(b []byte) {}

func servePartial() {
	http.ListenAndServe(":80", http.HandlerFunc(partial)) // limitation: the page is not written through w
}
