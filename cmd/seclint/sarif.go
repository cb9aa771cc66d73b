package main

import (
	"io"
	"net/url"
	"os"
	"path/filepath"
	"strconv"

	sarifreport "github.com/owenrumney/go-sarif/v3/pkg/report"
	"github.com/owenrumney/go-sarif/v3/pkg/report/v210/sarif"

	"github.com/scaile/seclint/analyzers/rule"
)

// redactionToken stands where a finding's message left out a secret.
const redactionToken = "[REDACTED]"

// writeSARIF prints a SARIF 2.1.0 log with one run. Every rule of the
// registry is described, whether or not it fired, so that code-scanning
// tools can show its help next to any later result.
func writeSARIF(w io.Writer, rep *report, rules []*rule.Rule) error {
	log := sarifreport.NewV210Report()
	run := sarif.NewRunWithInformationURI("seclint", "https://github.com/scaile/seclint")
	run.Tool.Driver.WithSemanticVersion(version).WithVersion(version)
	run.AddRedactionToken(redactionToken)
	if wd, err := os.Getwd(); err == nil {
		// Locations are relative to %SRCROOT%, the directory seclint ran in.
		root := (&url.URL{Scheme: "file", Path: filepath.ToSlash(wd) + "/"}).String()
		run.WithOriginalUriBaseIds(map[string]sarif.ArtifactLocation{"%SRCROOT%": *sarif.NewSimpleArtifactLocation(root)})
	}
	for _, r := range rules {
		addSARIFRule(run, r)
	}
	run.AddRule(directiveRule).
		WithShortDescription(sarif.NewMultiformatMessageString().WithText("check //seclint:ignore directives")).
		WithFullDescription(sarif.NewMultiformatMessageString().WithText(
			"Reports //seclint:ignore directives that name no rule, an unknown rule, or suppress nothing."))

	fps := fingerprints(rep.findings)
	for i, f := range rep.findings {
		uri := baselinePath(f.posn.Filename)
		region := sarif.NewRegion().WithStartLine(f.posn.Line).WithStartColumn(f.posn.Column)
		run.CreateResultForRule(f.analyzer).
			WithLevel(sarifLevel(f.analyzer)).
			WithMessage(sarif.NewTextMessage(f.message)).
			WithPartialFingerprints(map[string]string{"seclint/v1": fps[i]}).
			AddLocation(sarif.NewLocationWithPhysicalLocation(
				sarif.NewPhysicalLocation().
					WithArtifactLocation(sarif.NewSimpleArtifactLocation(uri).WithURIBaseID("%SRCROOT%")).
					WithRegion(region)))
	}
	inv := sarif.NewInvocation().WithExecutionSuccessful(len(rep.errs) == 0)
	for _, e := range rep.errs {
		inv.AddToolExecutionNotification(
			sarif.NewNotification().WithLevel("error").WithMessage(sarif.NewTextMessage(e.Error())))
	}
	run.AddInvocation(inv)
	log.AddRun(run)
	return log.PrettyWrite(w)
}

func addSARIFRule(run *sarif.Run, r *rule.Rule) {
	props := sarif.NewPropertyBag()
	tags := []string{"security"}
	for _, id := range r.CWE {
		tags = append(tags, "external/cwe/cwe-"+strconv.Itoa(id))
	}
	props.WithTags(tags)
	props.Add("security-severity", r.Severity.Score())
	props.Add("precision", "high")
	run.AddRule(r.Name()).
		WithName(r.Name()).
		WithShortDescription(sarif.NewMultiformatMessageString().WithText(r.Compiled.Title)).
		WithFullDescription(sarif.NewMultiformatMessageString().WithText(firstSentence(r.Compiled.Text))).
		WithHelpURI(r.Analyzer.URL).
		WithHelp(sarif.NewMultiformatMessageString().
			WithText(r.Text()).
			WithMarkdown(r.Markdown())).
		WithDefaultConfiguration(sarif.NewReportingConfiguration().WithLevel(levelOf(r.Severity))).
		WithProperties(props)
}

func sarifLevel(name string) string {
	if r := lookupRule(name); r != nil {
		return levelOf(r.Severity)
	}
	return "warning"
}

func levelOf(s rule.Severity) string {
	switch s {
	case rule.High, rule.Critical:
		return "error"
	case rule.Medium:
		return "warning"
	}
	return "note"
}
