package hardcodedsecret

import (
	"fmt"
	"os"
	"regexp"
	"slices"
	"strings"
	"sync"

	"github.com/rs/zerolog"
	"github.com/spf13/viper"
	"github.com/zricethezav/gitleaks/v8/config"
	"github.com/zricethezav/gitleaks/v8/detect"
	"github.com/zricethezav/gitleaks/v8/logging"
)

// An engine is a gitleaks detector whose rules never change after it is
// built. Scanning only reads it, so one engine serves every pass of a
// process, on any number of goroutines.
type engine struct {
	det   *detect.Detector // all the rules
	rules *ruleSet         // the same rules, one detector each
}

// A match is one secret a gitleaks rule found in a scanned text.
type match struct {
	rule   string // gitleaks rule ID, e.g. "github-pat"
	secret string
	line   int // line of the match within the text, from 0
}

// defaultEngine holds gitleaks' built-in rules, built on first use.
//
// gitleaks' own NewDetectorDefaultConfig reads the TOML through viper's
// process-wide instance and races when two goroutines build at once; here
// the TOML goes through a private viper instance, once per process.
var defaultEngine = sync.OnceValues(func() (*engine, error) { return newEngine("") })

// quietLogs silences gitleaks' logger, whose trace events print secrets
// in clear. It runs before any engine exists.
var quietLogs = sync.OnceFunc(func() { logging.Logger = zerolog.Nop() })

// newEngine builds an engine from gitleaks' default rules, extended by
// the gitleaks TOML file at path when path is not empty. gitleaks
// compiles rule patterns with regexp.MustCompile, so a bad pattern
// panics; that panic comes back as an error.
func newEngine(path string) (e *engine, err error) {
	quietLogs()
	defer func() {
		if r := recover(); r != nil {
			e, err = nil, fmt.Errorf("%s: %v", configName(path), r)
		}
	}()

	base, err := readConfig(config.DefaultConfig)
	if err != nil {
		return nil, fmt.Errorf("gitleaks default rules: %w", err)
	}
	if path != "" {
		data, err := os.ReadFile(path)
		if err != nil {
			return nil, err
		}
		user, err := readConfig(string(data))
		if err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		base = extend(base, user)
	}

	held := holdStopwords(base)
	cfg, err := base.Translate()
	if err != nil {
		return nil, fmt.Errorf("%s: %w", configName(path), err)
	}
	held.restore(cfg)
	det := detect.NewDetector(cfg)
	det.MaxDecodeDepth = 0 // Go literals are already decoded
	return &engine{det: det, rules: newRuleSet(cfg)}, nil
}

// Stopwords are held out of gitleaks' Translate and put back after it.
// Translate builds each allowlist's stopwords into an Aho-Corasick trie
// whose states take 2 KiB each: the default rules' 1,300 stopwords cost
// 12.7 MiB, a fifth of what seclint keeps in memory on a medium module.
// Without a trie, Allowlist.ContainsStopWord scans the word list, and it
// runs only on the few strings a rule has matched. An allowlist whose
// only criterion is stopwords keeps its trie: Translate rejects it
// otherwise.
type heldStopwords [][]string

// stopwordMark tags an allowlist's description with the index of its
// held words; a NUL byte never occurs in a description from TOML.
const stopwordMark = "\x00seclint-stopwords:"

func holdStopwords(vc *config.ViperConfig) heldStopwords {
	var held heldStopwords
	hold := func(desc *string, words *[]string, others ...int) {
		if len(*words) == 0 || slices.Max(others) == 0 {
			return
		}
		seen := make(map[string]bool)
		var lower []string
		for _, w := range *words {
			if w = strings.ToLower(w); !seen[w] {
				seen[w] = true
				lower = append(lower, w)
			}
		}
		*desc += fmt.Sprintf("%s%d", stopwordMark, len(held))
		held = append(held, lower)
		*words = nil
	}
	for _, a := range vc.Allowlists {
		hold(&a.Description, &a.StopWords, len(a.Commits), len(a.Paths), len(a.Regexes))
	}
	for _, r := range vc.Rules {
		for _, a := range r.Allowlists {
			hold(&a.Description, &a.StopWords, len(a.Commits), len(a.Paths), len(a.Regexes))
		}
	}
	return held
}

// restore gives each allowlist its stopwords back.
func (held heldStopwords) restore(cfg config.Config) {
	put := func(a *config.Allowlist) {
		desc, mark, ok := strings.Cut(a.Description, stopwordMark)
		if !ok {
			return
		}
		var i int
		fmt.Sscan(mark, &i)
		a.Description, a.StopWords = desc, held[i]
	}
	for _, a := range cfg.Allowlists {
		put(a)
	}
	for _, r := range cfg.Rules {
		for _, a := range r.Allowlists {
			put(a)
		}
	}
}

