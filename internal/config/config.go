// Package config reads seclint's settings: which rules run, their options
// and which paths are excluded. The standalone command reads them from
// .seclint.yml and the golangci-lint plugin from its settings block; both
// use the same keys and map them onto the rules' Analyzer.Flags, which is
// also what go vet -vettool and nogo set.
package config

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/bmatcuk/doublestar/v4"
	"golang.org/x/tools/go/analysis"
	"gopkg.in/yaml.v3"

	"github.com/scaile/seclint/analyzers/rule"
)

// FileName is the configuration file the command looks for.
const FileName = ".seclint.yml"

// Settings are seclint's configuration. Keys are lowercase because
// golangci-lint lower-cases every key of a plugin's settings.
type Settings struct {
	// Enable, when not empty, lists the only rules that run.
	Enable []string `yaml:"enable"`
	// Disable lists rules that do not run.
	Disable []string `yaml:"disable"`
	// Options sets rule flags: options.insecuretls.strict: true.
	Options map[string]map[string]any `yaml:"options"`
	// Exclude lists path globs (with **) whose findings are dropped. Only
	// the standalone command applies it: golangci-lint has its own.
	Exclude []string `yaml:"exclude"`
}

// Load reads the settings in path. A missing file is an error; callers
// that treat the file as optional check for it first.
func Load(path string) (*Settings, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	s, err := decode(data)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return s, nil
}

// FromMap decodes settings handed over as a generic value, as
// golangci-lint passes a plugin's settings.
func FromMap(v any) (*Settings, error) {
	if v == nil {
		return &Settings{}, nil
	}
	data, err := yaml.Marshal(v)
	if err != nil {
		return nil, err
	}
	return decode(data)
}

// decode parses YAML strictly: an unknown key is an error, not a silent
// no-op that leaves a rule on that the user meant to turn off.
func decode(data []byte) (*Settings, error) {
	s := &Settings{}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(s); err != nil && !errors.Is(err, io.EOF) {
		return nil, fmt.Errorf("invalid settings: %w", err)
	}
	for _, pat := range s.Exclude {
		if !doublestar.ValidatePattern(pat) {
			return nil, fmt.Errorf("invalid settings: bad exclude pattern %q", pat)
		}
	}
	return s, nil
}

// Select returns the rules' analyzers that the settings leave on, after
// checking every rule name and setting every option. Options are set on
// the shared Analyzer.Flags, so Select is called once per process, before
// any analysis starts.
func (s *Settings) Select(rules []*rule.Rule) ([]*analysis.Analyzer, error) {
	byName := make(map[string]*rule.Rule)
	for _, r := range rules {
		byName[r.Name()] = r
	}
	if err := checkNames(byName, "enable", s.Enable); err != nil {
		return nil, err
	}
	if err := checkNames(byName, "disable", s.Disable); err != nil {
		return nil, err
	}
	for _, name := range sortedKeys(s.Options) {
		r, ok := byName[name]
		if !ok {
			return nil, fmt.Errorf("options: no rule named %q", name)
		}
		if err := setOptions(r.Analyzer, s.Options[name]); err != nil {
			return nil, err
		}
	}
	var sel []*analysis.Analyzer
	for _, r := range rules {
		on := len(s.Enable) == 0 || slices.Contains(s.Enable, r.Name())
		if on && !slices.Contains(s.Disable, r.Name()) {
			sel = append(sel, r.Analyzer)
		}
	}
	return sel, nil
}

func checkNames(byName map[string]*rule.Rule, key string, names []string) error {
	for _, n := range names {
		if byName[n] == nil {
			return fmt.Errorf("%s: no rule named %q", key, n)
		}
	}
	return nil
}

// wantOf describes the values flag f takes, from its default.
func wantOf(f *flag.Flag) string {
	if b, ok := f.Value.(interface{ IsBoolFlag() bool }); ok && b.IsBoolFlag() {
		return "true or false"
	}
	if _, err := strconv.ParseFloat(f.DefValue, 64); err == nil {
		return "a number"
	}
	return "a valid value"
}

func setOptions(a *analysis.Analyzer, opts map[string]any) error {
	for _, key := range sortedKeys(opts) {
		f := a.Flags.Lookup(key)
		if f == nil {
			return fmt.Errorf("options.%s: rule has no option %q", a.Name, key)
		}
		if err := f.Value.Set(flagString(opts[key])); err != nil {
			return fmt.Errorf("options.%s.%s: %q is not %s: %v", a.Name, key, flagString(opts[key]), wantOf(f), err)
		}
	}
	return nil
}

// flagString renders a YAML value the way the same flag is written on a
// command line; a list becomes a comma-separated value.
func flagString(v any) string {
	if list, ok := v.([]any); ok {
		parts := make([]string, len(list))
		for i, e := range list {
			parts[i] = fmt.Sprint(e)
		}
		return strings.Join(parts, ",")
	}
	return fmt.Sprint(v)
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// Excluded reports whether the slash-separated path, relative to the
// directory of the settings, matches an exclude pattern.
func (s *Settings) Excluded(path string) bool {
	for _, pat := range s.Exclude {
		if ok, _ := doublestar.Match(pat, path); ok {
			return true
		}
	}
	return false
}
