// Package insecurecookie defines an Analyzer that reports session and
// authentication cookies set without the Secure or HttpOnly attribute,
// and gorilla/sessions options that leave the session cookie without
// them.
package insecurecookie
