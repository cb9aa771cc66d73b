package main

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"flag"
	"fmt"
	"go/token"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/packages"
)

// A resultCache keeps each package's findings under a key that covers
// everything they depend on: the seclint binary, the rules and their
// options, the build configuration, the package's files and, through
// their own keys, all of its dependencies. A rerun over unchanged code
// then lists the packages and reads their findings back without loading
// syntax or types, as go vet and staticcheck do with theirs.
type resultCache struct {
	dir    string
	salt   []byte            // binary, rules, options, build settings
	roots  []string          // directories whose files never change
	hashes map[string][]byte // package ID → key, memoized
	files  map[string][]byte // file → content hash, memoized
}

// cachedPackage is what the cache stores for one package.
type cachedPackage struct {
	Findings []cachedFinding
}

type cachedFinding struct {
	Pkg, PkgID, Analyzer, Message string
	Posn, End                     token.Position
	Fix                           string       `json:",omitempty"`
	Edits                         []cachedEdit `json:",omitempty"`
}

type cachedEdit struct {
	File       string
	Start, End int
	Text       string
}

// openCache prepares the cache, or returns nil when it cannot be used;
// seclint then simply analyzes everything.
func openCache(as []*analysis.Analyzer, cfg *packages.Config, env map[string]string, deps string) *resultCache {
	dir := os.Getenv("SECLINT_CACHE")
	if dir == "off" {
		return nil
	}
	if dir == "" {
		base, err := os.UserCacheDir()
		if err != nil {
			return nil
		}
		dir = filepath.Join(base, "seclint")
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil
	}
	salt, err := cacheSalt(as, cfg, env, deps)
	if err != nil {
		return nil
	}
	c := &resultCache{dir: dir, salt: salt, hashes: make(map[string][]byte), files: make(map[string][]byte)}
	for _, v := range []string{"GOROOT", "GOMODCACHE", "GOCACHE"} {
		if d := env[v]; d != "" {
			c.roots = append(c.roots, d)
		}
	}
	return c
}

// cacheSalt hashes what every key shares. The binary itself stands for
// the rules' code, so a rebuilt seclint never reads stale results.
func cacheSalt(as []*analysis.Analyzer, cfg *packages.Config, env map[string]string, deps string) ([]byte, error) {
	h := sha256.New()
	exe, err := os.Executable()
	if err != nil {
		return nil, err
	}
	f, err := os.Open(exe)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if _, err := io.Copy(h, f); err != nil {
		return nil, err
	}
	// How dependencies are loaded changes what facts rules see of them.
	fmt.Fprintf(h, "%s %s %v %v deps=%s\n", env["GOVERSION"], env["GOROOT"], cfg.BuildFlags, cfg.Tests, deps)
	for _, v := range []string{"GOOS", "GOARCH", "CGO_ENABLED", "GOFLAGS", "GOEXPERIMENT"} {
		fmt.Fprintf(h, "%s=%s\n", v, os.Getenv(v))
	}
	for _, a := range as {
		fmt.Fprintf(h, "rule %s\n", a.Name)
		a.Flags.VisitAll(func(f *flag.Flag) { fmt.Fprintf(h, "  %s=%s\n", f.Name, f.Value) })
	}
	return h.Sum(nil), nil
}

// lookup returns the cached findings of the packages whose key is known,
// and the packages that need analysis.
func (c *resultCache) lookup(pkgs []*packages.Package) ([]finding, []*packages.Package) {
	var hits []finding
	var missed []*packages.Package
	for _, p := range pkgs {
		entry, ok := c.read(p)
		if !ok {
			missed = append(missed, p)
			continue
		}
		for _, f := range entry.Findings {
			hits = append(hits, fromCache(f))
		}
	}
	return hits, missed
}

func (c *resultCache) read(p *packages.Package) (*cachedPackage, bool) {
	key, ok := c.key(p)
	if !ok {
		return nil, false
	}
	return c.readEntry(key)
}

func (c *resultCache) readEntry(key []byte) (*cachedPackage, bool) {
	data, err := os.ReadFile(c.path(key))
	if err != nil {
		return nil, false
	}
	var entry cachedPackage
	if json.Unmarshal(data, &entry) != nil {
		return nil, false // a damaged entry is a miss, and is rewritten
	}
	return &entry, true
}

// store records the findings of p. A package that failed to load is not
// stored, so that its error is reported again next time.
func (c *resultCache) store(p *packages.Package, fs []finding) {
	key, ok := c.key(p)
	if !ok || len(p.Errors) > 0 {
		return
	}
	c.writeEntry(key, fs)
}

