package fix

import (
	"crypto/rand"
	"crypto/rsa"
	"crypto/x509"
	x "crypto/x509"
)

func keys() {
	rsa.GenerateKey(rand.Reader, 1024)             // want `rsa\.GenerateKey with a 1024-bit key; use at least 2048 bits`
	rsa.GenerateMultiPrimeKey(rand.Reader, 2, 512) // want `rsa\.GenerateMultiPrimeKey with a 512-bit key`
}

func templates() []any {
	cert := &x509.Certificate{
		SignatureAlgorithm: x509.SHA1WithRSA, // want `x509 template signs with SHA1WithRSA, a hash open to collisions; use SHA256WithRSA`
	}
	csr := x.CertificateRequest{SignatureAlgorithm: x.MD5WithRSA} // want `signs with MD5WithRSA`
	crl := &x509.RevocationList{}
	crl.SignatureAlgorithm = x509.ECDSAWithSHA1 // want `signs with ECDSAWithSHA1.*use ECDSAWithSHA256`
	return []any{cert, csr, crl}
}
