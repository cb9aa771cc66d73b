package weakcrypto

import (
	"go/constant"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/buildssa"
	"golang.org/x/tools/go/ssa"
)

// An ivSink takes an IV or a nonce.
type ivSink struct {
	name     string
	arg      int  // index of the IV in CallCommon.Args
	dst      int  // index of a dst argument that may share the IV's buffer, or -1
	encrypts bool // only encryption is reported
	what     string
}

// ivFuncs are the functions that take an IV or a nonce.
var ivFuncs = map[string]ivSink{
	"crypto/cipher.NewCBCEncrypter": {arg: 1, dst: -1, encrypts: true, what: "IV"},
	"crypto/cipher.NewCFBEncrypter": {arg: 1, dst: -1, encrypts: true, what: "IV"},
	"crypto/cipher.NewCTR":          {arg: 1, dst: -1, encrypts: true, what: "IV"},
	"crypto/cipher.NewOFB":          {arg: 1, dst: -1, encrypts: true, what: "IV"},
	"crypto/cipher.NewCBCDecrypter": {arg: 1, dst: -1, what: "IV"},
	"crypto/cipher.NewCFBDecrypter": {arg: 1, dst: -1, what: "IV"},
	"golang.org/x/crypto/chacha20.NewUnauthenticatedCipher": {
		arg: 1, dst: -1, encrypts: true, what: "nonce"},
}

// ivKind says what an IV is known to be.
type ivKind int

const (
	ivUnknown ivKind = iota // filled at run time, or not followed
	ivZero                  // a buffer never written: all zero
	ivConst                 // a literal or a constant
)

// String renders the kind with its article, for a message.
func (k ivKind) String() string {
	if k == ivZero {
		return "an all-zero"
	}
	return "a constant"
}

type ivChecker struct {
	pass    *analysis.Pass
	ssa     *buildssa.SSA
	funcs   []*ssa.Function
	globals map[*ssa.Global][]ssa.Instruction // built on first use
}

// checkIVs reports constant IVs and nonces given to encryption.
// usesIVSink reports whether the package refers to a function or method
// that takes an IV or nonce, the only calls checkIVs looks at: a call in
// SSA, even through an interface or a method value, is a use of its
// callee in the syntax. SSA is built only for the packages that do.
func usesIVSink(info *types.Info) bool {
	for _, obj := range info.Uses {
		fn, ok := obj.(*types.Func)
		if !ok {
			continue
		}
		if isAEADMethod(fn) {
			return true
		}
		// Every IV function's name starts with New; FullName allocates.
		if strings.HasPrefix(fn.Name(), "New") {
			if _, ok := ivFuncs[fn.FullName()]; ok {
				return true
			}
		}
	}
	return false
}

func checkIVs(pass *analysis.Pass, info *buildssa.SSA) {
	c := &ivChecker{pass: pass, ssa: info, funcs: packageFuncs(info)}
	for _, fn := range info.SrcFuncs {
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				call, ok := instr.(*ssa.Call)
				if !ok {
					continue
				}
				sink, ok := sinkOf(call.Common())
				if !ok || !sink.encrypts || sink.arg >= len(call.Call.Args) {
					continue
				}
				if sealsNothing(call.Common(), sink) {
					continue // a tag over nothing, e.g. to prime a TLS 1.3 AEAD
				}
				if k := c.kind(call.Call.Args[sink.arg]); k != ivUnknown {
					c.report(call, sink, k)
				}
			}
		}
	}
}

func (c *ivChecker) report(call *ssa.Call, sink ivSink, k ivKind) {
	msg := sink.name + " with " + k.String() + " " + sink.what + "; "
	if sink.what == "nonce" {
		msg += "a nonce repeated under one key breaks the cipher, use a random or counter nonce"
	} else {
		msg += "use a fresh random IV for every message, from io.ReadFull(rand.Reader, iv)"
	}
	c.pass.Report(analysis.Diagnostic{Pos: call.Pos(), Message: msg})
}

// sealsNothing reports whether a Seal has neither plaintext nor
// additional data: it encrypts nothing and authenticates nothing.
func sealsNothing(call *ssa.CallCommon, sink ivSink) bool {
	if sink.dst < 0 || len(call.Args) != sink.arg+3 {
		return false
	}
	for _, a := range call.Args[sink.arg+1:] {
		if k, ok := a.(*ssa.Const); !ok || !k.IsNil() {
			return false
		}
	}
	return true
}

