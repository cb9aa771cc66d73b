// Package credname judges whether an identifier, header, query key or
// file path names a credential. It works on words, not substrings:
// "csrfToken" and "APIKey" are credentials, "tokenCount", "maxTokens"
// and "tokenType" are not.
package credname

import (
	"go/ast"
	"go/constant"
	"go/types"
	"path"
	"strings"
	"unicode"
)

// secretWords make an identifier a credential when they are its last
// word: "expectedMAC", "apiToken", "hashedPassword". Plurals other than
// "credentials" are left out on purpose: "tokens" is a slice or a count
// far more often than a secret.
var secretWords = map[string]bool{
	"secret": true, "password": true, "passwd": true, "passphrase": true,
	"token": true, "apikey": true, "credential": true, "credentials": true,
	"mac": true, "hmac": true, "signature": true, "sig": true,
	"otp": true, "csrf": true, "xsrf": true, "authorization": true,
}

// keyQualifiers make "key" a credential when they come right before it
// ("apiKey", "signingKey"); "key" alone is a map key as often as not.
var keyQualifiers = map[string]bool{
	"api": true, "secret": true, "private": true, "access": true,
	"signing": true, "hmac": true, "auth": true, "master": true,
	"encryption": true, "session": true, "priv": true,
}

// cursorWords before "token" make it a position in a listing.
var cursorWords = map[string]bool{
	"page": true, "continuation": true, "cursor": true, "sync": true,
	"next": true, "pagination": true, "resume": true, "continue": true,
	"prev": true, "previous": true,
}

// trailers may follow a credential word without changing what the
// value is: "passwordHash", "tokenBytes", "macHex".
var trailers = map[string]bool{
	"hash": true, "hashed": true, "value": true, "val": true, "bytes": true,
	"str": true, "string": true, "hex": true, "digest": true, "b64": true,
	"raw": true, "sum": true, "pem": true, "data": true,
}

// IsSecret reports whether an identifier, field, header or parameter
// name names a credential.
func IsSecret(name string) bool {
	words := Words(name)
	for len(words) > 1 && (trailers[words[len(words)-1]] || isNumber(words[len(words)-1])) {
		words = words[:len(words)-1]
	}
	return secretTail(words)
}

func secretTail(words []string) bool {
	if len(words) == 0 {
		return false
	}
	last := words[len(words)-1]
	if len(words) >= 2 && last == "token" && cursorWords[words[len(words)-2]] {
		return false // next_page_token: a pagination cursor, not a credential
	}
	if secretWords[last] {
		return true
	}
	if len(words) >= 2 {
		prev := words[len(words)-2]
		switch last {
		case "key":
			return keyQualifiers[prev]
		case "id":
			return prev == "session" // a session ID is a bearer credential
		}
	}
	return false
}

// fileTrailers follow the name of what a file holds: "keyFile",
// "tokenPath", "credentialsFilename".
var fileTrailers = map[string]bool{
	"file": true, "path": true, "filename": true, "fname": true,
	"filepath": true, "name": true, "location": true, "out": true,
}

// fileWords name files that hold a secret although the word alone is
// not a credential: a "keyFile" beside a certificate holds the key.
var fileWords = map[string]bool{
	"key": true, "creds": true, "cred": true, "netrc": true, "pgpass": true,
	"htpasswd": true, "kubeconfig": true, "keystore": true, "keyring": true,
}

// IsSecretFileVar reports whether a variable or field that holds a file
// path names a file of secrets: keyFile, tokenPath, credentialsFile.
// The trailing word must say it is a path, so that "apiKey" (the key
// itself) is left to IsSecret.
func IsSecretFileVar(name string) bool {
	words := Words(name)
	if len(words) < 2 || !fileTrailers[words[len(words)-1]] {
		return false
	}
	words = words[:len(words)-1]
	return secretTail(words) || fileWords[words[len(words)-1]]
}

// publicWords mark a PEM file as public material: a certificate, a CA
// bundle, a public key.
var publicWords = map[string]bool{
	"cert": true, "certificate": true, "ca": true, "chain": true,
	"fullchain": true, "pub": true, "public": true, "root": true,
	"bundle": true, "crt": true, "csr": true, "roots": true,
}

// secretExts are extensions of files that hold keys or credentials.
var secretExts = map[string]bool{
	".key": true, ".pem": true, ".p12": true, ".pfx": true, ".jks": true,
	".keystore": true, ".ppk": true, ".token": true, ".kdbx": true,
}

// secretBases are whole file names of well-known credential files.
var secretBases = map[string]bool{
	"id_rsa": true, "id_dsa": true, "id_ecdsa": true, "id_ed25519": true,
	".env": true, ".netrc": true, "_netrc": true, ".pgpass": true,
	".htpasswd": true, "credentials": true, "credentials.json": true,
	"token": true, "token.json": true, "secrets.json": true,
	"secrets.yaml": true, "secrets.yml": true, ".git-credentials": true,
	".npmrc": true, ".pypirc": true, ".dockercfg": true, "kubeconfig": true,
}