func configName(path string) string {
	if path == "" {
		return "gitleaks default rules"
	}
	return path
}

// readConfig parses a gitleaks TOML file with a private viper instance.
func readConfig(text string) (*config.ViperConfig, error) {
	v := viper.New()
	v.SetConfigType("toml")
	if err := v.ReadConfig(strings.NewReader(text)); err != nil {
		return nil, err
	}
	var vc config.ViperConfig
	if err := v.Unmarshal(&vc); err != nil {
		return nil, err
	}

	// Fold the deprecated single-table forms into the list forms, so
	// that two files, each written in one form, can be merged.
	if vc.AllowList != nil {
		vc.Allowlists = append(vc.Allowlists, vc.AllowList)
		vc.AllowList = nil
	}
	for i := range vc.Rules {
		r := &vc.Rules[i]
		if r.AllowList != nil {
			r.Allowlists = append(r.Allowlists, r.AllowList)
			r.AllowList = nil
		}
	}
	return &vc, nil
}

// extend merges a user's gitleaks config into the default one the way
// gitleaks' [extend] useDefault does: rules listed in disabledRules are
// dropped, a user rule with a default rule's ID overrides its scalar
// fields and adds to its lists, and other user rules and allowlists are
// added. The merge is done on the parsed TOML so that gitleaks' own
// extension code, which uses process-wide state, never runs.
func extend(base, user *config.ViperConfig) *config.ViperConfig {
	out := *user
	out.Extend = config.Extend{}
	out.Rules = nil
	userRule := make(map[string]int, len(user.Rules))
	for i, u := range user.Rules {
		userRule[u.ID] = i
	}

	for _, r := range base.Rules {
		if slices.Contains(user.Extend.DisabledRules, r.ID) {
			continue
		}
		i, ok := userRule[r.ID]
		if !ok {
			out.Rules = append(out.Rules, r)
			continue
		}
		delete(userRule, r.ID)
		u := user.Rules[i]
		if u.Description != "" {
			r.Description = u.Description
		}
		if u.Entropy != 0 {
			r.Entropy = u.Entropy
		}
		if u.SecretGroup != 0 {
			r.SecretGroup = u.SecretGroup
		}
		if u.Regex != "" {
			r.Regex = u.Regex
		}
		if u.Path != "" {
			r.Path = u.Path
		}
		r.Tags = append(slices.Clip(r.Tags), u.Tags...)
		r.Keywords = append(slices.Clip(r.Keywords), u.Keywords...)
		r.Allowlists = append(slices.Clip(r.Allowlists), u.Allowlists...)
		out.Rules = append(out.Rules, r)
	}

	// User rules with new IDs come after the defaults, in file order.
	for _, u := range user.Rules {
		if _, ok := userRule[u.ID]; ok {
			out.Rules = append(out.Rules, u)
		}
	}
	out.Allowlists = append(slices.Clip(base.Allowlists), user.Allowlists...)
	return &out
}

// scan runs the rules over texts and returns the matches in each.
//
// Calling gitleaks once per literal would repeat its per-call setup
// thousands of times per package, so each rule scans, at once, the texts
// that hold its keywords, joined one per line range. A gitleaks match
// has a line but no byte offset, and a pattern may run from one text
// into the next, so every text with a match in a joined scan is scanned
// again on its own with all the rules, and only those results count.
func (e *engine) scan(texts []string, prose []bool) [][]match {
	out := make([][]match, len(texts))
	if len(texts) == 0 {
		return out
	}
	for i := range e.rules.hits(texts, prose) {
		for _, f := range e.det.DetectString(texts[i]) {
			out[i] = append(out[i], match{rule: f.RuleID, secret: f.Secret, line: f.StartLine})
		}
	}
	return out
}

// Redact returns text with every secret that gitleaks' default rules find
// in it shortened to its first characters, as findings show them. Hosts
// pass their own messages through it when those may quote source code: a
// parse error can quote the line that holds a key. If the rules cannot
// be built, every run of 16 or more non-space characters is redacted.
func Redact(text string) string {
	e, err := defaultEngine()
	if err != nil {
		return longRuns.ReplaceAllStringFunc(text, redact)
	}
	for _, f := range e.det.DetectString(text) {
		if f.Secret != "" {
			text = strings.ReplaceAll(text, f.Secret, redact(f.Secret))
		}
	}
	return text
}

var longRuns = regexp.MustCompile(`\S{16,}`)
