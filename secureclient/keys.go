package secureclient

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"sync"
)

// maxKeyFileSize bounds how much of a key file is read.
const maxKeyFileSize = 64 << 10

// KeySource supplies the current API key. The client calls Key before
// every request, so an implementation that returns a new key after a
// rotation takes effect without a restart. Key must be safe for
// concurrent use and should return quickly; cache if reading is slow.
type KeySource interface {
	Key(ctx context.Context) (Secret, error)
}

// Reloader is implemented by key sources that cache the key. After a 401
// response the client calls Reload to bypass the cache once.
type Reloader interface {
	Reload(ctx context.Context) (Secret, error)
}

// StaticKey returns a KeySource that always returns key.
func StaticKey(key Secret) KeySource { return staticKey{key} }

type staticKey struct{ key Secret }

func (s staticKey) Key(context.Context) (Secret, error) {
	if s.key.IsZero() {
		return "", ErrNoKey
	}
	return s.key, nil
}

func (staticKey) String() string { return "static key" }

// EnvKey returns a KeySource that reads the named environment variable on
// every call and fails when it is unset or empty.
func EnvKey(name string) KeySource { return envKey{name} }

type envKey struct{ name string }

func (e envKey) Key(context.Context) (Secret, error) {
	v := os.Getenv(e.name)
	if v == "" {
		return "", fmt.Errorf("%w: environment variable %s is unset or empty", ErrNoKey, e.name)
	}
	return Secret(v), nil
}

func (e envKey) String() string { return "environment variable " + e.name }

// FileKey is a KeySource that reads the key from a file, such as a
// mounted Kubernetes or Docker secret. It caches the key and re-reads the
// file when its size, modification time or mode changes. Leading and
// trailing white space is trimmed.
//
// The file must not be readable by group or others (mode 0600 or 0400);
// otherwise Key fails with ErrInsecureKeyFile, on every call, so that a
// later chmod is noticed too. The check is skipped on Windows, where
// permission bits do not describe access. Rotate the key by writing a new
// file and renaming it over the old one, so that a reader never sees a
// partly written key.
type FileKey struct {
	path string

	mu   sync.Mutex
	key  Secret
	info os.FileInfo // of the file the key was read from
}

// NewFileKey returns a FileKey reading path. The file is first read by
// the first call to Key.
func NewFileKey(path string) *FileKey {
	return &FileKey{path: filepath.Clean(path)}
}

// String names the source for audit logs.
func (f *FileKey) String() string { return "key file " + f.path }

// Key returns the cached key, re-reading the file if it changed.
func (f *FileKey) Key(ctx context.Context) (Secret, error) {
	info, err := os.Stat(f.path)
	if err != nil {
		return "", fmt.Errorf("secureclient: key file: %w", err)
	}
	if err := checkKeyFileMode(f.path, info.Mode()); err != nil {
		return "", err
	}

	f.mu.Lock()
	defer f.mu.Unlock()
	if !f.key.IsZero() && sameVersion(f.info, info) {
		return f.key, nil // unchanged
	}
	return f.readLocked()
}

// Reload re-reads the file even if it looks unchanged, for file systems
// whose modification times are too coarse to show a quick rewrite.
func (f *FileKey) Reload(ctx context.Context) (Secret, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.readLocked()
}

// readLocked reads and caches the key. The mode is checked again on the
// open file, so a file swapped in after the Stat in Key is checked too.
func (f *FileKey) readLocked() (Secret, error) {
	file, err := os.Open(f.path)
	if err != nil {
		return "", fmt.Errorf("secureclient: key file: %w", err)
	}
	defer file.Close()

	info, err := file.Stat()
	if err != nil {
		return "", fmt.Errorf("secureclient: key file: %w", err)
	}
	if err := checkKeyFileMode(f.path, info.Mode()); err != nil {
		return "", err
	}
	data, err := io.ReadAll(io.LimitReader(file, maxKeyFileSize+1))
	if err != nil {
		return "", fmt.Errorf("secureclient: key file: %w", err)
	}
	if len(data) > maxKeyFileSize {
		return "", fmt.Errorf("secureclient: key file %s is larger than %d bytes", f.path, maxKeyFileSize)
	}
	key := Secret(bytes.TrimSpace(data))
	if key.IsZero() {
		return "", fmt.Errorf("%w: key file %s is empty", ErrNoKey, f.path)
	}

	f.key, f.info = key, info
	return key, nil
}

// checkKeyFileMode refuses anything but a regular file private to its
// owner.
func checkKeyFileMode(path string, mode os.FileMode) error {
	if !mode.IsRegular() {
		return fmt.Errorf("secureclient: key file %s is not a regular file", path)
	}
	if runtime.GOOS != "windows" && mode.Perm()&0o077 != 0 {
		return fmt.Errorf("%w: %s has mode %#o, want 0600 or 0400", ErrInsecureKeyFile, path, mode.Perm())
	}
	return nil
}

// sameVersion reports whether two stats show the same version of the key
// file. A file swapped in by rename, the way secret managers rotate keys,
// is a new file even when its size and time match the old one's; a file
// rewritten in place is known by its size, time and mode.
func sameVersion(old, cur os.FileInfo) bool {
	return old != nil && os.SameFile(old, cur) && old.Size() == cur.Size() &&
		old.ModTime().Equal(cur.ModTime()) && old.Mode() == cur.Mode()
}
