package insecuretls

import (
	"go/types"

	"golang.org/x/tools/go/ssa"
)

// This file decides whether a store of a constant true runs only when an
// option says so. `if cfg.Insecure { c.InsecureSkipVerify = true }` and
// `switch mode { case "skip-verify": ... }` mean the same as
// `c.InsecureSkipVerify = cfg.Insecure`, so they are judged like that
// value: not reported by default, reported under -insecuretls.strict,
// and followed to the callers when the option is a parameter.

// maxCondDepth bounds the walk through the operands of a condition.
const maxCondDepth = 3

// optionGuard reports whether the store s runs only on one branch of an
// if whose condition reads an option. The value is the condition's when
// s runs on its true branch, so that a parameter can become a sink and a
// flag that defaults to true is still reported.
func (c *checker) optionGuard(s *ssa.Store) (value, bool) {
	b := s.Block()
	for d := b.Idom(); d != nil; d = d.Idom() {
		ifInstr, ok := d.Instrs[len(d.Instrs)-1].(*ssa.If)
		if !ok || isInitGuard(ifInstr.Cond) || !c.optionCond(ifInstr.Cond) {
			continue // not a branch on an option
		}
		for i, succ := range d.Succs {
			other := d.Succs[1-i]
			if !succ.Dominates(b) || reachesAvoiding(other, b, d) {
				continue // the other branch gets to the store as well
			}
			if i == 0 {
				if v := c.eval(ifInstr.Cond); v.params != nil || v.flag != "" {
					return value{params: v.params, flag: v.flag}, true
				}
			}
			return value{}, true
		}
	}
	return value{}, false
}

// optionCond reports whether cond is a test of an option: a value known
// only at run time that is neither an error nor compared with nil. A
// fallback such as `if err != nil { skip = true }` is no opt-in, and
// neither are both arms of `if c.TLSClientConfig == nil`, which set the
// same field either way.
func (c *checker) optionCond(cond ssa.Value) bool {
	if c.eval(cond).c != nil {
		return false // decided at compile time
	}
	return noErrorOrNil(cond, maxCondDepth)
}

func noErrorOrNil(v ssa.Value, depth int) bool {
	if isError(v.Type()) {
		return false
	}
	if k, ok := v.(*ssa.Const); ok {
		return !k.IsNil()
	}
	if depth == 0 {
		return true
	}
	var ops []ssa.Value
	switch v := v.(type) {
	case *ssa.BinOp:
		ops = []ssa.Value{v.X, v.Y}
	case *ssa.UnOp:
		ops = []ssa.Value{v.X}
	case *ssa.Call:
		ops = v.Call.Args
		if v.Call.IsInvoke() {
			ops = append(ops, v.Call.Value)
		}
	}
	for _, op := range ops {
		if !noErrorOrNil(op, depth-1) {
			return false
		}
	}
	return true
}

// isInitGuard reports whether cond is the test by which a package
// initializer runs only once.
func isInitGuard(cond ssa.Value) bool {
	load, ok := cond.(*ssa.UnOp)
	if !ok {
		return false
	}
	g, ok := load.X.(*ssa.Global)
	return ok && g.Name() == "init$guard"
}

func isError(t types.Type) bool {
	return types.Identical(t, types.Universe.Lookup("error").Type())
}

// reachesAvoiding reports whether to can be reached from from without
// passing through avoid, as on the way round a loop.
func reachesAvoiding(from, to, avoid *ssa.BasicBlock) bool {
	seen := map[*ssa.BasicBlock]bool{avoid: true}
	stack := []*ssa.BasicBlock{from}
	for len(stack) > 0 {
		b := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if b == to {
			return true
		}
		if seen[b] {
			continue
		}
		seen[b] = true
		stack = append(stack, b.Succs...)
	}
	return false
}
