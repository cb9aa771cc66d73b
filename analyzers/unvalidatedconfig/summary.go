package unvalidatedconfig

import (
	"go/types"
	"strings"

	"golang.org/x/tools/go/ssa"
)

// summaryFact describes what an exported function does with its
// parameters of a validated type. Importers count a call to a function
// that validates a parameter as validation of the argument, and passing
// a value to a function that consumes it as a use.
type summaryFact struct {
	Validates []param // validated on every path before a nil-error return
	Consumes  []param // used unvalidated on some path
	Fills     []param // decoded into from outside input
}

// A param is an SSA parameter index (the receiver is 0) and its name.
type param struct {
	Index int
	Name  string
}

func (*summaryFact) AFact() {}

func (f *summaryFact) String() string {
	var parts []string
	for _, g := range []struct {
		verb string
		ps   []param
	}{{"validates", f.Validates}, {"consumes", f.Consumes}, {"fills", f.Fills}} {
		if len(g.ps) == 0 {
			continue
		}
		names := make([]string, len(g.ps))
		for i, p := range g.ps {
			names[i] = p.Name
		}
		parts = append(parts, g.verb+" "+strings.Join(names, ", "))
	}
	return strings.Join(parts, "; ")
}

// validatedTypeFact marks a type checked by a //seclint:validator
// function, so that importers treat it as a validated type.
type validatedTypeFact struct {
	Validator string // pkg.Func, for messages
}

func (*validatedTypeFact) AFact()           {}
func (f *validatedTypeFact) String() string { return "validated by " + f.Validator }

// summary is the same-package form of summaryFact, by parameter index.
type summary struct {
	validates map[int]bool
	consumes  map[int]bool
	fills     map[int]bool
}

// maxRounds bounds each fixed-point phase; call chains deeper than this
// inside one package are summarized conservatively (as not validating).
const maxRounds = 8

// summarize computes the summaries of the package's functions in three
// phases, each a fixed point over the package's call graph: validation
// first, since the other two depend on it, then filling, then consuming.
func (c *checker) summarize(funcs []*ssa.Function) {
	for _, fn := range funcs {
		s := &summary{validates: map[int]bool{}, consumes: map[int]bool{}, fills: map[int]bool{}}
		if obj := funcObj(fn); obj != nil && (c.directives[obj] || c.validators[obj.FullName()]) {
			s.validates[checkedIndex(obj)] = true
		}
		c.sums[fn] = s
	}
	c.fixpoint(funcs, func(f *flow, i int, s *summary) bool {
		if s.validates[i] || !f.validatesAll() {
			return false
		}
		s.validates[i] = true
		return true
	})
	c.validatesKnown = true
	c.fixpoint(funcs, func(f *flow, i int, s *summary) bool {
		if s.fills[i] {
			return false
		}
		if at, _ := f.decoded(); at == nil {
			return false
		}
		s.fills[i] = true
		return true
	})
	c.fixpoint(funcs, func(f *flow, i int, s *summary) bool {
		if s.consumes[i] || s.validates[i] {
			return false // a validating constructor is the compliant pattern
		}
		if at, _ := f.firstUse(false); at == nil {
			return false
		}
		s.consumes[i] = true
		return true
	})
}

// fixpoint runs update on the flow of every tracked parameter until no
// summary changes.
func (c *checker) fixpoint(funcs []*ssa.Function, update func(*flow, int, *summary) bool) {
	for range maxRounds {
		changed := false
		for _, fn := range funcs {
			for i := range fn.Params {
				f := c.paramFlow(fn, i)
				if f != nil && update(f, i, c.sums[fn]) {
					changed = true
				}
			}
		}
		if !changed {
			return
		}
	}
}

// paramFlow returns the solved flow of parameter i, or nil when its type
// is not tracked.
func (c *checker) paramFlow(fn *ssa.Function, i int) *flow {
	p := fn.Params[i]
	base := c.baseOf(p.Type())
	if base == nil || len(fn.Blocks) == 0 {
		return nil
	}
	f := newFlow(c, fn, p, base)
	f.ctor = c.isCtorParam(fn, i)
	f.scan()
	f.solve()
	return f
}

