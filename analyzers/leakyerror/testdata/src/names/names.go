// Package names pins the word rules that tell a credential from a name
// that merely mentions one.
package names

import "log"

type Settings struct {
	// Credentials: flagged when logged.
	APIKey          string
	AccessToken     string
	ClientSecret    string
	PrivateKey      []byte
	DBPassword      string
	AuthToken       *string
	SecretAccessKey string
	apikey          string

	// Descriptions of credentials: never flagged.
	MaxTokens         string
	TokenCount        string
	PasswordMinLength string
	NextPageToken     string
	TokenURL          string
	TokenType         string
	PasswordFile      string
	S3SecretKeyfile   string
	SecretName        string
	APIKeyHeader      string
	HashedPassword    string
	Tokenizer         string
	PromptTokens      string

	// Not strings: never flagged.
	Token    Lexeme
	Secrets  int
	Password bool
}

type Lexeme struct{ Kind int }

func credentials(s *Settings) {
	log.Println(s.APIKey)          // want `API key from field Settings.APIKey`
	log.Println(s.AccessToken)     // want `token from field Settings.AccessToken`
	log.Println(s.ClientSecret)    // want `client secret from field Settings.ClientSecret`
	log.Println(s.PrivateKey)      // want `private key from field Settings.PrivateKey`
	log.Println(s.DBPassword)      // want `password from field Settings.DBPassword`
	log.Println(*s.AuthToken)      // want `token from field Settings.AuthToken`
	log.Println(s.SecretAccessKey) // want `secret from field Settings.SecretAccessKey`
	log.Println(s.apikey)          // want `API key from field Settings.apikey`
}

func descriptions(s *Settings) {
	log.Println(s.MaxTokens)
	log.Println(s.TokenCount)
	log.Println(s.PasswordMinLength)
	log.Println(s.NextPageToken)
	log.Println(s.TokenURL)
	log.Println(s.TokenType)
	log.Println(s.PasswordFile)
	log.Println(s.S3SecretKeyfile)
	log.Println(s.SecretName)
	log.Println(s.APIKeyHeader)
	log.Println(s.HashedPassword)
	log.Println(s.Tokenizer)
	log.Println(s.PromptTokens)
	log.Println(s.Token, s.Secrets, s.Password)
}
