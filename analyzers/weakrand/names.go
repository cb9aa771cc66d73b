package weakrand

import (
	"strings"

	"github.com/scaile/seclint/analyzers/internal/credname"
)

// extraWords name secrets that credname leaves out: one-time values of
// cryptographic protocols and short codes sent to users.
var extraWords = map[string]bool{
	"nonce": true, "salt": true, "iv": true, "pin": true, "passcode": true,
	"otp": true, "totp": true, "hotp": true,
}

// codeQualifiers make "code" a secret: "resetCode", "verificationCode".
// A bare "code" is an exit or status code as often as not.
var codeQualifiers = map[string]bool{
	"reset": true, "verification": true, "verify": true, "confirmation": true,
	"confirm": true, "activation": true, "invite": true, "invitation": true,
	"recovery": true, "login": true, "security": true, "access": true,
	"auth": true, "mfa": true, "sms": true, "pairing": true, "otp": true,
	"backup": true, "magic": true,
}

// keyQualifiers add to credname's: keys that a cipher or a session uses.
var keyQualifiers = map[string]bool{
	"aes": true, "cipher": true, "crypto": true, "symmetric": true,
	"shared": true, "enc": true, "mac": true, "cookie": true, "csrf": true,
}

// tokenKinds before "token" make it a piece of text or a handle, not a
// credential: "platformToken" in a user agent, "lexerToken",
// "cancelToken", "idempotencyToken".
var tokenKinds = map[string]bool{
	"platform": true, "lexer": true, "parser": true, "syntax": true,
	"cancel": true, "cancellation": true, "idempotency": true, "subject": true,
}

// trailers may follow a secret word without changing what the value
// is: "saltBytes", "nonceHex", "resetCodeStr".
var trailers = map[string]bool{
	"bytes": true, "hex": true, "str": true, "string": true, "b64": true,
	"raw": true, "value": true, "val": true, "buf": true, "data": true,
}

// isCredential reports whether an identifier, field or map key names a
// secret. Names are read as words, so "keyCount", "tokensPerSecond" and
// "maxTokens" are not secrets, and neither are request, trace, span or
// correlation IDs: they identify, they do not authorise.
func isCredential(name string) bool {
	words := credname.Words(name)
	for len(words) > 1 && trailers[words[len(words)-1]] {
		words = words[:len(words)-1]
	}
	if len(words) == 0 {
		return false
	}
	last := words[len(words)-1]
	if len(words) >= 2 && last == "token" && tokenKinds[words[len(words)-2]] {
		return false
	}
	if credname.IsSecret(name) || extraWords[last] {
		return true
	}
	if len(words) < 2 {
		return false
	}
	prev := words[len(words)-2]
	switch last {
	case "code":
		return codeQualifiers[prev]
	case "key":
		return keyQualifiers[prev]
	}
	return false
}

// makerWords open the name of a function that makes a value:
// "generateToken", "NewSessionID", "randomPassword".
var makerWords = map[string]bool{
	"generate": true, "gen": true, "new": true, "make": true, "create": true,
	"random": true, "rand": true, "issue": true, "mint": true, "must": true,
}

// isCredentialMaker reports whether a function's name says it returns a
// secret: "generateToken", "NewSessionID", "randomPassword", "Nonce".
func isCredentialMaker(name string) bool {
	if isCredential(name) {
		return true
	}
	words := credname.Words(name)
	for len(words) > 1 && makerWords[words[0]] {
		words = words[1:]
	}
	return isCredential(strings.Join(words, "_"))
}
