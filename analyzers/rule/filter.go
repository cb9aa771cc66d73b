package rule

import (
	"go/ast"
	"go/token"
	"strings"

	"golang.org/x/tools/go/analysis"
	"honnef.co/go/tools/analysis/facts/generated"
)

// DirectivePrefix starts a suppression comment:
//
//	//seclint:ignore insecuretls,hardcodedsecret the test server uses a self-signed cert
//
// It silences the named rules on its own line and on the line below it.
const DirectivePrefix = "//seclint:ignore"

// A Directive is one parsed //seclint:ignore comment.
type Directive struct {
	Pos    token.Pos
	File   string // file name, ignoring //line directives
	Line   int
	Names  []string // rule names; empty when malformed
	Reason string
}

// names reports whether d names the rule.
func (d *Directive) names(rule string) bool {
	for _, n := range d.Names {
		if n == rule {
			return true
		}
	}
	return false
}

// applies reports whether d covers a finding on line.
func (d *Directive) applies(line int) bool {
	return line == d.Line || line == d.Line+1
}

// Silences reports whether d silences the rule's findings on line: it
// names the rule, gives a reason and stands on that line or the one above.
func (d *Directive) Silences(rule string, line int) bool {
	return d.Reason != "" && d.names(rule) && d.applies(line)
}

// ParseDirectives returns the //seclint:ignore directives of file.
func ParseDirectives(fset *token.FileSet, file *ast.File) []*Directive {
	var dirs []*Directive
	for _, group := range file.Comments {
		for _, c := range group.List {
			rest, ok := strings.CutPrefix(c.Text, DirectivePrefix)
			if !ok || (rest != "" && rest[0] != ' ' && rest[0] != '\t') {
				continue // another comment, or e.g. //seclint:ignored
			}
			posn := fset.PositionFor(c.Pos(), false)
			d := &Directive{Pos: c.Pos(), File: posn.Filename, Line: posn.Line}
			fields := strings.Fields(rest)
			if len(fields) > 0 {
				d.Names = strings.Split(fields[0], ",")
				d.Reason = strings.Join(fields[1:], " ")
			}
			dirs = append(dirs, d)
		}
	}
	return dirs
}

// filter stands between a rule's run and the host's Report.
type filter struct {
	pass      *analysis.Pass
	tests     bool // keep findings in test files
	testFiles map[string]bool
	generated bool // keep findings in generated files
	gen       map[string]generated.Generator
	all       []*Directive            // in file order
	dirs      map[string][]*Directive // by file name
	usedDirs  map[*Directive]bool
	prefix    string // starts the messages of its own findings
}

func newFilter(pass *analysis.Pass, tests, keepGenerated bool) *filter {
	f := &filter{
		pass:      pass,
		tests:     tests,
		generated: keepGenerated,
		dirs:      make(map[string][]*Directive),
		usedDirs:  make(map[*Directive]bool),
		testFiles: make(map[string]bool),
	}
	f.gen, _ = pass.ResultOf[generated.Analyzer].(map[string]generated.Generator)
	for _, file := range pass.Files {
		if name := pass.Fset.PositionFor(file.Pos(), false).Filename; IsTestFile(name, file) {
			f.testFiles[name] = true
		}
		for _, d := range ParseDirectives(pass.Fset, file) {
			f.all = append(f.all, d)
			f.dirs[d.File] = append(f.dirs[d.File], d)
		}
	}
	return f
}

func (f *filter) report(d analysis.Diagnostic) {
	posn := f.pass.Fset.PositionFor(d.Pos, false)
	if !f.inScope(posn.Filename, d.Pos) {
		return
	}
	name := f.pass.Analyzer.Name
	// A directive on the finding's line silences it, and so does one on
	// the line of a related position, such as where a flow starts.
	at := []token.Position{posn}
	for _, r := range d.Related {
		at = append(at, f.pass.Fset.PositionFor(r.Pos, false))
	}
	for _, p := range at {
		for _, dir := range f.dirs[p.Filename] {
			if dir.Silences(name, p.Line) {
				f.usedDirs[dir] = true
				return
			}
		}
	}
	f.pass.Report(d)
}

// inScope reports whether a finding at pos is wanted; filename is the
// name of its file, not the one a //line directive gives.
func (f *filter) inScope(filename string, pos token.Pos) bool {
	if !f.tests && (f.testFiles[filename] || strings.HasSuffix(filename, "_test.go")) {
		return false // test code is out of scope unless asked for
	}
	if g, ok := f.gen[filename]; ok && !f.generated {
		// cgo rewrites each file that imports "C" into a generated one
		// whose line directives point back at the file as written: that
		// code is the user's. What cgo declares itself has no such
		// directive.
		if g != generated.Cgo || f.pass.Fset.Position(pos).Filename == filename {
			return false // nobody edits generated code by hand
		}
	}
	return true
}

// reportMalformed reports the directives that name this rule but give no
// reason. They suppress nothing: a suppression must say why.
func (f *filter) reportMalformed() {
	name := f.pass.Analyzer.Name
	for _, dir := range f.all {
		if dir.Reason == "" && dir.names(name) && f.inScope(dir.File, dir.Pos) {
			f.pass.Report(analysis.Diagnostic{
				Pos: dir.Pos,
				Message: f.prefix + "seclint:ignore directive for " + name +
					" has no reason; write why the finding does not apply after the rule names",
			})
		}
	}
}

func (f *filter) used() []*Directive {
	var used []*Directive
	for _, d := range f.all {
		if f.usedDirs[d] {
			used = append(used, d)
		}
	}
	return used
}
