package secureclient

import (
	"bytes"
	"encoding/json"
	"fmt"
	"log/slog"
	"strings"
	"testing"
)

func TestSecretRedacts(t *testing.T) {
	key := randomSecret(t)
	holder := struct {
		Name string
		Key  Secret
	}{"svc", key}

	var outputs []string
	for _, format := range []string{"%s", "%v", "%+v", "%#v", "%q", "%x", "%X", "%10s", "%d", "%T"} {
		outputs = append(outputs, fmt.Sprintf(format, key), fmt.Sprintf(format, holder))
		outputs = append(outputs, fmt.Sprintf(format, &holder))
	}
	outputs = append(outputs, fmt.Sprint(key), fmt.Sprintln(key), key.String(), key.GoString())

	data, err := json.Marshal(holder)
	if err != nil {
		t.Fatal(err)
	}
	outputs = append(outputs, string(data))
	text, err := key.MarshalText()
	if err != nil {
		t.Fatal(err)
	}
	outputs = append(outputs, string(text))

	var logs bytes.Buffer
	for _, h := range []slog.Handler{slog.NewJSONHandler(&logs, nil), slog.NewTextHandler(&logs, nil)} {
		slog.New(h).Info("event", "key", key, "holder", holder, slog.Any("any", key))
	}
	outputs = append(outputs, logs.String())

	for _, out := range outputs {
		assertNoSecret(t, "output", out, key.Reveal())
	}
	if !strings.Contains(string(data), redacted) || !strings.Contains(logs.String(), redacted) {
		t.Errorf("placeholder missing: %s / %s", data, logs.String())
	}
}

func TestSecretDecodesFromJSON(t *testing.T) {
	key := randomSecret(t)
	var cfg struct{ Key Secret }
	if err := json.Unmarshal([]byte(`{"Key":"`+key.Reveal()+`"}`), &cfg); err != nil {
		t.Fatal(err)
	}
	if cfg.Key != key {
		t.Error("Secret did not decode from a JSON string")
	}
}
