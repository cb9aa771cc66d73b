package hardcodedsecret

import (
	"math"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// words splits an identifier or key into lowercase words at
// underscores, punctuation, spaces and camelCase humps:
// "APIKeyValue" and "api_key-value" both give [api key value].
func words(name string) []string {
	var out []string
	for _, part := range strings.FieldsFunc(name, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	}) {
		out = append(out, humps(part)...)
	}
	return out
}

// humps splits one alphanumeric run at its camelCase boundaries.
func humps(s string) []string {
	var out []string
	runes := []rune(s)
	start := 0
	for i := 1; i < len(runes); i++ {
		prev, cur := runes[i-1], runes[i]
		next := rune(0)
		if i+1 < len(runes) {
			next = runes[i+1]
		}
		lowerToUpper := unicode.IsLower(prev) && unicode.IsUpper(cur)
		acronymEnd := unicode.IsUpper(prev) && unicode.IsUpper(cur) && unicode.IsLower(next)
		if lowerToUpper || acronymEnd {
			out = append(out, strings.ToLower(string(runes[start:i])))
			start = i
		}
	}
	return append(out, strings.ToLower(string(runes[start:])))
}

// credentialKinds maps the last word of a credential name to the kind of
// secret it holds. Plurals such as "tokens" are left out on purpose:
// maxTokens and tokens lists in parsers are never secrets.
var credentialKinds = map[string]string{
	"password":      "password",
	"passwords":     "password",
	"passwd":        "password",
	"pwd":           "password",
	"pass":          "password",
	"passphrase":    "password",
	"secret":        "secret",
	"secrets":       "secret",
	"token":         "token",
	"bearer":        "token",
	"authorization": "token",
	"apikey":        "api key",
	"privatekey":    "private key",
	"accesskey":     "access key",
	"secretkey":     "secret key",
	"credential":    "credential",
	"credentials":   "credential",
	"creds":         "credential",
	"cred":          "credential",
	"pw":            "password",
}

// keyQualifiers are the words that make "... key" a credential name
// ("apiKey", "private_key"); "key" alone names map keys and the like.
var keyQualifiers = map[string]string{
	"api":        "api key",
	"private":    "private key",
	"secret":     "secret key",
	"access":     "access key",
	"signing":    "signing key",
	"auth":       "api key",
	"client":     "api key",
	"master":     "secret key",
	"encryption": "secret key",
	"enc":        "secret key",
	"aes":        "secret key",
	"hmac":       "secret key",
	"session":    "secret key",
	"cookie":     "secret key",
	"csrf":       "secret key",
	"priv":       "private key",
	"sign":       "signing key",
	"sig":        "signing key",
	"jwt":        "signing key",
}

// valueWords may follow a credential word without changing what the name
// holds: "passwordValue", "tokenStr", "secretB64".
var valueWords = map[string]bool{
	"value": true, "val": true, "str": true, "string": true, "bytes": true,
	"raw": true, "plain": true, "text": true, "b64": true, "base64": true,
	"hex": true, "pem": true, "data": true, "default": true, "fallback": true,
}

// credentialKind reports the kind of secret a name holds ("password",
// "api key"), or "" when the name is not a credential name. Only the
// name's last word (after value words) counts, so passwordMinLength,
// tokenURL and secretName are not credential names.
func credentialKind(name string) string {
	ws := words(name)
	// A number that tells like names apart counts for nothing:
	// token2, password_1, apiKey2.
	for len(ws) > 0 && (valueWords[ws[len(ws)-1]] || numeric.MatchString(ws[len(ws)-1])) {
		ws = ws[:len(ws)-1]
	}
	if len(ws) == 0 {
		return ""
	}
	last := strings.TrimRight(ws[len(ws)-1], "0123456789")
	if kind, ok := credentialKinds[last]; ok {
		return kind
	}
	if last == "key" && len(ws) > 1 {
		return keyQualifiers[ws[len(ws)-2]]
	}
	return ""
}

