package weakrand

import (
	"go/token"
	"go/types"
	"sort"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"
	"honnef.co/go/tools/analysis/lint"

	"github.com/scaile/seclint/analyzers/internal/credname"
	"github.com/scaile/seclint/analyzers/internal/lazyssa"
	"github.com/scaile/seclint/analyzers/rule"
)

var Analyzer = &analysis.Analyzer{
	Name:     "weakrand",
	Requires: []*analysis.Analyzer{lazyssa.Analyzer},
	Run:      run,
}

var Rule = rule.New(Analyzer, rule.Meta{
	CWE:      []int{338},
	Severity: rule.High,
	Doc: &lint.RawDocumentation{
		Title: "check for math/rand output used as a key, token or nonce",
		Text: `Reports output of math/rand and math/rand/v2 that reaches a security
use. Those generators are built for speed and reproducibility: from a
few outputs an attacker can recover the state and predict every value
before and after, so a token, key or nonce drawn from them can be
guessed (CWE-338, use of a cryptographically weak PRNG).

Sources are the package-level functions (\'rand.Intn\', \'rand.Int63\',
\'rand.Read\', v2's \'rand.IntN\'...), the methods of generators made
with \'rand.New\' over \'rand.NewSource\' or \'rand.NewPCG\', and
\'rand.Read\' into a buffer. v2's ChaCha8 is a strong generator whose
output is as predictable as its seed: it is a source unless its seed
was filled by crypto/rand in the same function (one read from a field
is trusted). A generator over a Source of the program's own type
(typically a crypto/rand wrapper) is trusted; a \'*rand.Rand\' read from
a field or a global is assumed weak; one received as a parameter, as in
fake-data and simulation code, is judged at each call by what the
caller passes.

Uses are:

- the key, nonce, IV, salt, seed or random source of a crypto API:
  \'aes.NewCipher\', \'cipher.AEAD.Seal\', \'cipher.NewCBCEncrypter\',
  \'hmac.New\', pbkdf2, argon2, scrypt and hkdf, rsa, ecdsa and ed25519
  key generation and signing, x509 certificate creation, and
  \'tls.Config.Rand\';
- a value named as a credential: a variable, struct field, map or
  header key, parameter or result called token, secret, password,
  apiKey, sessionKey, sessionID, nonce, salt, iv, otp, pin, csrf or
  resetCode. Names are read as words, so keyCount, tokensPerSecond and
  maxTokens are not credentials, and neither are request, trace, span
  or correlation IDs, which identify and do not authorise;
- the result of a function whose name says it makes one
  (\'generateToken\', \'NewSessionID\', \'randomPassword\');
- the Value of an \'http.Cookie\' whose constant Name is a session or
  CSRF cookie's (\'sid\', \'session_id\', \'csrf_token\'), the names
  insecurecookie reads the same way.

Values are followed through SSA: locals, conversions, string
concatenation, slices filled in a loop from a table of characters
indexed by a random number, strconv, fmt, strings.Builder, hex, base64
and other encoders, hashes, and, within the package, through function
results, parameters a function fills, and parameters that reach a use.

Never reported: jitter and backoff, sampling (\'rand.Float64() < rate\'),
rand.Shuffle and rand.Perm, picking an element of a slice (a backend, a
server), seeding, and crypto/rand. Each source is reported once per
function, at its first use.

The suggested fix replaces a package-level math/rand \'Read\' with
crypto/rand's, adjusting the imports. Elsewhere the message says what to
use: crypto/rand.Read for bytes, crypto/rand.Text (Go 1.24) for a
string token, crypto/rand.Reader for a random source.

Flags: -tests also reports findings in test files and in test
helpers (functions that take a *testing.T, B, F or testing.TB), whose
fixed seeds are there to make test vectors reproducible; -generated in
generated files.

Limitations: data flow is followed within a package only; a weak
helper exported by another package is not seen. A secret built from a
neutrally named value and stored in a neutrally named place is not
recognised. Picking words from a []string list (a passphrase) is not
followed, since picking from a slice is usually load balancing. Values
passed through channels, interface method calls of the program's own
types, or closures that assign captured variables are lost. A
\'*rand.Rand\' stored in a field is assumed weak even when built over a
crypto/rand source elsewhere. A credential word used in another sense
(a subject "token" of a message broker) is still read as a credential.`,
		Before: `b := make([]byte, 32)
rand.Read(b) // math/rand
sessionID := hex.EncodeToString(b)`,
		After: `b := make([]byte, 32)
rand.Read(b) // crypto/rand
sessionID := hex.EncodeToString(b)`,
		Options: []string{rule.FlagTests, rule.FlagGenerated},
	},
})

