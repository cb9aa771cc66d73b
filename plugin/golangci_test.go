package plugin

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// golangciVersion is the golangci-lint release the plugin is built into.
const golangciVersion = "v2.15.0"

// TestGolangciLintCustom builds golangci-lint with the plugin, as users do
// with `golangci-lint custom`, and lints a fixture module with it. The
// build takes minutes, so the binary is cached by a hash of this module's
// sources; -short skips the test.
func TestGolangciLintCustom(t *testing.T) {
	if testing.Short() {
		t.Skip("builds golangci-lint; skipped with -short")
	}
	bin := customBinary(t)

	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"go.mod": "module example.com/gcl\n\ngo 1.26\n",
		".golangci.yml": `version: "2"
linters:
  default: none
  enable: [seclint]
  settings:
    custom:
      seclint:
        type: module
        settings:
          enable: [insecuretls]
`,
		"tls.go": `package gcl

import "crypto/tls"

func Reported() *tls.Config {
	return &tls.Config{InsecureSkipVerify: true}
}

func Nolint() *tls.Config {
	return &tls.Config{InsecureSkipVerify: true} //nolint:seclint // a test double
}

func Ignored() *tls.Config {
	//seclint:ignore insecuretls the peer is a test double
	return &tls.Config{InsecureSkipVerify: true}
}
`,
	})
	// Another golangci-lint on the machine (an editor's, a second test
	// run) would otherwise make this one refuse to start.
	cmd := exec.Command(bin, "run", "--allow-parallel-runners", "--output.text.path=stdout", "./...")
	cmd.Dir = dir
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	err := cmd.Run()
	if err == nil {
		t.Fatalf("golangci-lint found nothing:\n%s", out.String())
	}
	text := out.String()
	if !strings.Contains(text, "tls.go:6:") || !strings.Contains(text, "(seclint)") {
		t.Errorf("the finding in Reported is missing:\n%s", text)
	}
	// The message names the rule that a //seclint:ignore would name.
	if !strings.Contains(text, ": insecuretls: ") || strings.Contains(text, "insecuretls: insecuretls:") {
		t.Errorf("the finding does not name its rule once:\n%s", text)
	}
	for _, line := range []string{"tls.go:10:", "tls.go:15:"} {
		if strings.Contains(text, line) {
			t.Errorf("suppressed finding at %s reported:\n%s", line, text)
		}
	}
}

// customBinary returns a golangci-lint built with the plugin, from the
// cache when this module's sources have not changed.
func customBinary(t *testing.T) string {
	t.Helper()
	root, err := filepath.Abs("..")
	if err != nil {
		t.Fatal(err)
	}
	cache, err := os.UserCacheDir()
	if err != nil {
		t.Fatal(err)
	}
	cache = filepath.Join(cache, "seclint-test", "golangci-lint-"+golangciVersion)
	bin := filepath.Join(cache, "custom-"+sourceHash(t, root), "golangci-lint-seclint")
	if _, err := os.Stat(bin); err == nil {
		return bin
	}

	gobin := filepath.Join(cache, "bin")
	run(t, root, []string{"GOBIN=" + gobin}, "go", "install",
		"github.com/golangci/golangci-lint/v2/cmd/golangci-lint@"+golangciVersion)
	mirror := localMirror(t, cache)

	work := t.TempDir()
	writeFiles(t, work, map[string]string{".custom-gcl.yml": "version: " + golangciVersion + `
name: golangci-lint-seclint
destination: ` + filepath.Dir(bin) + `
plugins:
  - module: github.com/scaile/seclint
    import: github.com/scaile/seclint/plugin
    path: ` + root + "\n"})
	// golangci-lint custom clones golangci-lint's repository; point the
	// clone at the local mirror, so the build needs only the module proxy.
	env := []string{
		"GIT_CONFIG_COUNT=1",
		"GIT_CONFIG_KEY_0=url.file://" + mirror + ".insteadOf",
		"GIT_CONFIG_VALUE_0=https://github.com/golangci/golangci-lint.git",
	}
	run(t, work, env, filepath.Join(gobin, "golangci-lint"), "custom", "-v")
	return bin
}

// localMirror makes a git repository, tagged like the release, from the
// golangci-lint module that the module proxy serves.
func localMirror(t *testing.T, cache string) string {
	t.Helper()
	mirror := filepath.Join(cache, "mirror")
	if _, err := os.Stat(filepath.Join(mirror, ".git")); err == nil {
		return mirror
	}
	out := run(t, cache, nil, "go", "mod", "download", "-json", "github.com/golangci/golangci-lint/v2@"+golangciVersion)
	var dir string
	for _, line := range strings.Split(out, "\n") {
		if v, ok := strings.CutPrefix(strings.TrimSpace(line), `"Dir": "`); ok {
			dir = strings.TrimSuffix(v, `",`)
		}
	}
	if dir == "" {
		t.Fatalf("no module directory in:\n%s", out)
	}
	tmp := mirror + ".tmp"
	os.RemoveAll(tmp)
	run(t, cache, nil, "cp", "-r", dir, tmp)
	run(t, cache, nil, "chmod", "-R", "u+w", tmp)
	git := []string{"GIT_AUTHOR_NAME=seclint", "GIT_AUTHOR_EMAIL=test@localhost",
		"GIT_COMMITTER_NAME=seclint", "GIT_COMMITTER_EMAIL=test@localhost"}
	run(t, tmp, git, "git", "init", "-q")
	run(t, tmp, git, "git", "add", "-A")
	run(t, tmp, git, "git", "commit", "-q", "-m", "golangci-lint "+golangciVersion)
	run(t, tmp, git, "git", "tag", golangciVersion)
	if err := os.Rename(tmp, mirror); err != nil {
		t.Fatal(err)
	}
	return mirror
}

// sourceHash hashes what goes into the plugin: go.mod, go.sum and every
// non-test Go file outside testdata.
func sourceHash(t *testing.T, root string) string {
	t.Helper()
	h := sha256.New()
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		name := d.Name()
		if d.IsDir() && (name == "testdata" || name == ".git" || name == "bin") {
			return filepath.SkipDir
		}
		keep := name == "go.mod" || name == "go.sum" ||
			strings.HasSuffix(name, ".go") && !strings.HasSuffix(name, "_test.go")
		if d.IsDir() || !keep {
			return nil
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, path)
		h.Write([]byte(rel + "\x00"))
		h.Write(data)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return hex.EncodeToString(h.Sum(nil))[:16]
}

func run(t *testing.T, dir string, env []string, name string, args ...string) string {
	t.Helper()
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), env...)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("%s %s: %v\n%s", name, strings.Join(args, " "), err, out)
	}
	return string(out)
}

func writeFiles(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, content := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
