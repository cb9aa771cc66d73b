package vuln

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strings"

	"golang.org/x/vuln/scan"
)

// The types below mirror the documented shape of the govulncheck JSON
// stream (golang.org/x/vuln/internal/govulncheck, protocol v1.0.0). That
// package is internal, so only the fields seclint reads are declared.

// message is one value of the stream; exactly one field is set.
type message struct {
	Config  *scanConfig `json:"config,omitempty"`
	OSV     *osvEntry   `json:"osv,omitempty"`
	Finding *rawFinding `json:"finding,omitempty"`
	// Progress and SBOM messages are informational and skipped.
}

type scanConfig struct {
	ProtocolVersion string `json:"protocol_version"`
	ScannerVersion  string `json:"scanner_version,omitempty"`
	DB              string `json:"db,omitempty"`
	GoVersion       string `json:"go_version,omitempty"`
	ScanLevel       string `json:"scan_level,omitempty"`
}

// osvEntry is the part of an OSV advisory that the reports show.
type osvEntry struct {
	ID       string   `json:"id"`
	Summary  string   `json:"summary,omitempty"`
	Details  string   `json:"details,omitempty"`
	Aliases  []string `json:"aliases,omitempty"`
	Database struct {
		URL string `json:"url,omitempty"`
	} `json:"database_specific"`
}

type rawFinding struct {
	OSV          string   `json:"osv"`
	FixedVersion string   `json:"fixed_version,omitempty"`
	Trace        []*Frame `json:"trace,omitempty"`
}

// A Frame is one step of a call path, as govulncheck reports it. The
// first frame of a trace is the vulnerable symbol and the last one is
// the entry point in the scanned code. A frame's position is the call
// it makes to the previous frame (for the first frame, its
// declaration); file names are relative to the frame's module.
type Frame struct {
	Module   string    `json:"module"`
	Version  string    `json:"version,omitempty"`
	Package  string    `json:"package,omitempty"`
	Function string    `json:"function,omitempty"`
	Receiver string    `json:"receiver,omitempty"`
	Position *Position `json:"position,omitempty"`
}

// Position is a source position in a Frame.
type Position struct {
	Filename string `json:"filename,omitempty"`
	Offset   int    `json:"offset"`
	Line     int    `json:"line"`
	Column   int    `json:"column"`
}

// Scan levels, from the coarsest to the finest.
const (
	levelModule  = "module"
	levelPackage = "package"
	levelSymbol  = "symbol"
)

// levelRank orders the scan levels so that a finding can be compared
// with the level the user asked for.
func levelRank(level string) int {
	switch level {
	case levelSymbol:
		return 3
	case levelPackage:
		return 2
	case levelModule:
		return 1
	}
	return 0
}

// A Finding is one advisory affecting one module, at the finest level
// govulncheck established: the module is required, one of its vulnerable
// packages is imported, or one of its vulnerable symbols is reachable.
type Finding struct {
	ID           string
	Module       string
	Version      string
	FixedVersion string
	Level        string
	Packages     []string  // vulnerable packages imported (package level)
	Traces       [][]Frame // call paths to vulnerable symbols (symbol level)
	OSV          *osvEntry

	// Suppression is the entry of the suppression file that hides this
	// finding, or nil.
	Suppression *Suppression
}

// scanResult is what one govulncheck run established.
type scanResult struct {
	config   scanConfig
	findings []*Finding // sorted by ID, then module
}

// runScanner runs govulncheck in process with JSON output and decodes
// its stream as it is written.
func runScanner(ctx context.Context, args []string) (*scanResult, error) {
	pr, pw := io.Pipe()
	var stderr bytes.Buffer
	cmd := scan.Command(ctx, append([]string{"-format", "json"}, args...)...)
	cmd.Stdout = pw
	cmd.Stderr = &stderr
	cmd.Stdin = strings.NewReader("") // never read in source mode
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	done := make(chan struct{})
	go func() {
		// Closing the pipe with the scanner's error ends the decoding
		// below with that error, or with io.EOF on success.
		pw.CloseWithError(cmd.Wait())
		close(done)
	}()

	res, err := decodeStream(pr)
	pr.CloseWithError(err) // unblocks the scanner if decoding stopped early
	<-done                 // the scanner no longer writes to stderr
	if err != nil {
		return nil, scannerError(err, stderr.String())
	}
	return res, nil
}

