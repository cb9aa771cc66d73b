package fix

import (
	"bytes"
	"net/http"
)

func header(r *http.Request, apiKey string) bool {
	return r.Header.Get("X-Api-Key") == apiKey // want `secret r.Header.Get\("X-Api-Key"\) compared with ==`
}

func notEqual(password, stored string) bool {
	if password != stored { // want `secret password compared with !=`
		return false
	}
	return true
}

func mac(signature, computed []byte) bool {
	return bytes.Equal(signature, computed) // want `secret signature compared with bytes.Equal`
}