// baseOf returns the validated type or validator interface that t is, or
// points to, or nil.
func (c *checker) baseOf(t types.Type) types.Type {
	if c.validated(t) != nil {
		named := namedOf(t)
		return named
	}
	if isValidatorIface(t) {
		return t
	}
	return nil
}

// isCtorParam reports whether parameter i of fn is the argument of an
// exported New... constructor, which must validate what it takes.
func (c *checker) isCtorParam(fn *ssa.Function, i int) bool {
	obj := funcObj(fn)
	if obj == nil || fn.Parent() != nil || !isExported(obj) || c.pass.Pkg.Name() == "main" {
		return false
	}
	if obj.Signature().Recv() != nil && i == 0 {
		return false // the receiver
	}
	if !c.ownsParam(fn, i) {
		return false
	}
	return hasCtorPrefix(obj.Name(), []string{"New"}) && obj.Signature().Results().Len() > 0
}

// exportFacts exports the summaries of exported functions.
func (c *checker) exportFacts(funcs []*ssa.Function) {
	for _, fn := range funcs {
		obj := funcObj(fn)
		if obj == nil || fn.Parent() != nil || !isExported(obj) {
			continue
		}
		s := c.sums[fn]
		fact := &summaryFact{
			Validates: params(fn, s.validates),
			Consumes:  params(fn, s.consumes),
			Fills:     params(fn, s.fills),
		}
		if len(fact.Validates)+len(fact.Consumes)+len(fact.Fills) > 0 {
			c.pass.ExportObjectFact(obj, fact)
		}
	}
}

func params(fn *ssa.Function, set map[int]bool) []param {
	var ps []param
	for i, p := range fn.Params {
		if set[i] {
			ps = append(ps, param{Index: i, Name: p.Name()})
		}
	}
	return ps
}

// summaryOf returns what is known about callee: its summary in this
// package, or its fact from another.
func (c *checker) summaryOf(callee *ssa.Function) (*summary, *summaryFact) {
	if o := callee.Origin(); o != nil {
		callee = o
	}
	if s, ok := c.sums[callee]; ok {
		return s, nil
	}
	obj := funcObj(callee)
	if obj == nil || obj.Pkg() == c.pass.Pkg {
		return nil, nil
	}
	fact := new(summaryFact)
	if !c.pass.ImportObjectFact(obj, fact) {
		return nil, nil
	}
	return nil, fact
}

// validatesParam reports whether callee validates its argument i.
func (c *checker) validatesParam(callee *ssa.Function, i int) bool {
	obj := funcObj(callee)
	if obj != nil {
		if i == 0 && obj.Signature().Recv() != nil && isValidateMethod(obj) {
			return true
		}
		if (c.validators[obj.FullName()] || c.directives[obj]) && i == checkedIndex(obj) {
			return true
		}
	}
	s, fact := c.summaryOf(callee)
	switch {
	case s != nil:
		return s.validates[i]
	case fact != nil:
		return hasParam(fact.Validates, i)
	}
	return false
}

// consumesParam reports whether callee uses its argument i unvalidated.
func (c *checker) consumesParam(callee *ssa.Function, i int) bool {
	s, fact := c.summaryOf(callee)
	switch {
	case s != nil:
		return s.consumes[i]
	case fact != nil:
		return hasParam(fact.Consumes, i)
	}
	return false
}

// fillsParam reports whether callee decodes input into its argument i.
func (c *checker) fillsParam(callee *ssa.Function, i int) bool {
	s, fact := c.summaryOf(callee)
	switch {
	case s != nil:
		return s.fills[i]
	case fact != nil:
		return hasParam(fact.Fills, i)
	}
	return false
}

func hasParam(ps []param, i int) bool {
	for _, p := range ps {
		if p.Index == i {
			return true
		}
	}
	return false
}

// validatorIndex returns the index of the argument that common validates
// when it validates the tracked value, else -1.
func (c *checker) validatorIndex(common *ssa.CallCommon, f *flow) int {
	if common.IsInvoke() {
		if isValidateMethod(common.Method) && f.holds(common.Value) {
			return 0
		}
		return -1
	}
	callee := common.StaticCallee()
	if callee == nil {
		return -1
	}
	for i, arg := range common.Args {
		if f.holds(arg) && c.validatesParam(callee, i) {
			return i
		}
	}
	return -1
}
