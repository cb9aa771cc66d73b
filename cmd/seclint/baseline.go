package main

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// A baseline records the findings a team has accepted for now, so that a
// later run reports only new ones. Entries carry no line numbers, so they
// survive edits elsewhere in the file, and no source text, so a baseline
// never holds a secret: the fingerprint is a hash of the rule, the file,
// the message (which never prints a secret) and the trimmed source line.
type baseline struct {
	Version  int             `json:"version"`
	Findings []baselineEntry `json:"findings"`
}

type baselineEntry struct {
	Rule        string `json:"rule"`
	File        string `json:"file"`
	Fingerprint string `json:"fingerprint"`
}

const baselineVersion = 1

// fingerprints returns one fingerprint per finding. Identical findings on
// identical lines of one file are numbered, so two of them in the
// baseline do not hide a third.
func fingerprints(fs []finding) []string {
	lines := newLineCache()
	count := make(map[string]int)
	out := make([]string, len(fs))
	for i, f := range fs {
		h := sha256.New()
		for _, part := range []string{f.analyzer, baselinePath(f.posn.Filename), f.message, lines.get(f.posn.Filename, f.posn.Line)} {
			h.Write([]byte(part))
			h.Write([]byte{0})
		}
		sum := hex.EncodeToString(h.Sum(nil))[:24]
		count[sum]++
		out[i] = fmt.Sprintf("%s-%d", sum, count[sum])
	}
	return out
}

// baselinePath is the file's path relative to the working directory, with
// slashes, so a baseline written on one machine matches on another.
func baselinePath(name string) string {
	return filepath.ToSlash(relPath(name))
}

func writeBaseline(path string, fs []finding) error {
	b := baseline{Version: baselineVersion, Findings: []baselineEntry{}}
	for i, fp := range fingerprints(fs) {
		b.Findings = append(b.Findings, baselineEntry{fs[i].analyzer, baselinePath(fs[i].posn.Filename), fp})
	}
	data, err := json.MarshalIndent(b, "", "\t")
	if err != nil {
		return err
	}
	// Write a sibling file and rename it, so that a failure never leaves
	// half a baseline behind.
	tmp, err := os.CreateTemp(filepath.Dir(path), ".seclint-baseline-*")
	if err != nil {
		var pe *os.PathError
		if errors.As(err, &pe) {
			err = pe.Err // it names the temporary file, not the one asked for
		}
		return fmt.Errorf("writing baseline %s: %w", path, err)
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(append(data, '\n')); err != nil {
		tmp.Close()
		return fmt.Errorf("writing baseline: %w", err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("writing baseline: %w", err)
	}
	return os.Rename(tmp.Name(), path)
}

func readBaseline(path string) (map[string]bool, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("reading baseline: %w", err)
	}
	var b baseline
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&b); err != nil {
		return nil, fmt.Errorf("baseline %s is not a seclint baseline: %v", path, err)
	}
	if b.Version != baselineVersion {
		return nil, fmt.Errorf("baseline %s has version %d, want %d", path, b.Version, baselineVersion)
	}
	known := make(map[string]bool)
	for _, e := range b.Findings {
		known[e.Fingerprint] = true
	}
	return known, nil
}

// newSince returns the findings whose fingerprints are not known.
func newSince(known map[string]bool, fs []finding) []finding {
	var out []finding
	for i, fp := range fingerprints(fs) {
		if !known[fp] {
			out = append(out, fs[i])
		}
	}
	return out
}

// lineCache reads each source file once.
type lineCache map[string][]string

func newLineCache() lineCache { return make(lineCache) }

func (c lineCache) get(file string, line int) string {
	lines, ok := c[file]
	if !ok {
		data, _ := os.ReadFile(file) // an unreadable file fingerprints by message alone
		lines = strings.Split(string(data), "\n")
		c[file] = lines
	}
	if line < 1 || line > len(lines) {
		return ""
	}
	return strings.TrimSpace(lines[line-1])
}
