package unvalidatedconfig

import (
	"go/token"
	"go/types"
	"reflect"

	"golang.org/x/tools/go/ssa"
)

// A flow tracks one value of a validated type through one function: the
// SSA values that alias it, the calls that validate it, the instructions
// that use it, and whether validation holds on entry to each block.
type flow struct {
	c    *checker
	fn   *ssa.Function
	root ssa.Value
	base types.Type // the validated type, or a validator interface
	// ctor is set when root is a parameter of an exported New...
	// constructor, where any use at all needs validation first.
	ctor bool
	// returns is set when root was decoded in the function: returning
	// it from a constructor hands out unvalidated input.
	returns bool

	alias       map[ssa.Value]bool
	immediate   map[ssa.Instruction]bool   // validation holds after it
	okEdges     map[*ssa.BasicBlock][]bool // validation holds on succ i
	dropped     *ssa.Call                  // first validator call whose error is dropped
	validations int
	uses        map[ssa.Instruction]use
	in          []bool // validation holds on entry, by block index
}

// A use is an instruction that needs the value to be validated.
type use struct {
	desc    string // "is stored in a field"
	forward bool   // passed to an exported function of the package
}

func newFlow(c *checker, fn *ssa.Function, root ssa.Value, base types.Type) *flow {
	f := &flow{
		c:         c,
		fn:        fn,
		root:      root,
		base:      base,
		alias:     make(map[ssa.Value]bool),
		immediate: make(map[ssa.Instruction]bool),
		okEdges:   make(map[*ssa.BasicBlock][]bool),
		uses:      make(map[ssa.Instruction]use),
	}
	f.aliases()
	return f
}

// sameBase reports whether t is the tracked type, through pointers.
func (f *flow) sameBase(t types.Type) bool {
	for range 3 {
		if types.Identical(t, f.base) {
			return true
		}
		p, ok := t.Underlying().(*types.Pointer)
		if !ok {
			return false
		}
		t = p.Elem()
	}
	return false
}

// aliases collects the values that stand for root: loads and local
// copies of it, phis over it, and results of the tracked type from calls
// that take it (c = c.WithDefaults()).
func (f *flow) aliases() {
	work := []ssa.Value{f.root}
	add := func(v ssa.Value) {
		if !f.alias[v] && f.sameBase(v.Type()) {
			f.alias[v] = true
			work = append(work, v)
		}
	}
	f.alias[f.root] = true
	for len(work) > 0 {
		v := work[len(work)-1]
		work = work[:len(work)-1]
		refs := v.Referrers()
		if refs == nil {
			continue
		}
		for _, instr := range *refs {
			switch i := instr.(type) {
			case *ssa.UnOp:
				if i.Op == token.MUL {
					add(i)
				}
			case *ssa.Store:
				// A local variable and what is stored in it are
				// the same value, both ways.
				if a, ok := i.Addr.(*ssa.Alloc); ok && i.Val == v {
					add(a)
				}
				if _, ok := v.(*ssa.Alloc); ok && i.Addr == v {
					add(i.Val)
				}
			case *ssa.Phi, *ssa.ChangeType:
				add(i.(ssa.Value))
			case *ssa.Call:
				if f.c.validatorIndex(i.Common(), f) < 0 {
					f.addResults(i, add)
				}
			}
		}
	}
}

// addResults adds the results of call that have the tracked type.
func (f *flow) addResults(call *ssa.Call, add func(ssa.Value)) {
	if _, ok := call.Type().(*types.Tuple); !ok {
		add(call)
		return
	}
	for _, ref := range *call.Referrers() {
		if ex, ok := ref.(*ssa.Extract); ok {
			add(ex)
		}
	}
}

// holds reports whether v is the value or an interface made from it.
func (f *flow) holds(v ssa.Value) bool {
	for range 3 {
		if f.alias[v] {
			return true
		}
		switch x := v.(type) {
		case *ssa.MakeInterface:
			v = x.X
		case *ssa.ChangeInterface:
			v = x.X
		default:
			return false
		}
	}
	return false
}

// reaches reports whether v is the value, an interface made from it, or
// the address of one of its fields.
func (f *flow) reaches(v ssa.Value) bool {
	for range 8 {
		if f.holds(v) {
			return true
		}
		switch x := v.(type) {
		case *ssa.FieldAddr:
			v = x.X
		case *ssa.MakeInterface:
			v = x.X
		case *ssa.ChangeType:
			v = x.X
		default:
			return false
		}
	}
	return false
}

