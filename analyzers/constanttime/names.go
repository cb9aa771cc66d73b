package constanttime

import (
	"strings"
	"unicode"
)

// secretWords are the words that make an identifier a credential when
// they are its last word: "expectedMAC", "apiToken", "hashedPassword".
// Plurals other than "credentials" are left out on purpose: "tokens" is
// a slice or a count far more often than a secret.
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
	"encryption": true, "session": true,
}

// trailers may follow a credential word without changing what the
// value is: "passwordHash", "tokenBytes", "macHex".
var trailers = map[string]bool{
	"hash": true, "hashed": true, "value": true, "val": true, "bytes": true,
	"str": true, "string": true, "hex": true, "digest": true, "b64": true,
	"raw": true, "sum": true,
}

// isSecretName reports whether an identifier, field or header name
// names a credential, judged by its words rather than its substrings:
// "csrfToken" and "APIKey" do, "tokenCount", "maxTokens" and
// "tokenType" do not.
func isSecretName(name string) bool {
	words := splitWords(name)
	for len(words) > 1 && (trailers[words[len(words)-1]] || isNumber(words[len(words)-1])) {
		words = words[:len(words)-1]
	}
	if len(words) == 0 {
		return false
	}
	last := words[len(words)-1]
	if secretWords[last] {
		return true
	}
	if len(words) >= 2 && (last == "key" || last == "id") {
		prev := words[len(words)-2]
		if last == "key" {
			return keyQualifiers[prev]
		}
		return prev == "session" // a session ID is a bearer credential
	}
	return false
}

// splitWords splits an identifier or header name into lowercase words at
// underscores, dashes, dots and case changes, keeping acronyms whole:
// "HMACSignature" gives hmac, signature; "X-Api-Key" gives x, api, key.
func splitWords(name string) []string {
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
