package negatives

import "os"

// Environment variable names are where secrets should come from.
func envNames() {
	_ = os.Getenv("API_KEY")
	_, _ = os.LookupEnv("GITHUB_TOKEN")
	apiKey := os.Getenv("OPENAI_API_KEY")
	_ = apiKey
	os.Unsetenv("AWS_SECRET_ACCESS_KEY")
}

const (
	tokenEnv   = "SLACK_BOT_TOKEN"
	dbPassword = "DB_PASSWORD"
)
