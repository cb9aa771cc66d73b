// Package customrules is scanned with testdata/extra.toml.
package customrules

var (
	deploy = "acme_dpl_q8w2e9r4t7y1u5i3o6p0a2s8"        // want `hardcoded secret \(acme-deploy-token\) "acme…"; .* os.Getenv\("ACME_DEPLOY_TOKEN"\)`
	github = "ghp_Tr7kW2qLm9Xp4RzN8vB3cD6fG1hJ5kL0mN9q" // disabled by the config
	demo   = "sk_live_AcmeDemoKey0000Public1"           // allowed by the config
	stripe = "sk_live_Gq8mW3zLp7Xv2Rk9Tn4Yb6Hd"         // want `hardcoded secret \(stripe-access-token\)`
)
