// Package lexer cuts text into tokens: a bare "token" here is a piece
// of the input, not a credential.
package lexer

import (
	"fmt"
	"log"
)

type zlexer struct{ input string }

type lex struct {
	token string
	line  int
}

// Must not flag: the token of a lexer in an error message.
type ParseError struct { // want ParseError:"prints msg"
	msg string
	lex lex
}

func (e *ParseError) Error() string { return e.msg + ": " + e.lex.token }

func (z *zlexer) next() lex { return lex{token: z.input} }

func parse(z *zlexer) error {
	l := z.next()
	if l.line == 0 {
		return &ParseError{msg: "bad owner", lex: l}
	}
	return fmt.Errorf("unexpected %q at line %d", l.token, l.line)
}

// Must not flag: a bare token parameter in a package that has a lexer.
func parseHost(token string) error { // want parseHost:"param 0 reaches an error message"
	return fmt.Errorf("bad host %q", token)
}

// Must not flag: a bare token parameter of a scanner's method.
type Scanner struct{ pos int }

func (s *Scanner) expect(token string) error { // want expect:"param 1 reaches an error message"
	return fmt.Errorf("expected %q at %d", token, s.pos)
}

// Must flag: qualified names are credentials in a lexer's package too.
type Client struct{ AccessToken string }

func (c *Client) login() {
	log.Printf("login with %s", c.AccessToken) // want `token from field Client.AccessToken reaches a log \(log.Printf\)`
}
