// Package flags is scanned with -allow '^sk_live_Gq8', -entropy 4.5 and
// -comments=false.
package flags

var (
	stripe   = "sk_live_Gq8mW3zLp7Xv2Rk9Tn4Yb6Hd"         // allowed
	github   = "ghp_Tr7kW2qLm9Xp4RzN8vB3cD6fG1hJ5kL0mN9q" // want `hardcoded secret \(github-pat\)`
	password = "Vq7!rT2mK9pLw4zX"                         // entropy 4.0, under 4.5
	apiKey   = "Xk9#mQ2$vL7@pZ4!wR8%nT3^bY6&"             // want `hardcoded secret \(generic api key\)`
)

// a key in a comment, not scanned: ghp_Tr7kW2qLm9Xp4RzN8vB3cD6fG1hJ5kL0mN9q
