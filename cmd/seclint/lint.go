package main

import (
	"errors"
	"flag"
	"fmt"
	"go/token"
	"io"
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/packages"

	"github.com/scaile/seclint/analyzers"
	"github.com/scaile/seclint/analyzers/hardcodedsecret"
	"github.com/scaile/seclint/analyzers/rule"
	"github.com/scaile/seclint/internal/config"
	"github.com/scaile/seclint/internal/driver"
	"github.com/scaile/seclint/internal/load"
	"github.com/scaile/seclint/internal/vuln"
)

// Exit codes, as in the x/tools analysis drivers.
const (
	exitClean    = 0
	exitFailure  = 1
	exitUsage    = 2
	exitFindings = 3
)

// directiveRule names the findings about //seclint:ignore directives
// themselves, which the command reports on top of the rules.
const directiveRule = "seclint"

// A finding is one diagnostic, resolved to a file position.
type finding struct {
	pkgID    string // package ID, which tells test variants apart
	pkg      string // package path
	analyzer string
	posn     token.Position
	end      token.Position // posn, when the diagnostic has no end
	message  string
	fix      string // the first suggested fix's message
	edits    []edit // and its edits
}

// An edit is one text edit of a suggested fix, as byte offsets.
type edit struct {
	file       string
	start, end int
	text       string
}

// A problem is what kept a package, or one rule on it, from being
// analyzed, or a text file from being scanned.
type problem struct {
	pkg      string // package path, or file name
	analyzer string // the rule that failed; "" when the whole package did
	msg      string
	file     bool // pkg names a file
}

func (p *problem) Error() string {
	switch {
	case p.file:
		return p.msg
	case p.analyzer != "":
		return fmt.Sprintf("analyzer %s failed on %s: %s", p.analyzer, p.pkg, p.msg)
	}
	return fmt.Sprintf("package %s: %s", p.pkg, p.msg)
}

func errorPackage(err error) string {
	if p, ok := err.(*problem); ok {
		return p.pkg
	}
	return ""
}

// report is everything one run produced.
type report struct {
	findings []finding
	errs     []error             // packages that failed to load or analyze
	roots    []*packages.Package // the packages named, as listed or loaded
}

func run(args []string, stdout, stderr io.Writer) int {
	filesMode, secretsMode := false, false
	if len(args) > 0 {
		switch args[0] {
		case "help":
			return help(args[1:], stdout, stderr)
		case "vuln":
			return vuln.Main(args[1:], stdout, stderr)
		case "files":
			filesMode = true
			args = args[1:]
		case "secrets":
			secretsMode = true
			args = args[1:]
		}
	}
	rules := analyzers.Rules()
	all := analyzers.Analyzers()
	fs, opts, enabled := newFlagSet(all)
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			usage(stdout, fs)
			return exitClean
		}
		fmt.Fprintf(stderr, "seclint: %v\nrun 'seclint -h' for usage\n", err)
		return exitUsage
	}
	if err := opts.check(); err != nil {
		fmt.Fprintf(stderr, "seclint: %v\n", err)
		return exitUsage
	}
	patterns := fs.Args()
	if len(patterns) == 0 {
		fmt.Fprintf(stderr, "seclint: no packages given%s\nrun 'seclint -h' for usage\n", patternTaken(fs))
		return exitUsage
	}
	var only map[string]bool // with files: the files to report on
	if filesMode {
		var err error
		if patterns, only, err = packagesOf(patterns); err != nil {
			fmt.Fprintf(stderr, "seclint: %v\n", err)
			return exitUsage
		}
		if len(patterns) == 0 {
			return exitClean // no Go files among those given
		}
	}

	// The settings file comes first so that flags given on the command
	// line override it.
	settingsFile := opts.config
	if settingsFile == "" {
		if p := settingsPath("."); p != "" {
			settingsFile = relPath(p)
		}
	}
	settings := &config.Settings{}
	if settingsFile != "" {
		var err error
		if settings, err = config.Load(settingsFile); err != nil {
			fmt.Fprintf(stderr, "seclint: %v\n", err)
			return exitUsage
		}
	}
	fromFile, err := settings.Select(rules)
	if err != nil {
		fmt.Fprintf(stderr, "seclint: %s: %v\n", settingsFile, err)
		return exitUsage
	}
	if err := fs.Parse(args); err != nil { // flags override the file
		return exitUsage
	}
	selected := selectAnalyzers(all, fromFile, enabled)
	if len(selected) == 0 {
		fmt.Fprintln(stderr, "seclint: every rule is turned off")
		return exitUsage
	}

	var rep *report
	if secretsMode {
		if !slices.Contains(selected, hardcodedsecret.Analyzer) {
			return exitClean // the secret rule is turned off
		}
		rep, err = scanTexts(patterns)
	} else {
		rep, err = lint(selected, patterns, opts)
	}
	if err != nil {
		fmt.Fprintf(stderr, "seclint: %v\n", err)
		return exitFailure
	}
	if filesMode {
		// A commit may touch only files the build leaves out; they were
		// scanned for secrets, and their directory is no package to fail.
		rep.errs = slices.DeleteFunc(rep.errs, func(e error) bool {
			return strings.Contains(e.Error(), "build constraints exclude all Go files")
		})
	}
	rep.findings = slices.DeleteFunc(rep.findings, func(f finding) bool {
		return excluded(settings, settingsFile, f.posn.Filename) ||
			only != nil && !only[f.posn.Filename]
	})
	return finish(rep, rules, opts, stdout, stderr)
}

