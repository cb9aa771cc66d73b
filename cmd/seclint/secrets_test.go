package main

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// secretCases are the hardcodedsecret test packages whose flagged lines
// hold real-looking secrets.
var secretCases = []string{"providers", "names", "urls"}

// secretRun matches a run of characters that a secret is made of.
var secretRun = regexp.MustCompile(`[A-Za-z0-9_+=!#$%^&*~-]{12,}`)

// flaggedSecrets copies every secret case into files and returns the
// secret-looking runs on its flagged lines: each run is twelve or more
// characters and mixes letters and digits, which the identifiers and
// words around them do not.
func flaggedSecrets(t *testing.T, files map[string]string) []string {
	t.Helper()
	var secrets []string
	seen := make(map[string]bool)
	for _, c := range secretCases {
		dir := filepath.Join("..", "..", "analyzers", "hardcodedsecret", "testdata", "src", c)
		names, err := filepath.Glob(filepath.Join(dir, "*.go"))
		sub, _ := filepath.Glob(filepath.Join(dir, "*", "*.go"))
		names = append(names, sub...)
		if err != nil || len(names) == 0 {
			t.Fatalf("no test files in %s: %v", dir, err)
		}
		for _, name := range names {
			data, err := os.ReadFile(name)
			if err != nil {
				t.Fatal(err)
			}
			// Test packages import each other by bare path; here they
			// live in module example.com/m.
			text := strings.ReplaceAll(string(data), `"providers/`, `"example.com/m/providers/`)
			rel, _ := filepath.Rel(dir, name)
			files[filepath.Join(c, rel)] = text
			for _, line := range strings.Split(string(data), "\n") {
				src, _, flagged := strings.Cut(line, "// want")
				if !flagged {
					continue
				}
				for _, run := range secretRun.FindAllString(src, -1) {
					if !seen[run] && strings.ContainsAny(run, "0123456789") &&
						strings.IndexFunc(run, isLetter) >= 0 {
						seen[run] = true
						secrets = append(secrets, run)
					}
				}
			}
		}
	}
	if len(secrets) < 50 {
		t.Fatalf("found only %d secrets in the test cases; the extraction is broken", len(secrets))
	}
	return secrets
}