// envName turns a Go name into an environment variable name:
// apiKey → API_KEY, "db.password" → DB_PASSWORD.
// A setter's or getter's verb is dropped: SetAPIKey → API_KEY.
func envName(name string) string {
	ws := words(name)
	if len(ws) > 1 && accessorVerbs[ws[0]] {
		ws = ws[1:]
	}
	return strings.ToUpper(strings.Join(ws, "_"))
}

var accessorVerbs = map[string]bool{"set": true, "get": true, "with": true, "use": true, "load": true}

// ruleEnvName proposes an environment variable for a gitleaks rule:
// github-pat → GITHUB_TOKEN, stripe-access-token → STRIPE_ACCESS_TOKEN.
func ruleEnvName(rule string) string {
	if p, ok := strings.CutSuffix(rule, "-pat"); ok {
		rule = p + "-token"
	}
	return envName(rule)
}

// redact shows at most the first four characters of a secret, and fewer
// for short ones, so that a message never reveals most of it.
func redact(secret string) string {
	n := min(4, utf8.RuneCountInString(secret)/4)
	return string([]rune(secret)[:n]) + "…"
}

// entropy is the Shannon entropy of s in bits per byte.
func entropy(s string) float64 {
	if s == "" {
		return 0
	}
	var counts [256]int
	for i := 0; i < len(s); i++ {
		counts[s[i]]++
	}
	var h float64
	n := float64(len(s))
	for _, c := range counts {
		if c > 0 {
			p := float64(c) / n
			h -= p * math.Log2(p)
		}
	}
	return h
}

var (
	// wordLike matches names, routes, labels and header names: letters
	// and separators only, no digit or symbol.
	wordLike = regexp.MustCompile(`^[A-Za-z_.:/ -]+$`)
	// letterWords matches words of letters joined by separators, a key
	// chord among them: ctrl+shift+down, read-write, Admin.Users.
	letterWords = regexp.MustCompile(`^[A-Za-z]+(?:[-_.:/+ ][A-Za-z]+)*$`)
	// templated matches values that refer to a secret instead of holding
	// one: ${TOKEN}, $TOKEN, {{ .Token }}, <your-key>, %s, %(name)s.
	templated = regexp.MustCompile(`\$\{|\$\(|^\$[A-Za-z_]|\{\{|^<.*>$|<your|%[-+# 0-9.*]*[svdqxXTw]|%\(`)
	// repeated matches masks and fillers: xxxx, ****, ....
	repeated = regexp.MustCompile(`(?i)x{4}|\*{3}|\.{3}|#{4}|0{8}`)
	// numeric matches digit-only values: ports, PINs, sizes, ids.
	numeric = regexp.MustCompile(`^[0-9]+$`)
	// wordsAndNumbers matches words and numbers joined by separators,
	// none mixing letters and digits: 100-continue, tls-alpn-01.
	wordsAndNumbers = regexp.MustCompile(`^(?:[A-Za-z]+|[0-9]+)(?:[-_.:/](?:[A-Za-z]+|[0-9]+))*$`)
	// passwordHash matches a password hash in modular crypt format
	// (bcrypt, argon2, scrypt, PBKDF2, sha-crypt): what a server stores in
	// place of a secret, and useless to log in with.
	passwordHash = regexp.MustCompile(`^\$(?:2[abxy]?|argon2(?:id|i|d)|scrypt|pbkdf2(?:-sha(?:1|256|512))?|[156]|7|y|gy)\$[^\s]+\s*$`)
)

// placeholderWords mark a value that stands in for a secret.
var placeholderWords = []string{
	"example", "changeme", "change_me", "change-me", "changeit", "replace",
	"placeholder", "your_", "your-", "yourkey", "yourtoken", "yoursecret",
	"insert", "redacted", "dummy", "sample", "notreal", "not-a-real",
	"not_a_real", "todo", "fixme",
}

