package leakyerror

import (
	"go/constant"
	"go/token"
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/ssa"
)

// flow is what reaches one SSA value: a secret, an internal detail, and
// the parameters (and, in an Error method, the receiver's fields) it is
// computed from.
type flow struct {
	secret *Origin
	detail *Origin
	params uint64
	fields uint64
}

func (f flow) or(g flow) flow {
	if f.secret == nil {
		f.secret = g.secret
	}
	if f.detail == nil {
		f.detail = g.detail
	}
	f.params |= g.params
	f.fields |= g.fields
	return f
}

// fnState evaluates flows inside one function.
type fnState struct {
	c      *checker
	fn     *ssa.Function
	memo   map[ssa.Value]flow
	busy   map[ssa.Value]bool
	errRcv bool            // fn is an Error method: track the receiver's fields
	block  *ssa.BasicBlock // the block being checked
}

func newFnState(c *checker, fn *ssa.Function) *fnState {
	return &fnState{
		c:      c,
		fn:     fn,
		memo:   make(map[ssa.Value]flow),
		busy:   make(map[ssa.Value]bool),
		errRcv: isErrorMethod(fn),
	}
}

// eval returns the flow that reaches v.
func (s *fnState) eval(v ssa.Value) flow {
	if v == nil {
		return flow{}
	}
	if f, ok := s.memo[v]; ok {
		return f
	}
	if s.busy[v] || len(s.busy) > 400 {
		return flow{} // a cycle through a φ-node, or too deep to matter
	}
	s.busy[v] = true
	f := s.compute(v)
	delete(s.busy, v)
	if scalarNonString(v.Type()) {
		f = flow{} // lengths, comparisons, counts: nothing to leak
	}
	s.memo[v] = f
	return f
}

func (s *fnState) compute(v ssa.Value) flow {
	f := s.value(v)
	if name, ok := s.c.locals[v.Pos()]; ok && f.secret == nil && stringLike(v.Type()) {
		if k := secretNameAt(name, s.decl()); k != noKind {
			f = f.or(s.source(k, "variable "+name))
		}
	}
	return f
}

// decl is where the names of fn's parameters and locals are declared.
func (s *fnState) decl() decl {
	return decl{pkg: s.c.pass.Pkg, owner: recvType(s.fn)}
}

func (s *fnState) source(k Kind, from string) flow {
	return flow{secret: &Origin{Kind: k, From: from}}
}

func (s *fnState) value(v ssa.Value) flow {
	switch v := v.(type) {
	case *ssa.Parameter:
		return s.param(v)
	case *ssa.FreeVar:
		if k := secretVarName(v.Name(), v.Type(), s.decl()); k != noKind {
			return s.source(k, "variable "+v.Name())
		}
	case *ssa.UnOp:
		if v.Op == token.MUL {
			return s.load(v.X)
		}
	case *ssa.Field:
		return s.field(v.X, v.Field, false)
	case *ssa.Call:
		return s.call(v.Common(), v)
	case *ssa.Extract:
		return s.extract(v)
	case *ssa.BinOp:
		if v.Op == token.ADD {
			return s.eval(v.X).or(s.eval(v.Y))
		}
	case *ssa.Convert:
		return s.eval(v.X)
	case *ssa.ChangeType:
		return s.eval(v.X)
	case *ssa.MakeInterface:
		return s.eval(v.X)
	case *ssa.ChangeInterface:
		return s.eval(v.X)
	case *ssa.TypeAssert:
		return s.eval(v.X)
	case *ssa.MultiConvert:
		return s.eval(v.X)
	case *ssa.SliceToArrayPointer:
		return s.eval(v.X)
	case *ssa.Slice:
		if shortPiece(v) {
			return flow{} // s[:4], s[len(s)-4:]: a fixed short piece
		}
		return s.eval(v.X).or(s.stackFilled(v.X))
	case *ssa.Index:
		return s.eval(v.X)
	case *ssa.Lookup:
		return s.eval(v.X)
	case *ssa.Range:
		return s.eval(v.X)
	case *ssa.Next:
		return s.eval(v.Iter)
	case *ssa.Phi:
		var f flow
		for _, e := range v.Edges {
			f = f.or(s.eval(e))
		}
		return f
	case *ssa.Alloc:
		return s.stores(v)
	case *ssa.MakeSlice:
		return s.stores(v).or(s.stackFilled(v))
	case *ssa.MakeMap:
		return s.mapUpdates(v)
	case *ssa.IndexAddr:
		return s.eval(v.X)
	case *ssa.FieldAddr:
		return s.field(v.X, v.Field, true)
	}
	return flow{}
}

func (s *fnState) param(p *ssa.Parameter) flow {
	var f flow
	for i, q := range s.fn.Params {
		if q == p && i < 64 {
			f.params = 1 << i
		}
	}
	if s.errRcv && p == s.fn.Params[0] {
		return f // the receiver of Error: its fields are tracked one by one
	}
	if k := secretVarName(p.Name(), p.Type(), s.decl()); k != noKind {
		f = f.or(s.source(k, "parameter "+p.Name()))
	}
	return f
}

