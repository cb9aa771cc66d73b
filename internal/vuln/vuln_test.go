package vuln_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/owenrumney/go-sarif/v3/pkg/report/v210/sarif"
	"golang.org/x/mod/module"
	"golang.org/x/mod/zip"

	"github.com/scaile/seclint/internal/vuln"
)

// The end-to-end tests scan testdata/app, which requires
// example.com/vulnlib v1.0.0, against the advisories in testdata/db:
//
//   - GO-2099-0001: parse.Unsafe, which app calls (through run);
//   - GO-2099-0002: codec.Decode; app imports codec but calls Encode only.
//
// govulncheck matches advisories by module path and version, and a
// dependency replaced by a local directory has no version, so the
// fixture dependency is served at v1.0.0 by a file:// module proxy built
// from testdata/vulnlib. Everything stays on this machine: the go
// command reads that proxy and a fresh module cache, and the scanner
// reads the database from a directory.
// testDB is the absolute path of the test database, set by TestMain.
var testDB string

func TestMain(m *testing.M) {
	os.Exit(runTests(m))
}

func runTests(m *testing.M) int {
	tmp, err := os.MkdirTemp("", "seclint-vuln-test")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	defer os.RemoveAll(tmp)
	if testDB, err = filepath.Abs("testdata/db"); err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}

	proxy := filepath.Join(tmp, "proxy")
	if err := buildProxy(proxy, "example.com/vulnlib", "v1.0.0", "testdata/vulnlib"); err != nil {
		fmt.Fprintln(os.Stderr, "building the test module proxy:", err)
		return 1
	}
	env := map[string]string{
		"GOPROXY":    "file://" + filepath.ToSlash(proxy),
		"GOMODCACHE": filepath.Join(tmp, "modcache"),
		// -mod=mod lets the go command write go.sum in the copy of the
		// fixture; -modcacherw lets RemoveAll delete the module cache.
		"GOFLAGS":     "-mod=mod -modcacherw",
		"GOSUMDB":     "off",
		"GONOPROXY":   "",
		"GOPRIVATE":   "",
		"GOTOOLCHAIN": "local",
		"GOWORK":      "off",
		"GOENV":       "off",
	}
	for k, v := range env {
		os.Setenv(k, v)
	}
	return m.Run()
}

// buildProxy lays out one module version in the GOPROXY protocol's
// file layout under dir.
func buildProxy(dir, path, version, src string) error {
	vdir := filepath.Join(dir, filepath.FromSlash(path), "@v")
	if err := os.MkdirAll(vdir, 0o755); err != nil {
		return err
	}
	gomod, err := os.ReadFile(filepath.Join(src, "go.mod"))
	if err != nil {
		return err
	}
	info := fmt.Sprintf(`{"Version":%q,"Time":"2026-01-01T00:00:00Z"}`, version)
	files := map[string][]byte{
		"list":            []byte(version + "\n"),
		version + ".info": []byte(info),
		version + ".mod":  gomod,
	}
	for name, data := range files {
		if err := os.WriteFile(filepath.Join(vdir, name), data, 0o644); err != nil {
			return err
		}
	}
	f, err := os.Create(filepath.Join(vdir, version+".zip"))
	if err != nil {
		return err
	}
	err = zip.CreateFromDir(f, module.Version{Path: path, Version: version}, src)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}