// finish applies the baseline and fixes, prints the report and returns
// the exit code.
func finish(rep *report, rules []*rule.Rule, opts *options, stdout, stderr io.Writer) int {
	if opts.writeBaseline != "" {
		if err := writeBaseline(opts.writeBaseline, rep.findings); err != nil {
			fmt.Fprintf(stderr, "seclint: %v\n", err)
			return exitFailure
		}
		fmt.Fprintf(stderr, "seclint: wrote %d findings to %s\n", len(rep.findings), opts.writeBaseline)
		if len(rep.errs) > 0 {
			// The baseline holds what could be analyzed; the packages that
			// could not are named, so their findings are not taken as none.
			for _, e := range rep.errs {
				fmt.Fprintf(stderr, "seclint: %v\n", e)
			}
			return exitFailure
		}
		return exitClean
	}
	if opts.baseline != "" {
		known, err := readBaseline(opts.baseline)
		if err != nil {
			fmt.Fprintf(stderr, "seclint: %v\n", err)
			return exitFailure
		}
		rep.findings = newSince(known, rep.findings)
	}
	if opts.fix || opts.diff {
		fixed, err := applyFixes(rep.findings, opts.diff, stdout)
		if err != nil {
			fmt.Fprintf(stderr, "seclint: %v\n", err)
			return exitFailure
		}
		rep.findings = slices.DeleteFunc(rep.findings, func(f finding) bool {
			return opts.fix && fixed[f.posn]
		})
	}
	if !opts.diff {
		if err := write(stdout, opts.format, rep, rules); err != nil {
			fmt.Fprintf(stderr, "seclint: %v\n", err)
			return exitFailure
		}
	}
	for _, e := range rep.errs {
		fmt.Fprintf(stderr, "seclint: %v\n", e)
	}
	switch {
	case len(rep.errs) > 0:
		return exitFailure
	case len(rep.findings) > 0:
		return exitFindings
	}
	return exitClean
}

// packagesOf maps files, as a pre-commit hook passes them, to the
// directories of their packages. It returns those as patterns and the
// files' absolute paths, so that findings elsewhere in the same packages
// (an untracked file, say) are not reported against the commit.
func packagesOf(files []string) ([]string, map[string]bool, error) {
	only := make(map[string]bool)
	var dirs []string
	for _, name := range files {
		if filepath.Ext(name) != ".go" {
			continue // a hook may pass other files; they have no package
		}
		abs, err := filepath.Abs(name)
		if err != nil {
			return nil, nil, err
		}
		if _, err := os.Stat(abs); err != nil {
			return nil, nil, err
		}
		only[abs] = true
		if dir := filepath.Dir(abs); !slices.Contains(dirs, dir) {
			dirs = append(dirs, dir)
		}
	}
	return dirs, only, nil
}

