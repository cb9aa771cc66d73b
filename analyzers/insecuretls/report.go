package insecuretls

import (
	"go/ast"
	"go/constant"
	"go/token"
	"strconv"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"
)

// diagnostic starts a diagnostic at pos, covering the source element that
// sets the field when pos is the position of a store.
func (c *checker) diagnostic(pos token.Pos) analysis.Diagnostic {
	d := analysis.Diagnostic{Pos: pos}
	if s, ok := c.sites[pos]; ok {
		d.Pos, d.End = s.node.Pos(), s.node.End()
	}
	return d
}

// report reports d once per position: a store in a function that is built
// twice, or a list shared by two configs, is one finding.
func (c *checker) report(d analysis.Diagnostic) {
	if !d.Pos.IsValid() || c.reported[d.Pos] {
		return
	}
	c.reported[d.Pos] = true
	c.pass.Report(d)
}

func (c *checker) reportSkip(s *ssa.Store) {
	d := c.diagnostic(s.Pos())
	d.Message = "tls.Config.InsecureSkipVerify set to true disables certificate verification; " +
		"remove it and trust the server's CA through RootCAs"
	if fix, ok := c.removeSkip(s.Pos()); ok {
		d.SuggestedFixes = []analysis.SuggestedFix{fix}
	}
	c.report(d)
}

// reportOptInCall reports a call of a function that sets
// InsecureSkipVerify to true whenever it is called.
func (c *checker) reportOptInCall(call *ssa.Call, callee *ssa.Function) {
	pos := call.Pos()
	if expr := c.callExpr(call); expr != nil {
		pos = expr.Pos()
	}
	d := c.diagnostic(pos)
	d.Message = callee.RelString(c.pass.Pkg) + " sets tls.Config.InsecureSkipVerify to true and " +
		"disables certificate verification; trust the server's CA through RootCAs instead"
	c.report(d)
}

func (c *checker) reportDynamic(s *ssa.Store) {
	d := c.diagnostic(s.Pos())
	d.Message = "tls.Config.InsecureSkipVerify is set from a value that may be true (strict mode); " +
		"keep certificate verification on and trust the server's CA through RootCAs"
	c.report(d)
}

func (c *checker) reportFlag(pos token.Pos, name string) {
	d := c.diagnostic(pos)
	d.Message = "tls.Config.InsecureSkipVerify comes from flag " + strconv.Quote(name) +
		", which defaults to true; make the flag default to false"
	c.report(d)
}

func (c *checker) reportVerifier(s *ssa.Store) {
	name := "VerifyPeerCertificate"
	if fa := s.Addr.(*ssa.FieldAddr); c.fieldAt(fa) == verifyConn {
		name = "VerifyConnection"
	}
	d := c.diagnostic(s.Pos())
	d.Message = "tls.Config." + name + " accepts every peer while InsecureSkipVerify is true, " +
		"so nothing is verified; check the certificates in the callback or stop skipping verification"
	c.report(d)
}

// removeSkip offers to delete an InsecureSkipVerify: true element whose
// value is the constant itself (deleting a variable's only use would
// break the build).
func (c *checker) removeSkip(pos token.Pos) (analysis.SuggestedFix, bool) {
	s, ok := c.sites[pos]
	if !ok || s.lit == nil || !c.isConst(s.value) {
		return analysis.SuggestedFix{}, false
	}
	kv := s.node.(*ast.KeyValueExpr)
	start, end := c.elementSpan(s.lit, kv)
	return analysis.SuggestedFix{
		Message:   "Remove InsecureSkipVerify",
		TextEdits: []analysis.TextEdit{{Pos: start, End: end}},
	}, true
}

// elementSpan returns the text to delete to remove kv from lit, with its
// comma: the whole line when kv stands on a line of its own.
func (c *checker) elementSpan(lit *ast.CompositeLit, kv *ast.KeyValueExpr) (token.Pos, token.Pos) {
	i := 0
	for i < len(lit.Elts) && lit.Elts[i] != kv {
		i++
	}
	prevEnd, next := lit.Lbrace+1, lit.Rbrace
	if i > 0 {
		prevEnd = lit.Elts[i-1].End()
	}
	if i+1 < len(lit.Elts) {
		next = lit.Elts[i+1].Pos()
	}

	tf := c.pass.Fset.File(kv.Pos())
	line := tf.Line(kv.Pos())
	if tf.Line(prevEnd) < line && tf.Line(next) > tf.Line(kv.End()) {
		start := tf.LineStart(line)
		end := next
		if l := tf.Line(kv.End()) + 1; l <= tf.LineCount() {
			end = tf.LineStart(l)
		}
		return start, end
	}
	switch {
	case i+1 < len(lit.Elts):
		return kv.Pos(), next // "A: 1, " of "A: 1, B: 2"
	case i > 0:
		return prevEnd, kv.End() // ", B: 2" of "A: 1, B: 2"
	}
	return lit.Lbrace + 1, lit.Rbrace // the only element
}

// raiseMinVersion offers to replace a constant MinVersion written in the
// source by tls.VersionTLS12, when the file names crypto/tls.
func (c *checker) raiseMinVersion(pos token.Pos) (analysis.SuggestedFix, bool) {
	s, ok := c.sites[pos]
	if !ok || s.value == nil || !c.isConst(s.value) {
		return analysis.SuggestedFix{}, false
	}
	qual, ok := c.tlsName(pos)
	if !ok {
		return analysis.SuggestedFix{}, false
	}
	return analysis.SuggestedFix{
		Message: "Raise MinVersion to tls.VersionTLS12",
		TextEdits: []analysis.TextEdit{{
			Pos:     s.value.Pos(),
			End:     s.value.End(),
			NewText: []byte(qual + "VersionTLS12"),
		}},
	}, true
}

func (c *checker) isConst(e ast.Expr) bool {
	tv, ok := c.pass.TypesInfo.Types[e]
	return ok && tv.Value != nil && tv.Value.Kind() != constant.Unknown
}

// tlsName returns the qualifier under which the file holding pos
// imports crypto/tls ("tls.", "" for a dot import).
func (c *checker) tlsName(pos token.Pos) (string, bool) {
	for _, f := range c.pass.Files {
		if pos < f.FileStart || pos > f.FileEnd {
			continue
		}
		for _, imp := range f.Imports {
			if path, _ := strconv.Unquote(imp.Path.Value); path != "crypto/tls" {
				continue
			}
			switch {
			case imp.Name == nil:
				return "tls.", true
			case imp.Name.Name == ".":
				return "", true
			case imp.Name.Name != "_":
				return imp.Name.Name + ".", true
			}
		}
	}
	return "", false
}
