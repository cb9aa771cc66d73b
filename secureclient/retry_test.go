package secureclient

import (
	"net/http"
	"testing"
	"time"
)

func TestBackoff(t *testing.T) {
	base, maxDelay := 100*time.Millisecond, time.Second
	for attempt := range 70 {
		want := maxDelay
		if attempt < 4 {
			want = base << attempt
		}
		for range 50 {
			if d := backoff(attempt, base, maxDelay); d < want/2 || d > want {
				t.Fatalf("backoff(%d) = %v, want within [%v, %v]", attempt, d, want/2, want)
			}
		}
	}
}

func TestParseRetryAfter(t *testing.T) {
	now := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	tests := []struct {
		in   string
		want time.Duration
	}{
		{"", 0},
		{"0", 0},
		{"-5", 0},
		{"7", 7 * time.Second},
		{" 7 ", 7 * time.Second},
		{"99999999999999", 24 * time.Hour},
		{now.Add(90 * time.Second).Format(http.TimeFormat), 90 * time.Second},
		{now.Add(-time.Minute).Format(http.TimeFormat), 0},
		{"soon", 0},
	}
	for _, tt := range tests {
		if got := parseRetryAfter(tt.in, now); got != tt.want {
			t.Errorf("parseRetryAfter(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

func TestIdempotent(t *testing.T) {
	for _, m := range []string{"GET", "HEAD", "OPTIONS", "TRACE", "PUT", "DELETE"} {
		if !idempotent(m) {
			t.Errorf("idempotent(%s) = false", m)
		}
	}
	for _, m := range []string{"POST", "PATCH", "CONNECT", "get"} {
		if idempotent(m) {
			t.Errorf("idempotent(%s) = true", m)
		}
	}
}

func TestSanitizeRequestID(t *testing.T) {
	tests := map[string]string{
		"abc-123_X.y:z":                         "abc-123_X.y:z",
		"id\r\nfake=entry":                      "",
		"\x1b[31mred":                           "",
		"":                                      "",
		string(make([]byte, maxRequestIDLen+1)): "",
	}
	for in, want := range tests {
		if got := sanitizeRequestID(in); got != want {
			t.Errorf("sanitizeRequestID(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestAPIErrorMessage(t *testing.T) {
	e := &APIError{Method: "GET", Path: "/v1/items", StatusCode: 503, RequestID: "r1"}
	want := "secureclient: GET /v1/items: status 503 service unavailable (request id r1)"
	if e.Error() != want {
		t.Errorf("Error() = %q, want %q", e.Error(), want)
	}
}
