package unvalidatedconfig

import (
	"fmt"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"
)

// check reports the unvalidated values of one function: its parameters
// when it is exported, then the values it builds or decodes.
func (c *checker) check(fn *ssa.Function) {
	if len(fn.Blocks) == 0 {
		return
	}
	done := make(map[ssa.Value]bool) // values already covered by a root
	for i, p := range fn.Params {
		f := c.paramFlow(fn, i)
		if f == nil {
			continue
		}
		for v := range f.alias {
			done[v] = true
		}
		if c.reportsParam(fn, i) && !c.sums[fn].validates[i] {
			c.report(f, p.Pos(), fmt.Sprintf("parameter %s of type %s", p.Name(), c.typeName(f.base)))
		}
	}

	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			v, ok := instr.(ssa.Value)
			if !ok || done[v] || !isCandidate(v) {
				continue
			}
			named := c.validated(v.Type())
			if named == nil {
				continue
			}
			f := newFlow(c, fn, v, namedOf(v.Type()))
			merged := false
			for a := range f.alias {
				merged = merged || done[a]
			}
			if merged {
				continue // another root already stands for this value
			}
			if c.checkSource(f) {
				for a := range f.alias {
					done[a] = true
				}
			}
			// A root that is no source, such as the result slot that a
			// function with a defer returns through, stands for nothing:
			// the value decoded into another root and stored there is
			// still judged.
		}
	}
}

// isCandidate reports whether v may be a value that enters the function:
// a variable or literal, or a pointer returned by a call.
func isCandidate(v ssa.Value) bool {
	switch v := v.(type) {
	case *ssa.Alloc:
		return true
	case *ssa.Call, *ssa.Extract:
		_, isPtr := v.Type().Underlying().(*types.Pointer)
		return isPtr
	}
	return false
}

// checkSource reports a literal or decoded value that is used
// unvalidated. It reports whether f's root is such a value.
func (c *checker) checkSource(f *flow) bool {
	at, how := f.decoded()
	pos := f.root.Pos()
	switch {
	case at != nil && c.selfValidating(namedOf(f.base)):
		return true // its decode method validates it
	case at != nil:
		pos = at.Pos()
	case !f.builtFromInput():
		return false // constant literal, zero value or a value made elsewhere
	default:
		how = "built from input"
	}
	f.returns = at != nil
	f.scan()
	f.solve()
	c.report(f, pos, c.typeName(f.base)+" "+how)
	return true
}

// reportsParam reports whether parameter i of fn is reported in fn: a
// non-receiver parameter of an exported function outside package main.
func (c *checker) reportsParam(fn *ssa.Function, i int) bool {
	obj := funcObj(fn)
	if obj == nil || fn.Parent() != nil || !isExported(obj) || c.pass.Pkg.Name() == "main" {
		return false
	}
	if obj.Signature().Recv() != nil && i == 0 {
		return false
	}
	if isValidateMethod(obj) || c.directives[obj] {
		return false
	}
	return c.ownsParam(fn, i)
}

// ownsParam reports whether parameter i of fn has a validated type that
// fn's package declares, and that its decoding does not validate already.
// A package answers for its own types at its API; values of another
// package's types are checked where they are built or decoded instead.
func (c *checker) ownsParam(fn *ssa.Function, i int) bool {
	named := namedOf(fn.Params[i].Type())
	if named == nil || named.Obj().Pkg() != c.pass.Pkg || c.validated(named) == nil {
		return false
	}
	return !c.selfValidating(named)
}

// decodeMethods are the methods through which decoders fill a value.
var decodeMethods = []string{
	"UnmarshalJSON", "UnmarshalYAML", "UnmarshalXML", "UnmarshalTOML", "UnmarshalText",
}