// scan classifies every instruction of the function.
func (f *flow) scan() {
	for _, b := range f.fn.Blocks {
		for _, instr := range b.Instrs {
			f.classify(instr)
		}
	}
}

func (f *flow) classify(instr ssa.Instruction) {
	switch i := instr.(type) {
	case *ssa.Call:
		if f.c.validatorIndex(i.Common(), f) >= 0 {
			f.validation(i)
			return
		}
		f.callUse(i, i.Common())
	case *ssa.Go:
		f.callUse(i, i.Common())
	case *ssa.Defer:
		f.callUse(i, i.Common())
	case *ssa.Store:
		f.storeUse(i)
	case *ssa.Return:
		// The recover block returns only after a panic, which a
		// failed validation may well be.
		if f.returns && isCtorName(f.fn) && i.Block() != f.fn.Recover {
			for _, res := range i.Results {
				if returned, ok := f.returnedThroughSlot(i, res); ok && returned || !ok && f.alias[res] {
					f.uses[i] = use{desc: "is returned from " + f.fn.Name()}
				}
			}
		}
	case *ssa.If:
		f.nilCheck(i)
	case *ssa.FieldAddr:
		if f.ctor && f.alias[i.X] {
			f.uses[i] = use{desc: "is used by constructor " + f.fn.Name()}
		}
	case *ssa.Field:
		if f.ctor && f.alias[i.X] {
			f.uses[i] = use{desc: "is used by constructor " + f.fn.Name()}
		}
	}
}

// returnedThroughSlot looks at res, returned by ret, when it reads the
// result slot that a function with a defer returns through: go/ssa
// stores "return cfg" in the slot, in the returning block, before it runs
// the deferred calls. ok says res is such a read; returned, that the
// value stored there is the one followed. Every return of the function
// reads the same slot, so the store in the block decides, not whether
// the slot ever holds the value.
func (f *flow) returnedThroughSlot(ret *ssa.Return, res ssa.Value) (returned, ok bool) {
	load, isLoad := res.(*ssa.UnOp)
	if !isLoad || load.Op != token.MUL {
		return false, false
	}
	slot, isAlloc := load.X.(*ssa.Alloc)
	if !isAlloc {
		return false, false
	}
	instrs := ret.Block().Instrs
	for j := len(instrs) - 1; j >= 0; j-- {
		if st, isStore := instrs[j].(*ssa.Store); isStore && st.Addr == slot {
			_, zero := st.Val.(*ssa.Const) // return Config{}, err
			return !zero && f.alias[st.Val], true
		}
	}
	return false, false
}

// validation records how the error of a validator call is handled.
func (f *flow) validation(call *ssa.Call) {
	f.validations++
	res := call.Common().Signature().Results()
	if res.Len() == 0 || !isError(res.At(res.Len()-1).Type()) {
		f.immediate[call] = true // a validator that panics or exits
		return
	}
	errv := ssa.Value(call)
	if res.Len() > 1 {
		errv = nil
		for _, ref := range *call.Referrers() {
			if ex, ok := ref.(*ssa.Extract); ok && ex.Index == res.Len()-1 {
				errv = ex
			}
		}
	}
	if errv == nil || len(*errv.Referrers()) == 0 {
		if f.dropped == nil {
			f.dropped = call
		}
		return
	}

	checked := false
	for _, ref := range *errv.Referrers() {
		bin, ok := ref.(*ssa.BinOp)
		if !ok || !comparesNil(bin, errv) {
			continue
		}
		for _, ref := range *bin.Referrers() {
			if iff, ok := ref.(*ssa.If); ok {
				f.markEdge(iff, bin.Op == token.EQL)
				checked = true
			}
		}
	}
	if !checked {
		// Returned, wrapped, collected or passed to an assertion
		// helper: whoever gets the error decides, so trust it.
		f.immediate[call] = true
	}
}

// nilCheck treats the branch where the value is nil as safe: a nil
// config is not an unvalidated one, and callers handle it apart.
func (f *flow) nilCheck(iff *ssa.If) {
	bin, ok := iff.Cond.(*ssa.BinOp)
	if !ok {
		return
	}
	for _, v := range []ssa.Value{bin.X, bin.Y} {
		if f.alias[v] && comparesNil(bin, v) {
			f.markEdge(iff, bin.Op == token.EQL)
		}
	}
}