// A finding is the first security use of one source in one function.
type finding struct {
	pos    token.Pos
	src    *source
	use    string
	crypto bool
}

type findingKey struct {
	fn     *ssa.Function
	origin token.Pos
}

type checker struct {
	pass     *analysis.Pass
	sums     map[*ssa.Function]*summary
	freeVars map[*ssa.FreeVar]label
	sources  map[*ssa.CallCommon]*source
	vias     map[viaKey]*source
	final    bool // the summaries have settled; report
	tests    bool // report in test helpers too
	findings map[findingKey]*finding
}

type viaKey struct {
	src *source
	cc  *ssa.CallCommon
}

func run(pass *analysis.Pass) (any, error) {
	if !importsWeak(pass.Pkg) {
		return nil, nil // no math/rand here
	}
	ssaRes := lazyssa.Of(pass)
	funcs := ssaRes.SrcFuncs
	if init := ssaRes.Pkg.Func("init"); init != nil {
		funcs = append(funcs[:len(funcs):len(funcs)], init) // package variables
	}
	c := &checker{
		pass:     pass,
		sums:     make(map[*ssa.Function]*summary),
		freeVars: make(map[*ssa.FreeVar]label),
		sources:  make(map[*ssa.CallCommon]*source),
		vias:     make(map[viaKey]*source),
		findings: make(map[findingKey]*finding),
	}

	// Refine the summaries until they settle (the bound keeps recursion
	// from spinning), then run once more to report.
	for round := 0; round < 8; round++ {
		if !c.analyze(funcs) {
			break
		}
	}
	c.final = true
	c.tests = pass.Analyzer.Flags.Lookup(rule.FlagTests).Value.String() == "true"
	c.analyze(funcs)
	c.report()
	return nil, nil
}

func importsWeak(pkg *types.Package) bool {
	for _, imp := range pkg.Imports() {
		if isWeakPkg(imp.Path()) {
			return true
		}
	}
	return false
}

// analyze solves every function once and reports whether a summary
// changed.
func (c *checker) analyze(funcs []*ssa.Function) bool {
	changed := false
	for _, fn := range funcs {
		f := newFlow(c, fn)
		f.solve()
		f.finish()
		if c.final {
			f.checkLocals()
		}
		if !f.sum.equal(c.sums[fn]) {
			c.sums[fn] = f.sum
			changed = true
		}
	}
	return changed
}

// sourceAt is the source a math/rand call makes, the same on every
// round so that labels settle.
func (c *checker) sourceAt(cc *ssa.CallCommon, fn *types.Func, fill bool) *source {
	if s, ok := c.sources[cc]; ok {
		return s
	}
	s := &source{name: sourceName(fn), pos: cc.Pos()}
	if fill && fn.Signature().Recv() == nil && fn.Pkg().Path() == "math/rand" {
		s.call = cc
	}
	c.sources[cc] = s
	return s
}

// via is src as seen by the caller of the function that returned it.
func (c *checker) via(src *source, cc *ssa.CallCommon) *source {
	if src == nil {
		return nil
	}
	k := viaKey{src, cc}
	if s, ok := c.vias[k]; ok {
		return s
	}
	s := &source{name: src.name, via: cc.StaticCallee().Name(), pos: src.pos}
	c.vias[k] = s
	return s
}