// load returns the flow of a value read from addr.
func (s *fnState) load(addr ssa.Value) flow {
	switch a := addr.(type) {
	case *ssa.Global:
		if k := secretVarName(a.Name(), deref(a.Type()), decl{pkg: s.c.pass.Pkg}); k != noKind {
			return s.source(k, "variable "+a.Name())
		}
		return flow{}
	case *ssa.Alloc:
		f := s.stores(a)
		if a.Comment != "" {
			if k := secretVarName(a.Comment, deref(a.Type()), s.decl()); k != noKind {
				f = f.or(s.source(k, "variable "+a.Comment))
			}
		}
		return f
	}
	return s.eval(addr).or(s.storesTo(addr))
}

// field returns the flow of field i of the struct x (or of *x).
func (s *fnState) field(x ssa.Value, i int, addr bool) flow {
	st, named := structOf(x.Type())
	if st == nil || i >= st.NumFields() {
		return flow{}
	}
	fv := st.Field(i)
	if isCookieValue(named, fv) {
		return s.source(kindCookie, "http.Cookie.Value")
	}
	if k := secretVar(fv, named); k != noKind {
		return s.source(k, "field "+typeName(named)+"."+fv.Name())
	}
	if s.errRcv && x == s.fn.Params[0] && i < 64 {
		return flow{fields: 1 << i}
	}
	if addr {
		return flow{} // the stores into this field count when it is loaded
	}
	return s.eval(x)
}

// stores returns the flows stored into a local allocation, directly or
// through its fields and elements: the fields of a composite literal.
func (s *fnState) stores(a ssa.Value) flow {
	var f flow
	for _, r := range referrers(a) {
		switch r := r.(type) {
		case *ssa.Store:
			if r.Addr == a {
				f = f.or(s.eval(r.Val))
			}
		case *ssa.FieldAddr:
			f = f.or(s.storesTo(r))
		case *ssa.IndexAddr:
			f = f.or(s.storesTo(r))
		}
	}
	return f
}

// storesTo returns the flows stored into one address, including the
// stores into the same field of the same struct through other FieldAddr
// instructions.
func (s *fnState) storesTo(addr ssa.Value) flow {
	var f flow
	add := func(a ssa.Value) {
		for _, r := range referrers(a) {
			if st, ok := r.(*ssa.Store); ok && st.Addr == a {
				f = f.or(s.eval(st.Val))
			}
		}
	}
	add(addr)
	if fa, ok := addr.(*ssa.FieldAddr); ok {
		for _, r := range referrers(fa.X) {
			if o, ok := r.(*ssa.FieldAddr); ok && o != fa && o.Field == fa.Field {
				add(o)
			}
		}
	}
	return f
}

func (s *fnState) mapUpdates(m ssa.Value) flow {
	var f flow
	for _, r := range referrers(m) {
		if u, ok := r.(*ssa.MapUpdate); ok && u.Map == m {
			f = f.or(s.eval(u.Value))
		}
	}
	return f
}

// stackFilled reports a buffer that runtime.Stack writes into.
func (s *fnState) stackFilled(buf ssa.Value) flow {
	for _, r := range referrers(buf) {
		call, ok := r.(*ssa.Call)
		if !ok {
			continue
		}
		if fn := call.Call.StaticCallee(); fn != nil && funcName(fn) == "runtime.Stack" {
			return flow{detail: &Origin{Kind: kindStack, From: "runtime.Stack"}}
		}
	}
	return flow{}
}

func (s *fnState) extract(e *ssa.Extract) flow {
	if call, ok := e.Tuple.(*ssa.Call); ok {
		if fn := call.Call.StaticCallee(); fn != nil {
			switch funcName(fn) {
			case "(*net/http.Request).BasicAuth":
				if e.Index == 1 {
					return s.source(kindPassword, "basic auth of the request")
				}
				return flow{}
			}
		}
	}
	f := s.eval(e.Tuple)
	if call, ok := e.Tuple.(*ssa.Call); ok && f.secret != nil && !s.secretResult(call, e.Index) {
		// user, password, err := resolve(): only the password.
		f.secret = s.passedOn(s.c.summary(call.Call.StaticCallee()), call.Common()).secret
	}
	if call, ok := e.Tuple.(*ssa.Call); ok && isErrorType(e.Type()) && writesResponse(call.Common()) {
		// The error of a write to the response says the client went
		// away; sending it on tells the client nothing it lacks.
		f = flow{}
	} else if ok && isErrorType(e.Type()) && readsRequest(call.Common()) {
		f = flow{} // r.FormFile: the error is about the client's request
	} else if _, ok := e.Tuple.(*ssa.Call); ok && isErrorType(e.Type()) {
		// The secret and the parameters a call passes on go to its
		// string results (see checkReturn), not to its error: the
		// error of base64.DecodeString(key) names an offset, and that
		// of a function returning (user, password, err) none of them.
		f = errDetail()
	} else if isErrorType(e.Type()) {
		f = f.or(errDetail())
	} else {
		f.detail = nil // the error detail of a tuple goes with its error only
	}
	return f
}

