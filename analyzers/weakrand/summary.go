package weakrand

import (
	"go/types"
	"math/bits"

	"golang.org/x/tools/go/ssa"
)

// A summary says what a function of the package does with weak random
// data, for its callers: which results carry it (from its own sources or
// from which parameters), which parameters it fills with it, and which
// parameters reach a security use.
type summary struct {
	results []label
	fills   []*source // by parameter; nil when not filled
	sinks   []string  // by parameter: the use it reaches, or ""
}

func newSummary(fn *ssa.Function) *summary {
	return &summary{
		results: make([]label, fn.Signature.Results().Len()),
		fills:   make([]*source, len(fn.Params)),
		sinks:   make([]string, len(fn.Params)),
	}
}

func (s *summary) equal(t *summary) bool {
	if t == nil || len(s.results) != len(t.results) {
		return false
	}
	for i := range s.results {
		if s.results[i] != t.results[i] {
			return false
		}
	}
	for i := range s.fills {
		if s.fills[i] != t.fills[i] || s.sinks[i] != t.sinks[i] {
			return false
		}
	}
	return true
}

// summaryOf is the summary of a call's callee, when it is a function of
// this package.
func (c *checker) summaryOf(cc *ssa.CallCommon) *summary {
	fn := cc.StaticCallee()
	if fn == nil {
		return nil
	}
	if fn.Origin() != nil {
		fn = fn.Origin()
	}
	return c.sums[fn]
}

// finish records what the solved flow means for callers.
func (f *flow) finish() {
	for i, p := range f.fn.Params {
		if i >= len(f.sum.fills) {
			break
		}
		if l := f.labels[p]; l.weak() && isReference(p.Type()) {
			f.sum.fills[i] = l.src
		}
	}
	if isCredentialMaker(f.fn.Name()) && f.fn.Parent() == nil {
		// The function reports its own results; its callers need not.
		for i := range f.sum.results {
			f.sum.results[i].mask &^= weak
			f.sum.results[i].src = nil
		}
	}
}

// isReference reports whether writes through a value of type t are seen
// by the caller.
func isReference(t types.Type) bool {
	switch t.Underlying().(type) {
	case *types.Pointer, *types.Slice, *types.Map:
		return true
	}
	return false
}

// applyResult is the label of result i of a call to a summarised
// function: its own weak data, and what its arguments bring.
func (f *flow) applyResult(cc *ssa.CallCommon, s *summary, i int) label {
	r := s.results[i]
	var out label
	if r.weak() {
		out = label{mask: weak, src: f.c.via(r.src, cc)}
	}
	all := args(cc)
	for m := r.params(); m != 0; m &= m - 1 {
		j := bits.TrailingZeros64(m) - 1
		if j < len(all) {
			out = out.join(f.get(all[j]))
		}
	}
	return out
}

// applySummary carries a summarised call's effects into the caller.
func (f *flow) applySummary(cc *ssa.CallCommon, s *summary, v *ssa.Call) {
	if v != nil {
		for i := range s.results {
			f.add(v, f.applyResult(cc, s, i))
		}
	}
	all := args(cc)
	for j, src := range s.fills {
		if src != nil && j < len(all) {
			f.store(all[j], label{mask: weak, src: f.c.via(src, cc)})
		}
	}
	for j, use := range s.sinks {
		if use != "" && j < len(all) {
			f.sink(f.get(all[j]), cc.Pos(), use+" in "+cc.StaticCallee().Name(), false)
		}
	}
}