// fixture copies testdata/app to a fresh directory named app, adds the
// given suppression file (if any), and returns the directory.
func fixture(t *testing.T, suppressions string) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "app")
	if err := os.CopyFS(dir, os.DirFS("testdata/app")); err != nil {
		t.Fatal(err)
	}
	if suppressions != "" {
		path := filepath.Join(dir, vuln.DefaultSuppressionFile)
		if err := os.WriteFile(path, []byte(suppressions), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// scan runs seclint vuln against the test database from the parent of
// dir with -C app, as in a repository whose module is in a subdirectory:
// the positions printed are relative to the parent, app/main.go.
func scan(t *testing.T, dir string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	t.Chdir(filepath.Dir(dir))
	var out, errs bytes.Buffer
	args = append([]string{"-C", filepath.Base(dir), "-db", testDB}, args...)
	code = vuln.Main(args, &out, &errs)
	t.Logf("seclint vuln %s: exit %d\nstdout:\n%s\nstderr:\n%s",
		strings.Join(args, " "), code, out.String(), errs.String())
	return code, out.String(), errs.String()
}

func TestReachableFindingReported(t *testing.T) {
	code, stdout, stderr := scan(t, fixture(t, ""))
	if code != 3 {
		t.Fatalf("exit code %d, want 3 (unsuppressed findings)", code)
	}
	for _, want := range []string{
		"GO-2099-0001 (CVE-2099-10001): Unchecked input in example.com/vulnlib/parse",
		"module example.com/vulnlib@v1.0.0, fixed in v1.1.0",
		"app/main.go:16:21: app.main -> app.run -> parse.Unsafe",
		"1 vulnerability reported, 0 suppressed (scan level symbol)",
	} {
		if !strings.Contains(stdout, want) {
			t.Errorf("stdout lacks %q", want)
		}
	}
	if stderr != "" {
		t.Errorf("unexpected stderr: %s", stderr)
	}
}

func TestUnreachableImportNotReported(t *testing.T) {
	dir := fixture(t, "")
	_, stdout, _ := scan(t, dir)
	if strings.Contains(stdout, "GO-2099-0002") {
		t.Errorf("GO-2099-0002 reported at symbol level, but codec.Decode is never called")
	}
	if !strings.Contains(stdout, "1 more advisory affect") {
		t.Errorf("stdout does not mention the advisory that is imported but not reached")
	}

	// At package level the import is enough.
	code, stdout, _ := scan(t, dir, "-scan", "package")
	if code != 3 || !strings.Contains(stdout, "imports example.com/vulnlib/codec") {
		t.Errorf("-scan package: exit %d, want 3 and GO-2099-0002 for the codec import", code)
	}
}

func TestSuppressedFindingListed(t *testing.T) {
	dir := fixture(t, `suppress:
  - id: GO-2099-0001
    reason: run only ever receives constant input
    module: example.com/vulnlib
    expires: 2999-12-31
  - id: GO-2099-0002
    reason: codec is imported for Encode only
`)
	code, stdout, stderr := scan(t, dir)
	if code != 0 {
		t.Fatalf("exit code %d, want 0: the only reachable finding is suppressed", code)
	}
	if strings.Contains(stdout, "app.run -> parse.Unsafe") {
		t.Errorf("suppressed finding printed as a finding")
	}
	want := "suppressed GO-2099-0001 in example.com/vulnlib (app/" + vuln.DefaultSuppressionFile +
		":2, until 2999-12-31): run only ever receives constant input"
	if !strings.Contains(stdout, "0 vulnerabilities reported, 1 suppressed") ||
		!strings.Contains(stdout, want) {
		t.Errorf("summary does not list the suppressed finding; want %q", want)
	}
	// GO-2099-0002 is not reached at symbol level: its entry is unused.
	if !strings.Contains(stderr, ":6: suppression of GO-2099-0002 matches no finding") {
		t.Errorf("unused suppression not reported on stderr")
	}
}

func TestModuleScopeMustMatch(t *testing.T) {
	dir := fixture(t, `suppress:
  - id: GO-2099-0001
    reason: assessed for another module only
    module: example.com/other
`)
	code, stdout, stderr := scan(t, dir)
	if code != 3 || !strings.Contains(stdout, "app.run -> parse.Unsafe") {
		t.Errorf("exit %d: a suppression scoped to another module hid the finding", code)
	}
	if !strings.Contains(stderr, "GO-2099-0001 (example.com/other) matches no finding") {
		t.Errorf("suppression scoped to another module not reported as unused")
	}
}

func TestExpiredSuppressionReportedAgain(t *testing.T) {
	dir := fixture(t, `suppress:
  - id: GO-2099-0001
    reason: waiting for the v1.1.0 upgrade
    expires: 2020-01-31
`)
	code, stdout, stderr := scan(t, dir)
	if code != 3 {
		t.Fatalf("exit code %d, want 3: the suppression has expired", code)
	}
	if !strings.Contains(stdout, "app.run -> parse.Unsafe") {
		t.Errorf("finding of the expired suppression not reported")
	}
	if !strings.Contains(stderr, ":2: suppression of GO-2099-0001 expired on 2020-01-31") {
		t.Errorf("expired suppression not reported on stderr")
	}
}

func TestMalformedSuppressionFile(t *testing.T) {
	// The file is checked before the scan, so these runs are fast.
	dir := fixture(t, `suppress:
  - id: GO-2099-0001
    reason: typo in the next key
    expire: 2025-01-01
`)
	code, stdout, stderr := scan(t, dir)
	if code != 1 {
		t.Errorf("exit code %d, want 1", code)
	}
	want := "seclint: vuln: " + filepath.Join("app", vuln.DefaultSuppressionFile) +
		": line 4: field expire not found in a suppress entry (id, reason, module, expires)\n"
	if stderr != want || stdout != "" {
		t.Errorf("stderr = %q, want the single line %q", stderr, want)
	}
}

func TestJSON(t *testing.T) {
	dir := fixture(t, `suppress:
  - id: GO-2099-0001
    reason: run only ever receives constant input
`)
	code, stdout, _ := scan(t, dir, "-format", "json")
	if code != 0 {
		t.Fatalf("exit code %d, want 0", code)
	}
	var doc struct {
		ScanLevel  string `json:"scan_level"`
		Findings   []json.RawMessage
		Suppressed []struct {
			ID    string
			Paths []struct {
				Position, Path string
			}
			Suppression struct{ Reason string }
		}
		Unreached []struct{ ID, Level string }
	}
	if err := json.Unmarshal([]byte(stdout), &doc); err != nil {
		t.Fatal(err)
	}
	if doc.ScanLevel != "symbol" || len(doc.Findings) != 0 || len(doc.Suppressed) != 1 {
		t.Fatalf("got %+v, want one suppressed finding at symbol level", doc)
	}
	s := doc.Suppressed[0]
	if s.ID != "GO-2099-0001" || s.Suppression.Reason == "" || len(s.Paths) != 1 ||
		s.Paths[0].Position != "app/main.go:16:21" || s.Paths[0].Path != "app.main -> app.run -> parse.Unsafe" {
		t.Errorf("suppressed finding = %+v", s)
	}
	if len(doc.Unreached) != 1 || doc.Unreached[0].ID != "GO-2099-0002" || doc.Unreached[0].Level != "package" {
		t.Errorf("unreached = %+v, want GO-2099-0002 at package level", doc.Unreached)
	}
}

func TestSARIF(t *testing.T) {
	code, stdout, _ := scan(t, fixture(t, ""), "-format", "sarif")
	if code != 3 {
		t.Fatalf("exit code %d, want 3", code)
	}
	var log struct {
		Version string
		Runs    []struct {
			Tool struct {
				Driver struct {
					Rules []struct{ ID, HelpURI string }
				}
			}
			Results []struct {
				RuleID    string
				Message   struct{ Text string }
				Locations []struct {
					PhysicalLocation struct {
						ArtifactLocation struct{ URI string }
						Region           struct{ StartLine, StartColumn int }
					}
				}
			}
		}
	}
	if err := json.Unmarshal([]byte(stdout), &log); err != nil {
		t.Fatal(err)
	}
	if log.Version != "2.1.0" || len(log.Runs) != 1 {
		t.Fatalf("not a SARIF 2.1.0 log with one run: %s", stdout)
	}
	run := log.Runs[0]
	if len(run.Tool.Driver.Rules) != 1 || run.Tool.Driver.Rules[0].ID != "GO-2099-0001" {
		t.Errorf("rules = %+v, want the one advisory GO-2099-0001", run.Tool.Driver.Rules)
	}
	if len(run.Results) != 1 {
		t.Fatalf("%d results, want 1", len(run.Results))
	}
	res := run.Results[0]
	loc := res.Locations[0].PhysicalLocation
	if res.RuleID != "GO-2099-0001" ||
		!strings.Contains(res.Message.Text, "call path: app.main -> app.run -> parse.Unsafe") ||
		loc.ArtifactLocation.URI != "app/main.go" || loc.Region.StartLine != 16 {
		t.Errorf("result = %+v", res)
	}
}

func TestUsage(t *testing.T) {
	for _, args := range [][]string{
		{"-format", "xml"},
		{"-scan", "function"},
		{"-scan", "module", "./..."},
		{"-db", "ftp://example.com/db"},
		{"-db", "testdata/no-such-dir"},
	} {
		var out, errs bytes.Buffer
		if code := vuln.Main(args, &out, &errs); code != 2 {
			t.Errorf("Main(%q) = %d, want 2 (usage)", args, code)
		}
		if !strings.HasPrefix(errs.String(), "seclint: vuln: ") {
			t.Errorf("Main(%q) printed %q, want a seclint: vuln: error", args, errs.String())
		}
	}
}

func TestScanFailure(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "app")
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	code, stdout, stderr := scan(t, dir) // no go.mod
	if code != 1 || stdout != "" {
		t.Errorf("exit %d, stdout %q; want 1 and nothing", code, stdout)
	}
	if !strings.HasPrefix(stderr, "seclint: vuln: govulncheck failed: no go.mod file") ||
		strings.Count(stderr, "\n") != 1 {
		t.Errorf("stderr = %q, want one line explaining the failure", stderr)
	}
}

// TestLimitationDirectoryReplace pins the gap stated in the package
// documentation: a dependency replaced by a directory has no version, so
// govulncheck matches no advisory against it.
func TestLimitationDirectoryReplace(t *testing.T) {
	dir := fixture(t, "")
	lib := filepath.Join(filepath.Dir(dir), "vulnlib")
	if err := os.CopyFS(lib, os.DirFS("testdata/vulnlib")); err != nil {
		t.Fatal(err)
	}
	gomod := filepath.Join(dir, "go.mod")
	data, err := os.ReadFile(gomod)
	if err != nil {
		t.Fatal(err)
	}
	data = append(data, "\nreplace example.com/vulnlib => ../vulnlib\n"...)
	if err := os.WriteFile(gomod, data, 0o644); err != nil {
		t.Fatal(err)
	}

	code, stdout, _ := scan(t, dir)
	// Missed: app still calls parse.Unsafe (GO-2099-0001), now from the
	// replacement directory.
	if code != 0 || strings.Contains(stdout, "GO-2099-0001") {
		t.Errorf("exit %d: the directory replacement was checked; "+
			"update the Limitations paragraph of doc.go and this test", code)
	}
}

func TestSARIFSuppressed(t *testing.T) {
	dir := fixture(t, `suppress:
  - id: GO-2099-0001
    reason: run only ever receives constant input
  - id: GO-2099-0003
    reason: left over
`)
	code, stdout, _ := scan(t, dir, "-format", "sarif")
	if code != 0 {
		t.Fatalf("exit code %d, want 0", code)
	}
	log, err := sarif.FromString(stdout)
	if err != nil {
		t.Fatal(err)
	}
	if err := log.Validate(); err != nil {
		t.Errorf("invalid SARIF: %v", err)
	}
	run := log.Runs[0]
	if len(run.Results) != 1 || len(run.Results[0].Suppressions) != 1 {
		t.Fatalf("want the suppressed finding as one result with a suppression: %s", stdout)
	}
	res := run.Results[0]
	sup := res.Suppressions[0]
	if *sup.Kind != "external" || *sup.Status != "accepted" ||
		*sup.Justification != "run only ever receives constant input (app/.seclint-vuln.yml:2)" {
		t.Errorf("suppression = kind %s, status %s, justification %q",
			*sup.Kind, *sup.Status, *sup.Justification)
	}
	if len(res.PartialFingerprints) != 1 {
		t.Errorf("result has no partial fingerprint")
	}
	notes := run.Invocations[0].ToolConfigurationNotifications
	if len(notes) != 1 || !strings.Contains(*notes[0].Message.Text, "GO-2099-0003 matches no finding") {
		t.Errorf("the unused suppression is not a configuration notification")
	}
}
