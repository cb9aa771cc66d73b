package leakyerror

import (
	"go/types"

	"golang.org/x/tools/go/ssa"
)

// failedAssertion reports the value of a comma-ok type assertion used
// where only a failed assertion leads: it is the zero value.
func failedAssertion(v ssa.Value, at ssa.Instruction) bool {
	if mi, ok := v.(*ssa.MakeInterface); ok {
		v = mi.X
	}
	e, ok := v.(*ssa.Extract)
	if !ok || e.Index != 0 || at == nil {
		return false
	}
	ta, ok := e.Tuple.(*ssa.TypeAssert)
	if !ok || !ta.CommaOk {
		return false
	}
	for _, r := range referrers(ta) {
		okv, isExtract := r.(*ssa.Extract)
		if !isExtract || okv.Index != 1 {
			continue
		}
		for _, rr := range referrers(okv) {
			branch, isIf := rr.(*ssa.If)
			if !isIf || branch.Cond != okv {
				continue
			}
			fail := branch.Block().Succs[1]
			if len(fail.Preds) == 1 && fail.Dominates(at.Block()) {
				return true
			}
		}
	}
	return false
}

// fate is what becomes of an error a function builds or receives.
type fate int

const (
	errEscapes  fate = iota // logged, stored, wrapped, passed on
	errDropped              // never used
	errReturned             // only compared with nil and returned
)

// errorFate follows the error result of a call (the call itself, or the
// error components of its tuple) to its uses.
func errorFate(call ssa.Value) fate {
	f := errDropped
	seen := make(map[ssa.Value]bool)
	var escapes func(v ssa.Value, tuple bool) bool
	escapes = func(v ssa.Value, tuple bool) bool {
		if seen[v] {
			return false
		}
		seen[v] = true
		for _, r := range referrers(v) {
			switch r := r.(type) {
			case *ssa.Extract:
				if tuple && isErrorType(r.Type()) && escapes(r, false) {
					return true
				} // the other results are not the message
			case *ssa.Return:
				f = errReturned
			case *ssa.BinOp:
				// err != nil
			case *ssa.DebugRef:
			case *ssa.MakeInterface:
				if escapes(r, false) {
					return true
				}
			case *ssa.ChangeInterface:
				if escapes(r, false) {
					return true
				}
			case *ssa.Phi:
				if escapes(r, false) {
					return true
				}
			default:
				if tuple {
					continue
				}
				return true
			}
		}
		return false
	}
	_, tuple := call.Type().(*types.Tuple)
	if escapes(call, tuple) {
		return errEscapes
	}
	return f
}

// precedes reports whether a runs before b on every path to b.
func precedes(a, b ssa.Instruction) bool {
	if a.Block() != b.Block() {
		return a.Block().Dominates(b.Block())
	}
	for _, instr := range a.Block().Instrs {
		switch instr {
		case a:
			return true
		case b:
			return false
		}
	}
	return false
}
