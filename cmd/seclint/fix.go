package main

import (
	"fmt"
	"go/token"
	"io"
	"os"
	"slices"

	"github.com/aymanbagabas/go-udiff"
)

// applyFixes applies the first suggested fix of each finding, or with
// showDiff prints the change as a unified diff and writes nothing. A fix
// whose edits overlap an earlier one is skipped: the next run offers it
// again on the new text. It returns the findings whose fix was applied.
func applyFixes(fs []finding, showDiff bool, out io.Writer) (map[token.Position]bool, error) {
	byFile := make(map[string][]udiff.Edit)
	fixed := make(map[token.Position]bool)
	for _, f := range fs {
		if len(f.edits) == 0 || overlaps(byFile, f.edits) {
			continue
		}
		for _, e := range f.edits {
			byFile[e.file] = append(byFile[e.file], udiff.Edit{Start: e.start, End: e.end, New: e.text})
		}
		fixed[f.posn] = true
	}

	files := make([]string, 0, len(byFile))
	for name := range byFile {
		files = append(files, name)
	}
	slices.Sort(files)
	for _, name := range files {
		if err := fixFile(name, byFile[name], showDiff, out); err != nil {
			return nil, err
		}
	}
	return fixed, nil
}

// overlaps reports whether any of edits touches text that an accepted
// edit already changes.
func overlaps(byFile map[string][]udiff.Edit, edits []edit) bool {
	for _, e := range edits {
		for _, o := range byFile[e.file] {
			if e.start < o.End && o.Start < e.end || e.start == o.Start {
				return true
			}
		}
	}
	return false
}

func fixFile(name string, edits []udiff.Edit, showDiff bool, out io.Writer) error {
	src, err := os.ReadFile(name)
	if err != nil {
		return err
	}
	udiff.SortEdits(edits)
	fixed, err := udiff.Apply(string(src), edits)
	if err != nil {
		return fmt.Errorf("fixing %s: %v", name, err)
	}
	if showDiff {
		rel := relPath(name)
		_, err := io.WriteString(out, udiff.Unified("a/"+rel, "b/"+rel, string(src), fixed))
		return err
	}
	info, err := os.Stat(name)
	if err != nil {
		return err
	}
	return os.WriteFile(name, []byte(fixed), info.Mode().Perm())
}