// sinkOf describes a call that takes an IV or nonce: a function of
// ivFuncs, or the Seal or Open method of an AEAD.
func sinkOf(call *ssa.CallCommon) (ivSink, bool) {
	if call.IsInvoke() {
		if isAEADMethod(call.Method) {
			return aeadSink(call.Method.Name(), 0), true
		}
		return ivSink{}, false
	}
	callee := call.StaticCallee()
	if callee == nil {
		return ivSink{}, false
	}
	fn, ok := callee.Object().(*types.Func)
	if !ok {
		return ivSink{}, false
	}
	if s, ok := ivFuncs[fn.FullName()]; ok {
		s.name = shortName(fn)
		return s, true
	}
	if isAEADMethod(fn) {
		return aeadSink(fn.Name(), 1), true // the receiver is Args[0]
	}
	return ivSink{}, false
}

func aeadSink(method string, offset int) ivSink {
	return ivSink{
		name:     "AEAD." + method,
		arg:      1 + offset,
		dst:      offset,
		encrypts: method == "Seal",
		what:     "nonce",
	}
}

// isAEADMethod reports whether fn is Seal or Open shaped like
// cipher.AEAD's: (dst, nonce, text, additionalData []byte).
func isAEADMethod(fn *types.Func) bool {
	sig := fn.Signature()
	if (fn.Name() != "Seal" && fn.Name() != "Open") || sig.Recv() == nil || sig.Params().Len() != 4 {
		return false
	}
	for i := range 4 {
		if !isByteSlice(sig.Params().At(i).Type()) {
			return false
		}
	}
	return true
}

func isByteSlice(t types.Type) bool {
	s, ok := t.Underlying().(*types.Slice)
	if !ok {
		return false
	}
	b, ok := s.Elem().Underlying().(*types.Basic)
	return ok && b.Kind() == types.Byte
}

// kind follows v back to where its bytes come from. At a phi, one
// constant edge is enough: a default IV used when the caller passes
// none is still a constant IV.
func (c *ivChecker) kind(v ssa.Value) ivKind {
	return c.follow(v, make(map[*ssa.Phi]bool))
}

func (c *ivChecker) follow(v ssa.Value, phis map[*ssa.Phi]bool) ivKind {
	switch v := v.(type) {
	case *ssa.Phi:
		if phis[v] {
			return ivUnknown // a loop
		}
		phis[v] = true
		for _, e := range v.Edges {
			if k := c.follow(e, phis); k != ivUnknown {
				return k
			}
		}
	case *ssa.Convert:
		if isStringConst(v.X) {
			return ivConst // []byte("0123456789abcdef")
		}
	case *ssa.Extract:
		if call, ok := v.Tuple.(*ssa.Call); ok && v.Index == 0 && decodesConst(call.Common()) {
			return ivConst // hex.DecodeString("000102...")
		}
	case *ssa.Slice:
		return c.follow(v.X, phis)
	case *ssa.Alloc, *ssa.MakeSlice:
		return c.storage(v, nil)
	case *ssa.Global:
		if _, ok := v.Type().(*types.Pointer).Elem().Underlying().(*types.Array); ok {
			return c.storage(v, nil) // var iv [16]byte
		}
	case *ssa.UnOp:
		if g, ok := v.X.(*ssa.Global); ok && v.Op == token.MUL {
			return c.globalSlice(g) // var iv = []byte{...}
		}
	}
	return ivUnknown
}

func isStringConst(v ssa.Value) bool {
	k, ok := v.(*ssa.Const)
	return ok && k.Value != nil && k.Value.Kind() == constant.String
}

// decodesConst reports whether call decodes a constant string with
// encoding/hex or encoding/base64.
func decodesConst(call *ssa.CallCommon) bool {
	callee := call.StaticCallee()
	if callee == nil || callee.Pkg == nil || !strings.HasSuffix(callee.Name(), "DecodeString") {
		return false
	}
	if p := callee.Pkg.Pkg.Path(); p != "encoding/hex" && p != "encoding/base64" {
		return false
	}
	return len(call.Args) > 0 && isStringConst(call.Args[len(call.Args)-1])
}

// globalSlice judges a package-level []byte: constant when it is
// assigned once, a constant, and only ever read.
func (c *ivChecker) globalSlice(g *ssa.Global) ivKind {
	w := &walker{c: c, into: g, kind: ivZero, seen: make(map[ssa.Value]bool)}
	stores := 0
	for _, instr := range c.globalRefs()[g] {
		switch r := instr.(type) {
		case *ssa.Store:
			stores++
			root := r.Val
			for s, ok := root.(*ssa.Slice); ok; s, ok = root.(*ssa.Slice) {
				root = s.X
			}
			if isStringConvert(root) {
				w.kind = ivConst
				continue
			}
			if _, ok := root.(*ssa.Alloc); !ok || !w.alias(root) {
				return ivUnknown // assigned something made at run time
			}
		case *ssa.UnOp:
			if !w.alias(r) {
				return ivUnknown
			}
		default:
			return ivUnknown // its address escapes
		}
	}
	if stores != 1 {
		return ivUnknown
	}
	return w.kind
}