// excluded reports whether the settings exclude file, whose globs are
// relative to the directory of the settings file.
func excluded(settings *config.Settings, settingsFile, file string) bool {
	if len(settings.Exclude) == 0 {
		return false
	}
	root, err := filepath.Abs(filepath.Dir(settingsFile))
	if err != nil {
		return false
	}
	rel, err := filepath.Rel(root, file)
	return err == nil && !strings.HasPrefix(rel, "..") && settings.Excluded(filepath.ToSlash(rel))
}

// lint loads the packages and runs the analyzers over them. A package that
// fails to load is recorded in the report and the others are still
// analyzed; only a failure of the loader as a whole is returned.
func lint(as []*analysis.Analyzer, patterns []string, opts *options) (*report, error) {
	cfg := &packages.Config{
		Mode: packages.NeedName | packages.NeedFiles | packages.NeedCompiledGoFiles |
			packages.NeedImports | packages.NeedDeps | packages.NeedEmbedFiles |
			packages.NeedModule | packages.NeedTypesSizes,
		Tests: opts.tests || anyTestsFlag(as),
	}
	if opts.tags != "" {
		cfg.BuildFlags = []string{"-tags=" + opts.tags}
	}
	env, err := load.GoEnv("GOROOT", "GOMODCACHE", "GOCACHE", "GOVERSION")
	if err != nil {
		return nil, fmt.Errorf("asking the go command for its settings: %v", err)
	}
	deps := opts.deps
	if needFacts(as) && load.LintsStd(patterns, env["GOROOT"]) {
		deps = depsFull // the standard library is what is under review
	}
	l := &loading{facts: needFacts(as), deps: deps, trim: load.NewTrimmer(env)}
	if !l.facts || deps == depsExport {
		cfg.Mode |= packages.NeedExportFile
	}

	rep := &report{}
	named := patterns // the cache leaves in those it has no results for
	var cache *resultCache
	if opts.cache {
		cache = openCache(as, cfg, env, l.deps)
	}
	if cache != nil {
		// Listing is cheap next to loading: cached packages are not
		// loaded at all.
		if roots := listPackages(cfg, patterns); roots != nil && !adHoc(roots) {
			rep.roots = roots
			var hits []finding
			hits, roots = cache.lookup(roots)
			rep.findings = hits
			patterns = pathsOf(roots)
		}
	}
	if len(patterns) > 0 {
		if err := analyze(as, cfg, patterns, l, cache, rep); err != nil {
			return nil, err
		}
	}
	if slices.Contains(as, hardcodedsecret.Analyzer) {
		if err := scanExcluded(rep, named, cfg.Tests, cache); err != nil {
			return nil, err
		}
	}

	rep.findings = dedupe(rep.findings)
	sortFindings(rep.findings)
	// By package, each package's errors in the order they were found.
	slices.SortStableFunc(rep.errs, func(a, b error) int { return strings.Compare(errorPackage(a), errorPackage(b)) })
	rep.errs = slices.CompactFunc(rep.errs, func(a, b error) bool { return a.Error() == b.Error() })
	return rep, nil
}

// A loading says how the packages around the ones under review are
// loaded. Rules with facts need every package under review that the
// named ones import analyzed first, from source. How the other
// dependencies are loaded is -deps: from export data (types only, the
// default), from their declarations, or whole and analyzed too.
type loading struct {
	facts bool // some rule carries facts
	deps  string
	trim  *load.Trimmer
}

// mode says what the driver does with p; roots are the named packages.
func (l *loading) mode(p *packages.Package, roots map[*packages.Package]bool) driver.Mode {
	switch {
	case roots[p]:
		return driver.Report
	case !l.facts:
		return driver.Export
	case l.deps == depsFull || !l.trim.Trimmed(p):
		return driver.Facts // under review, or analyzed whole on request
	case l.deps == depsDecls:
		return driver.Types
	}
	return driver.Export
}

