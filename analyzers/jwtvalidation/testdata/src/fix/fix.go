package fix

import (
	"github.com/golang-jwt/jwt/v5"
)

func parse(s string, kf jwt.Keyfunc) error {
	_, err := jwt.Parse(s, kf, jwt.WithValidMethods([]string{"HS256"})) // want `jwt.Parse accepts tokens that have no expiry`
	return err
}

func parser() *jwt.Parser {
	return jwt.NewParser() // want `jwt.NewParser accepts tokens that have no expiry`
}

func multiline(s string, kf jwt.Keyfunc) error {
	_, err := jwt.ParseWithClaims( // want `jwt.ParseWithClaims accepts tokens that have no expiry`
		s,
		&jwt.RegisteredClaims{},
		kf,
		jwt.WithValidMethods([]string{"HS256"}),
	)
	return err
}