// markEdge marks the successor of iff on which the compared value is
// nil: the first when the condition is ==, the second when it is !=.
func (f *flow) markEdge(iff *ssa.If, eql bool) {
	b := iff.Block()
	edges := f.okEdges[b]
	if edges == nil {
		edges = make([]bool, len(b.Succs))
		f.okEdges[b] = edges
	}
	if eql {
		edges[0] = true
	} else {
		edges[1] = true
	}
}

// comparesNil reports whether bin is v == nil or v != nil.
func comparesNil(bin *ssa.BinOp, v ssa.Value) bool {
	if bin.Op != token.EQL && bin.Op != token.NEQ {
		return false
	}
	other := bin.Y
	if bin.Y == v {
		other = bin.X
	} else if bin.X != v {
		return false
	}
	k, ok := other.(*ssa.Const)
	return ok && k.IsNil()
}

// storeUse records a store of the value into a field or package
// variable, or of one of its fields into a network or crypto setting.
func (f *flow) storeUse(st *ssa.Store) {
	if f.alias[st.Val] {
		switch addr := st.Addr.(type) {
		case *ssa.FieldAddr:
			if !f.reaches(addr.X) && !documentField(addr) {
				f.uses[st] = use{desc: "is stored in a field"}
			}
		case *ssa.Global:
			f.uses[st] = use{desc: "is stored in package variable " + addr.Name()}
		}
		return
	}
	fa, ok := st.Addr.(*ssa.FieldAddr)
	if !ok {
		return
	}
	if name := sinkType(fa.X.Type()); name != "" && f.fromField(st.Val, 0) {
		f.uses[st] = use{desc: "configures " + name}
	}
}

// documentField reports whether fa addresses an exported field with an
// encoding tag (json, yaml, xml, toml, mapstructure): the value becomes
// part of a larger document, such as a message block set in a message
// or a section of a settings file, which is checked or sent as a whole.
// Storing it there nests it; it is consumed where the document is.
func documentField(fa *ssa.FieldAddr) bool {
	st, ok := derefType(fa.X.Type()).Underlying().(*types.Struct)
	if !ok || fa.Field >= st.NumFields() || !st.Field(fa.Field).Exported() {
		return false
	}
	tag := reflect.StructTag(st.Tag(fa.Field))
	for _, key := range []string{"json", "yaml", "xml", "toml", "mapstructure"} {
		if v, ok := tag.Lookup(key); ok && v != "-" {
			return true
		}
	}
	return false
}

func derefType(t types.Type) types.Type {
	if p, ok := t.Underlying().(*types.Pointer); ok {
		return p.Elem()
	}
	return t
}

// callUse records a call that consumes the value without validating it,
// or that opens a connection or loads keys from one of its fields.
func (f *flow) callUse(instr ssa.Instruction, common *ssa.CallCommon) {
	callee := common.StaticCallee()
	if callee == nil {
		return // dynamic call: unknown, so not counted
	}
	obj := funcObj(callee)
	if obj != nil && sinkFuncs[obj.FullName()] {
		for _, arg := range common.Args {
			if f.fromField(arg, 0) {
				f.uses[instr] = use{desc: "is used in a call to " + shortName(obj)}
				return
			}
		}
	}
	for i, arg := range common.Args {
		if !f.alias[arg] {
			continue
		}
		if f.ctor && !f.c.validatesParam(callee, i) {
			f.uses[instr] = use{desc: "is used by constructor " + f.fn.Name()}
			return
		}
		if f.c.consumesParam(callee, i) {
			forward := obj != nil && obj.Pkg() == f.c.pass.Pkg && isExported(obj)
			f.uses[instr] = use{desc: "is passed to " + callee.Name() +
				", which does not validate it,", forward: forward}
			return
		}
	}
}