// fileKey keys the findings of a file scanned on its own, outside any
// package: a Go file that the build leaves out.
func (c *resultCache) fileKey(name string, data []byte) []byte {
	h := sha256.New()
	h.Write(c.salt)
	fmt.Fprintf(h, "excluded file %s %x\n", name, sha256.Sum256(data))
	return h.Sum(nil)
}

// readFile returns the findings stored for the file name with content data.
func (c *resultCache) readFile(name string, data []byte) ([]finding, bool) {
	entry, ok := c.readEntry(c.fileKey(name, data))
	if !ok {
		return nil, false
	}
	fs := make([]finding, 0, len(entry.Findings))
	for _, f := range entry.Findings {
		fs = append(fs, fromCache(f))
	}
	return fs, true
}

func (c *resultCache) storeFile(name string, data []byte, fs []finding) {
	c.writeEntry(c.fileKey(name, data), fs)
}

func (c *resultCache) writeEntry(key []byte, fs []finding) {
	entry := cachedPackage{Findings: make([]cachedFinding, 0, len(fs))}
	for _, f := range fs {
		entry.Findings = append(entry.Findings, toCache(f))
	}
	data, err := json.Marshal(entry)
	if err != nil {
		return
	}
	// Write and rename, so that a concurrent run never reads half an entry.
	tmp, err := os.CreateTemp(c.dir, "entry-*")
	if err != nil {
		return
	}
	_, werr := tmp.Write(data)
	if cerr := tmp.Close(); werr != nil || cerr != nil {
		os.Remove(tmp.Name())
		return
	}
	os.Rename(tmp.Name(), c.path(key))
}

func (c *resultCache) path(key []byte) string {
	return filepath.Join(c.dir, hex.EncodeToString(key)[:40]+".json")
}

// key computes p's key from its files and its dependencies' keys. It
// fails when a file cannot be read.
func (c *resultCache) key(p *packages.Package) ([]byte, bool) {
	if k, ok := c.hashes[p.ID]; ok {
		return k, k != nil
	}
	c.hashes[p.ID] = nil // a cycle, or a failure below, is a miss
	h := sha256.New()
	h.Write(c.salt)
	fmt.Fprintf(h, "package %s %s\n", p.ID, p.PkgPath)
	files := slices.Concat(p.GoFiles, p.CompiledGoFiles, p.OtherFiles, p.EmbedFiles)
	for _, name := range files {
		sum, ok := c.fileHash(name)
		if !ok {
			return nil, false
		}
		fmt.Fprintf(h, "file %s %x\n", name, sum)
	}
	imports := make([]string, 0, len(p.Imports))
	for path := range p.Imports {
		imports = append(imports, path)
	}
	slices.Sort(imports)
	for _, path := range imports {
		sub, ok := c.key(p.Imports[path])
		if !ok {
			return nil, false
		}
		fmt.Fprintf(h, "import %s %x\n", path, sub)
	}
	k := h.Sum(nil)
	c.hashes[p.ID] = k
	return k, true
}

// fileHash hashes a file's content, except under GOROOT, the module
// cache and the build cache, whose files never change: there the path
// alone is the key, which spares reading the standard library each run.
func (c *resultCache) fileHash(name string) ([]byte, bool) {
	for _, root := range c.roots {
		if strings.HasPrefix(name, root+string(filepath.Separator)) {
			return []byte("immutable"), true
		}
	}
	if sum, ok := c.files[name]; ok {
		return sum, true
	}
	data, err := os.ReadFile(name)
	if err != nil {
		return nil, false
	}
	sum := sha256.Sum256(data)
	c.files[name] = sum[:]
	return sum[:], true
}

func toCache(f finding) cachedFinding {
	cf := cachedFinding{Pkg: f.pkg, PkgID: f.pkgID, Analyzer: f.analyzer, Message: f.message,
		Posn: f.posn, End: f.end, Fix: f.fix}
	for _, e := range f.edits {
		cf.Edits = append(cf.Edits, cachedEdit{e.file, e.start, e.end, e.text})
	}
	return cf
}

func fromCache(cf cachedFinding) finding {
	f := finding{pkg: cf.Pkg, pkgID: cf.PkgID, analyzer: cf.Analyzer, message: cf.Message,
		posn: cf.Posn, end: cf.End, fix: cf.Fix}
	for _, e := range cf.Edits {
		f.edits = append(f.edits, edit{e.File, e.Start, e.End, e.Text})
	}
	return f
}
