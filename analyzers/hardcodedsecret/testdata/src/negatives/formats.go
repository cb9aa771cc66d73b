package negatives

import "fmt"

// Format strings and templates build a credential at run time.
func formats(user, pass, host, tok string) {
	_ = fmt.Sprintf("postgres://%s:%s@%s/orders", user, pass, host)
	_ = fmt.Sprintf("Bearer %s", tok)
	password := fmt.Sprintf("%s-%d-%x", user, 42, []byte(pass))
	_ = password
}

const (
	authHeaderFormat = "Authorization: Bearer %s"
	tokenTemplate    = "{{.Token}}"
	passwordLayout   = "%(password)s"
)
