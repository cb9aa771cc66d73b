package weakrand

import (
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/ssa"
)

// weak is the label bit of output from math/rand; bit i+1 stands for
// parameter i of the function being analysed, so that one pass yields
// both findings and the function's summary.
const weak uint64 = 1

// maxParams is how many parameters get a bit of their own.
const maxParams = 62

// A source is where weak random data comes from.
type source struct {
	name string          // "math/rand.Intn"
	via  string          // the helper it was returned from, if any
	pos  token.Pos       // the call
	call *ssa.CallCommon // a package-level math/rand.Read, which has a fix
}

// A label says where a value may come from.
type label struct {
	mask uint64
	src  *source // set when mask has the weak bit
}

func (l label) join(m label) label {
	if l.src == nil {
		l.src = m.src
	}
	l.mask |= m.mask
	return l
}

func (l label) weak() bool { return l.mask&weak != 0 }

// params is l without the weak bit.
func (l label) params() uint64 { return l.mask &^ weak }

// A fieldKey is the memory of one field of a struct.
type fieldKey struct {
	base  any
	field int
}

// A flow is the taint state of one function. It is flow-insensitive:
// a value's label is what it may hold at any point of the function.
type flow struct {
	c       *checker
	fn      *ssa.Function
	labels  map[any]label // by ssa.Value (its value or contents) or fieldKey
	crypto  map[any]bool  // memory filled by crypto/rand
	sum     *summary      // being computed
	changed bool
}

func newFlow(c *checker, fn *ssa.Function) *flow {
	f := &flow{
		c:      c,
		fn:     fn,
		labels: make(map[any]label),
		crypto: make(map[any]bool),
		sum:    newSummary(fn),
	}
	for i, p := range fn.Params {
		if i < maxParams {
			f.labels[p] = label{mask: 1 << (i + 1)}
		}
	}
	for _, fv := range fn.FreeVars {
		if l, ok := c.freeVars[fv]; ok {
			f.labels[fv] = l
		}
	}
	return f
}

// solve propagates labels until they settle.
func (f *flow) solve() {
	for round := 0; round < 30; round++ {
		f.changed = false
		for _, b := range f.fn.Blocks {
			for _, instr := range b.Instrs {
				f.step(instr)
			}
		}
		if !f.changed {
			return
		}
	}
}

// key is the memory a pointer, slice or interface value refers to.
func key(v ssa.Value) any {
	switch v := v.(type) {
	case *ssa.FieldAddr:
		return fieldKey{key(v.X), v.Field}
	case *ssa.IndexAddr:
		return key(v.X)
	case *ssa.Slice:
		return key(v.X)
	case *ssa.MakeInterface:
		return key(v.X)
	case *ssa.ChangeType:
		return key(v.X)
	case *ssa.Convert:
		return key(v.X)
	case *ssa.ChangeInterface:
		return key(v.X)
	}
	return v
}

// get is the label of v and of the memory it refers to.
func (f *flow) get(v ssa.Value) label {
	l := f.labels[v]
	if k := key(v); k != any(v) {
		l = l.join(f.labels[k])
	}
	return l
}

func (f *flow) add(k any, l label) {
	if l.mask == 0 {
		return
	}
	old := f.labels[k]
	n := old.join(l)
	if n.mask != old.mask || n.src != old.src {
		f.labels[k] = n
		f.changed = true
	}
}

// store taints the memory addr refers to. A store into a field also
// taints the whole struct, for code that copies the struct by value.
func (f *flow) store(addr ssa.Value, l label) {
	k := key(addr)
	f.add(k, l)
	if fk, ok := k.(fieldKey); ok {
		f.add(fk.base, l)
	}
}