// selfValidating reports whether named has a decode method that
// validates its receiver, so that every decoded value is validated
// (alertmanager's notifier configs call Validate from UnmarshalYAML).
// It needs the validation summaries, so it answers false until they
// are known.
func (c *checker) selfValidating(named *types.Named) bool {
	if !c.validatesKnown {
		return false
	}
	if v, ok := c.selfValid[named]; ok {
		return v
	}
	v := false
	mset := types.NewMethodSet(types.NewPointer(named))
	for _, name := range decodeMethods {
		sel := mset.Lookup(nil, name)
		if sel == nil || len(sel.Index()) > 1 {
			continue // absent, or promoted from an embedded field
		}
		if m, ok := sel.Obj().(*types.Func); ok && c.validatesRecv(m) {
			v = true
			break
		}
	}
	c.selfValid[named] = v
	return v
}

// validatesRecv reports whether method m validates its receiver.
func (c *checker) validatesRecv(m *types.Func) bool {
	if m.Pkg() == c.pass.Pkg {
		fn := c.prog.FuncValue(m)
		return fn != nil && c.sums[fn] != nil && c.sums[fn].validates[0]
	}
	fact := new(summaryFact)
	return c.pass.ImportObjectFact(m, fact) && hasParam(fact.Validates, 0)
}

// report emits the one finding of a value, if any use is reached
// unvalidated: at the dropped validator call when there is one, else at
// pos, where the value enters.
func (c *checker) report(f *flow, pos token.Pos, what string) {
	instr, u := f.firstUse(f.root != nil && isParam(f.root))
	if instr == nil {
		return
	}
	vname := c.validatorName(f.base)
	var msg string
	switch {
	case f.dropped != nil:
		pos = f.dropped.Pos()
		msg = fmt.Sprintf("%s %s after %s, whose error is dropped; check the error and stop on failure",
			what, u.desc, vname)
	case f.validations > 0:
		msg = fmt.Sprintf("%s %s on a path where %s has not succeeded; stop when it returns an error",
			what, u.desc, vname)
	default:
		msg = fmt.Sprintf("%s %s without a call to %s; call it first and handle its error",
			what, u.desc, vname)
	}
	c.pass.Report(analysis.Diagnostic{Pos: pos, Message: msg})
}

func isParam(v ssa.Value) bool {
	_, ok := v.(*ssa.Parameter)
	return ok
}

// validatorName names what validates values of base, for messages.
func (c *checker) validatorName(base types.Type) string {
	named := namedOf(base)
	if named == nil {
		return "Validate"
	}
	for i := range named.NumMethods() {
		if isValidateMethod(named.Method(i)) {
			return c.typeName(named) + ".Validate"
		}
	}
	for fn := range c.directives {
		if n := namedOf(checkedParam(fn)); n != nil && n.Origin() == named.Origin() {
			return shortName(fn)
		}
	}
	fact := new(validatedTypeFact)
	if c.pass.ImportObjectFact(named.Obj(), fact) {
		return fact.Validator
	}
	for name := range c.validators {
		return shortFullName(name) // one of the named validators
	}
	return "its validator"
}

// typeName renders t as the package's code spells it: Config here,
// lib.Config from another package.
func (c *checker) typeName(t types.Type) string {
	return types.TypeString(t, func(p *types.Package) string {
		if p == c.pass.Pkg {
			return ""
		}
		return p.Name()
	})
}

// decoded returns the first call that fills the value from input, and
// how it does so, or nil.
func (f *flow) decoded() (ssa.Instruction, string) {
	for _, b := range f.fn.Blocks {
		for _, instr := range b.Instrs {
			call, ok := instr.(ssa.CallInstruction)
			if !ok {
				continue
			}
			if how := f.fills(call.Common()); how != "" {
				return instr, how
			}
		}
	}
	return nil, ""
}

// fills returns "decoded by json.Unmarshal" or the like when common decodes input
// into the value or one of its fields, else "".
func (f *flow) fills(common *ssa.CallCommon) string {
	callee := common.StaticCallee()
	if callee == nil {
		return ""
	}
	obj := funcObj(callee)
	name := decoderName(obj)
	for i, arg := range common.Args {
		if !f.reaches(arg) {
			continue
		}
		if name != "" {
			return name
		}
		if f.c.fillsParam(callee, i) {
			return "filled by " + callee.Name()
		}
	}
	return ""
}

