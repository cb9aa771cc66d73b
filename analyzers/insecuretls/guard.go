package insecuretls

import (
	"go/types"
	"strings"

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

// optInFunc returns the named function that holds s when its name says
// that it is the insecure choice, as a fluent client.InsecureSkipVerify()
// or an option WithInsecure() does. Such a function exists to be called
// by whoever wants no verification: the store is where the library
// carries out that choice, the call is where it is made, so the calls
// are reported instead.
func optInFunc(s *ssa.Store) *ssa.Function {
	fn := s.Parent()
	if fn.Parent() != nil || fn.Synthetic != "" {
		return nil // a closure, or made by the compiler
	}
	name := strings.ToLower(fn.Name())
	if !strings.Contains(name, "insecure") && !strings.Contains(name, "skipverify") {
		return nil
	}
	return fn
}

// checkOptInCalls reports the calls in this package of the functions
// that optInFunc found. A store in an unexported function that nothing
// here calls directly is reported itself, since no call will be.
func (c *checker) checkOptInCalls() {
	for fn, stores := range c.always {
		calls := c.callers[fn]
		obj, _ := fn.Object().(*types.Func)
		if len(calls) == 0 && (obj == nil || !obj.Exported()) {
			for _, s := range stores {
				c.reportSkip(s)
			}
			continue
		}
		for _, call := range calls {
			c.reportOptInCall(call, fn)
		}
	}
}
