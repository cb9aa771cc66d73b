package a

import (
	"crypto/rsa"
	"crypto/x509"
	"encoding/json"
	"encoding/pem"
	"fmt"
	"io/ioutil"
	"os"
	"path/filepath"
)

type Creds struct {
	ClientSecret string
}

func sshKey(home string, pemBytes []byte) error {
	return os.WriteFile(filepath.Join(home, ".ssh", "id_rsa"), pemBytes, 0o644) // want `os.WriteFile gives the secret file filepath.Join\(home, ".ssh", "id_rsa"\) mode 0644`
}

func keyFileVar(keyFile string, data []byte) error {
	return os.WriteFile(keyFile, data, 0640) // want `os.WriteFile gives the secret file keyFile mode 0640`
}

func token(dir, apiToken string) error {
	return os.WriteFile(filepath.Join(dir, "state"), []byte(apiToken), 0o644) // want `gives the secret file filepath.Join\(dir, "state"\) mode 0644`
}

func privateKey(out string, key *rsa.PrivateKey) error {
	der := x509.MarshalPKCS1PrivateKey(key)
	block := pem.EncodeToMemory(&pem.Block{Type: "RSA PRIVATE KEY", Bytes: der})
	return ioutil.WriteFile(out, block, 0o644) // want `ioutil.WriteFile gives the secret file out mode 0644`
}

func creds(c *Creds) error {
	data, err := json.Marshal(c.ClientSecret)
	if err != nil {
		return err
	}
	return os.WriteFile("settings.json", data, 0o666) // want `gives the secret file "settings.json" mode 0666`
}

func openFile(dir string) (*os.File, error) {
	return os.OpenFile(filepath.Join(dir, "credentials.json"), os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o644) // want `os.OpenFile gives the secret file`
}

func chmod() error {
	return os.Chmod(".env", 0o644) // want `os.Chmod gives the secret file ".env" mode 0644`
}

func create(dir string) (*os.File, error) {
	return os.Create(filepath.Join(dir, "server.key")) // want `os.Create gives the secret file filepath.Join\(dir, "server.key"\) mode 0666`
}

func createWritten(out, password string) error {
	f, err := os.Create(out) // want `os.Create gives the secret file out mode 0666`
	if err != nil {
		return err
	}
	defer f.Close()
	_, err = fmt.Fprintf(f, "password=%s\n", password)
	return err
}

func fileChmod(tokenPath string) error {
	f, err := os.OpenFile(tokenPath, os.O_WRONLY|os.O_CREATE, 0o600)
	if err != nil {
		return err
	}
	defer f.Close()
	return f.Chmod(0o644) // want `File.Chmod gives the secret file tokenPath mode 0644`
}

// A mode held in a variable set once is as constant.
func modeInVar(pemBytes []byte) error {
	perm := os.FileMode(0o644)
	if err := os.WriteFile("a.key", pemBytes, perm); err != nil { // want `os.WriteFile gives the secret file "a.key" mode 0644`
		return err
	}
	var m os.FileMode = 0o644
	return os.WriteFile("d.key", pemBytes, m) // want `os.WriteFile gives the secret file "d.key" mode 0644`
}
