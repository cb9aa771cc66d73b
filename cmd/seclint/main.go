// Command seclint checks Go code against a security checklist: hardcoded
// secrets, disabled TLS verification, unvalidated configuration, secrets
// leaking into errors and logs, and more. Run `seclint help` for the list.
//
// Usage:
//
//	seclint [flags] packages...          # lint packages, as go vet does
//	seclint help [rule]                  # list the rules, or explain one
//	go vet -vettool=$(command -v seclint) ./...
//
// The exit code is 0 when nothing was found, 3 when there are findings,
// 1 when something failed, and 2 for bad usage.
package main

import (
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/unitchecker"

	"github.com/scaile/seclint/analyzers"
	"github.com/scaile/seclint/analyzers/rule"
	"github.com/scaile/seclint/internal/config"
)

// version is reported in SARIF output.
const version = "0.1.0"

func main() {
	args := os.Args[1:]
	if vetMode(args) {
		os.Exit(vet(args))
	}
	os.Exit(run(args, os.Stdout, os.Stderr))
}

// vet answers go vet. It drives the analysis one package at a time, and
// unitchecker speaks its protocol and exits by itself. go vet prints
// findings without the analyzer's name, so the messages carry it.
func vet(args []string) int {
	as := analyzers.Analyzers()
	for _, a := range as {
		a.Flags.Set(rule.FlagNamed, "true")
	}
	if slices.Contains(args, "-V=full") {
		return printToolID(os.Stdout)
	}
	u := readUnit(args)
	if err := applySettings(as, u); err != nil {
		fmt.Fprintf(os.Stderr, "seclint: %v\n", err)
		return exitFailure
	}
	if u.VetxOnly {
		for _, a := range as {
			if len(a.FactTypes) == 0 {
				a.Run = idle
			}
		}
	}
	unitchecker.Main(as...)
	return exitFailure // unitchecker.Main does not return
}

// A unit is what seclint reads of the config go vet writes for one
// package: its directory, and whether go vet wants only its facts.
//
// With VetxOnly set, go vet discards the unit's findings. unitchecker
// then runs every analyzer that requires one with facts (x/tools issue
// 443099), and buildssa requires ctrlflow, so the rules without facts
// would analyze the whole dependency graph for nothing. They stay
// registered, since go vet passes their flags to every unit, but idle.
type unit struct {
	Dir      string
	VetxOnly bool
}

// readUnit reads the unit's config, when go vet gave one; unitchecker
// reports a config it cannot read.
func readUnit(args []string) unit {
	var u unit
	if len(args) == 0 || !strings.HasSuffix(args[len(args)-1], ".cfg") {
		return u
	}
	if data, err := os.ReadFile(args[len(args)-1]); err == nil {
		json.Unmarshal(data, &u)
	}
	return u
}

// printToolID answers go vet's -V=full as unitchecker does, with a hash
// of the executable, and folds in the settings files that can govern the
// packages go vet checks. go vet keys its cache of each package's results
// by that ID, the package's files and the flags, so an edited settings
// file must change the ID, or go vet would replay stale findings.
func printToolID(w io.Writer) int {
	exe, err := os.Executable()
	if err != nil {
		fmt.Fprintf(os.Stderr, "seclint: %v\n", err)
		return exitFailure
	}
	h := sha256.New()
	for _, name := range append([]string{exe}, settingsFiles(".")...) {
		fmt.Fprintf(h, "%s\x00", name)
		f, err := os.Open(name)
		if err == nil {
			_, err = io.Copy(h, f)
			f.Close()
		}
		if err != nil {
			fmt.Fprintf(os.Stderr, "seclint: %v\n", err)
			return exitFailure
		}
	}
	fmt.Fprintf(w, "%s version devel comments-go-here buildID=%02x\n", exe, h.Sum(nil))
	return exitClean
}

// settingsFiles returns the settings files that can govern a package
// that go vet, started in dir, checks: every one in the module that holds
// dir, in the directories a package pattern can reach. Outside a module
// it is the one that governs dir, if any.
func settingsFiles(dir string) []string {
	root := moduleRoot(dir)
	if root == "" {
		if p := settingsPath(dir); p != "" {
			return []string{p}
		}
		return nil
	}
	var files []string
	filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil // unreadable: go vet cannot check a package there either
		}
		if d.IsDir() {
			// The go command's patterns skip these directories.
			name := d.Name()
			if path != root && (strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_") ||
				name == "testdata" || name == "vendor" || name == "node_modules") {
				return filepath.SkipDir
			}
			return nil
		}
		if d.Name() == config.FileName {
			files = append(files, path)
		}
		return nil
	})
	return files
}

// moduleRoot returns the directory of the go.mod at or above dir, or "".
func moduleRoot(dir string) string {
	dir, err := filepath.Abs(dir)
	if err != nil {
		return ""
	}
	for {
		if fileExists(filepath.Join(dir, "go.mod")) {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
}

// applySettings applies the settings file that governs the unit's
// directory as the command applies the one in its working directory:
// rules it turns off stay idle, its options are set before unitchecker
// parses the flags, which override them, and findings in excluded paths
// are dropped.
func applySettings(as []*analysis.Analyzer, u unit) error {
	path := settingsPath(u.Dir)
	if u.Dir == "" || path == "" {
		return nil
	}
	settings, err := config.Load(path)
	if err != nil {
		return err
	}
	on, err := settings.Select(analyzers.Rules())
	if err != nil {
		return fmt.Errorf("%s: %v", path, err)
	}
	root := filepath.Dir(path)
	for _, a := range as {
		if !slices.Contains(on, a) {
			a.Run = idle
			continue
		}
		if len(settings.Exclude) == 0 {
			continue
		}
		run := a.Run
		a.Run = func(pass *analysis.Pass) (any, error) {
			report := pass.Report
			pass.Report = func(d analysis.Diagnostic) {
				rel, err := filepath.Rel(root, pass.Fset.Position(d.Pos).Filename)
				if err != nil || !settings.Excluded(filepath.ToSlash(rel)) {
					report(d)
				}
			}
			return run(pass)
		}
	}
	return nil
}

// settingsPath returns the nearest settings file at or above dir, within
// dir's module, or "". A module in the module cache has none.
func settingsPath(dir string) string {
	dir, err := filepath.Abs(dir)
	if err != nil {
		return ""
	}
	for {
		if p := filepath.Join(dir, config.FileName); fileExists(p) {
			return p
		}
		parent := filepath.Dir(dir)
		if fileExists(filepath.Join(dir, "go.mod")) || parent == dir {
			return ""
		}
		dir = parent
	}
}

func fileExists(name string) bool {
	_, err := os.Stat(name)
	return err == nil
}

// idle stands in for a rule's run on a unit analyzed for facts only.
func idle(pass *analysis.Pass) (any, error) {
	return reflect.Zero(pass.Analyzer.ResultType).Interface(), nil
}

// vetMode reports whether the command was started by go vet: either to
// describe itself (-V=full, -flags) or to analyze one unit (a .cfg file).
func vetMode(args []string) bool {
	for _, a := range args {
		if a == "-V=full" || a == "-flags" || a == "--flags" {
			return true
		}
	}
	return len(args) > 0 && strings.HasSuffix(args[len(args)-1], ".cfg")
}
