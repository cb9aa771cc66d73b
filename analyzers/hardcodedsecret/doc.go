// Package hardcodedsecret defines an Analyzer that reports API keys,
// tokens, private keys and passwords written into Go source: in string
// constants as the type checker folds them, and in comments. It runs
// gitleaks' provider rules over those values only, and adds what the
// type checker knows: the name a value is bound to, environment variable
// names, regular expressions and constants declared elsewhere.
//
// The full documentation is the Rule's Doc.
package hardcodedsecret
