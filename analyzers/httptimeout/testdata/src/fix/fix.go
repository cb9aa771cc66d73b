package fix

import (
	"net/http"
)

func multiLine(h http.Handler) *http.Server {
	return &http.Server{ // want `http.Server has neither ReadHeaderTimeout nor ReadTimeout`
		Addr:    ":8080",
		Handler: h,
	}
}

func oneLine(h http.Handler) *http.Server {
	return &http.Server{Addr: ":8080", Handler: h} // want `http.Server has neither`
}

func empty() http.Server {
	return http.Server{} // want `http.Server has neither`
}
