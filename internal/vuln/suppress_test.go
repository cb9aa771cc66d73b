package vuln

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestParseSuppressions(t *testing.T) {
	got, err := parseSuppressions("s.yml", []byte(`# assessed 2026-11
suppress:
  - id: GO-2024-2687
    reason: >
      we never parse HTTP/2
      from untrusted peers
    module: golang.org/x/net
    expires: 2027-06-30

  - id: GO-2023-12345
    reason: "test helper only"
`))
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 {
		t.Fatalf("got %d entries, want 2", len(got))
	}
	a, b := got[0], got[1]
	if a.ID != "GO-2024-2687" || a.Module != "golang.org/x/net" || a.Line != 3 ||
		!a.expiry.Equal(time.Date(2027, 6, 30, 0, 0, 0, 0, time.UTC)) ||
		!strings.HasPrefix(a.Reason, "we never parse HTTP/2 from") {
		t.Errorf("first entry = %+v", a)
	}
	if b.ID != "GO-2023-12345" || b.Module != "" || b.Line != 10 || !b.expiry.IsZero() {
		t.Errorf("second entry = %+v", b)
	}

	for _, empty := range []string{"", "# nothing yet\n", "suppress:\n", "suppress: []\n"} {
		got, err := parseSuppressions("s.yml", []byte(empty))
		if err != nil || len(got) != 0 {
			t.Errorf("parse(%q) = %v, %v; want no entries", empty, got, err)
		}
	}
}

func TestMalformedSuppressions(t *testing.T) {
	for _, tc := range []struct{ file, want string }{
		{"suppress:\n  - id: GO-2024-2687\n",
			"s.yml:2: suppression of GO-2024-2687 has no reason; say why the finding does not apply"},
		{"suppress:\n  - id: GO-2024-2687\n    reason: '  '\n",
			"s.yml:2: suppression of GO-2024-2687 has no reason"},
		{"suppress:\n  - id: CVE-2024-1234\n    reason: r\n",
			`s.yml:2: id "CVE-2024-1234" is not a Go advisory ID such as GO-2024-2687`},
		{"suppress:\n  - reason: r\n",
			`s.yml:2: id "" is not a Go advisory ID`},
		{"suppress:\n  - id: GO-2024-2687\n    reason: r\n    expires: 30/06/2025\n",
			`s.yml:2: expires "30/06/2025" of GO-2024-2687 is not a date in the form YYYY-MM-DD`},
		{"suppress:\n  - id: GO-2024-2687\n    reason: r\n    expires: 2025-02-30\n",
			`s.yml:2: expires "2025-02-30" of GO-2024-2687 is not a date`},
		{"suppress:\n  - id: GO-2024-2687\n    reason: r\n    module: golang.org/x/net@v0.1.0\n",
			`s.yml:2: module "golang.org/x/net@v0.1.0" of GO-2024-2687 is not a module path`},
		{"suppress:\n  - id: GO-2024-2687\n    reason: r\n  - id: GO-2024-2687\n    reason: again\n",
			"s.yml:4: GO-2024-2687 is already suppressed on line 2"},
		{"suppress:\n  - id: GO-2024-2687\n    reason: r\n    expire: 2025-01-01\n",
			"s.yml: line 4: field expire not found in a suppress entry (id, reason, module, expires)"},
		{"ignore:\n  - id: GO-2024-2687\n",
			"s.yml: line 1: field ignore not found at the top level (suppress)"},
		{"suppress:\n  - id: GO-2024-2687\n    reason: [\n",
			"s.yml: line 3: did not find expected node content"},
		{"- id: GO-2024-2687\n",
			"s.yml: line 1: cannot unmarshal !!seq into the suppression file (want suppress: and a list)"},
		{"suppress:\n  -\n", "s.yml: entry 1 of suppress is empty"},
	} {
		_, err := parseSuppressions("s.yml", []byte(tc.file))
		if err == nil {
			t.Errorf("parse(%q) succeeded, want error %q", tc.file, tc.want)
			continue
		}
		if msg := err.Error(); !strings.HasPrefix(msg, tc.want) || strings.Contains(msg, "\n") {
			t.Errorf("parse(%q):\n got %q\nwant %q, on one line", tc.file, msg, tc.want)
		}
	}
}

func TestLoadSuppressionsMissingFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), DefaultSuppressionFile)
	if got, err := loadSuppressions(path, false); got != nil || err != nil {
		t.Errorf("default file absent: got %v, %v; want nothing", got, err)
	}
	if _, err := loadSuppressions(path, true); err == nil {
		t.Errorf("-config file absent: no error")
	}
	if err := os.WriteFile(path, []byte("suppress: 3\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := loadSuppressions(path, false); err == nil {
		t.Errorf("malformed default file: no error")
	}
}

func TestApplySuppressions(t *testing.T) {
	day := func(s string) time.Time {
		d, err := time.Parse(time.DateOnly, s)
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	entry := func(id, module, expires string) *Suppression {
		s := &Suppression{ID: id, Reason: "r", Module: module, Expires: expires}
		if err := s.check(); err != nil {
			t.Fatal(err)
		}
		return s
	}
	anyModule := entry("GO-2000-0001", "", "")
	lastDay := entry("GO-2000-0002", "example.com/a", "2026-03-01")
	otherModule := entry("GO-2000-0003", "example.com/b", "")
	stale := entry("GO-2000-0004", "", "2026-02-28")
	findings := []*Finding{
		{ID: "GO-2000-0001", Module: "example.com/a"},
		{ID: "GO-2000-0002", Module: "example.com/a"},
		{ID: "GO-2000-0003", Module: "example.com/a"},
		{ID: "GO-2000-0004", Module: "example.com/a"},
	}
	entries := []*Suppression{anyModule, lastDay, otherModule, stale}

	expired, unused := applySuppressions(findings, entries, day("2026-03-01"))
	want := []*Suppression{anyModule, lastDay, nil, nil}
	for i, f := range findings {
		if f.Suppression != want[i] {
			t.Errorf("%s suppressed by %v, want %v", f.ID, f.Suppression, want[i])
		}
	}
	if len(expired) != 1 || expired[0] != stale {
		t.Errorf("expired = %v, want [%v]", expired, stale)
	}
	if len(unused) != 1 || unused[0] != otherModule {
		t.Errorf("unused = %v, want [%v]", unused, otherModule)
	}

	// The day after its expiry date, an entry stops hiding its finding.
	for _, f := range findings {
		f.Suppression = nil
	}
	expired, _ = applySuppressions(findings, entries, day("2026-03-02"))
	if findings[1].Suppression != nil || len(expired) != 2 {
		t.Errorf("on 2026-03-02: GO-2000-0002 suppressed by %v, expired %v", findings[1].Suppression, expired)
	}
}

func TestDayOf(t *testing.T) {
	// Late evening west of UTC is still the local calendar day.
	loc := time.FixedZone("UTC-8", -8*3600)
	got := dayOf(time.Date(2026, 3, 1, 23, 30, 0, 0, loc))
	if want := time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC); !got.Equal(want) {
		t.Errorf("dayOf = %v, want %v", got, want)
	}
}
