// Package weakcrypto defines an Analyzer that reports broken or weak
// cryptography where it protects something: broken ciphers, MD5 and
// SHA-1 in signatures and HMAC, passwords stored with a fast hash, short
// RSA keys, constant IVs and nonces, and ECB mode. The full
// documentation is the Doc of Rule.
package weakcrypto
