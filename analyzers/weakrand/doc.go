// Package weakrand defines an Analyzer that reports output of math/rand
// and math/rand/v2 that reaches a key, nonce, IV, salt, random source of
// a crypto API, or a value named as a credential (token, password,
// session ID, reset code).
package weakrand
