package leakyerror

import "golang.org/x/tools/go/ssa"

// passThrough lists standard packages whose functions return their
// arguments transformed but readable: the result carries what went in.
// Functions of other standard packages (crypto, hash, strconv.Itoa…)
// are taken to return something else.
var passThrough = set(
	"strings", "bytes", "path", "path/filepath", "encoding/base64",
	"encoding/hex", "encoding/base32", "net/url", "html", "unicode/utf8",
	"slices", "maps",
)

// call returns the flow of a call's result.
func (s *fnState) call(c *ssa.CallCommon, result ssa.Value) flow {
	if c.IsInvoke() {
		return s.invoke(c, result)
	}
	if b, ok := c.Value.(*ssa.Builtin); ok {
		return s.builtin(b, c)
	}
	fn := c.StaticCallee()
	if fn == nil {
		return errorResult(result) // a call through a func value
	}
	if readsRequest(c) && result != nil && isErrorType(result.Type()) {
		return flow{} // r.ParseForm: the error is about the client's request
	}
	name := funcName(fn)
	if f, ok := s.sourceCall(name, c); ok {
		return f
	}
	if f, ok := s.knownCall(fn, name, c); ok {
		return f.or(errorResult(result))
	}
	return s.userCall(fn, c).or(errorResult(result))
}

// errorResult marks an error returned by a call as internal detail.
func errorResult(result ssa.Value) flow {
	if result != nil && isErrorType(result.Type()) {
		return errDetail()
	}
	return flow{}
}

func (s *fnState) invoke(c *ssa.CallCommon, result ssa.Value) flow {
	switch c.Method.Name() {
	case "Error", "String":
		return s.eval(c.Value) // err.Error() says what err holds
	}
	return errorResult(result)
}

func (s *fnState) builtin(b *ssa.Builtin, c *ssa.CallCommon) flow {
	switch b.Name() {
	case "append":
		var f flow
		for _, a := range c.Args {
			f = f.or(s.eval(a))
		}
		return f
	case "recover":
		return flow{detail: &Origin{Kind: kindPanicValue, From: "recover"}}
	}
	return flow{} // len, cap, copy, min, max…
}

// sourceCall recognises the calls that produce a secret or a stack trace.
func (s *fnState) sourceCall(name string, c *ssa.CallCommon) (flow, bool) {
	switch name {
	case "os.Getenv", "os.LookupEnv", "syscall.Getenv":
		if k, ok := c.Args[0].(*ssa.Const); ok {
			env, _ := stringConst(k)
			if kind := secretName(env); kind != noKind {
				return s.source(kind, "environment variable "+env), true
			}
		}
		return flow{}, true
	case "(net/http.Header).Get", "(net/http.Header).Values":
		if h, ok := stringConst(c.Args[1]); ok {
			if kind := headerKind(h); kind != noKind {
				return s.source(kind, "request header "+h), true
			}
		}
		return flow{}, true
	case "(*net/http.Request).FormValue", "(*net/http.Request).PostFormValue",
		"(net/url.Values).Get":
		if k, ok := stringConst(c.Args[1]); ok {
			if kind := secretName(k); kind != noKind {
				return s.source(kind, "form field "+k), true
			}
		}
		return flow{}, true
	case "(*net/url.Userinfo).Password":
		return s.source(kindPassword, "the URL's user info"), true
	case "runtime/debug.Stack":
		return flow{detail: &Origin{Kind: kindStack, From: "debug.Stack"}}, true
	}
	return flow{}, false
}

// knownCall models the standard library: formatting and string functions
// pass their arguments on; the rest (hashing, parsing, sizes) does not.
func (s *fnState) knownCall(fn *ssa.Function, name string, c *ssa.CallCommon) (flow, bool) {
	switch name {
	case "fmt.Sprintf", "fmt.Sprint", "fmt.Sprintln", "fmt.Appendf", "fmt.Append",
		"fmt.Appendln":
		var f flow
		for _, a := range s.c.fmtArgs(fn, c) {
			if a.verb != 'T' {
				f = f.or(s.eval(a.val))
			}
		}
		return f, true
	case "(*strings.Builder).String", "(*bytes.Buffer).String", "(*bytes.Buffer).Bytes":
		return s.eval(c.Args[0]), true
	case "encoding/json.Marshal", "encoding/json.MarshalIndent":
		// The document holds what went in, and the exported fields of a
		// struct: one named as a secret makes it a secret.
		f := s.eval(c.Args[0])
		if owner, field, kind := s.c.exposedField(plainType(c.Args[0]), false, true, 0); field != "" {
			f = f.or(s.source(kind, "json.Marshal of "+owner+", field "+field))
		}
		return f, true
	case "(*net/url.URL).Redacted":
		return flow{}, true
	case "net/url.UserPassword":
		return s.eval(c.Args[1]), true // user info that prints its password
	case "errors.New", "fmt.Errorf":
		return flow{}, true // the sink reports it; the error is new detail
	case "strings.Replace", "strings.ReplaceAll", "bytes.Replace", "bytes.ReplaceAll":
		// The old text is what the result no longer holds.
		return s.eval(c.Args[0]).or(s.eval(c.Args[2])), true
	}
	if s.c.summary(fn) != nil || !passThrough[pkgPath(fn)] {
		return flow{}, false // source code: its summary decides
	}
	if !firstResult(fn) {
		return flow{}, true // strings.Index, bytes.Equal
	}
	var f flow
	for _, a := range c.Args {
		f = f.or(s.eval(a))
	}
	return f, true
}

// userCall applies the summary of a function from source: in this package
// the one being computed, elsewhere the exported fact.
func (s *fnState) userCall(fn *ssa.Function, c *ssa.CallCommon) flow {
	sum := s.c.summary(fn)
	if sum == nil {
		return flow{}
	}
	var f flow
	if sum.Secret != nil {
		o := *sum.Secret
		o.Via = append([]string{s.c.qualifiedName(fn)}, o.Via...)
		f.secret = &o
	}
	return f.or(s.passedOn(sum, c))
}

// passedOn returns the flows of the arguments that reach a result.
func (s *fnState) passedOn(sum *funcFact, c *ssa.CallCommon) flow {
	var f flow
	for i, a := range c.Args {
		if i < 64 && sum.Flows&(1<<i) != 0 {
			f = f.or(s.eval(a))
		}
	}
	return f
}

// firstResult reports whether fn's first result prints its content.
func firstResult(fn *ssa.Function) bool {
	return fn.Signature.Results().Len() > 0 &&
		stringLike(fn.Signature.Results().At(0).Type())
}
