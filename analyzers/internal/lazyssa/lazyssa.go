// Package lazyssa defines an Analyzer that builds a package's SSA form
// with x/tools' buildssa only when a rule first asks for it.
//
// Five rules follow data flow in SSA, and each first checks that the
// package can matter to it: it imports math/rand, reaches crypto/tls, or
// has a validated config type in sight. buildssa, as a requirement, builds
// SSA for every package before any of them looks, which is a third of the
// CPU time when dependencies are analyzed for their facts (go vet, or
// -deps full) and most packages matter to none of the five. Requiring this
// analyzer instead, the rules share one SSA build, made the first time
// one of them calls Of, and no build where none does.
package lazyssa

import (
	"reflect"
	"sync"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/buildssa"
)

// A Func returns the package's SSA, building it on the first call.
type Func func() *buildssa.SSA

var Analyzer = &analysis.Analyzer{
	Name:       "lazyssa",
	Doc:        "build SSA for the package on first use, with buildssa",
	Requires:   buildssa.Analyzer.Requires,
	ResultType: reflect.TypeFor[Func](),
	Run:        run,
}

func run(pass *analysis.Pass) (any, error) {
	// buildssa reads only the pass's package, syntax, types and the
	// results of what it requires, which are this pass's too; they stay
	// valid while the package's other analyzers run.
	return Func(sync.OnceValue(func() *buildssa.SSA {
		res, err := buildssa.Analyzer.Run(pass)
		if err != nil {
			panic(err) // buildssa never fails
		}
		return res.(*buildssa.SSA)
	})), nil
}

// Of returns the SSA of the package of pass, which must require
// Analyzer.
func Of(pass *analysis.Pass) *buildssa.SSA {
	return pass.ResultOf[Analyzer].(Func)()
}
