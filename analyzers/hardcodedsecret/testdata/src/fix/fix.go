// Package fix checks the suggested fix when "os" is already imported.
package fix

import (
	"fmt"
	"os"
)

type client struct{ APIKey string }

var home = os.Getenv("HOME")

var apiKey = "f3a9c2e8b7d14a6e9c0b5d2f8a1e7c34" // want `hardcoded secret \(generic api key\)`

var c = client{APIKey: "sk_live_Gq8mW3zLp7Xv2Rk9Tn4Yb6Hd"} // want `hardcoded secret \(stripe-access-token\) "sk_l…"; .* os.Getenv\("API_KEY"\)`

var key = []byte("sk_live_Gq8mW3zLp7Xv2Rk9Tn4Yb6Hd") // want `hardcoded secret \(stripe-access-token\)`

func use() {
	fmt.Println("ghp_Tr7kW2qLm9Xp4RzN8vB3cD6fG1hJ5kL0mN9q") // want `hardcoded secret \(github-pat\) "ghp_…"; .* os.Getenv\("GITHUB_TOKEN"\)`
}

// No fix: a constant cannot hold a call, and a named string type does
// not take a string.
const stripeKey = "sk_live_Gq8mW3zLp7Xv2Rk9Tn4Yb6Hd" // want `hardcoded secret \(stripe-access-token\)`

type token string

var t token = "ghp_Tr7kW2qLm9Xp4RzN8vB3cD6fG1hJ5kL0mN9q" // want `hardcoded secret \(github-pat\)`

// No fix: os is shadowed here.
func shadowed(os int) string {
	return "ghp_Tr7kW2qLm9Xp4RzN8vB3cD6fG1hJ5kL0mN9q" // want `hardcoded secret \(github-pat\)`
}
