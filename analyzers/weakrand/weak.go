package weakrand

import (
	"go/types"

	"golang.org/x/tools/go/ssa"
)

// weakCall labels what a math/rand or math/rand/v2 call produces.
//
// Package-level functions are weak: they are documented as unfit for
// security whatever their seed. A generator made by rand.New is as weak
// as its source: NewSource and NewPCG are, a ChaCha8 is unless its seed
// was filled by crypto/rand in the same function, and a Source of the
// program's own type (often a wrapper of crypto/rand) is trusted. Methods
// on a *Rand read from a field or a global are weak, since such
// generators are nearly always seeded from the clock; one received as a
// parameter is judged at each call by what the caller passes. Perm,
// Shuffle and Seed make no secret and are never sources.
func (f *flow) weakCall(cc *ssa.CallCommon, fn *types.Func, v *ssa.Call) {
	all := args(cc)
	name := fn.Name()
	switch name {
	case "Seed", "Shuffle", "Perm":
		return
	}
	if fn.Signature().Recv() == nil {
		switch name {
		case "New", "NewZipf":
			if v != nil {
				f.add(v, f.joinArgs(all))
			}
			return
		case "NewChaCha8":
			if len(all) == 1 && f.cryptoSeeded(all[0]) {
				return
			}
		case "Read":
			if len(all) == 1 {
				f.store(all[0], label{mask: weak, src: f.c.sourceAt(cc, fn, true)})
			}
			return
		}
		if v != nil {
			f.add(v, label{mask: weak, src: f.c.sourceAt(cc, fn, false)})
		}
		return
	}
	if len(all) == 0 {
		return
	}
	var src label
	switch recv := f.get(all[0]); {
	case !recv.weak() && recv.params() != 0:
		// A generator passed in is the caller's choice: what the method
		// returns is as weak as the argument, decided at each call.
		src = label{mask: recv.params()}
	case f.weakReceiver(all[0]):
		src = label{mask: weak, src: f.c.sourceAt(cc, fn, false)}
	default:
		return
	}
	if name == "Read" && len(all) == 2 {
		f.store(all[1], src)
		return
	}
	if v != nil {
		f.add(v, src)
	}
}

// cryptoSeeded reports whether a ChaCha8 seed is an array that
// crypto/rand filled.
func (f *flow) cryptoSeeded(seed ssa.Value) bool {
	load, ok := seed.(*ssa.UnOp)
	return ok && f.crypto[key(load.X)]
}

// weakReceiver reports whether the generator a method is called on is
// weak (see weakCall).
func (f *flow) weakReceiver(r ssa.Value) bool {
	if f.get(r).weak() {
		return true
	}
	if call, ok := unwrap(r).(*ssa.Call); ok {
		if fn := calleeFunc(call.Common()); fn != nil && fn.Pkg() != nil &&
			isWeakPkg(fn.Pkg().Path()) {
			return false // rand.New over a trusted source, a crypto-seeded ChaCha8
		}
	}
	return !isChaCha8(r.Type())
}

// unwrap strips conversions that keep a value's identity.
func unwrap(v ssa.Value) ssa.Value {
	for {
		switch u := v.(type) {
		case *ssa.MakeInterface:
			v = u.X
		case *ssa.ChangeType:
			v = u.X
		case *ssa.ChangeInterface:
			v = u.X
		default:
			return v
		}
	}
}

// isChaCha8 reports whether t is math/rand/v2's ChaCha8, a generator of
// cryptographic strength whose seed decides whether it is predictable.
func isChaCha8(t types.Type) bool {
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := t.(*types.Named)
	return ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == "math/rand/v2" &&
		n.Obj().Name() == "ChaCha8"
}

// isWeakReader reports whether v, given where an io.Reader is wanted, is
// a math/rand generator: a *rand.Rand or a rand.Source of math/rand.
func (f *flow) isWeakReader(v ssa.Value) bool {
	if f.get(v).weak() {
		return true
	}
	u := unwrap(v)
	if call, ok := u.(*ssa.Call); ok {
		if fn := calleeFunc(call.Common()); fn != nil && fn.Pkg() != nil &&
			isWeakPkg(fn.Pkg().Path()) {
			return false // made here from a trusted source
		}
	}
	t := u.Type()
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := t.(*types.Named)
	return ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == "math/rand" &&
		n.Obj().Name() == "Rand"
}