// IsSecretPath reports whether a file path names a file of secrets by
// its base name: "id_rsa", "server.key", "credentials.json", ".env",
// "token". PEM files whose name says they are certificates or public
// keys ("ca.pem", "cert.pem") are not secret.
func IsSecretPath(p string) bool {
	base := strings.ToLower(path.Base(strings.ReplaceAll(p, `\`, "/")))
	if secretBases[base] || strings.HasPrefix(base, ".env.") {
		return true
	}
	ext := path.Ext(base)
	stem := strings.TrimSuffix(base, ext)
	if secretExts[ext] {
		for _, w := range Words(stem) {
			if publicWords[w] {
				return false // cert.pem, ca-bundle.pem
			}
		}
		return true
	}
	return IsSecret(stem) || (ext == ".json" && IsSecret(strings.TrimSuffix(stem, "s")))
}

// Words splits an identifier or header name into lowercase words at
// underscores, dashes, dots and case changes, keeping acronyms whole:
// "HMACSignature" gives hmac, signature; "X-Api-Key" gives x, api, key.
func Words(name string) []string {
	var words []string
	var cur []rune
	flush := func() {
		if len(cur) > 0 {
			words = append(words, strings.ToLower(string(cur)))
			cur = cur[:0]
		}
	}
	rs := []rune(name)
	for i, r := range rs {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			flush()
			continue
		}
		if unicode.IsUpper(r) && len(cur) > 0 {
			prevLower := !unicode.IsUpper(rs[i-1])
			nextLower := i+1 < len(rs) && unicode.IsLower(rs[i+1])
			if prevLower || nextLower {
				flush() // "apiKey" | "HMACSig"
			}
		}
		cur = append(cur, r)
	}
	flush()
	return words
}

// isNumber reports whether w is all digits, as in "X-Hub-Signature-256".
func isNumber(w string) bool {
	return strings.TrimFunc(w, unicode.IsDigit) == ""
}

// PrivateKeyBlock reports whether lit builds a PEM block of a private
// key: pem.Block{Type: "... PRIVATE KEY", ...}, with a constant Type.
func PrivateKeyBlock(info *types.Info, lit *ast.CompositeLit) bool {
	for _, elt := range lit.Elts {
		kv, ok := elt.(*ast.KeyValueExpr)
		if !ok {
			continue
		}
		if key, ok := kv.Key.(*ast.Ident); ok && key.Name == "Type" {
			tv := info.Types[kv.Value]
			return tv.Value != nil && tv.Value.Kind() == constant.String &&
				strings.Contains(constant.StringVal(tv.Value), "PRIVATE KEY")
		}
	}
	return false
}

// A CookieKind says what a cookie holds, judged by its name or value.
type CookieKind int

const (
	CookieUnknown  CookieKind = iota
	CookieHarmless            // a preference: theme, language, consent
	CookieSession             // a session ID or another bearer credential
	CookieCSRF                // read by scripts, so HttpOnly is not required
)

func (k CookieKind) String() string {
	if k == CookieCSRF {
		return "csrf"
	}
	return "session"
}

// sessionWords make a cookie name a session or login cookie wherever
// they stand in it: "sid", "app_session", "remember_me", "jwt".
// Credential words such as "token" are left to credname, which knows
// that "next_page_token" is a cursor.
var sessionWords = map[string]bool{
	"session": true, "sessions": true, "sess": true, "sid": true,
	"sessid": true, "sessionid": true, "phpsessid": true, "jsessionid": true,
	"auth": true, "jwt": true, "login": true, "remember": true,
	"rememberme": true, "sso": true, "oauth": true, "oidc": true,
	"saml": true,
}

// harmlessWords name cookies that hold preferences, never credentials.
var harmlessWords = map[string]bool{
	"theme": true, "lang": true, "language": true, "locale": true,
	"consent": true, "preferences": true, "preference": true, "prefs": true,
	"tz": true, "timezone": true, "currency": true, "dark": true,
	"sidebar": true, "flash": true, "banner": true,
	// Where to go after logging in is no credential either.
	"redirect": true, "url": true, "hint": true, "returnto": true,
}

// CookieNameKind judges a cookie by its name: a constant, or for a
// computed name the identifier it comes from ("sessionCookieName").
func CookieNameKind(name string) CookieKind {
	words := Words(name)
	for _, w := range words {
		if harmlessWords[w] {
			return CookieHarmless
		}
	}
	for _, w := range words {
		if w == "csrf" || w == "xsrf" {
			return CookieCSRF
		}
	}
	for _, w := range words {
		if sessionWords[w] {
			return CookieSession
		}
	}
	// Drop what every cookie name may say about itself so that
	// "authTokenCookie" and "tokenCookieName" end in "token".
	for len(words) > 1 && (words[len(words)-1] == "cookie" || words[len(words)-1] == "name") {
		words = words[:len(words)-1]
	}
	if IsSecret(strings.Join(words, "_")) {
		return CookieSession
	}
	return CookieUnknown
}
