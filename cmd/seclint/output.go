package main

import (
	"encoding/json"
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
	Posn    string `json:"posn"`
	Message string `json:"message"`
}

// writeJSON prints findings as go vet -json does: by package, then by
// analyzer, with the package errors under "error" keys. encoding/json
// sorts map keys, so the output is deterministic.
func writeJSON(w io.Writer, rep *report) error {
	tree := make(map[string]map[string]any)
	for _, f := range rep.findings {
		byAnalyzer := tree[f.pkg]
		if byAnalyzer == nil {
			byAnalyzer = make(map[string]any)
			tree[f.pkg] = byAnalyzer
		}
		list, _ := byAnalyzer[f.analyzer].([]jsonDiagnostic)
		byAnalyzer[f.analyzer] = append(list, jsonDiagnostic{
			Posn:    f.posn.String(),
			Message: f.message,
		})
	}
	if len(rep.errs) > 0 {
		msgs := make([]string, len(rep.errs))
		for i, e := range rep.errs {
			msgs[i] = e.Error()
		}
		tree["seclint"] = map[string]any{"errors": msgs}
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
