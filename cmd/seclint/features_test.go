package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/owenrumney/go-sarif/v3/pkg/report/v210/sarif"
)

// writeModule makes a module in a temporary directory from the given
// files (path → content) and returns its directory.
func writeModule(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	files["go.mod"] = "module example.com/m\n\ngo 1.26\n"
	for name, content := range files {
		path := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

const insecureFile = `package m

import "crypto/tls"

func Config() *tls.Config {
	return &tls.Config{InsecureSkipVerify: true}
}
`

const secondInsecureFile = `package m

import "crypto/tls"

func Other() *tls.Config {
	return &tls.Config{MinVersion: tls.VersionTLS10}
}
`

func TestSARIF(t *testing.T) {
	stdout, stderr, code := runIn(t, fixture("bad"), seclintBin, "-format=sarif", "./tlsconf")
	if code != exitFindings {
		t.Fatalf("exit %d, stderr %s", code, stderr)
	}
	log, err := sarif.FromString(stdout)
	if err != nil {
		t.Fatalf("not SARIF: %v", err)
	}
	if err := log.Validate(); err != nil {
		t.Fatalf("SARIF does not validate against the 2.1.0 schema: %v", err)
	}
	run := log.Runs[0]
	if got := len(run.Results); got != len(tlsFindings) {
		t.Errorf("%d results, want %d", got, len(tlsFindings))
	}
	idx := run.GetRuleIndex("insecuretls")
	if idx < 0 {
		t.Fatal("no insecuretls rule in the SARIF run")
	}
	r := run.Tool.Driver.Rules[idx]
	if !strings.Contains(strings.Join(r.Properties.Tags, " "), "external/cwe/cwe-295") {
		t.Errorf("insecuretls tags %v lack CWE-295", r.Properties.Tags)
	}
	if r.Properties.Properties["security-severity"] == nil || r.HelpURI == nil || r.Help == nil {
		t.Errorf("insecuretls rule lacks security-severity, help or helpUri")
	}
	if base, ok := run.OriginalUriBaseIds["%SRCROOT%"]; !ok || base.URI == nil || !strings.HasPrefix(*base.URI, "file:///") {
		t.Errorf("%%SRCROOT%% is not defined in originalUriBaseIds: %v", run.OriginalUriBaseIds)
	}
	if run.Tool.Driver.Version == nil {
		t.Error("tool.driver.version is missing")
	}
	for _, res := range run.Results {
		uri := *res.Locations[0].PhysicalLocation.ArtifactLocation.URI
		if filepath.IsAbs(uri) || res.PartialFingerprints["seclint/v1"] == "" {
			t.Errorf("result at %s: want a relative URI and a fingerprint", uri)
		}
	}
	again, _, _ := runIn(t, fixture("bad"), seclintBin, "-format=sarif", "./tlsconf")
	if again != stdout {
		t.Error("two SARIF runs over the same code differ")
	}
}

func TestBaseline(t *testing.T) {
	dir := writeModule(t, map[string]string{"a.go": insecureFile})
	if _, stderr, code := runIn(t, dir, seclintBin, "-write-baseline=base.json", "./..."); code != exitClean {
		t.Fatalf("writing the baseline: exit %d, %s", code, stderr)
	}
	data, err := os.ReadFile(filepath.Join(dir, "base.json"))
	if err != nil || strings.Contains(string(data), "InsecureSkipVerify: true") {
		t.Fatalf("baseline unreadable or holds source text: %v\n%s", err, data)
	}
	if stdout, _, code := runIn(t, dir, seclintBin, "-baseline=base.json", "./..."); code != exitClean {
		t.Errorf("known finding reported again: exit %d\n%s", code, stdout)
	}

	// An edit above the finding moves it down; it stays known. A new
	// finding in another file is reported.
	edited := strings.Replace(insecureFile, "import", "// A comment that moves every line.\n\nimport", 1)
	for name, content := range map[string]string{"a.go": edited, "b.go": secondInsecureFile} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	stdout, _, code := runIn(t, dir, seclintBin, "-baseline=base.json", "./...")
	if code != exitFindings || strings.Contains(stdout, "a.go") || !strings.Contains(stdout, "b.go:6") {
		t.Errorf("after edits: exit %d, want only the b.go finding:\n%s", code, stdout)
	}

	if err := os.WriteFile(filepath.Join(dir, "bad.json"), []byte("{not json"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, stderr, code := runIn(t, dir, seclintBin, "-baseline=bad.json", "./...")
	if code != exitFailure || !strings.Contains(stderr, "not a seclint baseline") {
		t.Errorf("corrupt baseline: exit %d, stderr %q", code, stderr)
	}
}

func TestSettingsFile(t *testing.T) {
	dir := writeModule(t, map[string]string{
		"a.go":         insecureFile,
		".seclint.yml": "disable: [insecuretls]\n",
	})
	if stdout, stderr, code := runIn(t, dir, seclintBin, "./..."); strings.Contains(stdout, "insecuretls") {
		t.Errorf("disabled rule still reports: exit %d\n%s%s", code, stdout, stderr)
	}
	// A flag on the command line overrides the file.
	if stdout, _, _ := runIn(t, dir, seclintBin, "-insecuretls", "./..."); !strings.Contains(stdout, "insecuretls") {
		t.Errorf("-insecuretls did not override the settings file:\n%s", stdout)
	}

	if err := os.WriteFile(filepath.Join(dir, ".seclint.yml"), []byte("disabel: [insecuretls]\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, stderr, code := runIn(t, dir, seclintBin, "./...")
	if code != exitUsage || !strings.Contains(stderr, "field disabel not found") {
		t.Errorf("unknown key: exit %d, stderr %q", code, stderr)
	}

	if err := os.WriteFile(filepath.Join(dir, ".seclint.yml"), []byte("exclude: ['a.go']\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if stdout, _, code := runIn(t, dir, seclintBin, "-insecuretls", "./..."); code != exitClean {
		t.Errorf("excluded file still reported: exit %d\n%s", code, stdout)
	}
}

// Run in a subdirectory, the command follows the nearest settings file at
// or above it within the module, as go vet does, and that file's globs
// are relative to its own directory.
func TestSettingsFileAbove(t *testing.T) {
	dir := writeModule(t, map[string]string{
		"a.go":          insecureFile,
		"legacy/b.go":   strings.Replace(insecureFile, "package m", "package legacy", 1),
		"legacy/c/c.go": strings.Replace(insecureFile, "package m", "package c", 1),
		".seclint.yml":  "exclude: [legacy/c/**]\n",
	})
	stdout, stderr, code := runIn(t, filepath.Join(dir, "legacy"), seclintBin, "./...")
	if code != exitFindings || !strings.Contains(stdout, "b.go:") || strings.Contains(stdout, "c.go:") {
		t.Errorf("exit %d\n%s%s", code, stdout, stderr)
	}
}

func TestFixAndDiff(t *testing.T) {
	dir := writeModule(t, map[string]string{"a.go": secondInsecureFile})
	stdout, stderr, code := runIn(t, dir, seclintBin, "-insecuretls", "-diff", "./...")
	if code != exitFindings || !strings.Contains(stdout, "+++ b/a.go") || !strings.Contains(stdout, "VersionTLS12") {
		t.Fatalf("-diff: exit %d\n%s%s", code, stdout, stderr)
	}
	if data, _ := os.ReadFile(filepath.Join(dir, "a.go")); string(data) != secondInsecureFile {
		t.Error("-diff changed the file")
	}
	if _, stderr, code := runIn(t, dir, seclintBin, "-insecuretls", "-fix", "./..."); code != exitClean {
		t.Fatalf("-fix: exit %d, %s", code, stderr)
	}
	if stdout, _, code := runIn(t, dir, seclintBin, "-insecuretls", "./..."); code != exitClean {
		t.Errorf("findings left after -fix: exit %d\n%s", code, stdout)
	}
}

func TestUnusedDirective(t *testing.T) {
	dir := writeModule(t, map[string]string{"a.go": `package m

import "crypto/tls"

func Config() *tls.Config {
	//seclint:ignore insecuretls kept from an older version of this function
	return &tls.Config{MinVersion: tls.VersionTLS13}
}

func Other() int {
	//seclint:ignore nosuchrule a typo in the rule name
	return 1
}
`})
	stdout, _, code := runIn(t, dir, seclintBin, "./...")
	if code != exitFindings ||
		!strings.Contains(stdout, "a.go:6:2: seclint: unused seclint:ignore directive") ||
		!strings.Contains(stdout, `a.go:11:2: seclint: seclint:ignore directive names unknown rule "nosuchrule"`) {
		t.Errorf("exit %d, want the unused and the unknown directive reported:\n%s", code, stdout)
	}
	// With the rule off, nobody can tell whether the directive is used.
	if stdout, _, _ := runIn(t, dir, seclintBin, "-insecuretls=false", "./..."); strings.Contains(stdout, "unused") {
		t.Errorf("directive of a disabled rule reported as unused:\n%s", stdout)
	}
}

func TestFilesMode(t *testing.T) {
	dir := writeModule(t, map[string]string{
		"clean.go":     "package m\n\nfunc Clean() {}\n",
		"untracked.go": insecureFile,
		"README.md":    "not Go\n",
	})
	if stdout, stderr, code := runIn(t, dir, seclintBin, "files", "clean.go", "README.md"); code != exitClean {
		t.Errorf("a clean staged file is blocked by another file of its package: exit %d\n%s%s", code, stdout, stderr)
	}
	stdout, _, code := runIn(t, dir, seclintBin, "files", "untracked.go")
	if code != exitFindings || !strings.Contains(stdout, "untracked.go:6") {
		t.Errorf("files mode missed the finding: exit %d\n%s", code, stdout)
	}
}

// TestDeterministic runs seclint twice per output format, without the
// cache, and wants byte-identical output.
func TestDeterministic(t *testing.T) {
	for _, format := range []string{"text", "json", "sarif"} {
		first, _, _ := runIn(t, fixture("bad"), seclintBin, "-cache=false", "-format="+format, "./tlsconf")
		second, _, _ := runIn(t, fixture("bad"), seclintBin, "-cache=false", "-format="+format, "./tlsconf")
		if first == "" || first != second {
			t.Errorf("-format=%s: two runs differ or print nothing:\n%s\n---\n%s", format, first, second)
		}
	}
}

// TestExternalTestPackage lints a package with an external test package
// (package m_test), which a load with tests adds under a path that cannot
// be loaded by name, in every dependency mode, cold and cached.
func TestExternalTestPackage(t *testing.T) {
	dir := writeModule(t, map[string]string{
		"m.go": "package m\n\nfunc One() int { return 1 }\n",
		"m_test.go": `package m_test

import (
	"crypto/tls"
	"testing"

	"example.com/m"
)

func TestOne(t *testing.T) {
	_ = &tls.Config{InsecureSkipVerify: true}
	_ = m.One()
}
`,
	})
	t.Setenv("SECLINT_CACHE", t.TempDir())
	for _, deps := range []string{depsExport, depsDecls, depsFull} {
		for _, run := range []string{"cold", "cached"} {
			stdout, stderr, code := runIn(t, dir, seclintBin, "-deps="+deps, "-insecuretls.tests", "./...")
			if code != exitFindings || !strings.HasPrefix(stdout, "m_test.go:11:18: insecuretls:") {
				t.Errorf("-deps=%s, %s: exit %d, stdout %q, stderr %q", deps, run, code, stdout, stderr)
			}
		}
	}
}

// TestCgo checks that the code of a file that imports "C" is analyzed
// and reported at its own lines, although the type checker sees the
// file cgo generated from it, and that no fix is applied to that copy.
func TestCgo(t *testing.T) {
	if out, err := exec.Command("go", "env", "CGO_ENABLED").Output(); err != nil || strings.TrimSpace(string(out)) != "1" {
		t.Skip("cgo is disabled")
	}
	if _, err := exec.LookPath("gcc"); err != nil {
		t.Skip("no C compiler")
	}
	const src = `package m

// static int twice(int x) { return 2 * x; }
import "C"

import "crypto/tls"

func Twice(x int) int { return int(C.twice(C.int(x))) }

func Config() *tls.Config {
	return &tls.Config{MinVersion: tls.VersionTLS10}
}
`
	dir := writeModule(t, map[string]string{"c.go": src})
	stdout, stderr, code := runIn(t, dir, seclintBin, "-insecuretls", "./...")
	if code != exitFindings || !strings.HasPrefix(stdout, "c.go:11:") {
		t.Fatalf("exit %d\n%s%s", code, stdout, stderr)
	}
	// The fix's offsets are those of cgo's copy, in the build cache.
	stdout, stderr, code = runIn(t, dir, seclintBin, "-insecuretls", "-fix", "./...")
	if code != exitFindings || !strings.HasPrefix(stdout, "c.go:11:") {
		t.Errorf("-fix claims a fix: exit %d\n%s%s", code, stdout, stderr)
	}
	if data, _ := os.ReadFile(filepath.Join(dir, "c.go")); string(data) != src {
		t.Errorf("-fix edited c.go:\n%s", data)
	}
}

// TestSyntaxError checks that a syntax error is reported once, at its
// first position, not with the errors that follow from it or the
// compiler's copy of it, and that the other packages are still linted.
func TestSyntaxError(t *testing.T) {
	dir := writeModule(t, map[string]string{
		"a.go":     insecureFile,
		"bad/s.go": "package bad\n\nfunc f( {\n",
	})
	stdout, stderr, code := runIn(t, dir, seclintBin, "./...")
	if code != exitFailure || !strings.HasPrefix(stdout, "a.go:6:") {
		t.Errorf("exit %d, findings:\n%s", code, stdout)
	}
	lines := strings.Split(strings.TrimSpace(stderr), "\n")
	if len(lines) != 1 || !strings.Contains(lines[0], "bad/s.go:3:9: expected ')'") {
		t.Errorf("want one error at bad/s.go:3:9, got:\n%s", stderr)
	}

	// An empty file is one error too, not the parser's, go list's and
	// the package name's three accounts of it.
	dir = writeModule(t, map[string]string{"a.go": "package m\n", "empty.go": ""})
	_, stderr, code = runIn(t, dir, seclintBin, "./...")
	lines = strings.Split(strings.TrimSpace(stderr), "\n")
	if code != exitFailure || len(lines) != 1 || !strings.Contains(lines[0], "empty.go:1:1: expected 'package'") {
		t.Errorf("an empty file: exit %d, want one error, got:\n%s", code, stderr)
	}
}

// Files named on the command line make one package, as for go vet; the
// result cache, which reloads packages by path, stays out of its way.
func TestFileArguments(t *testing.T) {
	dir := writeModule(t, map[string]string{"a.go": insecureFile, "b.go": "package m\n"})
	for range 2 {
		stdout, stderr, code := runIn(t, dir, seclintBin, "a.go", "b.go")
		if code != exitFindings || !strings.HasPrefix(stdout, "a.go:6:") {
			t.Errorf("exit %d\n%s%s", code, stdout, stderr)
		}
	}
}

// Dependencies read from export data are not analyzed, so ctrlflow never
// learns there that log.Fatal and os.Exit do not return; the command
// tells it, or a config validated "or else exit" would look unvalidated.
func TestExitsFromExportData(t *testing.T) {
	dir := writeModule(t, map[string]string{"a.go": `package m

import (
	"encoding/json"
	"errors"
	"log"
	"net/http"
	"os"
	"time"
)

type Config struct {
	Timeout time.Duration
}

func (c *Config) Validate() error {
	if c.Timeout <= 0 {
		return errors.New("timeout must be positive")
	}
	return nil
}

func fatal(b []byte) *http.Client {
	var cfg Config
	if err := json.Unmarshal(b, &cfg); err != nil {
		log.Fatal(err)
	}
	if err := cfg.Validate(); err != nil {
		log.Fatal(err)
	}
	return &http.Client{Timeout: cfg.Timeout}
}

func exit(b []byte) *http.Client {
	var cfg Config
	if err := json.Unmarshal(b, &cfg); err != nil {
		os.Exit(1)
	}
	if err := cfg.Validate(); err != nil {
		os.Exit(2)
	}
	return &http.Client{Timeout: cfg.Timeout}
}

func unchecked(b []byte) *http.Client {
	var cfg Config
	if err := json.Unmarshal(b, &cfg); err != nil {
		log.Fatal(err)
	}
	return &http.Client{Timeout: cfg.Timeout}
}
`})
	for _, deps := range []string{"export", "decls", "full"} {
		stdout, stderr, code := runIn(t, dir, seclintBin, "-deps="+deps, "-unvalidatedconfig", "./...")
		if code != exitFindings || strings.Count(stdout, "\n") != 1 || !strings.Contains(stdout, "a.go:47:") {
			t.Errorf("-deps=%s: exit %d, want the one finding in unchecked:\n%s%s", deps, code, stdout, stderr)
		}
	}
}
