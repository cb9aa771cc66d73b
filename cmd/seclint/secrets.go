package main

import (
	"fmt"
	"go/token"
	"os"
	"path/filepath"

	"github.com/scaile/seclint/analyzers/hardcodedsecret"
)

// scanTexts scans files that are not Go source (configs, .env files,
// scripts, Dockerfiles) with the secret rules of hardcodedsecret, under
// its flags. It is what the seclint-secrets pre-commit hook runs. A file
// that cannot be read is an error; the others are still scanned.
func scanTexts(paths []string) (*report, error) {
	rep := new(report)
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			rep.errs = append(rep.errs, &problem{pkg: p, msg: err.Error(), file: true})
			continue
		}
		abs, err := filepath.Abs(p)
		if err != nil {
			return nil, err
		}
		found, err := hardcodedsecret.ScanText(filepath.ToSlash(p), data)
		if err != nil {
			return nil, fmt.Errorf("-%s.%v", hardcodedsecret.Analyzer.Name, err)
		}
		for _, s := range found {
			posn := token.Position{Filename: abs, Line: s.Line, Column: s.Column}
			rep.findings = append(rep.findings, finding{
				pkg:      filepath.ToSlash(p), // a text file stands for its package
				analyzer: hardcodedsecret.Analyzer.Name,
				posn:     posn,
				end:      posn,
				message:  s.Message(),
			})
		}
	}
	sortFindings(rep.findings)
	return rep, nil
}
