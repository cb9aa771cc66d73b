package main

import (
	"fmt"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/scaile/seclint/analyzers/hardcodedsecret"
)

// scanTexts scans files that are not Go source (configs, .env files,
// scripts, Dockerfiles) with the secret rules of hardcodedsecret, under
// its flags. It is what the seclint-secrets pre-commit hook runs. A file
// that cannot be read is an error; the others are still scanned.
func scanTexts(paths []string) (*report, error) {
	rep := new(report)
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			rep.errs = append(rep.errs, &problem{pkg: p, msg: err.Error(), file: true})
			continue
		}
		abs, err := filepath.Abs(p)
		if err != nil {
			return nil, err
		}
		found, err := hardcodedsecret.ScanText(filepath.ToSlash(p), data)
		if err != nil {
			return nil, fmt.Errorf("-%s.%v", hardcodedsecret.Analyzer.Name, err)
		}
		for _, s := range found {
			posn := token.Position{Filename: abs, Line: s.Line, Column: s.Column}
			rep.findings = append(rep.findings, finding{
				pkg:      filepath.ToSlash(p), // a text file stands for its package
				analyzer: hardcodedsecret.Analyzer.Name,
				posn:     posn,
				end:      posn,
				message:  s.Message(),
			})
		}
	}
	sortFindings(rep.findings)
	return rep, nil
}

// scanExcluded scans for secrets the Go files under patterns that the
// build leaves out, such as x_windows.go on Linux or a //go:build ignore
// program: the packages listed them as ignored, or their directory holds
// no file the build keeps. No pass sees them, but a key in one is in the
// repository all the same. Test files count only when tests are loaded.
func scanExcluded(rep *report, patterns []string, tests bool, cache *resultCache) error {
	seen := make(map[string]bool)
	var files []string
	add := func(name string) {
		if abs, err := filepath.Abs(name); err == nil && !seen[abs] {
			seen[abs] = true
			files = append(files, abs)
		}
	}
	var kept []string
	for _, p := range rep.roots {
		kept = slices.Concat(kept, p.GoFiles, p.CompiledGoFiles, p.OtherFiles)
		for _, f := range p.IgnoredFiles {
			add(f)
		}
	}
	for _, pat := range patterns {
		for _, f := range goFilesUnder(pat) {
			add(f)
		}
	}
	for _, f := range kept {
		delete(seen, f)
	}

	slices.Sort(files)
	for _, name := range files {
		if !seen[name] || filepath.Ext(name) != ".go" || !tests && strings.HasSuffix(name, "_test.go") {
			continue
		}
		data, err := os.ReadFile(name)
		if err != nil {
			rep.errs = append(rep.errs, &problem{pkg: relPath(name), msg: err.Error(), file: true})
			continue
		}
		if cache != nil {
			if fs, ok := cache.readFile(name, data); ok {
				rep.findings = append(rep.findings, fs...)
				continue
			}
		}
		found, err := hardcodedsecret.ScanExcludedGo(name, data)
		if err != nil {
			return fmt.Errorf("-%s.%v", hardcodedsecret.Analyzer.Name, err)
		}
		var fs []finding
		for _, s := range found {
			posn := token.Position{Filename: name, Line: s.Line, Column: s.Column}
			fs = append(fs, finding{
				pkg:      filepath.ToSlash(filepath.Dir(relPath(name))),
				analyzer: hardcodedsecret.Analyzer.Name,
				posn:     posn,
				end:      posn,
				message:  fmt.Sprintf("hardcoded secret (%s) %q in a file the build leaves out; remove it and revoke it", s.Rule, s.Redacted),
			})
		}
		rep.findings = append(rep.findings, fs...)
		if cache != nil {
			cache.storeFile(name, data, fs)
		}
	}
	sortFindings(rep.findings)
	return nil
}

// goFilesUnder returns the .go files that a package pattern naming
// directories covers: those in dir for a directory, and in dir and below
// it for dir/..., skipping what the go command skips (directories named
// testdata or vendor or starting with . or _, and other modules). Import
// path patterns name no directory here and give nothing.
func goFilesUnder(pattern string) []string {
	root, recursive := strings.CutSuffix(pattern, "/...")
	if pattern == "..." {
		root, recursive = ".", true
	}
	if !filepath.IsAbs(root) && root != "." && root != ".." &&
		!strings.HasPrefix(root, "./") && !strings.HasPrefix(root, "../") {
		return nil
	}
	var out []string
	filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil
		}
		if d.IsDir() {
			if path == root {
				return nil
			}
			name := d.Name()
			if !recursive || strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_") ||
				name == "testdata" || name == "vendor" || fileExists(filepath.Join(path, "go.mod")) {
				return filepath.SkipDir
			}
			return nil
		}
		if strings.HasSuffix(path, ".go") {
			out = append(out, path)
		}
		return nil
	})
	return out
}
