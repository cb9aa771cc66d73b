package a

import (
	"errors"
	"net/http"

	"github.com/golang-jwt/jwt/v5"
)

var key = []byte("k")

// The key function trusts the token's own choice of algorithm, and the
// parse accepts tokens without exp.
func noMethodCheck(s string) (*jwt.Token, error) {
	return jwt.Parse(s, func(t *jwt.Token) (interface{}, error) { // want `jwt.Parse accepts tokens that have no expiry` `key function does not check the token's signing method`
		return key, nil
	})
}

func lookupKey(t *jwt.Token) (interface{}, error) {
	kid, _ := t.Header["kid"].(string)
	if kid == "" {
		return nil, errors.New("no kid")
	}
	return key, nil
}

// A named key function that reads only kid.
func namedKeyfunc(s string) error {
	p := jwt.NewParser(jwt.WithExpirationRequired())
	_, err := p.Parse(s, lookupKey) // want `key function does not check the token's signing method`
	return err
}

// Unsigned tokens accepted.
func none(s string) error {
	_, err := jwt.Parse(s, func(t *jwt.Token) (interface{}, error) {
		return jwt.UnsafeAllowNoneSignatureType, nil // want `jwt.UnsafeAllowNoneSignatureType makes unsigned tokens valid`
	}, jwt.WithValidMethods([]string{"HS256", jwt.SigningMethodNone.Alg()}), jwt.WithExpirationRequired()) // want `the none signing method is among the valid methods`
	return err
}

func noneLiteral(s string) error {
	_, err := jwt.Parse(s, lookupKey, jwt.WithValidMethods([]string{"none"}), jwt.WithExpirationRequired()) // want `the none signing method is among the valid methods`
	return err
}

// Claims validation off.
func noClaims(s string) error {
	p := jwt.NewParser(jwt.WithValidMethods([]string{"HS256"}), jwt.WithoutClaimsValidation()) // want `jwt.WithoutClaimsValidation turns off`
	_, err := p.Parse(s, lookupKey)
	return err
}

// The subject of an unverified token decides who the caller is.
func unverifiedSubject(r *http.Request) string {
	claims := jwt.MapClaims{}
	_, _, err := jwt.NewParser().ParseUnverified(r.Header.Get("Authorization"), claims) // want `claims from ParseUnverified are used`
	if err != nil {
		return ""
	}
	sub, _ := claims["sub"].(string)
	return sub
}

// The whole token is returned to the caller as if valid.
func unverifiedReturned(p *jwt.Parser, s string) (*jwt.Token, error) {
	tok, _, err := p.ParseUnverified(s, &jwt.RegisteredClaims{}) // want `claims from ParseUnverified are used`
	return tok, err
}

// A role read through a type assertion.
func unverifiedRole(p *jwt.Parser, s string) bool {
	tok, _, _ := p.ParseUnverified(s, jwt.MapClaims{}) // want `claims from ParseUnverified are used`
	claims, ok := tok.Claims.(jwt.MapClaims)
	return ok && claims["role"] == "admin"
}

// Expiry is not required by ParseWithClaims either.
func withClaims(s string) error {
	_, err := jwt.ParseWithClaims(s, &jwt.RegisteredClaims{}, lookupMethod, jwt.WithIssuer("me")) // want `jwt.ParseWithClaims accepts tokens that have no expiry`
	return err
}

func lookupMethod(t *jwt.Token) (interface{}, error) {
	if _, ok := t.Method.(*jwt.SigningMethodHMAC); !ok {
		return nil, errors.New("unexpected method")
	}
	return key, nil
}

// A parser that also verifies keeps the expiry check.
func parserBoth(s string) error {
	p := jwt.NewParser() // want `jwt.NewParser accepts tokens that have no expiry`
	if _, _, err := p.ParseUnverified(s, jwt.MapClaims{}); err != nil {
		return err
	}
	_, err := p.Parse(s, func(t *jwt.Token) (interface{}, error) { // want `key function does not check`
		return key, nil
	})
	return err
}

// The none key stored for later may reach a key function.
func noneKept() (interface{}, error) {
	k := jwt.UnsafeAllowNoneSignatureType // want `jwt.UnsafeAllowNoneSignatureType makes unsigned tokens valid`
	return k, nil
}

// Parsers held in unexported package variables, configured where they
// are declared.
var (
	looseParser  = jwt.NewParser(jwt.WithExpirationRequired())
	strictParser = jwt.NewParser(jwt.WithValidMethods([]string{"HS256"}), jwt.WithExpirationRequired())
)

func packageParsers(s string) {
	looseParser.Parse(s, lookupKey) // want `key function does not check the token's signing method`
	strictParser.Parse(s, lookupKey)
}