// scannerError words a failed run on one line. govulncheck's errors
// span several lines and repeat its name; what it printed on standard
// error, if anything, completes them.
func scannerError(err error, stderr string) error {
	msg := err.Error()
	for {
		rest, ok := strings.CutPrefix(strings.TrimSpace(msg), "govulncheck:")
		if !ok {
			break
		}
		msg = rest
	}
	msg = oneLine(msg)
	if extra := oneLine(stderr); extra != "" {
		msg += "; " + extra
	}
	return fmt.Errorf("govulncheck failed: %s", msg)
}

// oneLine joins the non-blank lines of s: after a colon or a period
// with a space, otherwise with "; ".
func oneLine(s string) string {
	var b strings.Builder
	for line := range strings.SplitSeq(s, "\n") {
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		if b.Len() > 0 {
			if prev := b.String(); strings.HasSuffix(prev, ":") || strings.HasSuffix(prev, ".") {
				b.WriteString(" ")
			} else {
				b.WriteString("; ")
			}
		}
		b.WriteString(line)
	}
	return b.String()
}

// decodeStream reads govulncheck messages until r ends and groups the
// findings by advisory and module.
func decodeStream(r io.Reader) (*scanResult, error) {
	res := &scanResult{}
	osvs := make(map[string]*osvEntry)
	byKey := make(map[[2]string]*Finding)
	dec := json.NewDecoder(r)
	for {
		var msg message
		err := dec.Decode(&msg)
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		switch {
		case msg.Config != nil:
			res.config = *msg.Config
		case msg.OSV != nil:
			osvs[msg.OSV.ID] = msg.OSV
		case msg.Finding != nil:
			addFinding(byKey, msg.Finding)
		}
	}

	for _, f := range byKey {
		f.OSV = osvs[f.ID]
		if f.OSV == nil {
			f.OSV = &osvEntry{ID: f.ID} // the stream always sends it; be safe
		}
		res.findings = append(res.findings, f)
	}
	slices.SortFunc(res.findings, func(a, b *Finding) int {
		return cmpFindings(a, b)
	})
	return res, nil
}

func cmpFindings(a, b *Finding) int {
	if c := strings.Compare(a.ID, b.ID); c != 0 {
		return c
	}
	return strings.Compare(a.Module, b.Module)
}

// addFinding merges one streamed finding into byKey. govulncheck sends
// a module-level finding first, then package-level ones, then one per
// call path, so the level only ever rises.
func addFinding(byKey map[[2]string]*Finding, raw *rawFinding) {
	if len(raw.Trace) == 0 {
		return // not a source finding: nothing to attribute it to
	}
	sink := raw.Trace[0]
	key := [2]string{raw.OSV, sink.Module}
	f := byKey[key]
	if f == nil {
		f = &Finding{ID: raw.OSV, Module: sink.Module, Version: sink.Version}
		byKey[key] = f
	}
	if raw.FixedVersion != "" {
		f.FixedVersion = raw.FixedVersion
	}

	level := levelModule
	switch {
	case sink.Function != "":
		level = levelSymbol
		trace := make([]Frame, len(raw.Trace))
		for i, fr := range raw.Trace {
			trace[i] = *fr
		}
		f.Traces = append(f.Traces, trace)
	case sink.Package != "":
		level = levelPackage
		if !slices.Contains(f.Packages, sink.Package) {
			f.Packages = append(f.Packages, sink.Package)
		}
	}
	if levelRank(level) > levelRank(f.Level) {
		f.Level = level
	}
}
