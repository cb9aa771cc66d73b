// Package httpleak covers internal detail and secrets sent to HTTP clients.
package httpleak

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log"
	"net/http"
	"runtime"
	"runtime/debug"
)

func load() (string, error) { return "", errors.New("db: connection refused") }

func serverError(w http.ResponseWriter, r *http.Request) {
	if _, err := load(); err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError) // want `error detail reaches an HTTP response \(net/http.Error\) with status 500 through serverError; send the client a generic message and log the detail`
	}
}

func unknownStatus(w http.ResponseWriter, code int) {
	if _, err := load(); err != nil {
		http.Error(w, "failed: "+err.Error(), code) // want `error detail reaches an HTTP response`
	}
}

func formatted(w http.ResponseWriter, r *http.Request) {
	_, err := load()
	fmt.Fprintf(w, "error: %v", err) // want `error detail reaches an HTTP response \(fmt.Fprintf\) through formatted`
}

func encoded(w http.ResponseWriter, r *http.Request) {
	_, err := load()
	w.WriteHeader(http.StatusBadGateway)
	json.NewEncoder(w).Encode(map[string]string{"error": err.Error()}) // want `error detail reaches an HTTP response \(\(\*encoding/json.Encoder\).Encode\) with status 502`
}

// Must not flag: a 4xx validation error, and a generic message with the
// detail logged.
func badRequest(w http.ResponseWriter, r *http.Request) {
	if _, err := load(); err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
	}
}

func badRequestBody(w http.ResponseWriter, r *http.Request) {
	_, err := load()
	w.WriteHeader(http.StatusUnprocessableEntity)
	fmt.Fprintf(w, "invalid input: %v", err)
}

func generic(w http.ResponseWriter, r *http.Request) {
	if _, err := load(); err != nil {
		log.Printf("load: %v", err)
		http.Error(w, "internal error", http.StatusInternalServerError)
	}
}

func sentinel(w http.ResponseWriter, r *http.Request) {
	http.Error(w, errNotFound.Error(), http.StatusNotFound)
}

var errNotFound = errors.New("not found")

// Stack traces and panic values never belong in a response.
func stacks(w http.ResponseWriter, r *http.Request) {
	w.Write(debug.Stack()) // want `stack trace from debug.Stack reaches an HTTP response \(ResponseWriter.Write\)`
	buf := make([]byte, 1<<16)
	n := runtime.Stack(buf, false)
	w.Write(buf[:n]) // want `stack trace from runtime.Stack reaches an HTTP response`
}

func recovering(w http.ResponseWriter, r *http.Request) {
	defer func() {
		if v := recover(); v != nil {
			io.WriteString(w, fmt.Sprint("panic: ", v)) // want `panic value from recover reaches an HTTP response \(io.WriteString\)`
		}
	}()
}

// A helper that takes the status: the caller's constant decides.
func writeError(w http.ResponseWriter, status int, msg string) { // want writeError:"param 2 reaches an HTTP response"
	w.WriteHeader(status)
	io.WriteString(w, msg)
}

func viaHelper(w http.ResponseWriter, r *http.Request) {
	_, err := load()
	writeError(w, http.StatusBadRequest, err.Error())
	writeError(w, http.StatusInternalServerError, err.Error()) // want `error detail reaches an HTTP response \(io.WriteString\) with status 500 through viaHelper -> writeError`
}

// Secrets in responses: passwords are flagged, issued tokens are not.
type User struct {
	Name     string
	Password string
}

type SafeUser struct {
	Name     string
	Password string `json:"-"`
	hash     string
}

type TokenResponse struct {
	AccessToken string `json:"access_token"`
}

func users(w http.ResponseWriter, r *http.Request, u User, su SafeUser, tr TokenResponse) {
	json.NewEncoder(w).Encode(u) // want `User value with secret field Password reaches an HTTP response \(\(\*encoding/json.Encoder\).Encode\) through users; tag the field json:"-" or encode selected fields`
	json.NewEncoder(w).Encode(su)
	json.NewEncoder(w).Encode(tr)
	fmt.Fprintf(w, "hello %s, your password is %s", u.Name, u.Password) // want `password from field User.Password reaches an HTTP response \(fmt.Fprintf\)`
	pw := r.Header.Get("Authorization")
	w.Write([]byte(pw)) // want `authorization header from request header Authorization reaches an HTTP response`
}

// Must not flag: each branch writes its own status first; the 4xx one
// tells the client what was wrong with its request.
func branches(w http.ResponseWriter, r *http.Request) error {
	enc := json.NewEncoder(w)
	switch r.Method {
	case http.MethodPut:
		if _, err := load(); err != nil {
			w.WriteHeader(http.StatusBadRequest)
			return enc.Encode(map[string]string{"error": err.Error()})
		}
		return nil
	case http.MethodDelete:
		if _, err := load(); err != nil {
			w.WriteHeader(http.StatusInternalServerError)
			return enc.Encode(map[string]string{"error": err.Error()}) // want `error detail reaches an HTTP response \(\(\*encoding/json.Encoder\).Encode\) with status 500`
		}
		return nil
	}
	w.WriteHeader(http.StatusMethodNotAllowed)
	return enc.Encode(map[string]string{"error": "only PUT and DELETE"})
}

// failedWrite answers a failed write to the client with that error: it
// says the connection broke and holds nothing internal.
func failedWrite(w http.ResponseWriter, body []byte) { // want failedWrite:"param 1 reaches an HTTP response"
	if _, err := w.Write(body); err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
	}
	if _, err := io.WriteString(w, "done"); err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
	}
	if _, err := load(); err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError) // want `error detail reaches an HTTP response`
	}
}

type server struct {
	Debug bool
	cfg   interface{ ExposeErrors() bool }
}

// debugDetail sends error detail only when the operator turned debugging
// on; the same write outside the opt-in is reported.
func (srv *server) debugDetail(w http.ResponseWriter, r *http.Request) {
	_, err := load()
	if err == nil {
		return
	}
	if srv.Debug {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	if srv.cfg.ExposeErrors() {
		http.Error(w, "internal: "+err.Error(), http.StatusInternalServerError)
		return
	}
	http.Error(w, err.Error(), http.StatusInternalServerError) // want `error detail reaches an HTTP response`
}

// Must not flag: the errors of reading the request describe what the
// client sent.
func upload(w http.ResponseWriter, r *http.Request) {
	if err := r.ParseMultipartForm(1 << 20); err != nil {
		http.Error(w, "bad form: "+err.Error(), http.StatusInternalServerError)
		return
	}
	f, _, err := r.FormFile("doc")
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	defer f.Close()
	if _, err := load(); err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError) // want `error detail reaches an HTTP response`
	}
}