// listPackages lists the packages matching patterns with their import
// graph but no syntax or types, which is cheap. It returns nil on
// failure: the full load then reports the problem.
func listPackages(cfg *packages.Config, patterns []string) []*packages.Package {
	light := *cfg
	light.Mode &^= packages.NeedExportFile | packages.NeedModule | packages.NeedTypesSizes
	pkgs, err := packages.Load(&light, patterns...)
	if err != nil || len(pkgs) == 0 {
		return nil
	}
	return pkgs
}

// adHoc reports whether pkgs hold a package made of files named on the
// command line (seclint main.go): it has no path to load it again by.
func adHoc(pkgs []*packages.Package) bool {
	return slices.ContainsFunc(pkgs, func(p *packages.Package) bool {
		return p.PkgPath == "command-line-arguments"
	})
}

func pathsOf(pkgs []*packages.Package) []string {
	var paths []string
	for _, p := range pkgs {
		if path := loadPath(p); !slices.Contains(paths, path) {
			paths = append(paths, path)
		}
	}
	return paths
}

// loadPath is the pattern that loads p again. The packages that a load
// with tests adds, an external test package (x_test) and the generated
// test main (x.test), cannot be named; loading x brings them back.
func loadPath(p *packages.Package) string {
	switch {
	case p.Name == "main" && strings.HasSuffix(p.PkgPath, ".test"):
		return strings.TrimSuffix(p.PkgPath, ".test")
	case strings.HasSuffix(p.Name, "_test") && strings.HasSuffix(p.PkgPath, "_test"):
		return strings.TrimSuffix(p.PkgPath, "_test")
	}
	return p.PkgPath
}

// patternTaken names the flag, if any, whose value looks like the package
// pattern the user meant to give, as in "seclint -tags ./...".
func patternTaken(fs *flag.FlagSet) string {
	var hint string
	fs.Visit(func(f *flag.Flag) {
		v := f.Value.String()
		if hint == "" && (v == "." || strings.HasPrefix(v, "./") || strings.HasPrefix(v, "../") || strings.HasSuffix(v, "/...")) {
			hint = fmt.Sprintf(": -%s took %q as its value", f.Name, v)
		}
	})
	return hint
}

// analyze loads the packages matching patterns and runs the analyzers
// over them, adding their findings to rep. A package that fails to load
// is recorded and the others are still analyzed; only a failure of the
// loader as a whole is returned.
func analyze(as []*analysis.Analyzer, cfg *packages.Config, patterns []string, l *loading,
	cache *resultCache, rep *report) error {
	pkgs, err := packages.Load(cfg, patterns...)
	if err != nil {
		return err
	}
	if len(pkgs) == 0 {
		return fmt.Errorf("no packages match %s under the build constraints in effect (-tags adds tags)", strings.Join(patterns, " "))
	}
	roots := make(map[*packages.Package]bool)
	for _, p := range pkgs {
		roots[p] = true
		if !slices.Contains(rep.roots, p) {
			rep.roots = append(rep.roots, p)
		}
	}
	dopts := &driver.Options{
		Analyzers: as,
		Mode:      func(p *packages.Package) driver.Mode { return l.mode(p, roots) },
		KnownFact: knownFact,
	}
	if l.facts && l.deps == depsDecls {
		dopts.ParseFile = l.trim.ParseFile
		dopts.Lenient = l.trim.Trimmed // what trimming breaks is not an error
	}

	byPkg := make(map[string][]finding)
	failed := make(map[string]bool)
	dirs := newDirectiveLog()
	err = driver.Run(pkgs, dopts, func(u *driver.Unit) {
		p := u.Package
		if u.Mode == driver.Report {
			dirs.add(u)
		}
		for _, act := range u.Actions {
			if act.Err == nil && u.Mode == driver.Report {
				for _, d := range act.Diagnostics {
					byPkg[p.ID] = append(byPkg[p.ID], newFinding(p, act.Analyzer, d))
				}
				continue
			}
			if act.Err == nil {
				continue // a package analyzed for its facts only
			}
			if !failed[p.ID] && len(packageErrors(p)) == 0 && p.IllTyped {
				// The driver skips a package that imports one with
				// errors; that one is named, and this one once.
				rep.errs = append(rep.errs, &problem{pkg: p.PkgPath,
					msg: "not analyzed: it depends on " + brokenDependency(p) + ", which has errors"})
			} else if !p.IllTyped {
				rep.errs = append(rep.errs, &problem{pkg: p.PkgPath, analyzer: act.Analyzer.Name,
					msg: hardcodedsecret.Redact(act.Err.Error())})
			}
			failed[p.ID] = true
		}
	})
	if err != nil {
		return err
	}
	packages.Visit(pkgs, nil, func(p *packages.Package) {
		for _, e := range packageErrors(p) {
			// A parse error can quote the source it stopped at, and that
			// source can be a key.
			rep.errs = append(rep.errs, &problem{pkg: p.PkgPath, msg: hardcodedsecret.Redact(e)})
		}
	})
	for _, f := range dirs.unused() {
		byPkg[f.pkgID] = append(byPkg[f.pkgID], f)
	}
	for _, p := range pkgs {
		rep.findings = append(rep.findings, byPkg[p.ID]...)
		if cache != nil && !failed[p.ID] {
			cache.store(p, byPkg[p.ID])
		}
	}
	return nil
}