// sourceName renders math/rand.Intn or (*math/rand.Rand).Intn.
func sourceName(fn *types.Func) string {
	if fn.Signature().Recv() == nil {
		return fn.Pkg().Path() + "." + fn.Name()
	}
	return fn.FullName()
}

// shortName renders aes.NewCipher or cipher.AEAD.Seal.
func shortName(fn *types.Func) string {
	if recv := fn.Signature().Recv(); recv != nil {
		t := recv.Type()
		if p, ok := t.(*types.Pointer); ok {
			t = p.Elem()
		}
		if n, ok := types.Unalias(t).(*types.Named); ok {
			return n.Obj().Pkg().Name() + "." + n.Obj().Name() + "." + fn.Name()
		}
		return fn.Name()
	}
	return fn.Pkg().Name() + "." + fn.Name()
}

// shortStruct renders a struct's path-qualified name as tls.Config.
func shortStruct(s string) string {
	return s[strings.LastIndex(s, "/")+1:]
}

func splitWords(s string) []string { return credname.Words(s) }

// found records a use; crypto uses win over names, then the earliest.
func (c *checker) found(fn *ssa.Function, pos token.Pos, src *source, use string, crypto bool) {
	if !c.final || src == nil || (!c.tests && isTestHelper(fn)) {
		return
	}
	k := findingKey{fn, src.pos}
	old := c.findings[k]
	if old != nil && (old.crypto && !crypto || old.crypto == crypto && old.pos <= pos) {
		return
	}
	c.findings[k] = &finding{pos: pos, src: src, use: use, crypto: crypto}
}

func (c *checker) report() {
	all := make([]*finding, 0, len(c.findings))
	for _, f := range c.findings {
		all = append(all, f)
	}
	sort.Slice(all, func(i, j int) bool { return all[i].pos < all[j].pos })
	fixed := make(map[*ssa.CallCommon]bool)
	for _, f := range all {
		d := analysis.Diagnostic{Pos: f.pos, Message: message(f)}
		if f.src.pos.IsValid() {
			// Where the weak value is drawn: a //seclint:ignore there
			// silences the finding too.
			d.Related = []analysis.RelatedInformation{{Pos: f.src.pos, Message: f.src.name + " is called here"}}
		}
		if call := f.src.call; call != nil && !fixed[call] {
			if fix, ok := c.fix(call); ok {
				d.SuggestedFixes = []analysis.SuggestedFix{fix}
				fixed[call] = true
			}
		}
		c.pass.Report(d)
	}
}

func message(f *finding) string {
	msg := f.src.name + " output reaches " + f.use
	if f.src.via != "" {
		msg += " through " + f.src.via
	}
	switch {
	case strings.Contains(f.use, "random source"):
		return msg + "; use crypto/rand.Reader"
	case strings.HasSuffix(f.src.name, ".Read"):
		return msg + "; use crypto/rand.Read"
	}
	return msg + "; use crypto/rand (Read for bytes, Text for a string token)"
}

// isTestHelper reports whether fn, or the function it is nested in,
// takes a *testing.T, *testing.B, *testing.F or testing.TB: test code
// outside a _test.go file, such as a package of test helpers, whose
// fixed seeds make test vectors reproducible.
func isTestHelper(fn *ssa.Function) bool {
	for ; fn != nil; fn = fn.Parent() {
		for _, p := range fn.Params {
			t := p.Type()
			if ptr, ok := t.(*types.Pointer); ok {
				t = ptr.Elem()
			}
			if n, ok := types.Unalias(t).(*types.Named); ok && n.Obj().Pkg() != nil &&
				n.Obj().Pkg().Path() == "testing" {
				return true
			}
		}
	}
	return false
}
