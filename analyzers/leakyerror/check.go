package leakyerror

import (
	"fmt"
	"go/token"
	"go/types"
	"reflect"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"
)

// checker holds what one run knows: the summaries of this package's
// functions, refined round by round, and the findings of the last round.
type checker struct {
	pass   *analysis.Pass
	prog   *ssa.Program
	stdout bool
	locals map[token.Pos]string // values assigned to secret-named locals
	sums   map[*ssa.Function]*funcFact
	prints map[*types.TypeName]*printsFact
	final  bool // the last round: report
	seen   map[token.Pos]bool
}

// summary returns what a call to fn is known to do, or nil.
func (c *checker) summary(fn *ssa.Function) *funcFact {
	if o := fn.Origin(); o != nil {
		fn = o
	}
	if f, ok := c.sums[fn]; ok {
		return f
	}
	obj, ok := fn.Object().(*types.Func)
	if !ok || obj.Pkg() == nil || obj.Pkg() == c.pass.Pkg {
		return nil
	}
	f := new(funcFact)
	if c.pass.ImportObjectFact(obj, f) {
		return f
	}
	return nil
}

func (c *checker) printsOf(t types.Type) *printsFact {
	n, ok := types.Unalias(deref(t)).(*types.Named)
	if !ok {
		return nil
	}
	obj := n.Origin().Obj()
	if f, ok := c.prints[obj]; ok {
		return f
	}
	if obj.Pkg() == c.pass.Pkg {
		return nil
	}
	f := new(printsFact)
	if c.pass.ImportObjectFact(obj, f) {
		return f
	}
	return nil
}

// summarize walks fn once, recording its summary and, in the final
// round, reporting its findings. It reports whether the summary changed.
func (c *checker) summarize(fn *ssa.Function) bool {
	s := newFnState(c, fn)
	sum := new(funcFact)
	var results flow
	for _, b := range fn.Blocks {
		s.block = b
		for _, instr := range b.Instrs {
			switch in := instr.(type) {
			case ssa.CallInstruction:
				s.checkCall(in, sum)
			case *ssa.Store:
				s.checkStore(in, sum)
			case *ssa.Panic:
				s.checkArgs(sink{place: placePanic, name: "panic", args: plain(in.X)},
					in.Pos(), sum)
			case *ssa.Return:
				results = results.or(s.checkReturn(in, sum))
			}
		}
	}
	if !s.errRcv {
		// An Error method that returns a secret is reported where it
		// builds the message; its callers need not report it again.
		sum.Secret = results.secret
	}
	sum.Flows = results.params
	sum.Redacts = redacts(fn, sum)
	changed := c.record(fn, sum)
	if s.errRcv && results.fields != 0 {
		changed = c.recordPrints(fn, results.fields) || changed
	}
	return changed
}

func (c *checker) record(fn *ssa.Function, sum *funcFact) bool {
	old := c.sums[fn]
	c.sums[fn] = sum
	if old == nil {
		return !sum.empty()
	}
	return !reflect.DeepEqual(old, sum)
}

func (c *checker) recordPrints(fn *ssa.Function, fields uint64) bool {
	n, ok := types.Unalias(deref(fn.Signature.Recv().Type())).(*types.Named)
	if !ok {
		return false
	}
	st, _ := n.Underlying().(*types.Struct)
	if st == nil {
		return false
	}
	f := &printsFact{Fields: fields}
	for i := 0; i < st.NumFields() && i < 64; i++ {
		if fields&(1<<i) != 0 {
			f.Names = append(f.Names, st.Field(i).Name())
		}
	}
	obj := n.Obj()
	old := c.prints[obj]
	c.prints[obj] = f
	return old == nil || old.Fields != f.Fields
}

// redacts reports a masking or hashing helper: it takes a string that it
// reads and returns a string that does not carry it.
func redacts(fn *ssa.Function, sum *funcFact) bool {
	if sum.Flows != 0 || sum.Secret != nil || fn.Signature.Results().Len() != 1 ||
		!stringLike(fn.Signature.Results().At(0).Type()) || fn.Signature.Recv() != nil {
		return false
	}
	for _, p := range fn.Params {
		if stringLike(p.Type()) && len(referrers(p)) > 0 {
			return true
		}
	}
	return false
}