// dedupe drops the second copy of a finding in a file that a package
// shares with its test variant.
func dedupe(fs []finding) []finding {
	type key struct {
		analyzer, message string
		posn              token.Position
	}
	seen := make(map[key]bool)
	return slices.DeleteFunc(fs, func(f finding) bool {
		k := key{f.analyzer, f.message, f.posn}
		dup := seen[k]
		seen[k] = true
		return dup
	})
}

// maxPackageErrors bounds the errors printed for one package: the first
// ones name the problem, and a file full of syntax errors would bury the
// findings of every other package.
const maxPackageErrors = 5

// packageErrors returns what is wrong with p, worst first: a file's first
// syntax error, not those that follow from it, and go list's errors
// unless they are the compiler's errors in files the type checker has
// already reported on. A failure of cgo or of pkg-config is reported by
// go list alone.
func packageErrors(p *packages.Package) []string {
	typed := slices.ContainsFunc(p.Errors, func(e packages.Error) bool { return e.Kind != packages.ListError })
	var msgs []string
	parsed := make(map[string]bool) // files with a syntax error reported
	// go list reports the first syntax error of a file as the compiler
	// does; the parser's own reports of that file say less.
	listed := make(map[string]bool)
	syntax := false
	for _, e := range p.Errors {
		file, _, _ := strings.Cut(e.Pos, ":")
		switch {
		case e.Kind == packages.ListError && strings.HasSuffix(file, ".go"):
			listed[filepath.Base(file)] = true
			syntax = true
		case e.Kind == packages.ParseError:
			syntax = true
		}
	}
	for _, e := range p.Errors {
		file, _, _ := strings.Cut(e.Pos, ":")
		switch {
		case e.Kind == packages.ListError && typed && goFilePos.MatchString(listMessage(e.Msg)):
			continue // the compiler's report of what the type checker found
		case e.Kind == packages.ParseError:
			if listed[filepath.Base(file)] || parsed[file] {
				continue
			}
			parsed[file] = true
		case e.Kind == packages.TypeError && syntax && packageClause.MatchString(e.Msg):
			continue // a file whose package clause did not parse
		}
		if e.Pos == "" || e.Pos == "-" {
			msgs = append(msgs, listMessage(e.Msg)) // an error of go list, not of a file
			continue
		}
		msgs = append(msgs, e.Error())
	}
	if len(msgs) > maxPackageErrors {
		more := len(msgs) - maxPackageErrors
		msgs = append(msgs[:maxPackageErrors], fmt.Sprintf("and %d more errors", more))
	}
	return msgs
}

// packageClause matches the loader's complaint about a package name it
// could not read: the package clause of a file did not parse.
var packageClause = regexp.MustCompile(`^package \S*\s*; expected package `)

// goFilePos matches the start of a compiler error.
var goFilePos = regexp.MustCompile(`^\S+\.go:\d+`)

