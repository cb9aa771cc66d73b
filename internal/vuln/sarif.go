package vuln

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"net/url"
	"path"
	"path/filepath"
	"strings"

	"github.com/owenrumney/go-sarif/v3/pkg/report/v210/sarif"
)

const toolURI = "https://github.com/scaile/seclint"

// writeSARIF writes a SARIF 2.1.0 log: one rule per advisory, one
// result per call path (or per finding below symbol level). Suppressed
// findings are included with a SARIF suppression carrying the reason,
// which code-scanning tools show as dismissed instead of dropping.
func writeSARIF(w io.Writer, rep *report) error {
	run := sarif.NewRunWithInformationURI("seclint", toolURI)
	for _, f := range append(append([]*Finding{}, rep.findings...), rep.suppressed...) {
		addRule(run, f)
		for _, res := range sarifResults(run, f, rep.dir) {
			if s := f.Suppression; s != nil {
				res.AddSuppression(sarif.NewSuppression().
					WithKind("external").
					WithStatus("accepted").
					WithJustification(fmt.Sprintf("%s (%s:%d)", oneLine(s.Reason), s.File, s.Line)))
			}
		}
	}
	run.AddInvocation(sarifInvocation(rep))

	log := sarif.NewReport()
	log.AddRun(run)
	if err := log.PrettyWrite(w); err != nil {
		return err
	}
	_, err := io.WriteString(w, "\n")
	return err
}

// addRule declares the advisory of f as a rule, once.
func addRule(run *sarif.Run, f *Finding) {
	if run.GetRuleIndex(f.ID) >= 0 {
		return
	}
	rule := run.AddRule(f.ID).WithName(f.ID)
	summary := f.OSV.Summary
	if summary == "" {
		summary = "vulnerability " + f.ID
	}
	rule.WithDescription(summary)
	if f.OSV.Details != "" {
		rule.WithFullDescription(sarif.NewMultiformatMessageString().WithText(f.OSV.Details))
	}
	if f.OSV.Database.URL != "" {
		rule.WithHelpURI(f.OSV.Database.URL)
	}
	rule.WithDefaultConfiguration(sarif.NewReportingConfiguration().WithLevel("error"))
	props := sarif.NewPropertyBag()
	props.WithTags([]string{"security", "vulnerability"})
	if len(f.OSV.Aliases) > 0 {
		props.Add("aliases", f.OSV.Aliases)
	}
	rule.WithProperties(props)
}

// fingerprint identifies a result across runs, so that code-scanning
// tools keep its state (dismissed, fixed) when lines move: the advisory,
// the module and, for a call path, the functions on it.
func fingerprint(f *Finding, path string) map[string]string {
	sum := sha256.Sum256([]byte(f.ID + "\x00" + f.Module + "\x00" + path))
	return map[string]string{"seclint-vuln/v1": hex.EncodeToString(sum[:16])}
}

// sarifResults adds the results of f to run and returns them. A call
// path is shown at the call the scanned code makes; a finding without
// one (package or module level) is shown at go.mod.
func sarifResults(run *sarif.Run, f *Finding, dir string) []*sarif.Result {
	var results []*sarif.Result
	if f.Level != levelSymbol {
		how := strings.Join(evidence(f, dir), "; ")
		res := run.CreateResultForRule(f.ID).
			WithLevel("error").
			WithMessage(sarif.NewTextMessage(sarifMessage(f, how))).
			WithPartialFingerprints(fingerprint(f, f.Level)).
			AddLocation(sarifLocation(path.Join(filepath.ToSlash(dir), "go.mod"), 1, 1))
		return append(results, res)
	}
	for _, t := range f.Traces {
		site := callSite(t)
		file, line, col := path.Join(filepath.ToSlash(dir), "go.mod"), 1, 1
		if p := site.Position; p != nil && p.Line > 0 && p.Filename != "" {
			file, line, col = siteFile(dir, p), p.Line, max(p.Column, 1)
		}
		res := run.CreateResultForRule(f.ID).
			WithLevel("error").
			WithMessage(sarif.NewTextMessage(sarifMessage(f, "call path: "+callPath(t)))).
			WithPartialFingerprints(fingerprint(f, callPath(t))).
			AddLocation(sarifLocation(file, line, col))
		results = append(results, res)
	}
	return results
}

// sarifMessage words a result: the advisory, the module and its fix,
// then how the code is affected.
func sarifMessage(f *Finding, how string) string {
	msg := f.ID
	if f.OSV.Summary != "" {
		msg += ": " + f.OSV.Summary
	}
	return fmt.Sprintf("%s; module %s, %s; %s",
		msg, moduleVersion(f.Module, f.Version), fixedText(f), how)
}

// sarifLocation is a position in file, a slash-separated path relative
// to the directory seclint runs in (the source root for code scanning),
// or an absolute one when -C named an absolute directory.
func sarifLocation(file string, line, col int) *sarif.Location {
	loc := sarif.NewSimpleArtifactLocation(file).WithURIBaseID("%SRCROOT%")
	if abs := filepath.FromSlash(file); filepath.IsAbs(abs) {
		u := url.URL{Scheme: "file", Path: file}
		if !strings.HasPrefix(u.Path, "/") {
			u.Path = "/" + u.Path // Windows: file:///C:/...
		}
		loc = sarif.NewSimpleArtifactLocation(u.String())
	}
	return sarif.NewLocationWithPhysicalLocation(
		sarif.NewPhysicalLocation().
			WithArtifactLocation(loc).
			WithRegion(sarif.NewRegion().WithStartLine(line).WithStartColumn(col)),
	)
}

// sarifInvocation records the run, with the expired and unused
// suppressions as configuration notifications.
func sarifInvocation(rep *report) *sarif.Invocation {
	inv := sarif.NewInvocation().WithExecutionSuccessful(true)
	note := func(s *Suppression, text string) {
		inv.AddToolConfigurationNotification(sarif.NewNotification().
			WithLevel("warning").
			WithMessage(sarif.NewTextMessage(text)).
			AddLocation(sarifLocation(filepath.ToSlash(s.File), max(s.Line, 1), 1)))
	}
	for _, s := range rep.expired {
		note(s, fmt.Sprintf("suppression of %s expired on %s; its findings are reported again",
			s, s.Expires))
	}
	for _, s := range rep.unused {
		note(s, fmt.Sprintf("suppression of %s matches no finding; remove it", s))
	}
	return inv
}