// checkReturn returns the flow of the results a function hands back to
// its callers, and reports a secret in the message of an Error method.
func (s *fnState) checkReturn(ret *ssa.Return, sum *funcFact) flow {
	var f flow
	for i, r := range ret.Results {
		if !stringLike(r.Type()) {
			continue
		}
		fr := s.eval(r)
		if fr.secret != nil && i < 64 && !s.errRcv {
			sum.SecretResults |= 1 << i
		}
		f = f.or(fr)
	}
	if s.errRcv && f.secret != nil && s.c.final {
		s.reportSecret(ret.Pos(), f.secret, placeError, displayName(s.fn), nil)
	}
	return f
}

func (s *fnState) checkCall(in ssa.CallInstruction, sum *funcFact) {
	call := in.Common()
	if sk, ok := s.c.sinkOf(call); ok {
		sk.at = in
		if sk.place == placeError && in.Value() != nil {
			sk.made = in.Value() // fmt.Errorf, errors.New
		}
		s.checkArgs(sk, in.Pos(), sum)
		return
	}
	fn := call.StaticCallee()
	if fn == nil {
		return
	}
	callee := s.c.summary(fn)
	if callee == nil {
		return
	}
	for _, ps := range callee.Sinks {
		if ps.Param >= len(call.Args) {
			continue
		}
		if paramIsSource(fn, ps.Param) {
			continue // the callee reports its own secret-named parameter
		}
		sk := sink{place: ps.Place, name: ps.Name, args: plain(call.Args[ps.Param]), at: in}
		if ps.Status >= 0 && ps.Status < len(call.Args) {
			sk.status = call.Args[ps.Status]
		}
		if ps.Returned && in.Value() != nil {
			sk.made = in.Value()
		}
		via := append([]string{s.c.qualifiedName(fn)}, ps.Via...)
		s.checkArgsVia(sk, in.Pos(), sum, via)
	}
}

// checkStore reports a secret stored into a field that the Error method of
// an error type prints.
func (s *fnState) checkStore(st *ssa.Store, sum *funcFact) {
	fa, ok := st.Addr.(*ssa.FieldAddr)
	if !ok || fa.Field >= 64 {
		return
	}
	pf := s.c.printsOf(fa.X.Type())
	if pf == nil || pf.Fields&(1<<fa.Field) == 0 {
		return
	}
	name := typeString(fa.X.Type()) + ".Error"
	s.checkArgs(sink{place: placeError, name: name, args: plain(st.Val)}, st.Pos(), sum)
}

func (s *fnState) checkArgs(sk sink, pos token.Pos, sum *funcFact) {
	s.checkArgsVia(sk, pos, sum, nil)
}

func (s *fnState) checkArgsVia(sk sink, pos token.Pos, sum *funcFact, via []string) {
	returned := false
	if sk.made != nil {
		switch errorFate(sk.made) {
		case errDropped:
			return // out, _ := r.replace(secret): no one sees the message
		case errReturned:
			returned = true
		}
	}
	for _, a := range sk.args {
		if a.val == nil || a.verb == 'T' {
			continue // %T prints the type only
		}
		if failedAssertion(a.val, sk.at) {
			continue // v, ok := x.(*T); if !ok { log.Print(v) } prints <nil>
		}
		f := s.eval(a.val)
		if !s.c.printMethodHides(a) {
			s.recordParams(f.params, sk, via, returned, sum)
		}
		if !s.c.final || s.c.seen[pos] {
			continue
		}
		s.reportArg(sk, a, f, pos, via)
	}
}

