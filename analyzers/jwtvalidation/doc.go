// Package jwtvalidation defines an Analyzer that reports golang-jwt
// tokens accepted without checking their signature, their signing
// method or their expiry.
package jwtvalidation
