package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/scaile/seclint/analyzers/hardcodedsecret"
)

// seclintBin is the command under test, built once by TestMain.
var seclintBin string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "seclint-e2e")
	if err != nil {
		panic(err)
	}
	seclintBin = filepath.Join(dir, "seclint")
	build := exec.Command("go", "build", "-o", seclintBin, ".")
	build.Stderr = os.Stderr
	if err := build.Run(); err != nil {
		panic("building seclint: " + err.Error())
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// runIn runs command name with args in dir and returns its output and
// exit code.
func runIn(t *testing.T, dir, name string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	var exit *exec.ExitError
	switch {
	case errors.As(err, &exit):
		code = exit.ExitCode()
	case err != nil:
		t.Fatalf("running %s: %v", name, err)
	}
	return out.String(), errb.String(), code
}

func fixture(name string) string {
	return filepath.Join("..", "..", "testdata", "e2e", name)
}

// tlsFindings are the insecuretls findings the bad fixture must produce,
// as file:line pairs; Suppressed (line 32) must be absent.
var tlsFindings = []string{
	"tlsconf.go:11", // literal
	"tlsconf.go:16", // through a pointer
	"tlsconf.go:22", // nested field
	"tlsconf.go:27", // MinVersion
	"tlsconf.go:36", // the directive without a reason
	"tlsconf.go:37", // which therefore suppresses nothing
}

func TestStandalone(t *testing.T) {
	stdout, stderr, code := runIn(t, fixture("bad"), seclintBin, "./...")
	if code != exitFailure {
		t.Errorf("exit code %d, want %d (a package is broken)", code, exitFailure)
	}
	checkTLSFindings(t, stdout)
	if !strings.Contains(stderr, "example.com/bad/broken") {
		t.Errorf("stderr does not name the broken package:\n%s", stderr)
	}
	// Its importer is named once, and no rule is said to have failed.
	if strings.Count(stderr, "package example.com/bad/usesbroken: not analyzed: it depends on example.com/bad/broken,") != 1 ||
		strings.Contains(stderr, "analyzer ") {
		t.Errorf("stderr does not name the importer of the broken package once:\n%s", stderr)
	}
}

func TestStandaloneOnlyGoodPackages(t *testing.T) {
	stdout, _, code := runIn(t, fixture("bad"), seclintBin, "-insecuretls", "./tlsconf")
	if code != exitFindings {
		t.Errorf("exit code %d, want %d", code, exitFindings)
	}
	checkTLSFindings(t, stdout)
}

func TestClean(t *testing.T) {
	stdout, stderr, code := runIn(t, fixture("clean"), seclintBin, "./...")
	if code != exitClean || stdout != "" {
		t.Errorf("clean fixture: exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
}

func TestJSON(t *testing.T) {
	stdout, _, code := runIn(t, fixture("bad"), seclintBin, "-json", "./tlsconf", "./usesbroken")
	if code != exitFailure {
		t.Errorf("exit code %d, want %d", code, exitFailure)
	}
	var tree map[string]map[string]json.RawMessage
	if err := json.Unmarshal([]byte(stdout), &tree); err != nil {
		t.Fatalf("output is not JSON: %v\n%s", err, stdout)
	}
	var diags []jsonDiagnostic
	if err := json.Unmarshal(tree["example.com/bad/tlsconf"]["insecuretls"], &diags); err != nil || len(diags) != len(tlsFindings) {
		t.Errorf("%d insecuretls findings in JSON (%v), want %d:\n%s", len(diags), err, len(tlsFindings), stdout)
	}
	var failed jsonError
	if err := json.Unmarshal(tree["example.com/bad/usesbroken"]["seclint"], &failed); err != nil || failed.Err == "" {
		t.Errorf("no error for usesbroken (%v):\n%s", err, stdout)
	}

	// The findings have the shape go vet -json gives them, end and
	// suggested fixes included. (go vet's messages name the rule.)
	out, _, _ := runIn(t, fixture("bad"), "go", "vet", "-vettool="+seclintBin, "-json", "./tlsconf")
	dec := json.NewDecoder(strings.NewReader(out[strings.Index(out, "{"):]))
	var vet map[string]map[string][]jsonDiagnostic
	if err := dec.Decode(&vet); err != nil {
		t.Fatalf("go vet -json: %v\n%s", err, out)
	}
	want := vet["example.com/bad/tlsconf"]["insecuretls"]
	byPosn := func(a, b jsonDiagnostic) int { return strings.Compare(a.Posn, b.Posn) }
	slices.SortFunc(want, byPosn)
	slices.SortFunc(diags, byPosn)
	if len(want) != len(diags) {
		t.Fatalf("go vet -json has %d findings, seclint -json %d", len(want), len(diags))
	}
	for i := range want {
		w, g := want[i], diags[i]
		w.Message = strings.TrimPrefix(w.Message, "insecuretls: ")
		if w.Posn != g.Posn || w.End != g.End || w.Message != g.Message || len(w.SuggestedFixes) != len(g.SuggestedFixes) {
			t.Errorf("finding %d: seclint -json\n\t%+v\ngo vet -json\n\t%+v", i, g, w)
		}
	}
}

func TestGoVet(t *testing.T) {
	_, stderr, code := runIn(t, fixture("bad"), "go", "vet", "-vettool="+seclintBin, "./tlsconf")
	if code == 0 {
		t.Errorf("go vet exited 0 on the bad fixture")
	}
	checkTLSFindings(t, stderr)

	stdout, stderr, code := runIn(t, fixture("clean"), "go", "vet", "-vettool="+seclintBin, "./...")
	if code != 0 {
		t.Errorf("go vet on the clean fixture: exit %d\n%s%s", code, stdout, stderr)
	}
}

var positionRE = regexp.MustCompile(`(?m)(\w+\.go:\d+):\d+: .*`)

// checkTLSFindings checks that out holds exactly the expected TLS
// findings, in the file:line:col: form.
func checkTLSFindings(t *testing.T, out string) {
	t.Helper()
	got := make(map[string]bool)
	for _, m := range positionRE.FindAllStringSubmatch(out, -1) {
		if strings.Contains(m[0], "tlsconf.go") {
			got[m[1]] = true
		}
	}
	for _, want := range tlsFindings {
		if !got[want] {
			t.Errorf("no finding at %s in:\n%s", want, out)
		}
		delete(got, want)
	}
	for extra := range got {
		t.Errorf("unexpected finding at %s in:\n%s", extra, out)
	}
}

func TestUsage(t *testing.T) {
	// -h prints the usage, with every option's default, to standard output.
	var stdout, stderr bytes.Buffer
	if code := run([]string{"-h"}, &stdout, &stderr); code != exitClean ||
		!strings.Contains(stdout.String(), "(default 3)") || strings.Contains(stdout.String()+stderr.String(), "panic") {
		t.Errorf("-h: exit %d, stdout:\n%s\nstderr:\n%s", code, stdout.String(), stderr.String())
	}

	// The flag package stores a number it failed to parse as 0: the
	// analyzer's flag is put back for the tests that follow.
	entropy := hardcodedsecret.Analyzer.Flags.Lookup("entropy")
	t.Cleanup(func() { entropy.Value.Set(entropy.DefValue) })
	for _, tc := range []struct {
		args []string
		code int
		msg  string
	}{
		{[]string{"-nosuchflag", "./..."}, exitUsage, "flag provided but not defined"},
		{[]string{"-format=xml", "./..."}, exitUsage, `unknown -format "xml"`},
		{[]string{"-json", "-format=sarif", "./..."}, exitUsage, "-json and -format=sarif exclude each other"},
		{[]string{}, exitUsage, "no packages given"},
		{[]string{"-tags", "./..."}, exitUsage, `-tags took "./..." as its value`},
		{[]string{"help", "nosuchrule"}, exitUsage, `no rule named "nosuchrule"`},
		{[]string{"-hardcodedsecret.entropy=high", "./..."}, exitUsage, `invalid value "high"`},
		{[]string{"-hardcodedsecret.config=nosuch.toml", "./..."}, exitUsage, "nosuch.toml"},
		{[]string{"-deps=all", "./..."}, exitUsage, "want export, decls or full"},
	} {
		var stdout, stderr bytes.Buffer
		code := run(tc.args, &stdout, &stderr)
		if code != tc.code || !strings.Contains(stderr.String(), tc.msg) {
			t.Errorf("run(%q) = %d, stderr %q; want %d and %q", tc.args, code, stderr.String(), tc.code, tc.msg)
		}
		// A flag error is one line and a hint, not the whole usage.
		if len(tc.args) > 1 && tc.args[0] != "help" && strings.Count(stderr.String(), "\n") > 2 {
			t.Errorf("run(%q): stderr is %d lines:\n%s", tc.args, strings.Count(stderr.String(), "\n"), stderr.String())
		}
	}
}

func TestHelp(t *testing.T) {
	var stdout, stderr bytes.Buffer
	if code := run([]string{"help"}, &stdout, &stderr); code != exitClean {
		t.Fatalf("help: exit %d, %s", code, stderr.String())
	}
	if !strings.Contains(stdout.String(), "insecuretls") {
		t.Errorf("help does not list insecuretls:\n%s", stdout.String())
	}
	stdout.Reset()
	if code := run([]string{"help", "insecuretls"}, &stdout, &stderr); code != exitClean {
		t.Fatalf("help insecuretls: exit %d, %s", code, stderr.String())
	}
	if !strings.Contains(stdout.String(), "CWE-295") {
		t.Errorf("help insecuretls does not give the CWE:\n%s", stdout.String())
	}
}

// TestSelfClean runs seclint over this repository, the reference client
// secureclient included: seclint's own code must pass its rules.
func TestSelfClean(t *testing.T) {
	stdout, stderr, code := runIn(t, filepath.Join("..", ".."), seclintBin, "./...")
	if code != exitClean {
		t.Errorf("seclint ./... on seclint: exit %d\n%s%s", code, stdout, stderr)
	}
}

// TestFactsAcrossPackages checks that a fact exported by one package (a
// helper that validates, a consumer that does not; a function that returns
// a secret and one that logs its argument) reaches its importer,
// under every way of loading dependencies and under go vet, even when only
// the importer is named on the command line.
func TestFactsAcrossPackages(t *testing.T) {
	const want = "use/use.go:19:18: unvalidatedconfig: cfg.Config built from input is passed to Use"
	for _, deps := range []string{depsExport, depsDecls, depsFull} {
		stdout, stderr, code := runIn(t, fixture("facts"), seclintBin, "-cache=false", "-deps="+deps, "./use")
		if code != exitFindings || strings.Count(stdout, "\n") != 1 || !strings.HasPrefix(stdout, want) {
			t.Errorf("-deps=%s: exit %d, want the one finding in Unchecked:\n%s%s", deps, code, stdout, stderr)
		}
	}
	const leak = "leak/leak.go:9:15: leakyerror: API key from environment variable SERVICE_API_KEY " +
		"reaches a log (log.Println) through secrets.Key -> Start -> secrets.Debug"
	for _, deps := range []string{depsExport, depsDecls, depsFull} {
		stdout, stderr, code := runIn(t, fixture("facts"), seclintBin, "-cache=false", "-deps="+deps, "./leak")
		if code != exitFindings || strings.Count(stdout, "\n") != 1 || !strings.HasPrefix(stdout, leak) {
			t.Errorf("-deps=%s: exit %d, want the one leak in Start:\n%s%s", deps, code, stdout, stderr)
		}
	}
	_, stderr, _ := runIn(t, fixture("facts"), "go", "vet", "-vettool="+seclintBin, "./...")
	// go vet prints no analyzer names; the messages carry them.
	if !strings.Contains(stderr, "use/use.go:19:18: unvalidatedconfig: cfg.Config built from input") ||
		!strings.Contains(stderr, "cfg/cfg.go:36:10: unvalidatedconfig: parameter c of type Config is stored") ||
		!strings.Contains(stderr, leak) ||
		strings.Count(stderr, ".go:") != 3 {
		t.Errorf("go vet: want the findings in Unchecked, Use and Start:\n%s", stderr)
	}
}

func TestReadUnit(t *testing.T) {
	dir := t.TempDir()
	for _, tt := range []struct {
		cfg  string
		want unit
	}{
		{`{"ID": "p", "Dir": "/src/p", "VetxOnly": true}`, unit{Dir: "/src/p", VetxOnly: true}},
		{`{"ID": "p", "VetxOnly": false}`, unit{}},
		{`{not json`, unit{}},
	} {
		name := filepath.Join(dir, "vet.cfg")
		if err := os.WriteFile(name, []byte(tt.cfg), 0o644); err != nil {
			t.Fatal(err)
		}
		if got := readUnit([]string{"-insecuretls.strict=true", name}); got != tt.want {
			t.Errorf("readUnit(%s) = %+v, want %+v", tt.cfg, got, tt.want)
		}
	}
	if readUnit([]string{"-V=full"}) != (unit{}) {
		t.Error("readUnit(-V=full) read a unit")
	}
}

// TestGoVetSettings checks that go vet mode reads the module's settings
// file as the command does (excluded paths, disabled rules, errors), and
// that go vet notices when it changes rather than replaying its cache.
func TestGoVetSettings(t *testing.T) {
	dir := writeModule(t, map[string]string{
		"a.go":         insecureFile,
		"legacy/b.go":  strings.Replace(insecureFile, "package m", "package legacy", 1),
		".seclint.yml": "exclude: [legacy/**]\n",
	})
	vet := func(settings string) (string, int) {
		t.Helper()
		if err := os.WriteFile(filepath.Join(dir, ".seclint.yml"), []byte(settings), 0o644); err != nil {
			t.Fatal(err)
		}
		_, stderr, code := runIn(t, dir, "go", "vet", "-vettool="+seclintBin, "./...")
		return stderr, code
	}
	if out, _ := vet("exclude: [legacy/**]\n"); !strings.Contains(out, "a.go:6:") || strings.Contains(out, "b.go:") {
		t.Errorf("with legacy/** excluded, go vet printed:\n%s", out)
	}
	if out, _ := vet("disable: [insecuretls]\n"); strings.Contains(out, "insecuretls") {
		t.Errorf("with insecuretls disabled, go vet printed:\n%s", out)
	}
	if out, code := vet("disable: [nosuchrule]\n"); code == 0 || !strings.Contains(out, "nosuchrule") {
		t.Errorf("a bad settings file: exit %d\n%s", code, out)
	}

	// A settings file below the directory go vet runs in governs its
	// packages, and editing it must not replay go vet's cached results.
	nested := filepath.Join(dir, "legacy", ".seclint.yml")
	for _, step := range []struct {
		settings string
		want     bool // b.go reported
	}{
		{"disable: [insecuretls]\n", false},
		{"exclude: []\n", true},
		{"disable: [insecuretls]\n", false},
	} {
		if err := os.WriteFile(nested, []byte(step.settings), 0o644); err != nil {
			t.Fatal(err)
		}
		out, _ := vet("exclude: []\n")
		if !strings.Contains(out, "a.go:6:") || strings.Contains(out, "b.go:") != step.want {
			t.Errorf("with legacy/.seclint.yml %q, go vet printed:\n%s", step.settings, out)
		}
	}
}
