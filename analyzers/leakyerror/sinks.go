package leakyerror

import (
	"go/types"
	"strings"

	"golang.org/x/tools/go/ssa"
)

// loggerPaths are the logging packages recognised by import path; every
// argument of a call into them is logged.
var loggerPaths = set(
	"log/slog", "go.uber.org/zap", "go.uber.org/zap/zapcore",
	"github.com/rs/zerolog", "github.com/rs/zerolog/log",
	"github.com/sirupsen/logrus", "github.com/hashicorp/go-hclog",
	"k8s.io/klog", "k8s.io/klog/v2", "github.com/go-kit/log",
	"github.com/go-logr/logr",
)

// logMethods are the methods of a project's own Logger interface that
// write their arguments out.
var logMethods = set(
	"Debug", "Debugf", "Info", "Infof", "Warn", "Warnf", "Warning", "Warningf",
	"Error", "Errorf", "Fatal", "Fatalf", "Print", "Printf", "Println", "Log",
	"Logf", "Trace", "Tracef", "Panic", "Panicf",
)

// sink is one call that writes its arguments somewhere they may be seen.
type sink struct {
	place  Place
	name   string // "fmt.Errorf"
	args   []fmtArg
	status ssa.Value // the status code of http.Error
	json   bool      // encoding/json: only exported, untagged fields show
	// made is the call whose error result holds the message, for an
	// error sink whose error may yet be dropped: fmt.Errorf, or a callee
	// that returns the error it builds.
	made ssa.Value
	at   ssa.Instruction // the call, for the status written before it
}

// fmtArg is one argument of a sink and the verb that prints it.
type fmtArg struct {
	val  ssa.Value
	verb rune // 'v' when there is no format
	hash bool // %#v: GoString decides
}

// sinkOf recognises a sink call.
func (c *checker) sinkOf(call *ssa.CallCommon) (sink, bool) {
	if call.IsInvoke() {
		return c.invokeSink(call)
	}
	fn := call.StaticCallee()
	if fn == nil {
		return sink{}, false
	}
	name := funcName(fn)
	switch name {
	case "fmt.Errorf":
		return sink{place: placeError, name: name, args: c.fmtArgs(fn, call)}, true
	case "errors.New":
		return sink{place: placeError, name: name, args: plain(call.Args[0])}, true
	case "fmt.Printf", "fmt.Print", "fmt.Println":
		return sink{place: placeStdout, name: name, args: c.fmtArgs(fn, call)}, c.stdout
	case "fmt.Fprintf", "fmt.Fprint", "fmt.Fprintln":
		return c.writerSink(call.Args[0], name, c.fmtArgs(fn, call)[1:])
	case "io.WriteString":
		return c.writerSink(call.Args[0], name, plain(call.Args[1]))
	case "net/http.Error":
		return sink{place: placeResponse, name: name, args: plain(call.Args[1]),
			status: call.Args[2]}, true
	case "(*encoding/json.Encoder).Encode":
		if enc, ok := call.Args[0].(*ssa.Call); ok {
			if f := enc.Call.StaticCallee(); f != nil && funcName(f) == "encoding/json.NewEncoder" {
				switch w := enc.Call.Args[0]; {
				case isResponseWriter(w):
					return sink{place: placeResponse, name: name, args: plain(call.Args[1]),
						json: true}, true
				case isStdStream(w):
					return sink{place: placeStdout, name: name, args: plain(call.Args[1]),
						json: true}, c.stdout
				}
			}
		}
		return sink{}, false
	}
	path := pkgPath(fn)
	switch {
	case path == "log" && logFunc(fn.Name()):
		return sink{place: placeLog, name: shortName(fn), args: c.fmtArgs(fn, call)}, true
	case loggerPaths[path]:
		return sink{place: placeLog, name: shortName(fn), args: c.fmtArgs(fn, call)}, true
	case fn.Signature.Recv() != nil && (fn.Name() == "Write" || fn.Name() == "WriteString") &&
		isResponseWriter(call.Args[0]):
		return sink{place: placeResponse, name: "ResponseWriter." + fn.Name(),
			args: plain(call.Args[1])}, true
	}
	return sink{}, false
}

