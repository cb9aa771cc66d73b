// Package jwt is a stub of github.com/golang-jwt/jwt/v4 with the API the
// tests use.
package jwt

type Claims interface{ Valid() error }

type MapClaims map[string]interface{}

func (m MapClaims) Valid() error                             { return nil }
func (m MapClaims) VerifyExpiresAt(cmp int64, req bool) bool { return true }

type NumericDate struct{ Unix int64 }

type RegisteredClaims struct {
	Subject   string
	ExpiresAt *NumericDate
	IssuedAt  *NumericDate
	NotBefore *NumericDate
}

func (c RegisteredClaims) Valid() error { return nil }

type SigningMethod interface {
	Verify(signingString, signature string, key interface{}) error
	Sign(signingString string, key interface{}) (string, error)
	Alg() string
}

type SigningMethodHMAC struct{ Name string }

func (m *SigningMethodHMAC) Verify(signingString, signature string, key interface{}) error {
	return nil
}
func (m *SigningMethodHMAC) Sign(signingString string, key interface{}) (string, error) {
	return "", nil
}
func (m *SigningMethodHMAC) Alg() string { return m.Name }

type signingMethodNone struct{}

func (m *signingMethodNone) Verify(signingString, signature string, key interface{}) error {
	return nil
}
func (m *signingMethodNone) Sign(signingString string, key interface{}) (string, error) {
	return "", nil
}
func (m *signingMethodNone) Alg() string { return "none" }

var (
	SigningMethodHS256 = &SigningMethodHMAC{"HS256"}
	SigningMethodNone  = &signingMethodNone{}
)

type unsafeNoneMagicConstant string

const UnsafeAllowNoneSignatureType unsafeNoneMagicConstant = "none signing method allowed"

type Token struct {
	Raw       string
	Method    SigningMethod
	Header    map[string]interface{}
	Claims    Claims
	Signature string
	Valid     bool
}

func (t *Token) SignedString(key interface{}) (string, error) { return "", nil }

func New(method SigningMethod) *Token { return &Token{Method: method} }

func NewWithClaims(method SigningMethod, claims Claims) *Token {
	return &Token{Method: method, Claims: claims}
}

type Keyfunc func(*Token) (interface{}, error)

type Parser struct {
	ValidMethods         []string
	UseJSONNumber        bool
	SkipClaimsValidation bool
}

type ParserOption func(*Parser)

func WithValidMethods(methods []string) ParserOption { return nil }
func WithJSONNumber() ParserOption                   { return nil }
func WithoutClaimsValidation() ParserOption          { return nil }

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
