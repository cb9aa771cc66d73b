package fiximport

import "net/http"

func serve(h http.Handler) error {
	srv := &http.Server{Handler: h} // want `http.Server has neither`
	return srv.ListenAndServe()
}
