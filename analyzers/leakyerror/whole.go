package leakyerror

import (
	"go/types"
	"reflect"
	"strings"

	"github.com/scaile/seclint/analyzers/internal/astutil"
)

// Methods through which a value decides how it is printed or logged.
var (
	printMethods = []string{"String", "Error", "Format", "LogValue",
		"MarshalLogObject", "MarshalZerologObject"}
	goStringMethods = []string{"GoString", "Format"}
	jsonMethods     = []string{"MarshalJSON", "MarshalText"}
)

// revealing are types of the standard library whose String method
// prints the secret they hold: a URL's or user info's password.
var revealing = map[string]bool{
	"net/url.URL": true, "net/url.Userinfo": true,
}

// printMethodHides reports whether the argument's own type prints itself
// through a method that does not return a secret: a redacting String.
func (c *checker) printMethodHides(a fmtArg) bool {
	t := plainType(a.val)
	if types.IsInterface(t) || revealing[astutil.TypeName(t)] {
		return false // the dynamic type decides, or the method reveals
	}
	names := printMethods
	if a.hash {
		names = goStringMethods
	}
	return c.hidingMethod(types.NewMethodSet(t), names)
}

// hidingMethod reports whether the method set has one of the named
// methods and none of those it has returns a secret.
func (c *checker) hidingMethod(ms *types.MethodSet, names []string) bool {
	found := false
	for _, name := range names {
		sel := ms.Lookup(nil, name)
		if sel == nil {
			continue
		}
		m, ok := sel.Obj().(*types.Func)
		if !ok {
			continue
		}
		if sum := c.methodSummary(m); sum != nil && sum.Secret != nil {
			return false // String returns the secret: no redaction
		}
		found = true
	}
	return found
}

func (c *checker) methodSummary(m *types.Func) *funcFact {
	m = m.Origin()
	if m.Pkg() == c.pass.Pkg {
		if fn := c.prog.FuncValue(m); fn != nil {
			return c.sums[fn]
		}
		return nil
	}
	if m.Pkg() == nil {
		return nil
	}
	f := new(funcFact)
	if c.pass.ImportObjectFact(m, f) {
		return f
	}
	return nil
}

// exposedField returns the type and name of a secret field that printing
// (or, with json, encoding) a value of type t shows, and its kind; field
// is "" when none shows. Only the top level may be a pointer: fmt prints
// nested pointers as addresses.
func (c *checker) exposedField(t types.Type, hash, json bool, depth int) (owner, field string, kind Kind) {
	t = types.Unalias(t)
	methods := t // fmt calls the methods of the value it is given
	if p, ok := t.(*types.Pointer); ok {
		if depth > 0 {
			return "", "", noKind // printed as an address
		}
		t = types.Unalias(p.Elem())
	}
	st, ok := t.Underlying().(*types.Struct)
	if !ok || depth > 3 {
		return "", "", noKind
	}
	names := printMethods
	switch {
	case json:
		names = jsonMethods
	case hash:
		names = goStringMethods
	}
	if json {
		methods = types.NewPointer(t) // encoding/json takes the address
	}
	if c.hidingMethod(types.NewMethodSet(methods), names) {
		return "", "", noKind // a redacting String or MarshalJSON
	}
	for i := 0; i < st.NumFields(); i++ {
		f := st.Field(i)
		if json && (!f.Exported() || jsonOmitted(st.Tag(i))) {
			continue
		}
		named, _ := t.(*types.Named)
		if k := secretVar(f, named); k != noKind {
			return ownerName(t), f.Name(), k
		}
		if o, name, k := c.exposedField(f.Type(), hash, json, depth+1); name != "" {
			return o, name, k
		}
	}
	return "", "", noKind
}

func jsonOmitted(tag string) bool {
	name, _, _ := strings.Cut(reflect.StructTag(tag).Get("json"), ",")
	return name == "-"
}

func ownerName(t types.Type) string {
	if n, ok := t.(*types.Named); ok {
		return n.Obj().Name()
	}
	return "struct"
}
