package weakcrypto

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ast/inspector"
)

// checkECB reports ECB mode written by hand:
//
//	for i := 0; i < len(src); i += bs {
//		block.Encrypt(dst[i:i+bs], src[i:i+bs])
//	}
//
// Only a loop that does nothing but the Encrypt call is reported: a
// loop that also XORs, copies or calls something else is a hand-written
// mode (CBC, CTR, XTS) or a key schedule, not ECB.
func (c *checker) checkECB(cur inspector.Cursor, call *ast.CallExpr, fn *types.Func) {
	if !isBlockEncrypt(fn) || len(call.Args) != 2 {
		return
	}
	loop, body := enclosingLoop(cur)
	if loop == nil {
		return // a single block, as in a key wrap or a counter mode
	}
	steps, counters := c.loopVars(loop)
	resliced := c.reslicedVars(body)
	for _, arg := range call.Args {
		if !c.advances(arg, steps, counters) && !c.isResliced(arg, resliced) {
			return // the same buffer every turn
		}
	}
	if !c.onlyCall(body, call) {
		return // the loop does more: a mode written by hand
	}
	c.reportf(call, "%s applied block by block over a message is ECB mode, which shows "+
		"equal plaintext blocks; use an AEAD such as cipher.NewGCM", shortName(fn))
}

// isBlockEncrypt reports whether fn is cipher.Block's Encrypt or the
// Encrypt method of a concrete block cipher.
func isBlockEncrypt(fn *types.Func) bool {
	sig := fn.Signature()
	if fn.Name() != "Encrypt" || sig.Recv() == nil || sig.Params().Len() != 2 || sig.Results().Len() != 0 {
		return false
	}
	if fn.FullName() == "(crypto/cipher.Block).Encrypt" {
		return true
	}
	ms := types.NewMethodSet(sig.Recv().Type())
	return ms.Lookup(fn.Pkg(), "BlockSize") != nil && ms.Lookup(fn.Pkg(), "Decrypt") != nil
}

// enclosingLoop returns the innermost for or range loop around cur
// within its function, and the loop's body.
func enclosingLoop(cur inspector.Cursor) (ast.Node, *ast.BlockStmt) {
	for p := range cur.Enclosing() {
		switch n := p.Node().(type) {
		case *ast.ForStmt:
			return n, n.Body
		case *ast.RangeStmt:
			return n, n.Body
		case *ast.FuncLit, *ast.FuncDecl:
			return nil, nil
		}
	}
	return nil, nil
}

// loopVars returns the loop's variables that step by more than one each
// turn (i += bs), and its counters (i++, the key of a range loop).
func (c *checker) loopVars(loop ast.Node) (steps, counters map[types.Object]bool) {
	steps, counters = make(map[types.Object]bool), make(map[types.Object]bool)
	info := c.pass.TypesInfo
	switch loop := loop.(type) {
	case *ast.RangeStmt:
		if id, ok := loop.Key.(*ast.Ident); ok {
			counters[info.ObjectOf(id)] = true
		}
	case *ast.ForStmt:
		switch post := loop.Post.(type) {
		case *ast.IncDecStmt:
			if id, ok := post.X.(*ast.Ident); ok {
				counters[info.ObjectOf(id)] = true
			}
		case *ast.AssignStmt:
			c.stepVars(post, steps)
		}
	}
	return steps, counters
}

// stepVars adds the variables that post advances by more than one:
// i += bs, or i, j = i+bs, j+bs.
func (c *checker) stepVars(post *ast.AssignStmt, steps map[types.Object]bool) {
	for i, l := range post.Lhs {
		id, ok := l.(*ast.Ident)
		if !ok || i >= len(post.Rhs) {
			continue
		}
		step := post.Rhs[i]
		if post.Tok == token.ASSIGN {
			add, ok := ast.Unparen(post.Rhs[i]).(*ast.BinaryExpr)
			if !ok || add.Op != token.ADD || !sameIdent(add.X, id) {
				continue
			}
			step = add.Y
		} else if post.Tok != token.ADD_ASSIGN {
			continue
		}
		if n, ok := c.intConst(step); ok && n < 8 {
			continue // smaller than any block
		}
		steps[c.pass.TypesInfo.ObjectOf(id)] = true
	}
}

