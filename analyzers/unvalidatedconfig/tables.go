package unvalidatedconfig

import (
	"go/types"
	"regexp"
	"strings"

	"golang.org/x/tools/go/ssa"
)

// decoders lists, by package path without its /vN suffix, the functions
// and methods that fill a value passed to them from outside input.
var decoders = map[string][]string{
	"encoding/json":                        {"Unmarshal", "Decode"},
	"encoding/xml":                         {"Unmarshal", "Decode", "DecodeElement"},
	"encoding/gob":                         {"Decode", "DecodeValue"},
	"gopkg.in/yaml.v2":                     {"Unmarshal", "UnmarshalStrict", "Decode"},
	"gopkg.in/yaml.v3":                     {"Unmarshal", "Decode"},
	"go.yaml.in/yaml":                      {"Unmarshal", "Decode"},
	"sigs.k8s.io/yaml":                     {"Unmarshal", "UnmarshalStrict"},
	"github.com/goccy/go-yaml":             {"Unmarshal", "UnmarshalWithOptions", "Decode"},
	"github.com/ghodss/yaml":               {"Unmarshal"},
	"github.com/BurntSushi/toml":           {"Decode", "DecodeFile", "DecodeFS", "DecodeReader", "Unmarshal"},
	"github.com/pelletier/go-toml":         {"Unmarshal", "Decode"},
	"github.com/hashicorp/hcl":             {"Decode", "DecodeObject", "Unmarshal"},
	"github.com/hashicorp/hcl/hclsimple":   {"Decode", "DecodeFile"},
	"github.com/hashicorp/hcl/gohcl":       {"DecodeBody"},
	"github.com/mitchellh/mapstructure":    {"Decode", "WeakDecode", "DecodeMetadata"},
	"github.com/go-viper/mapstructure":     {"Decode", "WeakDecode", "DecodeMetadata"},
	"github.com/spf13/viper":               {"Unmarshal", "UnmarshalKey", "UnmarshalExact"},
	"github.com/kelseyhightower/envconfig": {"Process", "MustProcess"},
	"github.com/sethvargo/go-envconfig":    {"Process", "ProcessWith"},
	"github.com/caarlos0/env":              {"Parse", "ParseWithOptions", "ParseWithFuncs"},
	"github.com/ilyakaznacheev/cleanenv":   {"ReadConfig", "ReadEnv"},
	"github.com/knadh/koanf":               {"Unmarshal", "UnmarshalWithConf"},
	"github.com/alecthomas/kong":           {"Parse", "New"},
	"github.com/jessevdk/go-flags":         {"Parse", "ParseArgs", "NewParser"},
}

// flagPackages define ...Var functions that bind a variable to a flag.
var flagPackages = map[string]bool{
	"flag":                   true,
	"github.com/spf13/pflag": true,
}

var versionSuffix = regexp.MustCompile(`/v[0-9]+$`)

// decoderName returns "decoded by json.Unmarshal" or "set by
// flag.StringVar" when fn fills its arguments from input, else "".
func decoderName(fn *types.Func) string {
	if fn == nil || fn.Pkg() == nil {
		return ""
	}
	path := versionSuffix.ReplaceAllString(fn.Pkg().Path(), "")
	name := fn.Name()
	if flagPackages[path] && strings.HasSuffix(name, "Var") {
		return "set by " + shortName(fn)
	}
	for _, d := range decoders[path] {
		if d == name {
			return "decoded by " + shortName(fn)
		}
	}
	return ""
}

// sinkTypes are the structs whose fields set up a connection or its
// security; a config field read into one of them needs validation.
var sinkTypes = map[string]bool{
	"net/http.Client":                              true,
	"net/http.Transport":                           true,
	"net/http.Server":                              true,
	"crypto/tls.Config":                            true,
	"net.Dialer":                                   true,
	"net.ListenConfig":                             true,
	"net.Resolver":                                 true,
	"golang.org/x/net/http2.Transport":             true,
	"github.com/redis/go-redis/v9.Options":         true,
	"github.com/go-sql-driver/mysql.Config":        true,
	"golang.org/x/oauth2/clientcredentials.Config": true,
}

// sinkType returns the name of the sink struct t points to, or "".
func sinkType(t types.Type) string {
	named := namedOf(t)
	if named == nil || named.Obj().Pkg() == nil {
		return ""
	}
	obj := named.Obj()
	if !sinkTypes[obj.Pkg().Path()+"."+obj.Name()] {
		return ""
	}
	return obj.Pkg().Name() + "." + obj.Name()
}