func (c *checker) invokeSink(call *ssa.CallCommon) (sink, bool) {
	m := call.Method
	switch {
	case (m.Name() == "Write" || m.Name() == "WriteString") && isResponseWriter(call.Value):
		return sink{place: placeResponse, name: "ResponseWriter." + m.Name(),
			args: plain(call.Args[0])}, true
	case logMethods[m.Name()] && loggerInterface(call.Value.Type()):
		return sink{place: placeLog, name: typeString(call.Value.Type()) + "." + m.Name(),
			args: c.invokeArgs(call)}, true
	}
	return sink{}, false
}

// writerSink classifies fmt.Fprint and io.WriteString by their writer.
func (c *checker) writerSink(w ssa.Value, name string, args []fmtArg) (sink, bool) {
	switch {
	case isStdStream(w):
		return sink{place: placeStdout, name: name, args: args}, c.stdout
	case isResponseWriter(w):
		return sink{place: placeResponse, name: name, args: args}, true
	}
	return sink{}, false // a file, a buffer, a hash
}

func plain(v ssa.Value) []fmtArg { return []fmtArg{{val: v, verb: 's'}} }

func logFunc(name string) bool {
	return strings.HasPrefix(name, "Print") || strings.HasPrefix(name, "Fatal") ||
		strings.HasPrefix(name, "Panic") || name == "Output"
}

// fmtArgs lists the arguments a call prints, each with its verb when the
// function takes a format ("Errorf", "Infof"): its name ends in f and a
// string parameter comes before the variadic one.
func (c *checker) fmtArgs(fn *ssa.Function, call *ssa.CallCommon) []fmtArg {
	off := 0
	if fn.Signature.Recv() != nil {
		off = 1 // the receiver is Args[0]
	}
	return splitArgs(fn.Name(), fn.Signature, call.Args[off:])
}

func (c *checker) invokeArgs(call *ssa.CallCommon) []fmtArg {
	return splitArgs(call.Method.Name(), call.Signature(), call.Args)
}

func splitArgs(name string, sig *types.Signature, args []ssa.Value) []fmtArg {
	n := len(args)
	if !sig.Variadic() || n == 0 {
		var out []fmtArg
		for _, a := range args {
			out = append(out, fmtArg{val: a, verb: 'v'})
		}
		return out
	}
	var out []fmtArg
	var verbs []verb
	hasFormat := strings.HasSuffix(name, "f") && n >= 2 &&
		types.Identical(args[n-2].Type().Underlying(), types.Typ[types.String])
	if hasFormat {
		if format, ok := stringConst(args[n-2]); ok {
			verbs = parseVerbs(format)
		}
	}
	for _, a := range args[:n-1] {
		out = append(out, fmtArg{val: a, verb: 's'})
	}
	for i, a := range unpackVarargs(args[n-1]) {
		v := verb{r: 'v'}
		if hasFormat && verbs != nil {
			v = verb{r: 'v'}
			if i < len(verbs) {
				v = verbs[i]
			}
		}
		out = append(out, fmtArg{val: a, verb: v.r, hash: v.hash})
	}
	return out
}