func sameIdent(e ast.Expr, id *ast.Ident) bool {
	x, ok := ast.Unparen(e).(*ast.Ident)
	return ok && x.Name == id.Name
}

// advances reports whether arg is a slice whose start moves with the
// loop: s[i:], s[i:i+bs], s[n*bs:].
func (c *checker) advances(arg ast.Expr, steps, counters map[types.Object]bool) bool {
	s, ok := ast.Unparen(arg).(*ast.SliceExpr)
	if !ok || s.Low == nil {
		return false
	}
	found := false
	ast.Inspect(s.Low, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.Ident:
			found = found || steps[c.pass.TypesInfo.Uses[n]]
		case *ast.BinaryExpr:
			if n.Op == token.MUL {
				for _, x := range []ast.Expr{n.X, n.Y} {
					if id, ok := ast.Unparen(x).(*ast.Ident); ok && counters[c.pass.TypesInfo.Uses[id]] {
						found = true
					}
				}
			}
		}
		return !found
	})
	return found
}

// reslicedVars returns the variables that body moves forward each
// turn: src = src[bs:].
func (c *checker) reslicedVars(body *ast.BlockStmt) map[types.Object]bool {
	vars := make(map[types.Object]bool)
	ast.Inspect(body, func(n ast.Node) bool {
		as, ok := n.(*ast.AssignStmt)
		if !ok || as.Tok != token.ASSIGN || len(as.Lhs) != len(as.Rhs) {
			return true
		}
		for i, l := range as.Lhs {
			id, ok := l.(*ast.Ident)
			s, isSlice := ast.Unparen(as.Rhs[i]).(*ast.SliceExpr)
			if ok && isSlice && s.Low != nil && sameIdent(s.X, id) {
				vars[c.pass.TypesInfo.Uses[id]] = true
			}
		}
		return true
	})
	return vars
}

// isResliced reports whether arg is a resliced variable or a slice of
// one: dst, src[:bs].
func (c *checker) isResliced(arg ast.Expr, vars map[types.Object]bool) bool {
	arg = ast.Unparen(arg)
	if s, ok := arg.(*ast.SliceExpr); ok {
		arg = ast.Unparen(s.X)
	}
	id, ok := arg.(*ast.Ident)
	return ok && vars[c.pass.TypesInfo.Uses[id]]
}

// onlyCall reports whether body does nothing but call, apart from
// arithmetic on local variables and calls to len, min, max and
// BlockSize.
func (c *checker) onlyCall(body *ast.BlockStmt, call *ast.CallExpr) bool {
	only := true
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.CallExpr:
			if n != call && !c.harmlessCall(n) {
				only = false
			}
		case *ast.AssignStmt:
			for _, l := range n.Lhs {
				if _, ok := ast.Unparen(l).(*ast.Ident); !ok {
					only = false // writes into a buffer or a field
				}
			}
		case *ast.IncDecStmt:
			if _, ok := ast.Unparen(n.X).(*ast.Ident); !ok {
				only = false
			}
		case *ast.FuncLit, *ast.GoStmt, *ast.DeferStmt, *ast.SendStmt:
			only = false
		}
		return only
	})
	return only
}

func (c *checker) harmlessCall(call *ast.CallExpr) bool {
	id := calleeIdent(call.Fun)
	if id == nil {
		return false
	}
	switch obj := c.pass.TypesInfo.Uses[id].(type) {
	case *types.Builtin:
		return obj.Name() == "len" || obj.Name() == "min" || obj.Name() == "max" || obj.Name() == "cap"
	case *types.Func:
		return obj.Name() == "BlockSize"
	case *types.TypeName:
		return true // a conversion
	}
	return false
}
