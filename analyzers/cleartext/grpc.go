package cleartext

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/types/typeutil"
)

const grpcPath = "google.golang.org/grpc"

// grpcDials maps the gRPC dial functions to the index of their target;
// the options follow it.
var grpcDials = map[string]int{
	grpcPath + ".Dial":        0,
	grpcPath + ".DialContext": 1,
	grpcPath + ".NewClient":   0,
}

// checkGRPC reports a gRPC client dialled with insecure transport
// credentials to a constant remote target, or to any target under
// -strict.
func (c *checker) checkGRPC(call *ast.CallExpr, fn *types.Func, name string) {
	ti, ok := grpcDials[name]
	if !ok || len(call.Args) <= ti {
		return
	}
	insecure, dialer := false, false
	for _, opt := range c.dialOptions(call, ti+1) {
		switch c.grpcOption(opt) {
		case optInsecure:
			insecure = true
		case optDialer:
			dialer = true
		}
	}
	if !insecure || dialer {
		return // TLS, or a custom dialer that may tunnel or stay in memory
	}
	var target string
	if p := c.defs.leading(call.Args[ti], 0); p.whole {
		if target = grpcHost(p.text); target == "" {
			return // loopback, a unix socket, or another resolver
		}
		target = `"` + target + `"`
	} else if c.strict {
		target = "a target computed at run time"
	} else {
		return // the target may well be local
	}
	c.pass.Report(analysis.Diagnostic{
		Pos: call.Pos(),
		End: call.End(),
		Message: callName(fn) + " dials " + target + " with insecure transport credentials, " +
			"so its calls travel in clear text; use TLS credentials such as credentials.NewTLS",
	})
}

// dialOptions returns the options passed to a dial call from argument
// index from on, looking into a spread slice literal assigned once.
func (c *checker) dialOptions(call *ast.CallExpr, from int) []ast.Expr {
	if from >= len(call.Args) {
		return nil
	}
	opts := call.Args[from:]
	if !call.Ellipsis.IsValid() {
		return opts
	}
	last := opts[len(opts)-1]
	opts = opts[:len(opts)-1]
	if lit, ok := c.sliceLiteral(last); ok {
		opts = append(opts, lit.Elts...)
	}
	return opts
}

func (c *checker) sliceLiteral(e ast.Expr) (*ast.CompositeLit, bool) {
	e, index := c.defs.origin(e)
	lit, ok := e.(*ast.CompositeLit)
	return lit, ok && index == 0
}

type grpcOpt int

const (
	optOther grpcOpt = iota
	optInsecure
	optDialer
)

// grpcOption classifies a dial option.
func (c *checker) grpcOption(opt ast.Expr) grpcOpt {
	call, ok := c.originCall(opt)
	if !ok {
		return optOther
	}
	switch c.calleeName(call) {
	case grpcPath + ".WithInsecure":
		return optInsecure
	case grpcPath + ".WithContextDialer", grpcPath + ".WithDialer":
		return optDialer
	case grpcPath + ".WithTransportCredentials":
		creds, ok := c.originCall(call.Args[0])
		if !ok {
			return optOther
		}
		if c.calleeName(creds) == grpcPath+"/credentials/insecure.NewCredentials" {
			return optInsecure
		}
	}
	return optOther
}

// originCall returns the call that gives e its value.
func (c *checker) originCall(e ast.Expr) (*ast.CallExpr, bool) {
	e, index := c.defs.origin(e)
	call, ok := e.(*ast.CallExpr)
	return call, ok && index == 0
}

// checkGRPCServer reports a gRPC server made with grpc.NewServer without
// transport credentials that serves on a constant address other machines
// can reach, as checkServer does for HTTP.
func (c *checker) checkGRPCServer(call *ast.CallExpr, name string) {
	if name != "(*"+grpcPath+".Server).Serve" || len(call.Args) != 1 {
		return
	}
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return
	}
	made, ok := c.originCall(sel.X)
	if !ok {
		return // a server made elsewhere
	}
	if c.calleeName(made) != grpcPath+".NewServer" {
		return
	}
	if made.Ellipsis.IsValid() {
		if _, ok := c.sliceLiteral(made.Args[len(made.Args)-1]); !ok {
			return // options built elsewhere may hold credentials
		}
	}
	for _, opt := range c.dialOptions(made, 0) {
		if call, ok := c.originCall(opt); !ok {
			return // an option from elsewhere
		} else if c.calleeName(call) == grpcPath+".Creds" {
			return
		}
	}
	addr, ok := c.listenAddr(call.Args[0])
	if !ok {
		return // a listener made elsewhere, a unix socket or TLS
	}
	shown, public := c.bindAddr(addr)
	if !public {
		return
	}
	c.pass.Report(analysis.Diagnostic{
		Pos: call.Pos(),
		End: call.End(),
		Message: "grpc.Server serves on " + shown + " without transport credentials, so its calls " +
			"travel in clear text; pass grpc.Creds(credentials.NewTLS(cfg)) to grpc.NewServer, " +
			"or listen on a loopback address behind a TLS-terminating proxy",
	})
}

// calleeName returns the full name of the function a call calls
// statically, or "".
func (c *checker) calleeName(call *ast.CallExpr) string {
	fn, ok := typeutil.Callee(c.pass.TypesInfo, call).(*types.Func)
	if !ok {
		return ""
	}
	return fn.FullName()
}
