package fix

import (
	"os"
	"path/filepath"
)

func write(home string, pemBytes []byte) error {
	return os.WriteFile(filepath.Join(home, ".ssh", "id_ed25519"), pemBytes, 0o644) // want `os.WriteFile gives the secret file`
}

func script(secretFile string) error {
	return os.Chmod(secretFile, 0755) // want `os.Chmod gives the secret file secretFile mode 0755`
}

func create(dir string) (*os.File, error) {
	return os.Create(filepath.Join(dir, "token.json")) // want `os.Create gives the secret file`
}