func (f *flow) step(instr ssa.Instruction) {
	switch in := instr.(type) {
	case *ssa.Call:
		f.call(in.Common(), in)
	case *ssa.Go:
		f.call(in.Common(), nil)
	case *ssa.Defer:
		f.call(in.Common(), nil)
	case *ssa.BinOp:
		if !isComparison(in.Op) { // rand.Float64() < rate samples, it makes no secret
			f.add(in, f.get(in.X).join(f.get(in.Y)))
		}
	case *ssa.UnOp:
		if in.Op != token.ARROW {
			f.add(in, f.get(in.X))
		}
	case *ssa.Convert:
		f.add(in, f.get(in.X))
	case *ssa.ChangeType:
		f.add(in, f.get(in.X))
	case *ssa.ChangeInterface:
		f.add(in, f.get(in.X))
	case *ssa.MakeInterface:
		f.add(in, f.get(in.X))
	case *ssa.TypeAssert:
		f.add(in, f.get(in.X))
	case *ssa.Slice:
		f.add(in, f.get(in.X))
	case *ssa.Field:
		f.add(in, f.get(in.X))
	case *ssa.Extract:
		f.add(in, f.extract(in))
	case *ssa.Phi:
		for _, e := range in.Edges {
			f.add(in, f.get(e))
		}
	case *ssa.Index:
		f.add(in, f.get(in.X))
		if isCharTable(in.X.Type()) {
			f.add(in, f.get(in.Index))
		}
	case *ssa.IndexAddr:
		if isCharTable(in.X.Type()) {
			f.add(in, f.get(in.Index))
		}
	case *ssa.Lookup:
		f.add(in, f.get(in.X))
	case *ssa.Range:
		f.add(in, f.get(in.X))
	case *ssa.Next:
		f.add(in, f.get(in.Iter))
	case *ssa.Store:
		l := f.get(in.Val)
		f.store(in.Addr, l)
		f.checkStore(in, l)
	case *ssa.MapUpdate:
		l := f.get(in.Value)
		f.store(in.Map, l)
		f.checkMapUpdate(in, l)
	case *ssa.Return:
		f.checkReturn(in)
	case *ssa.MakeClosure:
		f.bindFreeVars(in)
	}
}

func isComparison(op token.Token) bool {
	switch op {
	case token.EQL, token.NEQ, token.LSS, token.LEQ, token.GTR, token.GEQ:
		return true
	}
	return false
}

// isCharTable reports whether indexing a value of type t picks a
// character, as in letters[rand.Intn(len(letters))]: a random index then
// makes a random character. Picking an element of any other slice is
// choosing among values (a backend, a pooled token) and makes nothing.
func isCharTable(t types.Type) bool {
	switch u := t.Underlying().(type) {
	case *types.Basic:
		return u.Info()&types.IsString != 0
	case *types.Pointer:
		return isCharTable(u.Elem())
	case *types.Slice:
		return isChar(u.Elem())
	case *types.Array:
		return isChar(u.Elem())
	}
	return false
}

func isChar(t types.Type) bool {
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Info()&types.IsInteger != 0
}

// extract labels one result of a call, using the callee's summary when
// it has one for that result.
func (f *flow) extract(e *ssa.Extract) label {
	if call, ok := e.Tuple.(*ssa.Call); ok {
		if s := f.c.summaryOf(call.Common()); s != nil && e.Index < len(s.results) {
			return f.applyResult(call.Common(), s, e.Index)
		}
	}
	return f.get(e.Tuple)
}

// bindFreeVars passes what a closure captures to its analysis. Only the
// weak bit crosses: parameter bits belong to the enclosing function.
func (f *flow) bindFreeVars(mc *ssa.MakeClosure) {
	fn, ok := mc.Fn.(*ssa.Function)
	if !ok {
		return
	}
	for i, b := range mc.Bindings {
		if i >= len(fn.FreeVars) {
			break
		}
		if l := f.get(b); l.weak() {
			f.c.freeVars[fn.FreeVars[i]] = label{mask: weak, src: l.src}
		}
	}
}

// calleeFunc is the function or interface method a call names.
func calleeFunc(cc *ssa.CallCommon) *types.Func {
	if cc.IsInvoke() {
		return cc.Method
	}
	if fn := cc.StaticCallee(); fn != nil {
		if obj, ok := fn.Object().(*types.Func); ok {
			return obj.Origin()
		}
	}
	return nil
}