// sinkFuncs open connections, listen or load key material from their
// arguments, by types.Func.FullName.
var sinkFuncs = map[string]bool{
	"database/sql.Open":                            true,
	"net.Dial":                                     true,
	"net.DialTimeout":                              true,
	"net.Listen":                                   true,
	"net.ListenPacket":                             true,
	"(*net.Dialer).Dial":                           true,
	"(*net.Dialer).DialContext":                    true,
	"(*net.ListenConfig).Listen":                   true,
	"crypto/tls.Dial":                              true,
	"crypto/tls.DialWithDialer":                    true,
	"crypto/tls.Listen":                            true,
	"crypto/tls.LoadX509KeyPair":                   true,
	"crypto/tls.X509KeyPair":                       true,
	"net/http.ListenAndServe":                      true,
	"net/http.ListenAndServeTLS":                   true,
	"(*net/http.Server).ListenAndServeTLS":         true,
	"(*net/http.Server).ServeTLS":                  true,
	"net/smtp.Dial":                                true,
	"net/smtp.PlainAuth":                           true,
	"google.golang.org/grpc.Dial":                  true,
	"google.golang.org/grpc.DialContext":           true,
	"google.golang.org/grpc.NewClient":             true,
	"github.com/jackc/pgx/v5.Connect":              true,
	"github.com/jackc/pgx/v5/pgxpool.New":          true,
	"github.com/redis/go-redis/v9.NewClient":       true,
	"github.com/golang-jwt/jwt/v5.NewWithClaims":   true,
	"golang.org/x/crypto/ssh.Dial":                 true,
	"golang.org/x/crypto/ssh.ParsePrivateKey":      true,
	"golang.org/x/crypto/ssh.PublicKeys":           true,
	"crypto/x509.ParseCertificate":                 true,
	"(*crypto/x509.CertPool).AppendCertsFromPEM":   true,
	"github.com/go-sql-driver/mysql.ParseDSN":      true,
	"github.com/lib/pq.NewConnector":               true,
	"go.mongodb.org/mongo-driver/mongo.Connect":    true,
	"go.mongodb.org/mongo-driver/v2/mongo.Connect": true,
}

// inputPackages read settings from flags, the environment or config
// files; whatever their functions return is input.
var inputPackages = map[string]bool{
	"flag":                             true,
	"github.com/spf13/pflag":           true,
	"github.com/spf13/viper":           true,
	"github.com/spf13/cobra":           true,
	"github.com/urfave/cli":            true,
	"github.com/knadh/koanf":           true,
	"github.com/alecthomas/kingpin":    true,
	"gopkg.in/alecthomas/kingpin.v2":   true,
	"github.com/hashicorp/go-envparse": true,
	"github.com/joho/godotenv":         true,
}

// pureHelpers are packages whose functions compute a value from their
// arguments (fmt.Sprintf, net.JoinHostPort, strconv.Itoa), so a field
// that goes through them still reaches the sink.
var pureHelpers = map[string]bool{
	"fmt":           true,
	"net":           true,
	"net/url":       true,
	"path":          true,
	"path/filepath": true,
	"strconv":       true,
	"strings":       true,
	"time":          true,
}

// exitNames are logger methods that do not return.
var exitNames = map[string]bool{
	"Fatal":   true,
	"Fatalf":  true,
	"Fatalln": true,
	"Fatalw":  true,
	"Panic":   true,
	"Panicf":  true,
	"Panicln": true,
	"Panicw":  true,
}

// ctorPrefixes start the names of functions that hand out a config or a
// client built from one.
var ctorPrefixes = []string{"New", "Load", "Parse", "From", "Must"}

// isCtorName reports whether fn is a named function whose name starts
// with a constructor prefix followed by an upper-case letter or nothing.
func isCtorName(fn *ssa.Function) bool {
	if fn.Parent() != nil {
		return false // a function literal
	}
	return hasCtorPrefix(fn.Name(), ctorPrefixes)
}

func hasCtorPrefix(name string, prefixes []string) bool {
	for _, p := range prefixes {
		lower := strings.ToLower(p[:1]) + p[1:]
		for _, q := range []string{p, lower} {
			rest, ok := strings.CutPrefix(name, q)
			if ok && (rest == "" || rest[0] >= 'A' && rest[0] <= 'Z' || rest[0] == '_') {
				return true
			}
		}
	}
	return false
}

// funcObj returns the declared function behind fn, generic origin
// included, or nil for function literals and synthetic wrappers.
func funcObj(fn *ssa.Function) *types.Func {
	if o := fn.Origin(); o != nil {
		fn = o
	}
	obj, _ := fn.Object().(*types.Func)
	return obj
}

// isExported reports whether other packages can call fn by name.
func isExported(fn *types.Func) bool {
	if !fn.Exported() {
		return false
	}
	recv := fn.Signature().Recv()
	if recv == nil {
		return true
	}
	named := namedOf(recv.Type())
	return named == nil || named.Obj().Exported()
}

// shortName renders fn as pkg.Name or pkg.Type.Method.
func shortName(fn *types.Func) string {
	name := fn.Name()
	if recv := fn.Signature().Recv(); recv != nil {
		if named := namedOf(recv.Type()); named != nil {
			name = named.Obj().Name() + "." + name
		}
	}
	if fn.Pkg() == nil {
		return name
	}
	return fn.Pkg().Name() + "." + name
}

// shortFullName shortens a types.Func.FullName such as
// "(*example.com/v/v10.Validate).Struct" to "v.Validate.Struct".
func shortFullName(full string) string {
	s := strings.NewReplacer("(", "", ")", "", "*", "").Replace(full)
	if i := strings.LastIndex(s, "/"); i >= 0 {
		s = s[i+1:]
	}
	return s
}