func isStringConvert(v ssa.Value) bool {
	conv, ok := v.(*ssa.Convert)
	return ok && isStringConst(conv.X)
}

// storage judges a buffer: all-zero or constant when every use only
// reads it, apart from stores of constants.
func (c *ivChecker) storage(root ssa.Value, into *ssa.Global) ivKind {
	w := &walker{c: c, into: into, kind: ivZero, seen: make(map[ssa.Value]bool)}
	if !w.alias(root) {
		return ivUnknown
	}
	return w.kind
}

// A walker visits a buffer and every slice of it.
type walker struct {
	c    *ivChecker
	into *ssa.Global // the one place the buffer may be stored
	kind ivKind
	seen map[ssa.Value]bool
}

// alias reports whether every use of v, a view of the buffer, reads it
// or stores a constant into it.
func (w *walker) alias(v ssa.Value) bool {
	if w.seen[v] {
		return true
	}
	w.seen[v] = true
	refs := w.c.referrers(v)
	if refs == nil {
		return false
	}
	for _, r := range refs {
		if !w.use(v, r) {
			return false
		}
	}
	return true
}

func (w *walker) use(v ssa.Value, r ssa.Instruction) bool {
	switch r := r.(type) {
	case *ssa.Slice:
		return w.alias(r)
	case *ssa.IndexAddr:
		return w.element(r)
	case *ssa.Store:
		if r.Addr == v {
			return w.constStore(r.Val)
		}
		return w.into != nil && r.Addr == w.into // var iv = []byte{...}
	case *ssa.UnOp:
		return r.Op == token.MUL // reads the array
	case *ssa.Call:
		return w.c.reads(r.Common(), v)
	case *ssa.DebugRef:
		return true
	}
	return false // it escapes: converted, stored, returned, compared
}

// element checks the uses of &buf[i].
func (w *walker) element(ia *ssa.IndexAddr) bool {
	refs := ia.Referrers()
	if refs == nil {
		return false
	}
	for _, r := range *refs {
		switch r := r.(type) {
		case *ssa.Store:
			if r.Addr != ia || !w.constStore(r.Val) {
				return false
			}
		case *ssa.UnOp:
		case *ssa.DebugRef:
		default:
			return false // &buf[i] escapes
		}
	}
	return true
}

// constStore records a store of val into the buffer: a constant keeps
// it known, anything else makes it unknown.
func (w *walker) constStore(val ssa.Value) bool {
	k, ok := val.(*ssa.Const)
	if !ok {
		return false
	}
	if k.Value != nil && !(k.Value.Kind() == constant.Int && constant.Sign(k.Value) == 0) {
		w.kind = ivConst
	}
	return true
}

// reads reports whether call only reads v: len, cap, the source of
// copy, append, or the IV of another sink.
func (c *ivChecker) reads(call *ssa.CallCommon, v ssa.Value) bool {
	if b, ok := call.Value.(*ssa.Builtin); ok {
		switch b.Name() {
		case "len", "cap", "append":
			return true
		case "copy":
			return call.Args[0] != v
		}
		return false
	}
	sink, ok := sinkOf(call)
	if !ok {
		return false // any other call may fill it: io.ReadFull(rand.Reader, iv)
	}
	for i, a := range call.Args {
		if a == v && i != sink.arg && i != sink.dst {
			return false
		}
	}
	return true
}

// referrers lists the instructions that use v; for a package variable,
// across the whole package.
func (c *ivChecker) referrers(v ssa.Value) []ssa.Instruction {
	if g, ok := v.(*ssa.Global); ok {
		return c.globalRefs()[g]
	}
	refs := v.Referrers()
	if refs == nil {
		return nil
	}
	return *refs
}

// globalRefs indexes the instructions that use each package variable.
func (c *ivChecker) globalRefs() map[*ssa.Global][]ssa.Instruction {
	if c.globals != nil {
		return c.globals
	}
	c.globals = make(map[*ssa.Global][]ssa.Instruction)
	for _, fn := range c.funcs {
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				for _, op := range instr.Operands(nil) {
					if g, ok := (*op).(*ssa.Global); ok && g.Pkg == c.ssa.Pkg {
						c.globals[g] = append(c.globals[g], instr)
					}
				}
			}
		}
	}
	return c.globals
}

// packageFuncs lists the package's functions with the package
// initializer, which assigns package variables.
func packageFuncs(info *buildssa.SSA) []*ssa.Function {
	funcs := append([]*ssa.Function(nil), info.SrcFuncs...)
	var add func(*ssa.Function)
	add = func(fn *ssa.Function) {
		funcs = append(funcs, fn)
		for _, anon := range fn.AnonFuncs {
			add(anon)
		}
	}
	if init := info.Pkg.Func("init"); init != nil {
		add(init)
	}
	return funcs
}
