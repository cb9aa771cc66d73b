// Package jwt is a stub of github.com/golang-jwt/jwt/v5 with the API the
// tests use.
package jwt

import "time"

type NumericDate struct{ time.Time }

type ClaimStrings []string

type Claims interface {
	GetExpirationTime() (*NumericDate, error)
	GetIssuedAt() (*NumericDate, error)
	GetNotBefore() (*NumericDate, error)
	GetIssuer() (string, error)
	GetSubject() (string, error)
	GetAudience() (ClaimStrings, error)
}

type MapClaims map[string]interface{}

func (m MapClaims) GetExpirationTime() (*NumericDate, error) { return nil, nil }
func (m MapClaims) GetIssuedAt() (*NumericDate, error)       { return nil, nil }
func (m MapClaims) GetNotBefore() (*NumericDate, error)      { return nil, nil }
func (m MapClaims) GetIssuer() (string, error)               { return "", nil }
func (m MapClaims) GetSubject() (string, error)              { return "", nil }
func (m MapClaims) GetAudience() (ClaimStrings, error)       { return nil, nil }

type RegisteredClaims struct {
	Issuer    string
	Subject   string
	ExpiresAt *NumericDate
	NotBefore *NumericDate
	IssuedAt  *NumericDate
}

func (c RegisteredClaims) GetExpirationTime() (*NumericDate, error) { return c.ExpiresAt, nil }
func (c RegisteredClaims) GetIssuedAt() (*NumericDate, error)       { return c.IssuedAt, nil }
func (c RegisteredClaims) GetNotBefore() (*NumericDate, error)      { return c.NotBefore, nil }
func (c RegisteredClaims) GetIssuer() (string, error)               { return c.Issuer, nil }
func (c RegisteredClaims) GetSubject() (string, error)              { return c.Subject, nil }
func (c RegisteredClaims) GetAudience() (ClaimStrings, error)       { return nil, nil }

type SigningMethod interface {
	Verify(signingString string, sig []byte, key interface{}) error
	Sign(signingString string, key interface{}) ([]byte, error)
	Alg() string
}

type SigningMethodHMAC struct{ Name string }

func (m *SigningMethodHMAC) Verify(signingString string, sig []byte, key interface{}) error {
	return nil
}
func (m *SigningMethodHMAC) Sign(signingString string, key interface{}) ([]byte, error) {
	return nil, nil
}
func (m *SigningMethodHMAC) Alg() string { return m.Name }

type SigningMethodRSA struct{ Name string }

func (m *SigningMethodRSA) Verify(signingString string, sig []byte, key interface{}) error {
	return nil
}
func (m *SigningMethodRSA) Sign(signingString string, key interface{}) ([]byte, error) {
	return nil, nil
}
func (m *SigningMethodRSA) Alg() string { return m.Name }

type signingMethodNone struct{}

func (m *signingMethodNone) Verify(signingString string, sig []byte, key interface{}) error {
	return nil
}
func (m *signingMethodNone) Sign(signingString string, key interface{}) ([]byte, error) {
	return nil, nil
}
func (m *signingMethodNone) Alg() string { return "none" }

var (
	SigningMethodHS256 = &SigningMethodHMAC{"HS256"}
	SigningMethodRS256 = &SigningMethodRSA{"RS256"}
	SigningMethodNone  = &signingMethodNone{}
)

type unsafeNoneMagicConstant string

const UnsafeAllowNoneSignatureType unsafeNoneMagicConstant = "none signing method allowed"

type Token struct {
	Raw       string
	Method    SigningMethod
	Header    map[string]interface{}
	Claims    Claims
	Signature []byte
	Valid     bool
}

func (t *Token) SignedString(key interface{}) (string, error) { return "", nil }

func New(method SigningMethod, opts ...TokenOption) *Token { return &Token{Method: method} }

func NewWithClaims(method SigningMethod, claims Claims, opts ...TokenOption) *Token {
	return &Token{Method: method, Claims: claims}
}

type TokenOption func(*Token)

type Keyfunc func(*Token) (interface{}, error)

type Parser struct{ validMethods []string }

type ParserOption func(*Parser)

func WithValidMethods(methods []string) ParserOption { return nil }
func WithJSONNumber() ParserOption                   { return nil }
func WithoutClaimsValidation() ParserOption          { return nil }
func WithLeeway(leeway time.Duration) ParserOption   { return nil }
func WithExpirationRequired() ParserOption           { return nil }
func WithIssuer(iss string) ParserOption             { return nil }
func WithAudience(aud string) ParserOption           { return nil }

func NewParser(options ...ParserOption) *Parser { return &Parser{} }

func (p *Parser) Parse(tokenString string, keyFunc Keyfunc) (*Token, error) { return nil, nil }

func (p *Parser) ParseWithClaims(tokenString string, claims Claims, keyFunc Keyfunc) (*Token, error) {
	return nil, nil
}

func (p *Parser) ParseUnverified(tokenString string, claims Claims) (*Token, []string, error) {
	return nil, nil, nil
}

func Parse(tokenString string, keyFunc Keyfunc, options ...ParserOption) (*Token, error) {
	return nil, nil
}

func ParseWithClaims(tokenString string, claims Claims, keyFunc Keyfunc, options ...ParserOption) (*Token, error) {
	return nil, nil
}
func ParseRSAPublicKeyFromPEM(key []byte) (interface{}, error) { return nil, nil }