// args returns a call's arguments with the receiver first.
func args(cc *ssa.CallCommon) []ssa.Value {
	if cc.IsInvoke() {
		return append([]ssa.Value{cc.Value}, cc.Args...)
	}
	return cc.Args
}

func (f *flow) joinArgs(vs []ssa.Value) label {
	var l label
	for _, v := range vs {
		l = l.join(f.get(v))
	}
	return l
}

func (f *flow) call(cc *ssa.CallCommon, v *ssa.Call) {
	if b, ok := cc.Value.(*ssa.Builtin); ok {
		f.builtin(b, cc.Args, v)
		return
	}
	fn := calleeFunc(cc)
	if fn == nil || fn.Pkg() == nil {
		return // a call through a function value
	}
	f.checkCall(cc, fn)
	all := args(cc)
	switch path := fn.Pkg().Path(); {
	case isWeakPkg(path):
		f.weakCall(cc, fn, v)
	case path == "crypto/rand":
		if fn.Name() == "Read" && len(all) == 1 {
			f.crypto[key(all[0])] = true
		} else if v != nil && len(all) > 0 {
			f.add(v, f.get(all[0])) // rand.Int(r, max) is as weak as r
		}
	case path == "io" && (fn.Name() == "ReadFull" || fn.Name() == "ReadAtLeast"):
		if len(all) >= 2 {
			f.store(all[1], f.get(all[0]))
		}
	case fn.Name() == "Read" && cc.IsInvoke() && len(all) == 2:
		f.store(all[1], f.get(all[0])) // r.Read(buf) on an io.Reader
	case propagators[path] || isEncoder(fn):
		f.propagate(fn, all, v)
	default:
		if s := f.c.summaryOf(cc); s != nil {
			f.applySummary(cc, s, v)
		}
	}
}

func (f *flow) builtin(b *ssa.Builtin, as []ssa.Value, v *ssa.Call) {
	switch b.Name() {
	case "append", "min", "max":
		if v != nil {
			f.add(v, f.joinArgs(as))
		}
	case "copy":
		if len(as) == 2 {
			f.store(as[0], f.get(as[1]))
		}
	}
}

// propagate carries a formatting or encoding call's inputs to its
// result and to what it writes: the builder or buffer a Write method is
// called on, the destination of Encode, Put and Fprint functions.
func (f *flow) propagate(fn *types.Func, all []ssa.Value, v *ssa.Call) {
	if v != nil {
		f.add(v, f.joinArgs(all))
	}
	name := fn.Name()
	if fn.Signature().Recv() != nil && len(all) > 1 && hasPrefix(name, "Write", "Set", "Append") {
		f.store(all[0], f.joinArgs(all[1:]))
	}
	dst := 0
	if fn.Signature().Recv() != nil {
		dst = 1
	}
	if len(all) > dst+1 && hasPrefix(name, "Encode", "Put", "Fprint") {
		f.store(all[dst], f.joinArgs(all[dst+1:]))
	}
	if dst == 1 && len(all) > 1 && strings.HasPrefix(name, "Read") {
		f.store(all[1], f.get(all[0])) // a reader over weak bytes
	}
}

func hasPrefix(s string, prefixes ...string) bool {
	for _, p := range prefixes {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	return false
}

// isEncoder reports whether a function outside the known packages
// encodes its input, judged by its name or its package's.
func isEncoder(fn *types.Func) bool {
	path := fn.Pkg().Path()
	last := path[strings.LastIndex(path, "/")+1:]
	if encoderWords[strings.ToLower(last)] {
		return true
	}
	for _, w := range splitWords(fn.Name()) {
		if encoderWords[w] {
			return true
		}
	}
	return false
}

func isWeakPkg(path string) bool {
	return path == "math/rand" || path == "math/rand/v2"
}