// recordParams notes the parameters that reach the sink in the summary.
func (s *fnState) recordParams(params uint64, sk sink, via []string, returned bool, sum *funcFact) {
	for i := 0; i < 64 && params != 0; i++ {
		if params&(1<<i) == 0 || sum.sink(i) != nil {
			continue
		}
		params &^= 1 << i
		if i >= len(s.fn.Params) || !carrier(s.fn.Params[i].Type()) {
			continue // a struct: printed whole, it is judged by its type
		}
		ps := ParamSink{Param: i, Place: sk.place, Name: sk.name, Via: via, Status: -1,
			Returned: returned}
		if sk.place == placeResponse {
			if p, ok := s.statusValue(sk).(*ssa.Parameter); ok {
				ps.Status = s.paramIndex(p)
			} else if s.clientError(sk) {
				continue // a 4xx response: only secrets matter, tracked by name
			}
		}
		sum.Sinks = append(sum.Sinks, ps)
	}
}

func (s *fnState) reportArg(sk sink, a fmtArg, f flow, pos token.Pos, via []string) {
	if f.secret != nil && !s.c.printMethodHides(a) &&
		!(sk.place == placeResponse && f.secret.Kind.toClient()) &&
		!(sk.json && !stringLike(plainType(a.val))) {
		s.reportSecret(pos, f.secret, sk.place, sk.name, via)
		return
	}
	if a.verb == 'v' || a.verb == 's' {
		if owner, field, kind := s.c.exposedField(plainType(a.val), a.hash, sk.json, 0); field != "" &&
			!(sk.place == placeResponse && kind.toClient()) {
			s.reportWhole(pos, owner, field, sk, via)
			return
		}
	}
	if f.detail != nil && sk.place == placeResponse &&
		(f.detail.Kind == kindStack || !s.clientError(sk)) && !s.debugOptIn() {
		s.reportDetail(pos, f.detail, sk, via)
	}
}

func (s *fnState) reportSecret(pos token.Pos, o *Origin, place Place, name string, via []string) {
	s.c.seen[pos] = true
	s.c.pass.Reportf(pos, "%s from %s reaches %s (%s) through %s; redact it",
		o.Kind, o.From, place, name, s.path(o.Via, via))
}

func (s *fnState) reportWhole(pos token.Pos, owner, field string, sk sink, via []string) {
	s.c.seen[pos] = true
	fix := "give " + owner + " a String method that redacts it or print selected fields"
	if sk.json {
		fix = `tag the field json:"-" or encode selected fields`
	}
	s.c.pass.Reportf(pos, "%s value with secret field %s reaches %s (%s) through %s; %s",
		owner, field, sk.place, sk.name, s.path(nil, via), fix)
}

func (s *fnState) reportDetail(pos token.Pos, o *Origin, sk sink, via []string) {
	s.c.seen[pos] = true
	what := o.Kind.String()
	if o.Kind != kindErrDetail {
		what += " from " + o.From
	}
	status := ""
	if code, ok := intConst(s.statusValue(sk)); ok {
		status = fmt.Sprintf(" with status %d", code)
	}
	s.c.pass.Reportf(pos, "%s reaches %s (%s)%s through %s; send the client a generic message and log the detail",
		what, sk.place, sk.name, status, s.path(nil, via))
}

// path lists the functions a value went through, from source to sink.
func (s *fnState) path(from, to []string) string {
	var names []string
	for i := len(from) - 1; i >= 0; i-- {
		names = append(names, from[i])
	}
	names = append(names, displayName(s.fn))
	names = append(names, to...)
	return strings.Join(names, " -> ")
}

// statusValue returns the status code of a response sink: http.Error's
// argument, the argument of the last WriteHeader call that runs before
// the sink on every path, or else that of the function's single
// WriteHeader call.
func (s *fnState) statusValue(sk sink) ssa.Value {
	if sk.status != nil {
		return sk.status
	}
	var only, last ssa.Value
	var lastAt ssa.Instruction
	n := 0
	for _, b := range s.fn.Blocks {
		for _, instr := range b.Instrs {
			call, ok := instr.(ssa.CallInstruction)
			if !ok || !isWriteHeader(call.Common()) {
				continue
			}
			n++
			args := call.Common().Args
			only = args[len(args)-1]
			if sk.at != nil && precedes(instr, sk.at) && (lastAt == nil || precedes(lastAt, instr)) {
				last, lastAt = only, instr
			}
		}
	}
	switch {
	case last != nil:
		return last
	case n == 1:
		return only
	}
	return nil // several statuses, none known to come first
}

