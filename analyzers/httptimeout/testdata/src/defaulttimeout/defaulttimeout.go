// Package defaulttimeout gives http.DefaultClient a timeout in init, so
// its uses, and those of http.Get and the like, are bounded.
package defaulttimeout

import (
	"net/http"
	"time"
)

func init() { http.DefaultClient.Timeout = 15 * time.Second }

func fetch(u string) error {
	resp, err := http.DefaultClient.Get(u)
	if err != nil {
		return err
	}
	resp.Body.Close()
	resp, err = http.Get(u)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}
