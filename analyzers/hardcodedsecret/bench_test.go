package hardcodedsecret

import (
	"os"
	"testing"

	"golang.org/x/tools/go/analysis"
	analysischecker "golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"
)

// benchCorpus is the fixed corpus of the scanning benchmarks: a large
// package of the standard library, so that every machine measures the
// same source with the toolchain it has.
const benchCorpus = "net/http"

// loadCorpus loads benchCorpus with types, its dependencies from export
// data, and returns it with the Go files of the package and their
// contents.
func loadCorpus(b *testing.B) ([]*packages.Package, []string, int64) {
	b.Helper()
	cfg := &packages.Config{Mode: packages.LoadSyntax}
	pkgs, err := packages.Load(cfg, benchCorpus)
	if err != nil {
		b.Fatal(err)
	}
	if packages.PrintErrors(pkgs) > 0 {
		b.Fatalf("%s does not load", benchCorpus)
	}
	var texts []string
	var size int64
	for _, p := range pkgs {
		for _, name := range p.CompiledGoFiles {
			data, err := os.ReadFile(name)
			if err != nil {
				b.Fatal(err)
			}
			texts = append(texts, string(data))
			size += int64(len(data))
		}
	}
	return pkgs, texts, size
}

// perMB measures a benchmark's cost per megabyte of source: call it
// before the loop and call the function it returns after. It reports
// wall time (ms/MB, beside b.SetBytes' MB/s) and, where the system tells,
// the process's CPU time (cpu-ms/MB), steadier when other work shares
// the machine.
func perMB(b *testing.B, size int64) func() {
	mb := float64(size) / (1 << 20)
	cpu0, cpuOK := cpuTime()
	return func() {
		n := float64(b.N)
		b.ReportMetric(float64(b.Elapsed().Nanoseconds())/n/1e6/mb, "ms/MB")
		if cpu1, ok := cpuTime(); ok && cpuOK {
			b.ReportMetric(float64((cpu1-cpu0).Nanoseconds())/n/1e6/mb, "cpu-ms/MB")
		}
	}
}

// BenchmarkScan measures the analyzer over benchCorpus against gitleaks
// scanning each file of it whole with the same rules, the way gitleaks
// scans a checkout. Run it with
//
//	go test -run '^$' -bench Scan ./analyzers/hardcodedsecret
//
// and compare the ms/MB of the sub-benchmarks. The analyzer's figure
// covers its whole pass (the inspector, collecting string constants
// and comments, judging them), not the type checking that every rule
// shares. gitleaks-whole-file uses the analyzer's detector, without
// decoding; gitleaks-decode5 adds the base64, hex and percent decoding
// that the gitleaks command does by default.
func BenchmarkScan(b *testing.B) {
	pkgs, texts, size := loadCorpus(b)

	b.Run("analyzer", func(b *testing.B) {
		b.SetBytes(size)
		b.ReportAllocs()
		done := perMB(b, size)
		for b.Loop() {
			graph, err := analysischecker.Analyze([]*analysis.Analyzer{Analyzer}, pkgs, nil)
			if err != nil {
				b.Fatal(err)
			}
			for _, act := range graph.Roots {
				if act.Err != nil {
					b.Fatalf("%s: %v", act, act.Err)
				}
			}
		}
		done()
	})

	whole := func(depth int) func(*testing.B) {
		return func(b *testing.B) {
			own, err := newEngine("") // the same rules, its own decoding depth
			if err != nil {
				b.Fatal(err)
			}
			det := own.det
			det.MaxDecodeDepth = depth
			b.SetBytes(size)
			b.ReportAllocs()
			done := perMB(b, size)
			for b.Loop() {
				for _, t := range texts {
					det.DetectString(t)
				}
			}
			done()
		}
	}
	b.Run("gitleaks-whole-file", whole(0))
	b.Run("gitleaks-decode5", whole(5))
}

// BenchmarkRuleSet measures the one-time cost of building the rule set:
// parsing gitleaks' default TOML and compiling its patterns, which a
// process pays once before its first pass.
func BenchmarkRuleSet(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := newEngine(""); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Milliseconds())/float64(b.N), "ms/build")
}
