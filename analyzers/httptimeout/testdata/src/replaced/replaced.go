// Package replaced swaps http.DefaultClient for one with a timeout.
package replaced

import (
	"net/http"
	"time"
)

func setup() { http.DefaultClient = &http.Client{Timeout: time.Minute} }

func fetch(u string) (*http.Response, error) { return http.DefaultClient.Get(u) }
