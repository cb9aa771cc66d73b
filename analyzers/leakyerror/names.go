package leakyerror

import (
	"go/types"
	"strings"
	"unicode"
)

// Kind is the sort of secret or internal detail a value carries.
type Kind int

const (
	noKind Kind = iota
	kindSecret
	kindPassword
	kindToken
	kindAPIKey
	kindPrivateKey
	kindClientSecret
	kindCredential
	kindAuthorization
	kindCookie
	kindErrDetail
	kindStack
	kindPanicValue
)

var kindNames = [...]string{
	noKind:            "value",
	kindSecret:        "secret",
	kindPassword:      "password",
	kindToken:         "token",
	kindAPIKey:        "API key",
	kindPrivateKey:    "private key",
	kindClientSecret:  "client secret",
	kindCredential:    "credential",
	kindAuthorization: "authorization header",
	kindCookie:        "cookie value",
	kindErrDetail:     "error detail",
	kindStack:         "stack trace",
	kindPanicValue:    "panic value",
}

func (k Kind) String() string {
	if k >= 0 && int(k) < len(kindNames) {
		return kindNames[k]
	}
	return "value"
}

// toClient reports whether a secret of this kind may legitimately be
// sent to an HTTP client: endpoints that issue tokens and API keys exist,
// endpoints that hand out passwords or private keys should not.
func (k Kind) toClient() bool {
	return k == kindToken || k == kindAPIKey || k == kindCredential || k == kindSecret
}

// stems are the words that name a credential, longest first so that
// "clientsecret" wins over "secret".
var stems = []struct {
	word string
	kind Kind
}{
	{"authorization", kindAuthorization},
	{"clientsecret", kindClientSecret},
	{"encryptionkey", kindPrivateKey},
	{"credentials", kindCredential},
	{"passphrase", kindPassword},
	{"privatekey", kindPrivateKey},
	{"signingkey", kindPrivateKey},
	{"credential", kindCredential},
	{"secretkey", kindSecret},
	{"masterkey", kindPrivateKey},
	{"password", kindPassword},
	{"passcode", kindPassword},
	{"passwd", kindPassword},
	{"secret", kindSecret},
	{"apikey", kindAPIKey},
	{"bearer", kindToken},
	{"token", kindToken},
	{"creds", kindCredential},
	{"jwt", kindToken},
}

// compounds joins two words that name one credential together.
var compounds = map[[2]string]string{
	{"api", "key"}:        "apikey",
	{"private", "key"}:    "privatekey",
	{"secret", "key"}:     "secretkey",
	{"signing", "key"}:    "signingkey",
	{"encryption", "key"}: "encryptionkey",
	{"master", "key"}:     "masterkey",
	{"client", "secret"}:  "clientsecret",
	{"pass", "word"}:      "password",
	{"pass", "phrase"}:    "passphrase",
}

// notBefore holds words that, placed before a credential word, make the
// name mean something else: a pagination or lexer token, a count of LLM
// tokens, a hashed or masked password, something taken from credentials.
var notBefore = set(
	"next", "page", "continuation", "pagination", "cursor", "sync", "marker",
	"resume", "idempotency", "cancel", "cancellation", "csrf", "xsrf", "max",
	"min", "num", "total", "input", "output", "prompt", "completion", "used",
	"remaining", "count", "peek", "cur", "current", "prev", "previous", "last",
	"first", "lex", "start", "end", "eof", "reasoning", "cached", "expected",
	"unexpected", "hashed", "hash", "encrypted", "masked", "redacted",
	"obfuscated", "sanitized", "fake", "dummy", "mock", "example",
	"placeholder", "is", "has", "no", "empty", "invalid", "bad", "missing",
	"skip", "with", "use", "require", "requires", "gen", "generate", "from",
)

