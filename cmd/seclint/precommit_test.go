package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestPreCommit installs the hooks of .pre-commit-hooks.yaml with the real
// pre-commit framework into a new repository and commits to it: a commit
// that adds a violation is blocked, a clean one passes even when an
// untracked file of the same package has a violation. The hooks are built
// from this repository's HEAD commit, as pre-commit does for users.
func TestPreCommit(t *testing.T) {
	if _, err := exec.LookPath("pre-commit"); err != nil {
		t.Skip("pre-commit is not installed (.ci/run installs it)")
	}
	if testing.Short() {
		t.Skip("builds the hook environment; skipped with -short")
	}
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	head := strings.TrimSpace(git(t, root, "rev-parse", "HEAD"))
	modcache, err := exec.Command("go", "env", "GOMODCACHE").Output()
	if err != nil {
		t.Fatal(err)
	}

	dir := writeModule(t, map[string]string{
		"clean.go":      "package m\n\nfunc Clean() int { return 1 }\n",
		"untracked.go":  insecureFile,
		"settings.yaml": "port: 8443\napi_key: ${API_KEY}\n",
		".pre-commit-config.yaml": "repos:\n  - repo: " + root + "\n    rev: " + head +
			"\n    hooks:\n      - id: seclint\n      - id: seclint-secrets\n",
	})
	git(t, dir, "init", "-q")
	env := []string{
		"PRE_COMMIT_HOME=" + filepath.Join(t.TempDir(), "pre-commit"),
		"GOMODCACHE=" + strings.TrimSpace(string(modcache)), // reuse the modules already downloaded
	}
	hook := exec.Command("pre-commit", "install")
	hook.Dir, hook.Env = dir, append(os.Environ(), env...)
	if out, err := hook.CombinedOutput(); err != nil {
		t.Fatalf("pre-commit install: %v\n%s", err, out)
	}

	commit := func(files ...string) (string, error) {
		git(t, dir, append([]string{"add"}, files...)...)
		cmd := exec.Command("git", "commit", "-q", "-m", "change")
		cmd.Dir, cmd.Env = dir, append(os.Environ(), append(env, gitIdentity...)...)
		out, err := cmd.CombinedOutput()
		return string(out), err
	}
	if out, err := commit("go.mod", "clean.go", "settings.yaml", ".pre-commit-config.yaml"); err != nil {
		t.Fatalf("clean commit blocked:\n%s", out)
	}
	if err := os.WriteFile(filepath.Join(dir, "bad.go"), []byte(strings.Replace(insecureFile, "Config()", "Bad()", 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := commit("bad.go")
	if err == nil || !strings.Contains(out, "bad.go:6") || !strings.Contains(out, "insecuretls") {
		t.Errorf("commit with a violation was not blocked with the finding (err %v):\n%s", err, out)
	}
	git(t, dir, "rm", "-q", "--cached", "bad.go")

	// A key in a config file is blocked by seclint-secrets, redacted.
	const token = "ghp_Tr7kW2qLm9Xp4RzN8vB3cD6fG1hJ5kL0mN9q"
	if err := os.WriteFile(filepath.Join(dir, "deploy.yaml"), []byte("github:\n  token: "+token+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out, err = commit("deploy.yaml")
	if err == nil || !strings.Contains(out, "deploy.yaml:2:10") || !strings.Contains(out, "github-pat") {
		t.Errorf("commit with a key in a config file was not blocked (err %v):\n%s", err, out)
	}
	if strings.Contains(out, token) {
		t.Errorf("the hook printed the key in clear:\n%s", out)
	}
}

var gitIdentity = []string{
	"GIT_AUTHOR_NAME=seclint", "GIT_AUTHOR_EMAIL=test@localhost",
	"GIT_COMMITTER_NAME=seclint", "GIT_COMMITTER_EMAIL=test@localhost",
}

func git(t *testing.T, dir string, args ...string) string {
	t.Helper()
	cmd := exec.Command("git", args...)
	cmd.Dir, cmd.Env = dir, append(os.Environ(), gitIdentity...)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("git %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return string(out)
}
