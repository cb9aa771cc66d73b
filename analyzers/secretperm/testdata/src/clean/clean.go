package clean

import (
	"crypto/x509"
	"encoding/json"
	"encoding/pem"
	"os"
	"path/filepath"
)

type Config struct{ Name string }

// Ordinary files at 0644.
func ordinary(dir string, cfg *Config) error {
	data, err := json.Marshal(cfg)
	if err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(dir, "config.json"), data, 0o644); err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(dir, "index.html"), []byte("<html>"), 0o644)
}

// Directories for non-secret data.
func dirs(dir string) error {
	return os.MkdirAll(filepath.Join(dir, "cache"), 0o755)
}

// Secrets written owner-only.
func ownerOnly(home string, pemBytes []byte, apiToken string) error {
	if err := os.WriteFile(filepath.Join(home, ".ssh", "id_rsa"), pemBytes, 0o600); err != nil {
		return err
	}
	f, err := os.OpenFile("token", os.O_WRONLY|os.O_CREATE, 0o600)
	if err != nil {
		return err
	}
	defer f.Close()
	_, err = f.WriteString(apiToken)
	return err
}

// Certificates and public keys are public.
func certificate(certFile string, der []byte) error {
	certPEM := pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der})
	if err := os.WriteFile(certFile, certPEM, 0o644); err != nil {
		return err
	}
	if err := os.WriteFile("ca.pem", certPEM, 0o644); err != nil {
		return err
	}
	return os.WriteFile("id_rsa.pub", []byte("ssh-rsa AAAA"), 0o644)
}

// A public key marshalled with x509.
func publicKey(pub any) error {
	der, err := x509.MarshalPKIXPublicKey(pub)
	if err != nil {
		return err
	}
	return os.WriteFile("public.der", der, 0o644)
}

// A mode computed at run time is not judged.
func computed(keyFile string, data []byte, mode os.FileMode) error {
	return os.WriteFile(keyFile, data, mode)
}

// Opening an existing key file without O_CREATE does not set its mode.
func appendOnly(keyFile string) (*os.File, error) {
	return os.OpenFile(keyFile, os.O_WRONLY|os.O_APPEND, 0o644)
}

// Creating an ordinary file.
func create(dir string) (*os.File, error) {
	return os.Create(filepath.Join(dir, "report.txt"))
}

// Counts and names are not secrets.
func names(tokenCount int, tokenType string) error {
	return os.WriteFile("stats.txt", []byte(tokenType), 0o644)
}

// Chmod of a non-secret file.
func chmod() error {
	return os.Chmod("run.sh", 0o755)
}

// A mode chosen at run time is not known.
func modeChosen(pemBytes []byte, shared bool) error {
	perm := os.FileMode(0o600)
	if shared {
		perm = 0o640
	}
	return os.WriteFile("b.key", pemBytes, perm)
}