// fromField reports whether v is computed from a field of the value:
// read, converted, combined, or formatted by a pure helper.
func (f *flow) fromField(v ssa.Value, depth int) bool {
	if depth > 6 {
		return false
	}
	switch x := v.(type) {
	case *ssa.FieldAddr:
		return f.alias[x.X] || f.fromField(x.X, depth+1)
	case *ssa.Field:
		return f.alias[x.X] || f.fromField(x.X, depth+1)
	case *ssa.UnOp:
		return f.fromField(x.X, depth+1)
	case *ssa.Convert:
		return f.fromField(x.X, depth+1)
	case *ssa.ChangeType:
		return f.fromField(x.X, depth+1)
	case *ssa.MakeInterface:
		return f.fromField(x.X, depth+1)
	case *ssa.Slice:
		return f.fromField(x.X, depth+1)
	case *ssa.Extract:
		return f.fromField(x.Tuple, depth+1)
	case *ssa.BinOp:
		return f.fromField(x.X, depth+1) || f.fromField(x.Y, depth+1)
	case *ssa.Call:
		callee := x.Call.StaticCallee()
		if callee == nil || callee.Pkg == nil || !pureHelpers[callee.Pkg.Pkg.Path()] {
			return false
		}
		for _, arg := range x.Call.Args {
			if f.fromField(arg, depth+1) {
				return true
			}
		}
	}
	return false
}

// solve computes, for each block, whether validation holds on entry on
// every path: a must-analysis that starts from "holds" everywhere but
// the entry and the recover block, and only ever clears.
func (f *flow) solve() {
	f.in = make([]bool, len(f.fn.Blocks))
	for i := range f.in {
		f.in[i] = i != 0
	}
	if f.fn.Recover != nil {
		f.in[f.fn.Recover.Index] = false
	}
	for changed := true; changed; {
		changed = false
		for _, b := range f.fn.Blocks {
			if b.Index == 0 || b == f.fn.Recover || len(b.Preds) == 0 {
				continue
			}
			v := true
			for _, p := range b.Preds {
				if !f.edge(p, b) {
					v = false
					break
				}
			}
			if v != f.in[b.Index] {
				f.in[b.Index] = v
				changed = true
			}
		}
	}
}

// edge reports whether validation holds on the edge from p to b.
func (f *flow) edge(p, b *ssa.BasicBlock) bool {
	if f.out(p) {
		return true
	}
	for i, s := range p.Succs {
		if s == b && f.okEdges[p] != nil && f.okEdges[p][i] {
			return true
		}
	}
	return false
}

// out reports whether validation holds at the end of b.
func (f *flow) out(b *ssa.BasicBlock) bool {
	s := f.in[b.Index]
	for _, instr := range b.Instrs {
		if f.immediate[instr] || f.exits(instr) {
			s = true
		}
	}
	return s
}

// exits reports whether instr is a call to a logger's Fatal or Panic
// method through an interface or a method value, which the control-flow
// pass cannot see does not return.
func (f *flow) exits(instr ssa.Instruction) bool {
	call, ok := instr.(*ssa.Call)
	if !ok {
		return false
	}
	name := ""
	if call.Call.IsInvoke() {
		name = call.Call.Method.Name()
	} else if callee := call.Call.StaticCallee(); callee != nil && callee.Signature.Recv() != nil {
		name = callee.Name()
	}
	return exitNames[name]
}

// firstUse returns the first use, in source order, that is reached
// without validation, or nil.
func (f *flow) firstUse(skipForward bool) (ssa.Instruction, use) {
	var first ssa.Instruction
	var firstUse use
	f.walk(func(instr ssa.Instruction, valid bool) {
		u, ok := f.uses[instr]
		if !ok || valid || (skipForward && u.forward) {
			return
		}
		if first == nil || instr.Pos() < first.Pos() {
			first, firstUse = instr, u
		}
	})
	return first, firstUse
}

// validatesAll reports whether the function validates the value on every
// path that returns without an error.
func (f *flow) validatesAll() bool {
	if f.validations == 0 {
		return false
	}
	res := f.fn.Signature.Results()
	hasErr := res.Len() > 0 && isError(res.At(res.Len()-1).Type())
	ok := true
	f.walk(func(instr ssa.Instruction, valid bool) {
		ret, isRet := instr.(*ssa.Return)
		if !isRet || valid {
			return
		}
		if hasErr && !isNilConst(ret.Results[len(ret.Results)-1]) {
			return // a failure path
		}
		ok = false
	})
	return ok
}

// walk visits every instruction with the validation state before it.
func (f *flow) walk(visit func(instr ssa.Instruction, valid bool)) {
	for _, b := range f.fn.Blocks {
		s := f.in[b.Index]
		for _, instr := range b.Instrs {
			visit(instr, s)
			if f.immediate[instr] {
				s = true
			}
		}
	}
}

func isNilConst(v ssa.Value) bool {
	k, ok := v.(*ssa.Const)
	return ok && k.IsNil()
}