// secretResult reports whether result i of a call to a function from
// source may carry the secret its summary returns.
func (s *fnState) secretResult(call *ssa.Call, i int) bool {
	fn := call.Call.StaticCallee()
	if fn == nil {
		return true
	}
	sum := s.c.summary(fn)
	if sum == nil || sum.Secret == nil || i >= 64 {
		return true // not from a summary, or nothing to tell apart
	}
	return sum.SecretResults&(1<<i) != 0
}

// writesResponse reports whether c writes to an HTTP response writer: a
// Write method of one, or a function whose first argument is one
// (io.WriteString, fmt.Fprintf, io.Copy).
func writesResponse(c *ssa.CallCommon) bool {
	if c.IsInvoke() {
		return c.Method.Name() == "Write" && isResponseWriter(c.Value)
	}
	if len(c.Args) == 0 {
		return false
	}
	if fn := c.StaticCallee(); fn != nil && fn.Signature.Recv() != nil {
		return strings.HasPrefix(fn.Name(), "Write") && isResponseWriter(c.Args[0])
	}
	return isResponseWriter(c.Args[0])
}

// readsRequest reports whether c calls a method of *http.Request. Its
// error (a malformed form, a missing file or cookie) describes the
// request the client sent, not the server.
func readsRequest(c *ssa.CallCommon) bool {
	fn := c.StaticCallee()
	if fn == nil || fn.Signature.Recv() == nil {
		return false
	}
	return funcName(fn) == "(*net/http.Request)."+fn.Name()
}

func errDetail() flow {
	return flow{detail: &Origin{Kind: kindErrDetail, From: "an error"}}
}

// shortPiece reports a slice that keeps at most a few bytes of a string:
// s[:4] or s[len(s)-4:].
func shortPiece(v *ssa.Slice) bool {
	if !stringLike(v.X.Type()) && !runes(v.X.Type()) {
		return false
	}
	if v.High != nil && v.Low == nil {
		return shortBound(v.High)
	}
	if v.High == nil && v.Low != nil {
		sub, ok := v.Low.(*ssa.BinOp)
		if !ok || sub.Op != token.SUB {
			return false
		}
		return shortBound(sub.Y)
	}
	return false
}

// shortBound reports whether v is at most 8: a constant, or min of
// values one of which is such a constant.
func shortBound(v ssa.Value) bool {
	if n, ok := intConst(v); ok {
		return n <= 8
	}
	call, ok := v.(*ssa.Call)
	if !ok {
		return false
	}
	if b, ok := call.Call.Value.(*ssa.Builtin); !ok || b.Name() != "min" {
		return false
	}
	return slices.ContainsFunc(call.Call.Args, shortBound)
}

// runes reports whether t is a slice of runes, as []rune(s) makes.
func runes(t types.Type) bool {
	s, ok := t.Underlying().(*types.Slice)
	if !ok {
		return false
	}
	b, ok := s.Elem().Underlying().(*types.Basic)
	return ok && b.Kind() == types.Int32
}

func intConst(v ssa.Value) (int64, bool) {
	c, ok := v.(*ssa.Const)
	if !ok || c.Value == nil || c.Value.Kind() != constant.Int {
		return 0, false
	}
	return constant.Int64Val(c.Value)
}

func stringConst(v ssa.Value) (string, bool) {
	if mi, ok := v.(*ssa.MakeInterface); ok {
		v = mi.X
	}
	c, ok := v.(*ssa.Const)
	if !ok || c.Value == nil || c.Value.Kind() != constant.String {
		return "", false
	}
	return constant.StringVal(c.Value), true
}

func referrers(v ssa.Value) []ssa.Instruction {
	if rs := v.Referrers(); rs != nil {
		return *rs
	}
	return nil
}

func deref(t types.Type) types.Type {
	if p, ok := t.Underlying().(*types.Pointer); ok {
		return p.Elem()
	}
	return t
}

// structOf returns the struct type of t or *t and its named type, if any.
func structOf(t types.Type) (*types.Struct, *types.Named) {
	t = deref(t)
	named, _ := types.Unalias(t).(*types.Named)
	st, _ := t.Underlying().(*types.Struct)
	return st, named
}

func typeName(n *types.Named) string {
	if n == nil {
		return "struct"
	}
	return n.Obj().Name()
}

func isCookieValue(n *types.Named, f *types.Var) bool {
	return n != nil && f.Name() == "Value" && n.Obj().Pkg() != nil &&
		n.Obj().Pkg().Path() == "net/http" && n.Obj().Name() == "Cookie"
}

func scalarNonString(t types.Type) bool {
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Info()&(types.IsBoolean|types.IsNumeric) != 0
}

func isErrorType(t types.Type) bool {
	return types.Identical(t, types.Universe.Lookup("error").Type())
}

func isErrorMethod(fn *ssa.Function) bool {
	sig := fn.Signature
	return fn.Name() == "Error" && sig.Recv() != nil && sig.Params().Len() == 0 &&
		sig.Results().Len() == 1 && types.Identical(sig.Results().At(0).Type(), types.Typ[types.String])
}