// clientError reports a response sent with a constant 4xx status: a
// validation error meant for the client.
func (s *fnState) clientError(sk sink) bool {
	code, ok := intConst(s.statusValue(sk))
	return ok && code >= 400 && code < 500
}

func isWriteHeader(c *ssa.CallCommon) bool {
	if c.IsInvoke() {
		return c.Method.Name() == "WriteHeader" && isResponseWriter(c.Value)
	}
	fn := c.StaticCallee()
	return fn != nil && fn.Name() == "WriteHeader" && fn.Signature.Recv() != nil &&
		len(c.Args) == 2 && isResponseWriter(c.Args[0])
}

func (s *fnState) paramIndex(p *ssa.Parameter) int {
	for i, q := range s.fn.Params {
		if q == p {
			return i
		}
	}
	return -1
}

// paramIsSource reports whether parameter i of fn is itself a secret by
// its name or type, so that fn reports what reaches a sink through it.
func paramIsSource(fn *ssa.Function, i int) bool {
	sig := fn.Signature
	if sig.Recv() != nil {
		if i == 0 {
			return false
		}
		i--
	}
	if i >= sig.Params().Len() {
		return false
	}
	p := sig.Params().At(i)
	return secretVarName(p.Name(), p.Type(), decl{pkg: p.Pkg(), owner: recvType(fn)}) != noKind
}

// carrier reports whether a parameter of type t can carry a secret or
// an error to a sink in a way its caller cannot see from the type.
func carrier(t types.Type) bool {
	return stringLike(t) || types.IsInterface(t)
}

// plainType is the type of v before its conversion to an interface.
func plainType(v ssa.Value) types.Type {
	switch v := v.(type) {
	case *ssa.MakeInterface:
		return v.X.Type()
	case *ssa.ChangeInterface:
		return v.X.Type()
	}
	return v.Type()
}

// debugOptIn reports whether the block being checked runs only when a
// debug setting is on: if cfg.Debug { ... }, if exposeErrors(ctx) { ... }.
// Detail sent to clients there was asked for by whoever runs the server.
func (s *fnState) debugOptIn() bool {
	b := s.block
	for d := b.Idom(); d != nil; d = d.Idom() {
		last, ok := d.Instrs[len(d.Instrs)-1].(*ssa.If)
		if !ok || !debugSetting(last.Cond) {
			continue
		}
		if then := d.Succs[0]; then.Dominates(b) && !d.Succs[1].Dominates(b) {
			return true
		}
	}
	return false
}

// debugSetting reports whether v reads a setting named for debugging or
// for exposing detail: a field, a variable, a parameter or the result of
// a call with such a name.
func debugSetting(v ssa.Value) bool {
	var name string
	switch v := v.(type) {
	case *ssa.Call:
		if fn := v.Call.StaticCallee(); fn != nil {
			name = fn.Name()
		} else if v.Call.IsInvoke() {
			name = v.Call.Method.Name()
		}
	case *ssa.UnOp:
		switch x := v.X.(type) {
		case *ssa.FieldAddr:
			name = fieldName(x.X.Type(), x.Field)
		case *ssa.Global:
			name = x.Name()
		}
	case *ssa.Field:
		name = fieldName(v.X.Type(), v.Field)
	case *ssa.Parameter:
		name = v.Name()
	}
	for _, w := range splitWords(name) {
		switch w {
		case "debug", "verbose", "expose", "dev", "development":
			return true
		}
	}
	return false
}

// fieldName is the name of field i of the struct t or *t, or "".
func fieldName(t types.Type, i int) string {
	st, _ := structOf(t)
	if st == nil || i >= st.NumFields() {
		return ""
	}
	return st.Field(i).Name()
}