// notAfter holds words that, placed after a credential word, make the name
// describe the credential rather than hold it: TokenURL, PasswordFile,
// SecretName, tokenCount, passwordMinLength.
var notAfter = set(
	"count", "counts", "len", "length", "limit", "limits", "max", "min",
	"type", "types", "kind", "url", "uri", "endpoint", "path", "file",
	"filename", "dir", "name", "names", "id", "ids", "header", "env", "var",
	"variable", "field", "param", "parameter", "label", "format", "version",
	"size", "index", "idx", "pos", "position", "hash", "hashed", "digest",
	"salt", "policy", "rule", "rules", "required", "expiry", "expires",
	"expiration", "expire", "expired", "ttl", "lifetime", "duration",
	"timeout", "age", "source", "src", "provider", "prefix", "suffix",
	"location", "ref", "arn", "store", "manager", "cache", "mode", "method",
	"scheme", "style", "option", "options", "opts", "config", "cfg", "set",
	"provided", "present", "missing", "valid", "invalid", "error", "err",
	"changed", "reset", "updated", "created", "at", "time", "hint",
	"placeholder", "regex", "regexp", "pattern", "validator", "strength",
	"enabled", "disabled", "flag", "command", "cmd", "template", "budget",
	"usage", "rate", "bucket", "stream", "estimate", "encoding", "encoder",
	"parser", "generator", "request", "lookup", "service", "issuer",
	"audience", "scope", "scopes", "claims", "meta", "metadata", "status",
	"state", "auth", "sent", "used", "key", "keys", "tag", "selector",
	"mount", "volume", "backend", "engine", "role", "accessor", "ok",
	"exists", "required", "len", "fn", "func", "callback", "handler",
	"prompt", "form", "input", "box", "textbox", "text", "confirm",
	"confirmation", "policy",
	// File words run together with the word before: S3SecretKeyfile.
	"keyfile", "keypath", "keydir", "keyname", "keyid", "tokenfile",
	"pwfile", "passfile", "passwdfile", "secretfile",
)

// locators, as the last word of a name that has a credential word
// before it, make the name say where a credential is or what kind it is,
// however many words come between: CredentialsFullURI, SecretMountPath,
// TokenSourceType.
var locators = set(
	"uri", "url", "path", "file", "filename", "dir", "directory", "endpoint",
	"host", "hostname", "addr", "address", "port", "type", "kind", "name",
	"keyfile", "keypath", "tokenfile", "secretfile",
)

