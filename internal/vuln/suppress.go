package vuln

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"regexp"
	"strings"
	"time"

	"gopkg.in/yaml.v3"
)

// DefaultSuppressionFile is the name of the suppression file that
// seclint vuln reads from the scanned directory.
const DefaultSuppressionFile = ".seclint-vuln.yml"

// suppressionFile is the layout of the suppression file:
//
//	suppress:
//	  - id: GO-2024-2687
//	    reason: we never parse HTTP/2 from untrusted peers
//	    module: golang.org/x/net # optional
//	    expires: 2025-06-30      # optional, YYYY-MM-DD
type suppressionFile struct {
	Suppress []*Suppression `yaml:"suppress"`
}

// A Suppression is one entry of the suppression file: it hides the
// findings of one advisory, in one module or in all of them, until the
// end of its expiry day.
type Suppression struct {
	ID      string `yaml:"id" json:"id"`
	Reason  string `yaml:"reason" json:"reason"`
	Module  string `yaml:"module,omitempty" json:"module,omitempty"`
	Expires string `yaml:"expires,omitempty" json:"expires,omitempty"`

	File string `yaml:"-" json:"file"`
	Line int    `yaml:"-" json:"line"`

	expiry time.Time // midnight UTC of Expires; zero when absent
}

// String names the entry for messages: GO-2024-2687 (golang.org/x/net).
func (s *Suppression) String() string {
	if s.Module == "" {
		return s.ID
	}
	return fmt.Sprintf("%s (%s)", s.ID, s.Module)
}

// expired reports whether the entry no longer applies on day today.
func (s *Suppression) expired(today time.Time) bool {
	return !s.expiry.IsZero() && today.After(s.expiry)
}

// advisoryID is the shape of Go vulnerability database IDs.
var advisoryID = regexp.MustCompile(`^GO-\d{4}-\d{4,}$`)

// loadSuppressions reads the suppression file at path. A missing file
// is an error only when the user named it (required).
func loadSuppressions(path string, required bool) ([]*Suppression, error) {
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) && !required {
		return nil, nil // no suppressions: every finding is reported
	}
	if err != nil {
		return nil, err
	}
	return parseSuppressions(path, data)
}

// parseSuppressions decodes and checks a suppression file. Unknown keys
// are errors, so that a misspelled "expires" cannot silently turn into
// a suppression that never ends.
func parseSuppressions(path string, data []byte) ([]*Suppression, error) {
	var file suppressionFile
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(&file); err != nil && err != io.EOF {
		return nil, fmt.Errorf("%s: %s", path, yamlError(err))
	}

	lines := entryLines(data)
	seen := make(map[string]int)
	for i, s := range file.Suppress {
		if s == nil {
			return nil, fmt.Errorf("%s: entry %d of suppress is empty", path, i+1)
		}
		s.File = path
		if i < len(lines) {
			s.Line = lines[i]
		}
		if err := s.check(); err != nil {
			return nil, fmt.Errorf("%s:%d: %v", path, s.Line, err)
		}
		key := s.ID + " " + s.Module
		if prev, dup := seen[key]; dup {
			return nil, fmt.Errorf("%s:%d: %s is already suppressed on line %d",
				path, s.Line, s, prev)
		}
		seen[key] = s.Line
	}
	return file.Suppress, nil
}

// check validates one entry and parses its expiry date.
func (s *Suppression) check() error {
	if !advisoryID.MatchString(s.ID) {
		return fmt.Errorf("id %q is not a Go advisory ID such as GO-2024-2687", s.ID)
	}
	if strings.TrimSpace(s.Reason) == "" {
		return fmt.Errorf("suppression of %s has no reason; "+
			"say why the finding does not apply", s.ID)
	}
	if strings.ContainsAny(s.Module, " \t@") {
		return fmt.Errorf("module %q of %s is not a module path", s.Module, s.ID)
	}
	if s.Expires == "" {
		return nil
	}
	day, err := time.Parse(time.DateOnly, s.Expires)
	if err != nil {
		return fmt.Errorf("expires %q of %s is not a date in the form YYYY-MM-DD", s.Expires, s.ID)
	}
	s.expiry = day
	return nil
}

// yamlError flattens a decoding error to one line and names the file's
// own terms instead of Go types.
func yamlError(err error) string {
	var msg string
	var te *yaml.TypeError
	if errors.As(err, &te) {
		msg = strings.Join(te.Errors, "; ")
	} else {
		msg = strings.TrimPrefix(err.Error(), "yaml: ")
	}
	msg = strings.NewReplacer(
		"in type vuln.Suppression", "in a suppress entry (id, reason, module, expires)",
		"in type vuln.suppressionFile", "at the top level (suppress)",
		"into vuln.suppressionFile", "into the suppression file (want suppress: and a list)",
		"into []*vuln.Suppression", "into the suppress list",
		"into vuln.Suppression", "into a suppress entry",
	).Replace(msg)
	return oneLine(msg)
}

// entryLines returns the line of each item of the suppress list. The
// strict decoder does not report positions, so the file is read a
// second time as a node tree; it already decoded once, so errors here
// cannot happen and only cost the line numbers.
func entryLines(data []byte) []int {
	var doc yaml.Node
	if yaml.Unmarshal(data, &doc) != nil || len(doc.Content) == 0 {
		return nil
	}
	top := doc.Content[0]
	if top.Kind != yaml.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(top.Content); i += 2 {
		if top.Content[i].Value != "suppress" {
			continue
		}
		var lines []int
		for _, item := range top.Content[i+1].Content {
			lines = append(lines, item.Line)
		}
		return lines
	}
	return nil
}

// applySuppressions marks each finding that a live entry matches, and
// returns the entries that have expired and the live ones that matched
// nothing. An expired entry hides nothing: its findings are reported
// again.
func applySuppressions(findings []*Finding, entries []*Suppression,
	today time.Time) (expired, unused []*Suppression) {
	used := make(map[*Suppression]bool)
	for _, f := range findings {
		for _, s := range entries {
			if s.ID != f.ID || (s.Module != "" && s.Module != f.Module) {
				continue // another advisory, or the same one in another module
			}
			if s.expired(today) {
				continue
			}
			f.Suppression = s
			used[s] = true
			break
		}
	}

	for _, s := range entries {
		switch {
		case s.expired(today):
			expired = append(expired, s)
		case !used[s]:
			unused = append(unused, s)
		}
	}
	return expired, unused
}

// dayOf returns the calendar day of t, in t's location, as midnight UTC,
// comparable with the parsed expiry dates.
func dayOf(t time.Time) time.Time {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}
