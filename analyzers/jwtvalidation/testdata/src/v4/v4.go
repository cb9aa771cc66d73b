package v4

import "github.com/golang-jwt/jwt/v4"

var key = []byte("k")

// v4 literals and fields.
func literal(s string) error {
	p := &jwt.Parser{SkipClaimsValidation: true}                   // want `SkipClaimsValidation turns off`
	_, err := p.Parse(s, func(t *jwt.Token) (interface{}, error) { // want `key function does not check the token's signing method`
		return key, nil
	})
	return err
}

func assigned(s string) error {
	p := jwt.NewParser(jwt.WithValidMethods([]string{"HS256"}))
	p.SkipClaimsValidation = true // want `SkipClaimsValidation turns off`
	_, err := p.Parse(s, func(t *jwt.Token) (interface{}, error) { return key, nil })
	return err
}

func noneList(s string) error {
	p := jwt.Parser{ValidMethods: []string{"none"}} // want `the none signing method is among the valid methods`
	_, err := p.Parse(s, func(t *jwt.Token) (interface{}, error) { return key, nil })
	return err
}

// v4 has no WithExpirationRequired: a v4 parse with a checked method is
// not reported.
func checked(s string) error {
	_, err := jwt.Parse(s, func(t *jwt.Token) (interface{}, error) {
		if t.Method.Alg() != "HS256" {
			return nil, nil
		}
		return key, nil
	})
	return err
}

// The v4 validation can also be skipped with an option.
func option(s string) error {
	_, err := jwt.Parse(s, nil, jwt.WithValidMethods([]string{"HS256"}), jwt.WithoutClaimsValidation()) // want `jwt.WithoutClaimsValidation turns off`
	return err
}

// Pinned by the parser literal.
func pinnedLiteral(s string) error {
	p := &jwt.Parser{ValidMethods: []string{"HS256"}}
	_, err := p.Parse(s, func(t *jwt.Token) (interface{}, error) { return key, nil })
	return err
}