// builtFromInput reports whether a field of the value is set from input.
func (f *flow) builtFromInput() bool {
	for _, b := range f.fn.Blocks {
		for _, instr := range b.Instrs {
			st, ok := instr.(*ssa.Store)
			if !ok {
				continue
			}
			fa, ok := st.Addr.(*ssa.FieldAddr)
			if ok && f.reaches(fa.X) && isScalarish(st.Val.Type()) &&
				isInput(st.Val, make(map[ssa.Value]bool)) {
				return true
			}
		}
	}
	return false
}

// isInput reports whether v comes from outside the program's own
// constants: a parameter or captured variable, the environment, a flag
// or config library, or a decoded value, possibly converted, combined or
// formatted. Constants, package variables and results of other calls
// (a template, a clock) are not input.
func isInput(v ssa.Value, seen map[ssa.Value]bool) bool {
	if seen[v] || len(seen) > 64 {
		return false
	}
	seen[v] = true
	switch x := v.(type) {
	case *ssa.Parameter, *ssa.FreeVar:
		return true
	case *ssa.Alloc:
		return isDecodeTarget(x)
	case *ssa.UnOp:
		if _, ok := x.X.(*ssa.Global); ok {
			return false // the program's own default
		}
		return isInput(x.X, seen)
	case *ssa.Call:
		return isInputCall(x, seen)
	case *ssa.Phi:
		for _, e := range x.Edges {
			if isInput(e, seen) {
				return true
			}
		}
		return false
	case *ssa.BinOp:
		return isInput(x.X, seen) || isInput(x.Y, seen)
	}
	if op := operand(v); op != nil {
		return isInput(op, seen)
	}
	return false
}

// operand returns the value that v converts, selects or indexes.
func operand(v ssa.Value) ssa.Value {
	switch x := v.(type) {
	case *ssa.Convert:
		return x.X
	case *ssa.ChangeType:
		return x.X
	case *ssa.MakeInterface:
		return x.X
	case *ssa.Slice:
		return x.X
	case *ssa.Field:
		return x.X
	case *ssa.FieldAddr:
		return x.X
	case *ssa.Index:
		return x.X
	case *ssa.IndexAddr:
		return x.X
	case *ssa.Lookup:
		return x.X
	case *ssa.Extract:
		return x.Tuple
	case *ssa.TypeAssert:
		return x.X
	}
	return nil
}

// isInputCall reports whether call reads the environment or a flag or
// config library, or computes its result from input with a pure helper.
func isInputCall(call *ssa.Call, seen map[ssa.Value]bool) bool {
	callee := call.Call.StaticCallee()
	if callee == nil {
		return false
	}
	obj := funcObj(callee)
	if obj == nil || obj.Pkg() == nil {
		return false
	}
	path := versionSuffix.ReplaceAllString(obj.Pkg().Path(), "")
	switch {
	case obj.FullName() == "os.Getenv" || obj.FullName() == "os.LookupEnv":
		return true
	case inputPackages[path]:
		return true
	case pureHelpers[path]:
		for _, arg := range call.Call.Args {
			if isInput(arg, seen) {
				return true
			}
		}
	}
	return false
}

// isDecodeTarget reports whether a decoder fills the local variable a.
func isDecodeTarget(a *ssa.Alloc) bool {
	for _, ref := range *a.Referrers() {
		var v ssa.Value = a
		if mi, ok := ref.(*ssa.MakeInterface); ok {
			v, ref = mi, nil
			for _, r := range *mi.Referrers() {
				ref = r
			}
		}
		call, ok := ref.(ssa.CallInstruction)
		if !ok || call.Common().StaticCallee() == nil {
			continue
		}
		if decoderName(funcObj(call.Common().StaticCallee())) == "" {
			continue
		}
		for _, arg := range call.Common().Args {
			if arg == v {
				return true
			}
		}
	}
	return false
}

func isScalarish(t types.Type) bool {
	switch u := t.Underlying().(type) {
	case *types.Basic:
		return u.Info()&(types.IsString|types.IsNumeric|types.IsBoolean) != 0
	case *types.Slice:
		return isScalarish(u.Elem())
	case *types.Map:
		return isScalarish(u.Key()) && isScalarish(u.Elem())
	}
	return false
}
