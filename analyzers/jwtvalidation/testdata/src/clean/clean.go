package clean

import (
	"errors"
	"fmt"
	"time"

	"github.com/golang-jwt/jwt/v5"
)

var key = []byte("k")

// Method pinned by an option, expiry required.
func pinned(s string) (*jwt.Token, error) {
	return jwt.Parse(s, func(t *jwt.Token) (interface{}, error) {
		return key, nil
	}, jwt.WithValidMethods([]string{"HS256"}), jwt.WithExpirationRequired())
}

// Method checked in the key function with a type assertion.
func typeAssert(s string) (*jwt.Token, error) {
	return jwt.Parse(s, func(t *jwt.Token) (interface{}, error) {
		if _, ok := t.Method.(*jwt.SigningMethodHMAC); !ok {
			return nil, fmt.Errorf("unexpected method %v", t.Header["alg"])
		}
		return key, nil
	}, jwt.WithExpirationRequired())
}

// Method checked through the alg header.
func algHeader(s string) error {
	_, err := jwt.Parse(s, func(t *jwt.Token) (interface{}, error) {
		if t.Header["alg"] != "HS256" {
			return nil, errors.New("bad alg")
		}
		return key, nil
	}, jwt.WithExpirationRequired())
	return err
}

func checkMethod(t *jwt.Token) error {
	if t.Method != jwt.SigningMethodHS256 {
		return errors.New("bad method")
	}
	return nil
}

// Method checked in a helper the key function calls.
func helper(s string) error {
	_, err := jwt.Parse(s, func(t *jwt.Token) (interface{}, error) {
		if err := checkMethod(t); err != nil {
			return nil, err
		}
		return key, nil
	}, jwt.WithExpirationRequired())
	return err
}

// A key function from elsewhere (a JWKS client) is trusted to check.
type keySet interface {
	Keyfunc(*jwt.Token) (interface{}, error)
}

func jwks(s string, ks keySet) error {
	_, err := jwt.Parse(s, ks.Keyfunc, jwt.WithExpirationRequired())
	return err
}

// A parser configured with both options.
func parser(s string) error {
	p := jwt.NewParser(jwt.WithValidMethods([]string{"RS256"}), jwt.WithExpirationRequired())
	_, err := p.Parse(s, func(t *jwt.Token) (interface{}, error) { return key, nil })
	return err
}

// ParseUnverified only to read kid, then a verifying parse.
func kidThenVerify(s string) error {
	p := jwt.NewParser(jwt.WithValidMethods([]string{"RS256"}), jwt.WithExpirationRequired())
	tok, _, err := p.ParseUnverified(s, jwt.MapClaims{})
	if err != nil {
		return err
	}
	kid := tok.Header["kid"]
	_, err = p.Parse(s, func(t *jwt.Token) (interface{}, error) { return kid, nil })
	return err
}

// ParseUnverified to pick a tenant's key, then a helper of the package
// verifies the token with it.
var tenantKeys = map[string][]byte{}

func tenantThenHelper(s string) (jwt.MapClaims, error) {
	unverified := jwt.MapClaims{}
	if _, _, err := jwt.NewParser().ParseUnverified(s, unverified); err != nil {
		return nil, err
	}
	org, _ := unverified["org_id"].(string)
	k, ok := tenantKeys[org]
	if !ok {
		return nil, errors.New("unknown tenant")
	}
	return verifyWithKey(s, k)
}

func verifyWithKey(s string, k []byte) (jwt.MapClaims, error) {
	claims := jwt.MapClaims{}
	_, err := jwt.ParseWithClaims(s, claims, func(t *jwt.Token) (any, error) { return k, nil },
		jwt.WithValidMethods([]string{"HS256"}), jwt.WithExpirationRequired())
	return claims, err
}

// ParseUnverified to schedule a refresh of the client's own token.
func refreshAt(p *jwt.Parser, s string) time.Time {
	claims := jwt.MapClaims{}
	if _, _, err := p.ParseUnverified(s, claims); err != nil {
		return time.Time{}
	}
	exp, err := claims.GetExpirationTime()
	if err != nil || exp == nil {
		return time.Time{}
	}
	return exp.Time
}

// Reading only the header of an unverified token.
func headerOnly(p *jwt.Parser, s string) string {
	tok, _, err := p.ParseUnverified(s, jwt.MapClaims{})
	if err != nil {
		return ""
	}
	kid, _ := tok.Header["kid"].(string)
	return kid
}

// Signing tokens is not parsing them.
func sign() (string, error) {
	t := jwt.NewWithClaims(jwt.SigningMethodHS256, jwt.MapClaims{"exp": time.Now().Add(time.Hour).Unix()})
	return t.SignedString(key)
}

// Options passed through from the caller are not second-guessed.
func passThrough(s string, opts ...jwt.ParserOption) error {
	_, err := jwt.Parse(s, lookup, opts...)
	return err
}

func lookup(t *jwt.Token) (interface{}, error) { return key, nil }

// A decoding tool that documents why it skips verification.
func inspect(p *jwt.Parser, s string) (*jwt.Token, error) {
	//seclint:ignore jwtvalidation jwtdump prints tokens for debugging and never authorizes
	tok, _, err := p.ParseUnverified(s, jwt.MapClaims{})
	return tok, err
}

// A parser that only decodes checks no claim, so it needs no expiry
// option; the ParseUnverified call is judged on its own.
func decodeOnly(s string) (interface{}, error) {
	tok, _, err := jwt.NewParser().ParseUnverified(s, jwt.MapClaims{})
	if err != nil {
		return nil, err
	}
	return tok.Header["kid"], nil
}

func decoderVar(s string) (string, error) {
	p := jwt.NewParser()
	tok, _, err := p.ParseUnverified(s, jwt.MapClaims{})
	if err != nil {
		return "", err
	}
	return tok.Method.Alg(), nil
}

// The none key only mints an unsigned token, as a token tool asked for
// one does; nothing here accepts such a token.
func mintUnsigned(claims jwt.MapClaims, none bool, secret []byte) (string, error) {
	t := jwt.NewWithClaims(jwt.SigningMethodNone, claims)
	if none {
		return t.SignedString(jwt.UnsafeAllowNoneSignatureType)
	}
	var k interface{}
	k = jwt.UnsafeAllowNoneSignatureType
	if _, ok := k.([]byte); ok {
		k = secret
	}
	return t.SignedString(k)
}
