package vuln

import (
	"encoding/json"
	"fmt"
	"io"
	"path"
	"path/filepath"
	"strconv"
	"strings"
)

func write(w io.Writer, format string, rep *report) error {
	switch format {
	case "json":
		return writeJSON(w, rep)
	case "sarif":
		return writeSARIF(w, rep)
	}
	return writeText(w, rep)
}

// writeText prints one block per finding, then a summary that lists
// every suppressed finding with its reason, so that none is hidden
// silently.
func writeText(w io.Writer, rep *report) error {
	var b strings.Builder
	for i, f := range rep.findings {
		if i > 0 {
			b.WriteString("\n")
		}
		textFinding(&b, f, rep.dir)
	}

	if len(rep.findings)+len(rep.suppressed)+len(rep.unreached) > 0 {
		if b.Len() > 0 {
			b.WriteString("\n")
		}
		fmt.Fprintf(&b, "%d %s reported, %d suppressed (scan level %s)\n",
			len(rep.findings), plural(len(rep.findings), "vulnerability", "vulnerabilities"),
			len(rep.suppressed), rep.level)
	}
	for _, f := range rep.suppressed {
		s := f.Suppression
		until := ""
		if s.Expires != "" {
			until = ", until " + s.Expires
		}
		fmt.Fprintf(&b, "  suppressed %s in %s (%s:%d%s): %s\n",
			f.ID, f.Module, s.File, s.Line, until, oneLine(s.Reason))
	}
	if n := len(rep.unreached); n == 1 {
		fmt.Fprintf(&b, "  1 more advisory affects %s, "+
			"but no call reaches its vulnerable code; %s it\n",
			belowLevel(rep.level), rescanHint(rep.level))
	} else if n > 1 {
		fmt.Fprintf(&b, "  %d more advisories affect %s, "+
			"but no call reaches their vulnerable code; %s them\n",
			n, belowLevel(rep.level), rescanHint(rep.level))
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// textFinding writes one finding:
//
//	GO-2099-0001 (CVE-2099-10001): Unchecked input in example.com/vulnlib/parse
//	  module example.com/vulnlib@v1.0.0, fixed in v1.1.0
//	  main.go:16:9: app.main -> app.run -> parse.Unsafe
//	  https://pkg.go.dev/vuln/GO-2099-0001
func textFinding(b *strings.Builder, f *Finding, dir string) {
	b.WriteString(f.ID)
	if len(f.OSV.Aliases) > 0 {
		fmt.Fprintf(b, " (%s)", strings.Join(f.OSV.Aliases, ", "))
	}
	if f.OSV.Summary != "" {
		fmt.Fprintf(b, ": %s", f.OSV.Summary)
	}
	b.WriteString("\n")
	fmt.Fprintf(b, "  module %s, %s\n", moduleVersion(f.Module, f.Version), fixedText(f))
	for _, line := range evidence(f, dir) {
		fmt.Fprintf(b, "  %s\n", line)
	}
	if f.OSV.Database.URL != "" {
		fmt.Fprintf(b, "  %s\n", f.OSV.Database.URL)
	}
}

// evidence describes why a finding applies: one line per call path at
// symbol level, one per imported package at package level. dir is the
// scanned directory, which call sites are relative to.
func evidence(f *Finding, dir string) []string {
	var lines []string
	switch f.Level {
	case levelSymbol:
		for _, t := range f.Traces {
			line := callPath(t)
			if p := posString(dir, callSite(t).Position); p != "" {
				line = p + ": " + line
			}
			lines = append(lines, line)
		}
	case levelPackage:
		for _, p := range f.Packages {
			lines = append(lines, "imports "+p)
		}
	default:
		lines = append(lines, "requires "+moduleVersion(f.Module, f.Version))
	}
	return lines
}

func fixedText(f *Finding) string {
	if f.FixedVersion == "" {
		return "no fixed version yet"
	}
	return "fixed in " + f.FixedVersion
}

func moduleVersion(mod, version string) string {
	if version == "" {
		return mod
	}
	return mod + "@" + version
}

// callSite returns the frame of t that leaves the scanned module: the
// frame of the entry point's module nearest to the vulnerable symbol.
// Its position is the call that the user's code makes, the place to
// show a finding at.
func callSite(t []Frame) Frame {
	entry := t[len(t)-1]
	for i := 1; i < len(t); i++ {
		if t[i].Module == entry.Module && t[i].Position != nil && t[i].Position.Line > 0 {
			return t[i]
		}
	}
	return entry
}

// callPath renders a trace from the entry point to the vulnerable
// symbol: app.main -> app.run -> parse.Unsafe.
func callPath(t []Frame) string {
	names := make([]string, 0, len(t))
	for i := len(t) - 1; i >= 0; i-- {
		names = append(names, symbol(t[i]))
	}
	return strings.Join(names, " -> ")
}

// symbol names a frame's function the way Go code calls it: package
// name, then receiver type, then function. Closures (f$1) are named by
// their enclosing function.
func symbol(fr Frame) string {
	var b strings.Builder
	if fr.Package != "" {
		b.WriteString(packageName(fr.Package))
		b.WriteString(".")
	}
	if fr.Receiver != "" {
		b.WriteString(strings.TrimPrefix(fr.Receiver, "*"))
		b.WriteString(".")
	}
	name, _, _ := strings.Cut(fr.Function, "$")
	b.WriteString(name)
	return b.String()
}

// packageName guesses the name of the package at importPath: its last
// element, skipping a major version suffix such as /v2.
func packageName(importPath string) string {
	base := path.Base(importPath)
	if len(base) > 1 && base[0] == 'v' {
		if _, err := strconv.Atoi(base[1:]); err == nil && path.Dir(importPath) != "." {
			base = path.Base(path.Dir(importPath))
		}
	}
	return base
}

// posString prints a call site as file:line:col. govulncheck makes the
// file name relative to the scanned module; joining dir makes it
// relative to the directory seclint runs in, so that editors and
// code-scanning tools find the file.
func posString(dir string, p *Position) string {
	if p == nil || p.Line <= 0 {
		return ""
	}
	file := siteFile(dir, p)
	if p.Column > 0 {
		return fmt.Sprintf("%s:%d:%d", file, p.Line, p.Column)
	}
	return fmt.Sprintf("%s:%d", file, p.Line)
}

// siteFile is the file name of a call site, relative to the directory
// seclint runs in, with forward slashes.
func siteFile(dir string, p *Position) string {
	if p.Filename == "" || path.IsAbs(p.Filename) {
		return p.Filename
	}
	return path.Join(filepath.ToSlash(dir), p.Filename)
}

// belowLevel names what the unreached findings are, given the level.
func belowLevel(level string) string {
	if level == levelSymbol {
		return "packages you import or modules you require"
	}
	return "modules you require"
}

func rescanHint(level string) string {
	if level == levelSymbol {
		return "-scan package or -scan module lists"
	}
	return "-scan module lists"
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// jsonReport is the -format json document.
type jsonReport struct {
	DB         string         `json:"db,omitempty"`
	GoVersion  string         `json:"go_version,omitempty"`
	ScanLevel  string         `json:"scan_level"`
	Findings   []jsonFinding  `json:"findings"`
	Suppressed []jsonFinding  `json:"suppressed"`
	Unreached  []jsonFinding  `json:"unreached"`
	Expired    []*Suppression `json:"expired_suppressions"`
	Unused     []*Suppression `json:"unused_suppressions"`
}

type jsonFinding struct {
	ID           string       `json:"id"`
	Aliases      []string     `json:"aliases,omitempty"`
	Summary      string       `json:"summary,omitempty"`
	URL          string       `json:"url,omitempty"`
	Module       string       `json:"module"`
	Version      string       `json:"version,omitempty"`
	FixedVersion string       `json:"fixed_version,omitempty"`
	Level        string       `json:"level"`
	Packages     []string     `json:"packages,omitempty"`
	Paths        []jsonPath   `json:"paths,omitempty"`
	Suppression  *Suppression `json:"suppression,omitempty"`
}

// jsonPath is one call path: where the scanned code makes the call,
// the path in words, and the frames as govulncheck reported them.
type jsonPath struct {
	Position string  `json:"position,omitempty"`
	Path     string  `json:"path"`
	Frames   []Frame `json:"frames"`
}

func writeJSON(w io.Writer, rep *report) error {
	doc := jsonReport{
		DB:         rep.config.DB,
		GoVersion:  rep.config.GoVersion,
		ScanLevel:  rep.level,
		Findings:   jsonFindings(rep.findings, rep.dir),
		Suppressed: jsonFindings(rep.suppressed, rep.dir),
		Unreached:  jsonFindings(rep.unreached, rep.dir),
		Expired:    nonNil(rep.expired),
		Unused:     nonNil(rep.unused),
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false) // call paths contain "->"
	enc.SetIndent("", "\t")
	return enc.Encode(doc)
}

func jsonFindings(fs []*Finding, dir string) []jsonFinding {
	out := make([]jsonFinding, 0, len(fs))
	for _, f := range fs {
		jf := jsonFinding{
			ID:           f.ID,
			Aliases:      f.OSV.Aliases,
			Summary:      f.OSV.Summary,
			URL:          f.OSV.Database.URL,
			Module:       f.Module,
			Version:      f.Version,
			FixedVersion: f.FixedVersion,
			Level:        f.Level,
			Packages:     f.Packages,
			Suppression:  f.Suppression,
		}
		for _, t := range f.Traces {
			jf.Paths = append(jf.Paths, jsonPath{
				Position: posString(dir, callSite(t).Position),
				Path:     callPath(t),
				Frames:   t,
			})
		}
		out = append(out, jf)
	}
	return out
}

// nonNil makes empty lists print as [] rather than null.
func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}
