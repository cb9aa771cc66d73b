package secureclient

import (
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
)

// redacted is what every rendering of a Secret prints instead of its value.
const redacted = "[REDACTED]"

// Secret is a string that must not be printed, logged or serialized.
//
// Every formatting path redacts: String, GoString, fmt verbs (through
// Format), slog (through LogValue), and JSON or text encoding. A Secret
// still decodes from JSON as a plain string, so a key can be read from a
// configuration file. The only way to read the value is Reveal, which keeps
// the places that need the clear text easy to find and review.
type Secret string

// Reveal returns the secret in clear. Call it only where the value is
// handed to its consumer, such as an Authorization header.
func (s Secret) Reveal() string { return string(s) }

// IsZero reports whether the secret is empty.
func (s Secret) IsZero() bool { return s == "" }

// String returns a fixed placeholder, never the secret.
func (s Secret) String() string { return redacted }

// GoString returns a fixed placeholder for the %#v verb.
func (s Secret) GoString() string { return `secureclient.Secret("` + redacted + `")` }

// Format implements fmt.Formatter so that every verb, width and flag
// prints the placeholder; without it %x or %q would still reach the
// underlying string.
func (s Secret) Format(f fmt.State, verb rune) {
	if verb == 'v' && f.Flag('#') {
		_, _ = io.WriteString(f, s.GoString())
		return
	}
	_, _ = fmt.Fprintf(f, fmt.FormatString(f, verb), redacted)
}

// LogValue implements slog.LogValuer so that structured logs carry the
// placeholder.
func (s Secret) LogValue() slog.Value { return slog.StringValue(redacted) }

// MarshalJSON encodes the placeholder, never the secret.
func (s Secret) MarshalJSON() ([]byte, error) { return json.Marshal(redacted) }

// MarshalText encodes the placeholder for encoders that use
// encoding.TextMarshaler, such as encoding/xml and most YAML and TOML
// packages.
func (s Secret) MarshalText() ([]byte, error) { return []byte(redacted), nil }
