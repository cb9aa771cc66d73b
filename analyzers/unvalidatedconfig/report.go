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
				done[a] = true
			}
			if merged {
				continue // another root already stands for this value
			}
			c.checkSource(f)
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

// checkSource reports a literal or decoded value that is used unvalidated.
func (c *checker) checkSource(f *flow) {
	at, how := f.decoded()
	pos := f.root.Pos()
	switch {
	case at != nil:
		pos = at.Pos()
	case !f.builtFromInput():
		return // constant literal, zero value or a value made elsewhere
	default:
		how = "built from non-constant values"
	}
	f.scan()
	f.solve()
	c.report(f, pos, c.typeName(f.base)+" "+how)
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
	_, isIface := fn.Params[i].Type().Underlying().(*types.Interface)
	return !isIface
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

// typeName renders t relative to the current package.
func (c *checker) typeName(t types.Type) string {
	return types.TypeString(t, types.RelativeTo(c.pass.Pkg))
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

// builtFromInput reports whether a field of the value is set from a
// non-constant string, number or bool.
func (f *flow) builtFromInput() bool {
	for _, b := range f.fn.Blocks {
		for _, instr := range b.Instrs {
			st, ok := instr.(*ssa.Store)
			if !ok {
				continue
			}
			fa, ok := st.Addr.(*ssa.FieldAddr)
			if ok && f.reaches(fa.X) && isInput(st.Val) {
				return true
			}
		}
	}
	return false
}

// isInput reports whether v is a non-constant value of the kinds a
// validator checks: strings, numbers, bools, and slices or maps of them.
// Loads of package variables count as constants: they are the program's
// own defaults.
func isInput(v ssa.Value) bool {
	switch x := v.(type) {
	case *ssa.Const, *ssa.Function:
		return false
	case *ssa.UnOp:
		if _, ok := x.X.(*ssa.Global); ok && x.Op == token.MUL {
			return false
		}
	}
	return isScalarish(v.Type())
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