func isLetter(r rune) bool { return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' }

// brokenSecret is a file that does not parse; the parser's error quotes
// the literal it stopped at, a token.
const brokenSecret = `package broken

var token = 1 "ghp_Tr7kW2qLm9Xp4RzN8vB3cD6fG1hJ5kL0mN9q"
`

// TestNoSecretInOutput runs seclint over every true-positive secret case
// and checks that no output format, no baseline and no error message
// holds one of the secrets in clear.
func TestNoSecretInOutput(t *testing.T) {
	files := map[string]string{"broken/broken.go": brokenSecret}
	secrets := flaggedSecrets(t, files)
	secrets = append(secrets, "ghp_Tr7kW2qLm9Xp4RzN8vB3cD6fG1hJ5kL0mN9q")
	dir := writeModule(t, files)

	runs := [][]string{
		{"./..."},
		{"-json", "./..."},
		{"-format=json", "./..."},
		{"-format=sarif", "./..."},
		{"-write-baseline=base.json", "./..."},
		{"files", filepath.Join("providers", "calls.go"), filepath.Join("broken", "broken.go")},
	}
	for _, args := range runs {
		stdout, stderr, code := runIn(t, dir, seclintBin, args...)
		if code != exitFailure {
			t.Errorf("seclint %s: exit %d, want %d (findings and a broken package)\n%s",
				strings.Join(args, " "), code, exitFailure, stderr)
		}
		if !strings.Contains(stderr, "example.com/m/broken") {
			t.Errorf("seclint %s: the broken package is not named:\n%s", strings.Join(args, " "), stderr)
		}
		out := stdout + stderr
		if args[0] == "-write-baseline=base.json" {
			data, err := os.ReadFile(filepath.Join(dir, "base.json"))
			if err != nil {
				t.Fatal(err)
			}
			out += string(data)
		} else if !strings.Contains(out, "hardcodedsecret") {
			t.Errorf("seclint %s reported no secret:\n%s", strings.Join(args, " "), out)
		}
		for _, s := range secrets {
			if strings.Contains(out, s) {
				t.Errorf("seclint %s prints the secret %.4s… in clear", strings.Join(args, " "), s)
			}
		}
	}
}

func TestSecretsCommand(t *testing.T) {
	const token = "ghp_Tr7kW2qLm9Xp4RzN8vB3cD6fG1hJ5kL0mN9q"
	dir := writeModule(t, map[string]string{
		"deploy/config.yaml": "github:\n  token: " + token + "\n",
		".env":               "API_KEY=changeme\n",
		"main.go":            "package m\n\nconst token = \"" + token + "\"\n",
	})
	stdout, stderr, code := runIn(t, dir, seclintBin, "secrets", "deploy/config.yaml", ".env", "main.go")
	want := "deploy/config.yaml:2:10: hardcodedsecret: secret (github-pat) \"ghp_…\" in a file"
	if code != exitFindings || !strings.HasPrefix(stdout, want) || strings.Count(stdout, "\n") != 1 {
		t.Errorf("exit %d, stdout:\n%s\nstderr:\n%s\nwant one finding: %s", code, stdout, stderr, want)
	}
	if strings.Contains(stdout+stderr, token) {
		t.Error("the key is printed in clear")
	}

	if _, _, code := runIn(t, dir, seclintBin, "secrets", ".env"); code != exitClean {
		t.Errorf("a file of placeholders: exit %d, want %d", code, exitClean)
	}
	if _, _, code := runIn(t, dir, seclintBin, "secrets", "-hardcodedsecret=false", "deploy/config.yaml"); code != exitClean {
		t.Errorf("with the rule off: exit %d, want %d", code, exitClean)
	}
	_, stderr, code = runIn(t, dir, seclintBin, "secrets", "missing.yaml", "deploy/config.yaml")
	if code != exitFailure || !strings.Contains(stderr, "missing.yaml") {
		t.Errorf("a missing file: exit %d, stderr %q; want %d and the file named", code, stderr, exitFailure)
	}
}

// Go files that the build leaves out are in no package and seen by no
// pass, but a key in one is committed all the same: it is scanned, with
// the provider rules, in every run and in the pre-commit files mode.
func TestExcludedGoFiles(t *testing.T) {
	const token = "ghp_Tr7kW2qLm9Xp4RzN8vB3cD6fG1hJ5kL0mN9q"
	dir := writeModule(t, map[string]string{
		"a.go":                "package m\n\nfunc F() {}\n",
		"tok_windows.go":      "package m\n\nconst token = \"" + token + "\"\n",
		"gen.go":              "//go:build ignore\n\npackage main\n\nconst token = \"" + token + "\"\n",
		"win/only_windows.go": "package win\n\nconst token = \"" + token + "\"\n",
		"doc_windows.go": "package m\n\n//seclint:ignore hardcodedsecret revoked, kept to show the format\n" +
			"const example = \"" + token + "\"\n\nconst generic = \"api_key=Zk3vP9qLm2Xw7RtYq8\"\n",
		"skip_test.go":          "//go:build windows\n\npackage m\n\nconst token = \"" + token + "\"\n",
		"testdata/x_windows.go": "package x\n\nconst token = \"" + token + "\"\n",
	})
	want := []string{
		"gen.go:5:",
		"tok_windows.go:3:",
		"win/only_windows.go:3:",
	}
	check := func(what string, stdout, stderr string, code int) {
		t.Helper()
		var got []string
		for _, line := range strings.Split(strings.TrimSpace(stdout), "\n") {
			if file, _, ok := strings.Cut(line, " "); ok {
				got = append(got, file[:strings.LastIndex(file[:len(file)-1], ":")+1])
			}
		}
		if code != exitFindings || !slices.Equal(got, want) || !strings.Contains(stdout, "in a file the build leaves out") {
			t.Errorf("%s: exit %d, got %q, want %q\n%s%s", what, code, got, want, stdout, stderr)
		}
		if strings.Contains(stdout+stderr, token) {
			t.Errorf("%s: the key is printed in clear", what)
		}
	}
	stdout, stderr, code := runIn(t, dir, seclintBin, "./...")
	check("./...", stdout, stderr, code)
	stdout, stderr, code = runIn(t, dir, seclintBin, "./...") // from the cache
	check("./... again", stdout, stderr, code)

	want = []string{"win/only_windows.go:3:"}
	stdout, stderr, code = runIn(t, dir, seclintBin, "files", "win/only_windows.go", "a.go")
	check("files", stdout, stderr, code)
}
