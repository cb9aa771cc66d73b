package hardcodedsecret

import (
	"maps"
	"slices"
	"strings"

	"github.com/zricethezav/gitleaks/v8/config"
	"github.com/zricethezav/gitleaks/v8/detect"
)

// A ruleSet splits a gitleaks config into one detector per rule, so that
// each rule's pattern runs only over the texts that hold one of its
// keywords. gitleaks prefilters the same way within one fragment, but a
// single joined fragment holds nearly every keyword somewhere ("ey",
// "sk", "key"), and then nearly every pattern runs over all of it.
type ruleSet struct {
	dets    []*detect.Detector // one per rule, in rule order
	generic []bool             // the rule is one of gitleaks' generic rules
	always  []int              // rules without keywords: they see every text
	index   keywordIndex       // keyword → rules
}

func newRuleSet(cfg config.Config) *ruleSet {
	rs := &ruleSet{index: newKeywordIndex()}
	for _, id := range slices.Sorted(maps.Keys(cfg.Rules)) {
		r := cfg.Rules[id]
		one := cfg
		one.Rules = map[string]config.Rule{id: r}
		one.OrderedRules = []string{id}
		one.Keywords = make(map[string]struct{})
		for _, k := range r.Keywords {
			one.Keywords[strings.ToLower(k)] = struct{}{}
		}
		for _, req := range r.RequiredRules {
			if aux, ok := cfg.Rules[req.RuleID]; ok {
				one.Rules[req.RuleID] = aux // a multi-part rule needs its parts
			}
		}
		n := len(rs.dets)
		rs.generic = append(rs.generic, strings.HasPrefix(id, "generic"))
		if len(r.Keywords) == 0 || len(r.RequiredRules) > 0 {
			rs.always = append(rs.always, n)
		} else {
			for k := range one.Keywords {
				rs.index.add(k, n)
			}
			// The index has already picked the texts that hold one of
			// the keywords, so the detector need not look for them
			// again; without them it also skips building a keyword
			// trie, which costs 50 KiB per rule.
			r.Keywords = nil
			one.Rules[id] = r
			one.Keywords = nil
		}
		det := detect.NewDetector(one)
		det.MaxDecodeDepth = 0
		rs.dets = append(rs.dets, det)
	}
	return rs
}

// hits returns the indexes of the texts in which some rule matched, as
// seen through joined scans: a superset of the texts with a match. The
// generic rules skip the texts marked in prose (comments): their matches
// there are never reported, and they are most of the scanning's cost.
func (rs *ruleSet) hits(texts []string, prose []bool) map[int]bool {
	byRule := make([][]int, len(rs.dets))
	for _, r := range rs.always {
		for i := range texts {
			if !(rs.generic[r] && prose[i]) {
				byRule[r] = append(byRule[r], i)
			}
		}
	}
	last := make([]int, len(rs.dets))
	for i := range last {
		last[i] = -1
	}
	for i, t := range texts {
		rs.index.find(strings.ToLower(t), func(r int) {
			if last[r] != i && !(rs.generic[r] && prose[i]) {
				last[r] = i
				byRule[r] = append(byRule[r], i)
			}
		})
	}

	hit := make(map[int]bool)
	for r, idx := range byRule {
		if len(idx) > 0 {
			joinedHits(rs.dets[r], texts, idx, hit)
		}
	}
	return hit
}

// joinedHits scans the texts listed in idx joined, one per line range,
// and marks in hit those in which a match starts.
func joinedHits(det *detect.Detector, texts []string, idx []int, hit map[int]bool) {
	starts := make([]int, len(idx))
	var b strings.Builder
	line := 0
	for j, i := range idx {
		starts[j] = line
		b.WriteString(texts[i])
		b.WriteByte('\n')
		line += strings.Count(texts[i], "\n") + 1
	}
	for _, f := range det.DetectString(b.String()) {
		j, _ := slices.BinarySearch(starts, f.StartLine+1)
		hit[idx[j-1]] = true
	}
}

// A keywordIndex finds which of many keywords occur in a text, in one
// pass: keywords are bucketed by their first byte, and a table of the
// first two bytes rejects most positions at once.
type keywordIndex struct {
	first [256][]keyword
	pairs []bool // pairs[b0<<8|b1]: some keyword starts with b0 b1
}

type keyword struct {
	text  string
	rules []int
}

func newKeywordIndex() keywordIndex {
	return keywordIndex{pairs: make([]bool, 1<<16)}
}

func (x *keywordIndex) add(k string, rule int) {
	if k == "" {
		return
	}
	b := &x.first[k[0]]
	for i := range *b {
		if (*b)[i].text == k {
			(*b)[i].rules = append((*b)[i].rules, rule)
			return
		}
	}
	*b = append(*b, keyword{text: k, rules: []int{rule}})
	if len(k) == 1 {
		for c := range 256 {
			x.pairs[int(k[0])<<8|c] = true
		}
	} else {
		x.pairs[int(k[0])<<8|int(k[1])] = true
	}
}

// find calls found for each rule of each keyword that occurs in text.
func (x *keywordIndex) find(text string, found func(rule int)) {
	for i := 0; i < len(text); i++ {
		if i+1 < len(text) && !x.pairs[int(text[i])<<8|int(text[i+1])] {
			continue
		}
		for _, k := range x.first[text[i]] {
			if strings.HasPrefix(text[i:], k.text) {
				for _, r := range k.rules {
					found(r)
				}
			}
		}
	}
}