// placeholderValues are whole values that stand in for a secret.
var placeholderValues = map[string]bool{
	"password": true, "passwd": true, "secret": true, "token": true,
	"pass": true, "pwd": true, "test": true, "none": true, "null": true,
	"nil": true, "undefined": true, "hidden": true, "default": true,
	"foo": true, "bar": true, "foobar": true, "user": true, "admin": true,
	"root": true, "guest": true, "postgres": true, "mysql": true,
	"apikey": true, "api_key": true, "mypassword": true, "mysecret": true,
}

// docKeys are keys printed in providers' documentation; they were never
// secret. (AWS's documentation keys end in EXAMPLE and are caught by the
// placeholder words.)
var docKeys = []string{
	"sk_test_4eC39HqLyjWDarjtT1zdp7dc",            // Stripe API reference
	"ghp_16C7e42F292c6912E7710c838347Ae178B4a",    // GitHub docs
	"SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c", // jwt.io's sample token
}

// isPlaceholder reports whether v stands in for a secret instead of
// being one.
func isPlaceholder(v string) bool {
	lower := strings.ToLower(v)
	switch {
	case strings.TrimSpace(v) == "",
		placeholderValues[lower],
		templated.MatchString(v),
		repeated.MatchString(v),
		allSame(v):
		return true
	}
	for _, w := range placeholderWords {
		if strings.Contains(lower, w) {
			return true
		}
	}
	for _, k := range docKeys {
		if strings.Contains(v, k) {
			return true
		}
	}
	return false
}

func allSame(s string) bool {
	return strings.Count(s, s[:1]) == len(s)
}

// authSchemes prefix a credential in an Authorization header value.
var authSchemes = []string{"Bearer ", "Bearer: ", "Basic ", "Basic: ", "token ", "Token ", "Bot "}

// looksSecret judges a value bound to a credential name when no gitleaks
// rule matched it: long enough, one word, not a placeholder, not made of
// letters alone, and random enough.
func looksSecret(v string, minEntropy float64) bool {
	for _, s := range authSchemes {
		if rest, ok := strings.CutPrefix(v, s); ok {
			v = rest
			break
		}
	}
	switch {
	case len(v) < 8:
		return false // too short to be more than a default
	case passwordHash.MatchString(v):
		return false // a stored password hash, not a password
	case strings.ContainsFunc(v, unicode.IsSpace):
		return false // prose: a prompt, a message, a usage string
	case wordLike.MatchString(v), numeric.MatchString(v):
		return false // a name, route or label; a number
	case strings.Contains(v, "://"):
		return false // a URL; user-info passwords are checked apart
	case isPlaceholder(v):
		return false
	}
	return entropy(v) >= minEntropy
}

// userinfo finds user:password@ in URLs.
var userinfo = regexp.MustCompile(`[A-Za-z][A-Za-z0-9+.-]*://([^\s/@:"'<>]*):([^\s/@"'<>]+)@`)

// defaultPasswords are passwords of local development setups, written in
// docs and compose files on purpose.
var defaultPasswords = map[string]bool{
	"postgres": true, "mysql": true, "root": true, "admin": true,
	"guest": true, "test": true, "secret": true, "password": true,
	"pass": true, "pwd": true, "passwd": true,
}

// notUserinfo are the characters that RFC 3986 never allows unescaped in
// a URL's user info: a password written with them is not in a URL.
const notUserinfo = "[]^`{}|\\"

// urlPassword returns the first real password in a URL's user info in v.
func urlPassword(v string) (string, bool) {
	for _, m := range userinfo.FindAllStringSubmatch(v, -1) {
		user, pw := m[1], m[2]
		lower := strings.ToLower(pw)
		switch {
		case pw == user, defaultPasswords[lower], isPlaceholder(pw):
			continue
		case strings.ContainsAny(pw, "$%{<*"):
			continue // a variable, format verb or mask
		case strings.ContainsAny(user+pw, notUserinfo):
			continue // syntax such as [user[:pwd]@], or no URL at all
		}
		return pw, true
	}
	return "", false
}
