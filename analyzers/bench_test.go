package analyzers_test

import (
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/scaile/seclint/analyzers"
	"github.com/scaile/seclint/internal/load"
)

// BenchmarkRules runs each rule alone over a fixed corpus, this module's
// own packages, and reports time and allocations per package, so that a
// change that slows one rule shows up in `go test -bench Rules ./analyzers`.
// Loading is done once, outside the timed loop, the way the command
// loads: dependencies by their declarations only.
func BenchmarkRules(b *testing.B) {
	env, err := load.GoEnv("GOROOT", "GOMODCACHE")
	if err != nil {
		b.Fatal(err)
	}
	trim := load.NewTrimmer(env)
	cfg := &packages.Config{Mode: packages.LoadAllSyntax, Dir: "..", ParseFile: trim.ParseFile}
	pkgs, err := packages.Load(cfg, "./...")
	if err != nil {
		b.Fatal(err)
	}
	trim.Forgive(pkgs)
	if packages.PrintErrors(pkgs) > 0 {
		b.Fatal("the corpus does not load")
	}
	trim.Prune(pkgs)
	// "all" runs every rule together, sharing SSA and the inspector as the
	// command does; a rule's share of the whole is its time over all's.
	// (A rule run alone also pays for what it requires, so its share is
	// an upper bound.)
	runs := map[string][]*analysis.Analyzer{"all": analyzers.Analyzers()}
	names := []string{"all"}
	for _, r := range analyzers.Rules() {
		runs[r.Name()] = []*analysis.Analyzer{r.Analyzer}
		names = append(names, r.Name())
	}
	for _, name := range names {
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				graph, err := checker.Analyze(runs[name], pkgs, nil)
				if err != nil {
					b.Fatal(err)
				}
				for _, act := range graph.Roots {
					if act.Err != nil {
						b.Fatalf("%s: %v", act, act.Err)
					}
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(len(pkgs)), "ns/pkg")
		})
	}
}
