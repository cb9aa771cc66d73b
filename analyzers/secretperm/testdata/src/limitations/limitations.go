package limitations

import "os"

type settings struct{ APIKey string }

func encode(s *settings) []byte { return []byte(s.APIKey) }

// A secret behind neutral names, produced by a helper.
func neutral(out string, s *settings) error {
	return os.WriteFile(out, encode(s), 0o644) // limitation: secret from a helper with a neutral name not recognised
}

// Directories are not checked, even a world-writable one for keys.
func keyDir() error {
	return os.MkdirAll("/etc/app/keys", 0o777) // limitation: directories not checked
}