func set(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// splitWords splits an identifier, environment variable or header name
// into lowercase words: "APIKey" → api key, "X-Auth-Token" → x auth
// token, "db_password" → db password.
func splitWords(name string) []string {
	var words []string
	rs := []rune(name)
	start := 0
	flush := func(end int) {
		if end > start {
			words = append(words, strings.ToLower(string(rs[start:end])))
		}
	}
	for i, r := range rs {
		switch {
		case r == '_' || r == '-' || r == '.' || r == ' ' || r == '/':
			flush(i)
			start = i + 1
		case i > start && unicode.IsUpper(r):
			prev := rs[i-1]
			nextLower := i+1 < len(rs) && unicode.IsLower(rs[i+1])
			if unicode.IsLower(prev) || unicode.IsDigit(prev) ||
				(unicode.IsUpper(prev) && nextLower) {
				flush(i)
				start = i
			}
		}
	}
	flush(len(rs))
	return joinCompounds(words)
}

func joinCompounds(words []string) []string {
	out := words[:0:0]
	for i := 0; i < len(words); i++ {
		if i+1 < len(words) {
			if j, ok := compounds[[2]string{words[i], words[i+1]}]; ok {
				out = append(out, j)
				i++
				continue
			}
		}
		out = append(out, words[i])
	}
	return out
}

// stemOf reports the kind of credential one word names. A word may glue a
// qualifier to the stem ("accesstoken", "dbpassword"); a qualifier from
// notBefore ("nexttoken", "maxtoken") cancels it.
func stemOf(word string) Kind {
	for _, s := range stems {
		if word == s.word {
			return s.kind
		}
		if strings.HasSuffix(word, s.word) && len(word) > len(s.word) {
			if notBefore[word[:len(word)-len(s.word)]] {
				return noKind
			}
			return s.kind
		}
	}
	return noKind
}

// secretName reports the kind of credential a name denotes, or noKind.
// The last credential word decides; the words right before and after it
// may turn the name into a description of a credential instead.
func secretName(name string) Kind {
	words := splitWords(name)
	for i := len(words) - 1; i >= 0; i-- {
		k := stemOf(words[i])
		if k == noKind {
			continue
		}
		if i+1 < len(words) && notAfter[words[i+1]] {
			return noKind // TokenURL, passwordMinLength
		}
		if last := words[len(words)-1]; i+1 < len(words) && locators[last] {
			return noKind // AWS_CONTAINER_CREDENTIALS_FULL_URI, tokenCacheDir
		}
		if i > 0 && notBefore[words[i-1]] {
			return noKind // nextPageToken, maxTokens
		}
		if k == kindSecret && i > 0 && words[i-1] == "client" {
			return kindClientSecret
		}
		return k
	}
	return noKind
}

// headerKind reports the kind of credential a request header carries.
func headerKind(name string) Kind {
	if strings.EqualFold(name, "Cookie") {
		return kindCookie
	}
	return secretName(name)
}

// stringLike reports whether values of t print their content: strings,
// byte slices and pointers to strings, named or not.
func stringLike(t types.Type) bool {
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	switch u := t.Underlying().(type) {
	case *types.Basic:
		return u.Info()&types.IsString != 0
	case *types.Slice:
		b, ok := u.Elem().Underlying().(*types.Basic)
		return ok && b.Kind() == types.Byte
	}
	return false
}

// secretType reports the kind of a declared secret type such as
// "type APIKey string" or "type Password []byte".
func secretType(t types.Type) Kind {
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := t.(*types.Named)
	if !ok || !stringLike(n) {
		return noKind
	}
	return secretNameAt(n.Obj().Name(), decl{pkg: n.Obj().Pkg()})
}

// secretVar reports the kind of credential a variable, field or
// parameter holds, judged by its declared type or else its name. owner
// is the struct type of a field, or nil.
func secretVar(v *types.Var, owner *types.Named) Kind {
	return secretVarName(v.Name(), v.Type(), decl{pkg: v.Pkg(), owner: owner})
}

// secretVarName judges a variable that SSA knows only by name and type.
func secretVarName(name string, t types.Type, d decl) Kind {
	if k := secretType(t); k != noKind {
		return k
	}
	if !stringLike(t) {
		return noKind // a Token struct of a lexer, a tokenCount int
	}
	return secretNameAt(name, d)
}

// decl says where a name is declared: its package and, for a field or
// a method's parameter, the named type it belongs to.
type decl struct {
	pkg   *types.Package
	owner *types.Named
}

// secretNameAt is secretName with the place of declaration in view. The
// bare word "token" is a credential in a client's Config and a piece of
// text in a lexer: it is read as the latter when it belongs to a lexer's
// or a protocol's type (lex.token, Header.Token, NewTokenFrame.Token,
// Challenge.Token) or is declared in a package that has a lexer, scanner or tokenizer type.
// Qualified names (accessToken, authToken, sessionToken) stay credentials
// everywhere, and parser types alone do not count: a JWT library has a
// Parser whose tokens are credentials.
func secretNameAt(name string, d decl) Kind {
	k := secretName(name)
	if k != kindToken || !bareToken(name) {
		return k
	}
	if d.owner != nil && (lexicalType(d.owner.Obj().Name()) || wireType(d.owner.Obj().Name())) {
		return noKind // the token of a lexer, a packet or a frame
	}
	if d.pkg != nil && hasLexer(d.pkg) {
		return noKind // a token handed around by a lexer's package
	}
	return k
}

func bareToken(name string) bool {
	words := splitWords(name)
	return len(words) == 1 && words[0] == "token"
}

// lexicalType reports a type name that says it cuts text into tokens:
// lex, zlexer, Scanner, Tokenizer, Lexeme.
func lexicalType(name string) bool {
	for _, w := range splitWords(name) {
		if w == "lex" || w == "lexeme" || strings.HasSuffix(w, "lexer") ||
			strings.HasSuffix(w, "scanner") || strings.HasSuffix(w, "tokenizer") {
			return true
		}
	}
	return false
}

// wireType reports a type name that says it is a unit of a protocol,
// whose token is a protocol field: a QUIC retry token, an ACME
// challenge token that is served to anyone who asks.
func wireType(name string) bool {
	for _, w := range splitWords(name) {
		if w == "frame" || w == "packet" || w == "header" || w == "challenge" {
			return true
		}
	}
	return false
}

// hasLexer reports whether pkg declares a lexical type.
func hasLexer(pkg *types.Package) bool {
	scope := pkg.Scope()
	for _, name := range scope.Names() {
		if _, ok := scope.Lookup(name).(*types.TypeName); ok && lexicalType(name) {
			return true
		}
	}
	return false
}