// listMessage puts go list's report of a failed build on one line,
// without the "# package" and "# [command]" headers the go command
// prints above a tool's output.
func listMessage(msg string) string {
	var lines []string
	for _, l := range strings.Split(strings.TrimSpace(msg), "\n") {
		if l = strings.TrimSpace(l); l != "" && !strings.HasPrefix(l, "# ") {
			lines = append(lines, l)
		}
	}
	if len(lines) == 0 {
		return strings.TrimSpace(msg)
	}
	return strings.Join(lines, "; ")
}

// brokenDependency returns the nearest package p depends on that has
// errors of its own.
func brokenDependency(p *packages.Package) string {
	queue := []*packages.Package{p}
	seen := map[*packages.Package]bool{p: true}
	for len(queue) > 0 {
		q := queue[0]
		queue = queue[1:]
		for _, path := range slices.Sorted(maps.Keys(q.Imports)) {
			imp := q.Imports[path]
			if !imp.IllTyped || seen[imp] {
				continue
			}
			if len(packageErrors(imp)) > 0 {
				return imp.PkgPath
			}
			seen[imp] = true
			queue = append(queue, imp)
		}
	}
	return "a package with errors"
}

func newFinding(p *packages.Package, a *analysis.Analyzer, d analysis.Diagnostic) finding {
	fset := p.Fset
	f := finding{
		pkgID:    p.ID,
		pkg:      p.PkgPath,
		analyzer: a.Name,
		posn:     fset.Position(d.Pos),
		end:      fset.Position(d.End),
		message:  d.Message,
	}
	if !d.End.IsValid() {
		f.end = f.posn // as go vet has it
	}
	if len(d.SuggestedFixes) > 0 && !rewritten(fset, d.Pos) {
		f.fix = d.SuggestedFixes[0].Message
		for _, e := range d.SuggestedFixes[0].TextEdits {
			start := fset.PositionFor(e.Pos, false)
			end := start
			if e.End.IsValid() {
				end = fset.PositionFor(e.End, false)
			}
			f.edits = append(f.edits, edit{start.Filename, start.Offset, end.Offset, string(e.NewText)})
		}
	}
	return f
}

// rewritten reports whether pos lies in a file that cgo rewrote, whose
// offsets are not those of the file the user wrote: no fix applies there.
func rewritten(fset *token.FileSet, pos token.Pos) bool {
	return fset.PositionFor(pos, false).Filename != fset.Position(pos).Filename
}

func sortFindings(fs []finding) {
	slices.SortFunc(fs, func(a, b finding) int {
		if c := strings.Compare(a.posn.Filename, b.posn.Filename); c != 0 {
			return c
		}
		if a.posn.Line != b.posn.Line {
			return a.posn.Line - b.posn.Line
		}
		if a.posn.Column != b.posn.Column {
			return a.posn.Column - b.posn.Column
		}
		if c := strings.Compare(a.analyzer, b.analyzer); c != 0 {
			return c
		}
		return strings.Compare(a.message, b.message)
	})
}

// needFacts reports whether any analyzer, or anything it requires, uses
// facts, which forces analysis of every dependency from source.
func needFacts(as []*analysis.Analyzer) bool {
	seen := make(map[*analysis.Analyzer]bool)
	var visit func(a *analysis.Analyzer) bool
	visit = func(a *analysis.Analyzer) bool {
		if seen[a] {
			return false
		}
		seen[a] = true
		return len(a.FactTypes) > 0 || slices.ContainsFunc(a.Requires, visit)
	}
	return slices.ContainsFunc(as, visit)
}

// anyTestsFlag reports whether some analyzer was asked to report in test
// files, which only helps if test files are loaded.
func anyTestsFlag(as []*analysis.Analyzer) bool {
	return slices.ContainsFunc(as, func(a *analysis.Analyzer) bool { return flagOn(a, rule.FlagTests) })
}

func flagOn(a *analysis.Analyzer, name string) bool {
	f := a.Flags.Lookup(name)
	return f != nil && f.Value.String() == "true"
}

// relPath shortens name to a path relative to the working directory when
// it lies below it, as go vet prints positions.
func relPath(name string) string {
	wd, err := os.Getwd()
	if err != nil {
		return name
	}
	rel, err := filepath.Rel(wd, name)
	if err != nil || strings.HasPrefix(rel, "..") {
		return name
	}
	return rel
}
