package hardcodedsecret

import (
	"fmt"
	"go/ast"
	"go/types"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/scaile/seclint/analyzers/internal/astutil"
)

// report reports one secret found in cand. The message names the rule
// and shows the secret redacted, never in clear.
func (c *checker) report(cand *candidate, f found) {
	what := f.rule
	if f.more > 0 {
		what += fmt.Sprintf(" and %d more", f.more)
	}
	shown := strconv.Quote(redact(f.secret))

	if cand.comment {
		c.pass.Report(analysis.Diagnostic{
			Pos:     f.pos,
			Message: fmt.Sprintf("secret (%s) %s in a comment; remove it and revoke it", what, shown),
		})
		return
	}

	c.reported[cand.node.Pos()] = true
	env := c.envVar(cand, f)
	d := analysis.Diagnostic{
		Pos: cand.node.Pos(),
		End: cand.node.End(),
		Message: fmt.Sprintf("hardcoded secret (%s) %s; load it from the environment, e.g. os.Getenv(%q)",
			what, shown, env),
	}
	if cand.fixable {
		if edits, ok := c.getenvEdits(cand.node, env); ok {
			d.SuggestedFixes = []analysis.SuggestedFix{{
				Message:   fmt.Sprintf("Replace the literal with os.Getenv(%q)", env),
				TextEdits: edits,
			}}
		}
	}
	c.pass.Report(d)
}

// envVar proposes the environment variable to read the secret from: the
// credential name, a URL's name, or one made from the rule.
func (c *checker) envVar(cand *candidate, f found) string {
	if name := envName(cand.name); name != "" {
		return name
	}
	if f.rule == "password in URL" {
		ws := words(cand.near)
		if len(ws) > 0 && urlWords[ws[len(ws)-1]] {
			return envName(cand.near)
		}
		if strings.HasPrefix(cand.value, "http") {
			return "SERVICE_URL"
		}
		return "DATABASE_URL"
	}
	if strings.HasPrefix(f.rule, "generic") {
		return "SECRET"
	}
	return ruleEnvName(f.rule)
}

// urlWords end the names of variables that hold URLs.
var urlWords = map[string]bool{
	"url": true, "uri": true, "dsn": true, "addr": true, "address": true,
	"endpoint": true, "conn": true,
}

// getenvEdits replaces node with os.Getenv(env), importing "os" when the
// file does not yet. It gives up when "os" means something else where
// node is.
func (c *checker) getenvEdits(node ast.Node, env string) ([]analysis.TextEdit, bool) {
	qual := "os"
	var edits []analysis.TextEdit
	if spec := importSpec(c.file, "os"); spec != nil {
		if spec.Name != nil {
			qual = spec.Name.Name
		}
		if qual == "_" || qual == "." {
			return nil, false
		}
	} else {
		edits = append(edits, astutil.AddImport(c.file, "os"))
	}

	scope := c.pass.TypesInfo.Scopes[c.file].Innermost(node.Pos())
	if scope == nil {
		return nil, false
	}
	if _, obj := scope.LookupParent(qual, node.Pos()); obj != nil {
		pkg, ok := obj.(*types.PkgName)
		if !ok || pkg.Imported().Path() != "os" {
			return nil, false // shadowed
		}
	}

	call := fmt.Sprintf("%s.Getenv(%q)", qual, env)
	edits = append(edits, analysis.TextEdit{Pos: node.Pos(), End: node.End(), NewText: []byte(call)})
	return edits, true
}

func importSpec(file *ast.File, path string) *ast.ImportSpec {
	for _, spec := range file.Imports {
		if p, err := strconv.Unquote(spec.Path.Value); err == nil && p == path {
			return spec
		}
	}
	return nil
}
