package negatives

// Placeholders stand in for a secret in samples and configs.
var (
	password      = "changeme"
	apiKey        = "<your-key>"
	secretKey     = "xxxx-xxxx-xxxx-xxxx"
	token         = "${TOKEN}"
	clientSecret  = "REPLACE_ME"
	githubToken   = "ghp_XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX"
	stripeKey     = "sk_live_xxxxxxxxxxxxxxxxxxxxxxxx"
	slackToken    = "xoxb-your-bot-token-here"
	authToken     = "{{ .Values.authToken }}"
	bearerToken   = "Bearer $TOKEN"
	adminPassword = "********"
	openaiAPIKey  = "your_openai_api_key"
	signingSecret = "insert-signing-secret"
)