// unpackVarargs returns the values packed into a variadic slice, or the
// slice itself when it was passed with "...".
func unpackVarargs(v ssa.Value) []ssa.Value {
	if c, ok := v.(*ssa.Const); ok && c.IsNil() {
		return nil
	}
	sl, ok := v.(*ssa.Slice)
	if !ok {
		return []ssa.Value{v}
	}
	alloc, ok := sl.X.(*ssa.Alloc)
	if !ok {
		return []ssa.Value{v}
	}
	var vals []ssa.Value
	for _, r := range referrers(alloc) {
		ia, ok := r.(*ssa.IndexAddr)
		if !ok {
			continue
		}
		i, ok := intConst(ia.Index)
		if !ok {
			continue
		}
		for _, rr := range referrers(ia) {
			if st, ok := rr.(*ssa.Store); ok && st.Addr == ia {
				for int64(len(vals)) <= i {
					vals = append(vals, nil)
				}
				vals[i] = st.Val
			}
		}
	}
	return vals
}

type verb struct {
	r    rune
	hash bool
}

// parseVerbs returns the verb of each argument a format consumes; a '*'
// width or precision consumes one too and is given the verb 'd'.
func parseVerbs(format string) []verb {
	var out []verb
	set := func(i int, v verb) {
		for len(out) <= i {
			out = append(out, verb{r: 'v'})
		}
		out[i] = v
	}
	arg := 0
	for i := 0; i < len(format); i++ {
		if format[i] != '%' {
			continue
		}
		i++
		hash := false
		for ; i < len(format); i++ {
			ch := format[i]
			switch {
			case ch == '#':
				hash = true
			case strings.IndexByte("+- 0.123456789", ch) >= 0:
			case ch == '*':
				set(arg, verb{r: 'd'})
				arg++
			case ch == '[':
				end := strings.IndexByte(format[i:], ']')
				if end < 0 {
					return out
				}
				n := 0
				for _, d := range format[i+1 : i+end] {
					n = n*10 + int(d-'0')
				}
				arg = n - 1
				i += end
			default:
				goto verbDone
			}
		}
	verbDone:
		if i >= len(format) {
			break
		}
		if format[i] == '%' {
			continue
		}
		set(arg, verb{r: rune(format[i]), hash: hash})
		arg++
	}
	return out
}

func isStdStream(v ssa.Value) bool {
	if mi, ok := v.(*ssa.MakeInterface); ok {
		v = mi.X
	}
	load, ok := v.(*ssa.UnOp)
	if !ok {
		return false
	}
	g, ok := load.X.(*ssa.Global)
	return ok && g.Pkg != nil && g.Pkg.Pkg.Path() == "os" &&
		(g.Name() == "Stdout" || g.Name() == "Stderr")
}

// isResponseWriter reports whether v is (or wraps) an HTTP response
// writer: its type has the methods Header, Write and WriteHeader.
func isResponseWriter(v ssa.Value) bool {
	t := plainType(v)
	ms := types.NewMethodSet(t)
	if _, ok := t.Underlying().(*types.Interface); !ok {
		if _, ptr := t.(*types.Pointer); !ptr {
			ms = types.NewMethodSet(types.NewPointer(t))
		}
	}
	return ms.Lookup(nil, "WriteHeader") != nil && ms.Lookup(nil, "Header") != nil &&
		ms.Lookup(nil, "Write") != nil
}

// loggerInterface reports a named interface type whose name says it logs.
func loggerInterface(t types.Type) bool {
	n, ok := types.Unalias(t).(*types.Named)
	if !ok {
		return false
	}
	if _, ok := n.Underlying().(*types.Interface); !ok {
		return false
	}
	return strings.Contains(strings.ToLower(n.Obj().Name()), "log")
}

func typeString(t types.Type) string {
	if n, ok := types.Unalias(deref(t)).(*types.Named); ok {
		return n.Obj().Name()
	}
	return "logger"
}

// shortName names a sink in messages: "log.Printf", "slog.Info",
// "Logger.Info".
func shortName(fn *ssa.Function) string {
	if recv := fn.Signature.Recv(); recv != nil {
		return typeString(recv.Type()) + "." + fn.Name()
	}
	path := pkgPath(fn)
	if i := strings.LastIndexByte(path, '/'); i >= 0 {
		path = path[i+1:]
	}
	return path + "." + fn.Name()
}
