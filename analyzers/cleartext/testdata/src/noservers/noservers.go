package noservers

import "net/http"

// With -servers=false the server half is off; clients are still checked.
func run(mux *http.ServeMux) {
	http.ListenAndServe(":8080", mux)
	http.Get("http://api.acme.io/v1") // want `http\.Get sends`
}
