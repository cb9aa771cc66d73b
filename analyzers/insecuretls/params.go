package insecuretls

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/ssa"
)

// This file follows constants through parameters: a function whose
// parameter reaches InsecureSkipVerify is a sink, and its callers are
// checked for a constant true argument, in this package through the SSA
// call graph and in importing packages through a skipsVerify fact.

// skipsVerify is exported for a function that stores some of its
// parameters into tls.Config.InsecureSkipVerify. Params are SSA parameter
// indices, counting the receiver of a method.
// Always is set for a function named as the insecure choice, such as
// InsecureSkipVerify() or WithInsecure(), that stores a constant true:
// each call of it is the choice, and is reported.
type skipsVerify struct {
	Params []int
	Names  []string
	Always bool
}

func (*skipsVerify) AFact() {}

func (f *skipsVerify) String() string {
	if f.Always {
		return fmt.Sprintf("skipsVerify%v(always)", f.Names)
	}
	return fmt.Sprintf("skipsVerify%v", f.Names)
}

// A sinkParam is parameter index of fn, which reaches InsecureSkipVerify.
type sinkParam struct {
	fn    *ssa.Function
	index int
}

// recordCall notes a static call within the package, and checks a call
// of an imported function known to store a parameter into
// InsecureSkipVerify.
func (c *checker) recordCall(call *ssa.Call) {
	callee := call.Call.StaticCallee()
	if callee == nil {
		return // dynamic call
	}
	if o := callee.Origin(); o != nil {
		callee = o
	}
	if callee.Pkg == c.pkg {
		c.callers[callee] = append(c.callers[callee], call)
		return
	}
	obj, ok := callee.Object().(*types.Func)
	if !ok {
		return
	}
	var fact skipsVerify
	if !c.pass.ImportObjectFact(obj.Origin(), &fact) {
		return
	}
	if fact.Always {
		c.reportOptInCall(call, callee)
	}
	for i, idx := range fact.Params {
		c.checkArg(call, idx, fact.Names[i], callee)
	}
}

func (c *checker) addSink(p *ssa.Parameter) {
	fn := p.Parent()
	for i, q := range fn.Params {
		if q != p || c.sinks[fn][i] {
			continue
		}
		if c.sinks[fn] == nil {
			c.sinks[fn] = make(map[int]bool)
		}
		c.sinks[fn][i] = true
		c.work = append(c.work, sinkParam{fn, i})
	}
}

// propagate checks the calls of functions whose parameters reach
// InsecureSkipVerify, until no new such parameter is found.
func (c *checker) propagate() {
	for len(c.work) > 0 {
		sp := c.work[len(c.work)-1]
		c.work = c.work[:len(c.work)-1]
		for _, call := range c.callers[sp.fn] {
			c.checkArg(call, sp.index, sp.fn.Params[sp.index].Name(), sp.fn)
		}
	}
}

// checkArg looks at the argument idx of call, whose parameter reaches
// InsecureSkipVerify.
func (c *checker) checkArg(call *ssa.Call, idx int, param string, callee *ssa.Function) {
	args := call.Call.Args
	if idx >= len(args) {
		return // variadic or mismatched
	}
	v := c.eval(args[idx])
	switch {
	case v.isBool(true):
		d := c.diagnostic(c.argPos(call, idx))
		d.Message = "true passed as " + param + " to " + callee.RelString(c.pass.Pkg) +
			" reaches tls.Config.InsecureSkipVerify and disables certificate verification; " +
			"pass false and trust the server's CA through RootCAs"
		c.report(d)
	case v.params != nil:
		for _, p := range v.params {
			c.addSink(p)
		}
	case v.flag != "":
		c.reportFlag(c.argPos(call, idx), v.flag)
	}
}

// argPos returns the position of argument idx of call in the source.
func (c *checker) argPos(call *ssa.Call, idx int) token.Pos {
	expr := c.callExpr(call)
	if expr == nil {
		return call.Pos()
	}
	if len(call.Call.Args) > len(expr.Args) {
		idx -= len(call.Call.Args) - len(expr.Args) // the receiver is not an argument
	}
	if idx < 0 || idx >= len(expr.Args) {
		return call.Pos()
	}
	return expr.Args[idx].Pos()
}

// callExpr returns the source of call, or nil.
func (c *checker) callExpr(call *ssa.Call) *ast.CallExpr {
	if c.calls == nil {
		c.calls = make(map[token.Pos]*ast.CallExpr)
		ins := c.pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
		ins.Preorder([]ast.Node{(*ast.CallExpr)(nil)}, func(n ast.Node) {
			c.calls[n.(*ast.CallExpr).Lparen] = n.(*ast.CallExpr)
		})
	}
	return c.calls[call.Pos()]
}

// exportFacts records the exported functions whose parameters reach
// InsecureSkipVerify, for the packages that call them.
func (c *checker) exportFacts() {
	for _, fn := range c.funcs {
		params := c.sinks[fn]
		obj, ok := fn.Object().(*types.Func)
		if len(params) == 0 && c.always[fn] == nil || !ok || !obj.Exported() {
			continue
		}
		fact := &skipsVerify{Always: c.always[fn] != nil}
		for i := range fn.Params {
			if params[i] {
				fact.Params = append(fact.Params, i)
				fact.Names = append(fact.Names, fn.Params[i].Name())
			}
		}
		c.pass.ExportObjectFact(obj, fact)
	}
}
