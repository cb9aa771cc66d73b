package credname

import "testing"

func TestIsSecret(t *testing.T) {
	for name, want := range map[string]bool{
		"token": true, "apiToken": true, "APIKey": true, "api_key": true,
		"X-Api-Key": true, "Authorization": true, "csrfToken": true,
		"passwordHash": true, "hashedPassword": true, "expectedMAC": true,
		"HMACSignature": true, "X-Hub-Signature-256": true, "sessionID": true,
		"clientSecret": true, "privateKeyPEM": true,

		"tokenCount": false, "maxTokens": false, "tokenType": false,
		"key": false, "keyID": false, "tokenEndpoint": false, "id": false,
		"passwordField": false, "tokens": false, "userID": false,
		"Content-Type": false, "next_page_token": false, "pageToken": false, "nextToken": false, "contentHash": false,
	} {
		if got := IsSecret(name); got != want {
			t.Errorf("IsSecret(%q) = %v, want %v", name, got, want)
		}
	}
}

func TestIsSecretFileVar(t *testing.T) {
	for name, want := range map[string]bool{
		"keyFile": true, "tokenPath": true, "credentialsFile": true,
		"privateKeyPath": true, "KeyFile": true,
		"certFile": false, "configPath": false, "apiKey": false, "file": false,
	} {
		if got := IsSecretFileVar(name); got != want {
			t.Errorf("IsSecretFileVar(%q) = %v, want %v", name, got, want)
		}
	}
}

func TestIsSecretPath(t *testing.T) {
	for p, want := range map[string]bool{
		"/home/u/.ssh/id_rsa": true, "server.key": true, "tls/key.pem": true,
		"credentials.json": true, ".env": true, ".env.local": true, "token": true,
		"/var/lib/app/token.json": true, "client_secret.json": true, "tokens.json": true,
		"id_rsa.pub": false, "cert.pem": false, "ca-bundle.pem": false,
		"config.json": false, "out.txt": false, "index.html": false, "keys": false,
	} {
		if got := IsSecretPath(p); got != want {
			t.Errorf("IsSecretPath(%q) = %v, want %v", p, got, want)
		}
	}
}
