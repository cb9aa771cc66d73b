package weakcrypto

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/analysis"
)

// weakSigAlgs are the x509 signature algorithms over a broken hash, with
// the SHA-256 algorithm for the same key type ("" when there is none Go
// can sign with).
var weakSigAlgs = map[string]string{
	"MD2WithRSA":    "SHA256WithRSA",
	"MD5WithRSA":    "SHA256WithRSA",
	"SHA1WithRSA":   "SHA256WithRSA",
	"ECDSAWithSHA1": "ECDSAWithSHA256",
	"DSAWithSHA1":   "",
}

// templateTypes are the x509 types whose SignatureAlgorithm field
// chooses how CreateCertificate and friends sign.
var templateTypes = []string{"Certificate", "CertificateRequest", "RevocationList"}

func isTemplate(t types.Type) bool {
	for _, name := range templateTypes {
		if isNamed(t, "crypto/x509", name) {
			return true
		}
	}
	return false
}

// checkTemplate reports x509.Certificate{SignatureAlgorithm: x509.SHA1WithRSA}.
func (c *checker) checkTemplate(lit *ast.CompositeLit) {
	if !isTemplate(c.pass.TypesInfo.TypeOf(lit)) {
		return
	}
	for _, elt := range lit.Elts {
		kv, ok := elt.(*ast.KeyValueExpr)
		if !ok {
			continue
		}
		if key, ok := kv.Key.(*ast.Ident); ok && key.Name == "SignatureAlgorithm" {
			c.checkSigAlg(kv.Value)
		}
	}
}

// checkTemplateAssign reports tmpl.SignatureAlgorithm = x509.SHA1WithRSA.
func (c *checker) checkTemplateAssign(as *ast.AssignStmt) {
	if len(as.Lhs) != len(as.Rhs) {
		return
	}
	for i, l := range as.Lhs {
		sel, ok := ast.Unparen(l).(*ast.SelectorExpr)
		if !ok || sel.Sel.Name != "SignatureAlgorithm" {
			continue
		}
		if s, ok := c.pass.TypesInfo.Selections[sel]; ok && isTemplate(s.Recv()) {
			c.checkSigAlg(as.Rhs[i])
		}
	}
}

func (c *checker) checkSigAlg(e ast.Expr) {
	tv, ok := c.pass.TypesInfo.Types[e]
	if !ok || tv.Value == nil || !isNamed(tv.Type, "crypto/x509", "SignatureAlgorithm") {
		return // chosen at run time
	}
	name := sigAlgName(tv.Type, tv.Value)
	better, weak := weakSigAlgs[name]
	if !weak {
		return
	}
	d := analysis.Diagnostic{
		Pos:     e.Pos(),
		End:     e.End(),
		Message: "x509 template signs with " + name + ", a hash open to collisions; use ",
	}
	if better == "" {
		d.Message += "an ECDSA, Ed25519 or RSA key with SHA-256"
	} else {
		d.Message += better
	}
	k := constObj(c.pass.TypesInfo, e)
	if better != "" && k != nil && k.Pkg().Path() == "crypto/x509" {
		id := calleeIdent(e) // the constant's own name, after any qualifier
		d.SuggestedFixes = []analysis.SuggestedFix{{
			Message:   "Replace " + name + " with " + better,
			TextEdits: []analysis.TextEdit{{Pos: id.Pos(), End: id.End(), NewText: []byte(better)}},
		}}
	}
	c.pass.Report(d)
}

// sigAlgName returns the name of the crypto/x509 constant with value v.
func sigAlgName(t types.Type, v constant.Value) string {
	pkg := types.Unalias(t).(*types.Named).Obj().Pkg()
	for name := range weakSigAlgs {
		if k, ok := pkg.Scope().Lookup(name).(*types.Const); ok && constant.Compare(k.Val(), token.EQL, v) {
			return name
		}
	}
	return ""
}
