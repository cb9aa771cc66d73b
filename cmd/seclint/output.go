package main

import (
	"encoding/json"
	"fmt"
	"io"
)

func write(w io.Writer, format string, rep *report) error {
	if format == "json" {
		return writeJSON(w, rep)
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
// analyzer. encoding/json sorts map keys, so the output is deterministic.
func writeJSON(w io.Writer, rep *report) error {
	tree := make(map[string]map[string][]jsonDiagnostic)
	for _, f := range rep.findings {
		byAnalyzer := tree[f.pkg]
		if byAnalyzer == nil {
			byAnalyzer = make(map[string][]jsonDiagnostic)
			tree[f.pkg] = byAnalyzer
		}
		byAnalyzer[f.analyzer] = append(byAnalyzer[f.analyzer], jsonDiagnostic{
			Posn:    f.posn.String(),
			Message: f.message,
		})
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "\t")
	return enc.Encode(tree)
}
