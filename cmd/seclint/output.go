package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/scaile/seclint/analyzers/rule"
)

func write(w io.Writer, format string, rep *report, rules []*rule.Rule) error {
	switch format {
	case "json":
		return writeJSON(w, rep)
	case "sarif":
		return writeSARIF(w, rep, rules)
	}
	for _, f := range rep.findings {
		posn := f.posn
		posn.Filename = relPath(posn.Filename)
		if _, err := fmt.Fprintf(w, "%s: %s: %s\n", posn, f.analyzer, f.message); err != nil {
			return err
		}
	}
	return nil
}

// jsonDiagnostic is one finding in the shape go vet -json prints.
type jsonDiagnostic struct {
	Posn           string    `json:"posn"`
	End            string    `json:"end"`
	Message        string    `json:"message"`
	SuggestedFixes []jsonFix `json:"suggested_fixes,omitempty"`
}

type jsonFix struct {
	Message string     `json:"message"`
	Edits   []jsonEdit `json:"edits"`
}

type jsonEdit struct {
	Filename string `json:"filename"`
	Start    int    `json:"start"`
	End      int    `json:"end"`
	New      string `json:"new"`
}

// jsonError stands in the tree for an analysis that failed.
type jsonError struct {
	Err string `json:"error"`
}

// writeJSON prints findings as go vet -json does: by package, then by
// analyzer, a failed analysis as an object with an "error" key. The
// failures of a whole package are listed under the key "seclint".
// encoding/json sorts map keys, so the output is deterministic.
func writeJSON(w io.Writer, rep *report) error {
	tree := make(map[string]map[string]any)
	node := func(pkg string) map[string]any {
		if tree[pkg] == nil {
			tree[pkg] = make(map[string]any)
		}
		return tree[pkg]
	}
	for _, f := range rep.findings {
		d := jsonDiagnostic{Posn: f.posn.String(), End: f.end.String(), Message: f.message}
		if len(f.edits) > 0 {
			fix := jsonFix{Message: f.fix}
			for _, e := range f.edits {
				fix.Edits = append(fix.Edits, jsonEdit{e.file, e.start, e.end, e.text})
			}
			d.SuggestedFixes = []jsonFix{fix}
		}
		byAnalyzer := node(f.pkg)
		list, _ := byAnalyzer[f.analyzer].([]jsonDiagnostic)
		byAnalyzer[f.analyzer] = append(list, d)
	}
	for _, e := range rep.errs {
		pkg, name, msg := directiveRule, directiveRule, e.Error()
		var p *problem
		if errors.As(e, &p) {
			pkg, msg = p.pkg, p.msg
			if p.analyzer != "" {
				name = p.analyzer
			}
		}
		byAnalyzer := node(pkg)
		if prev, ok := byAnalyzer[name].(jsonError); ok {
			msg = prev.Err + "\n" + msg // one error per analyzer, as go vet has
		}
		byAnalyzer[name] = jsonError{msg}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "\t")
	return enc.Encode(tree)
}

// firstSentence cuts s after its first sentence, for short descriptions.
func firstSentence(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if i := strings.Index(s, ". "); i >= 0 {
		return s[:i+1]
	}
	return s
}
