package vuln

import (
	"strings"
	"testing"
)

// stream is a govulncheck -format json run, cut down: one advisory that
// affects two modules, reached in one and only imported in the other.
const stream = `{"config":{"protocol_version":"v1.0.0","scanner_name":"govulncheck","db":"file:///db","go_version":"go1.26.0","scan_level":"symbol"}}
{"progress":{"message":"Scanning your code and 12 packages across 3 dependent modules for known vulnerabilities..."}}
{"SBOM":{"go_version":"go1.26.0","modules":[{"path":"example.com/app"}]}}
{"osv":{"id":"GO-2099-0009","summary":"Shared flaw","aliases":["CVE-2099-9"],"affected":[],"database_specific":{"url":"https://example.com/GO-2099-0009"}}}
{"finding":{"osv":"GO-2099-0009","fixed_version":"v1.4.0","trace":[{"module":"example.com/a","version":"v1.3.0"}]}}
{"finding":{"osv":"GO-2099-0009","trace":[{"module":"example.com/b","version":"v0.2.0"}]}}
{"finding":{"osv":"GO-2099-0009","fixed_version":"v1.4.0","trace":[{"module":"example.com/a","version":"v1.3.0","package":"example.com/a/x"}]}}
{"finding":{"osv":"GO-2099-0009","trace":[{"module":"example.com/b","version":"v0.2.0","package":"example.com/b/y"}]}}
{"finding":{"osv":"GO-2099-0009","fixed_version":"v1.4.0","trace":[
  {"module":"example.com/a","version":"v1.3.0","package":"example.com/a/x","function":"Parse","receiver":"*Parser","position":{"filename":"x/x.go","line":9,"column":1}},
  {"module":"example.com/app","package":"example.com/app/cmd/tool","function":"main$1","position":{"filename":"cmd/tool/main.go","line":20,"column":8}},
  {"module":"example.com/app","package":"example.com/app/cmd/tool","function":"main","position":{"filename":"cmd/tool/main.go","line":12,"column":2}}]}}
`

func TestDecodeStream(t *testing.T) {
	res, err := decodeStream(strings.NewReader(stream))
	if err != nil {
		t.Fatal(err)
	}
	if res.config.DB != "file:///db" || res.config.ScanLevel != "symbol" {
		t.Errorf("config = %+v", res.config)
	}
	if len(res.findings) != 2 {
		t.Fatalf("%d findings, want one per module", len(res.findings))
	}

	a, b := res.findings[0], res.findings[1]
	if a.Module != "example.com/a" || a.Level != levelSymbol || a.FixedVersion != "v1.4.0" ||
		a.Version != "v1.3.0" || len(a.Traces) != 1 || a.OSV.Summary != "Shared flaw" {
		t.Errorf("module a: %+v", a)
	}
	if got, want := callPath(a.Traces[0]), "tool.main -> tool.main -> x.Parser.Parse"; got != want {
		t.Errorf("call path = %q, want %q", got, want)
	}
	if got, want := posString("", callSite(a.Traces[0]).Position), "cmd/tool/main.go:20:8"; got != want {
		t.Errorf("call site = %q, want %q (the call into the dependency)", got, want)
	}
	if b.Module != "example.com/b" || b.Level != levelPackage ||
		len(b.Packages) != 1 || b.Packages[0] != "example.com/b/y" || b.FixedVersion != "" {
		t.Errorf("module b: %+v", b)
	}
}

func TestDecodeStreamError(t *testing.T) {
	if _, err := decodeStream(strings.NewReader(`{"config":{}}` + "\n{oops")); err == nil {
		t.Errorf("a broken stream decoded without error")
	}
}

func TestPackageName(t *testing.T) {
	for path, want := range map[string]string{
		"example.com/app":         "app",
		"github.com/a/b/v2":       "b",
		"github.com/a/b/v2/inner": "inner",
		"v2":                      "v2",
		"net/http":                "http",
	} {
		if got := packageName(path); got != want {
			t.Errorf("packageName(%q) = %q, want %q", path, got, want)
		}
	}
}
