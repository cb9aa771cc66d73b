// Package names holds values no provider rule knows, bound to
// credential names (reported) and to names that only look like them (not
// reported).
package names

import (
	"cmp"
	"os"
)

type database struct {
	Host     string
	Password string
}

func login(user, password string) bool { return user != password }

func header(key, value string) {}

func setAPIKey(v string) {}

var (
	dbPassword   = "Vq7!rT2mK9pLw4zX"                 // want `hardcoded secret \(generic password\) "Vq7!…"; load it from the environment, e.g. os.Getenv\("DB_PASSWORD"\)`
	apiKey       = "f3a9c2e8b7d14a6e9c0b5d2f8a1e7c34" // want `hardcoded secret \(generic api key\) "f3a9…"; .* os.Getenv\("API_KEY"\)`
	clientSecret = "Zk29_dkeL2k3jd9QpX7"              // want `hardcoded secret \(generic secret\) "Zk29…"; .* os.Getenv\("CLIENT_SECRET"\)`
	authToken    = "tkn.8Hf3kL9qPz2Wm5Xr"             // want `\(generic token\) "tkn\.…"; .* os.Getenv\("AUTH_TOKEN"\)`
	svcCreds     = "svc:Yp4!nB8qL2wZ"                 // want `\(generic credential\) "svc:…"`
	signingKey   = []byte("s1gn!ng-K3y-9f8e7d6c")     // want `\(generic signing key\) "s1gn…"; .* os.Getenv\("SIGNING_KEY"\)`
	tokenValue   = "Qm9vdDpYN2tMOXBaMnc="             // want `\(generic token\) "Qm9v…"; .* os.Getenv\("TOKEN_VALUE"\)`
	// A UUID or a hash bound to a credential name is a key (Heroku keys
	// are UUIDs).
	herokuAPIKey = "3f2a8c1e-9b7d-4e6a-8c0b-5d2f8a1e7c34" // want `\(generic api key\) "3f2a…"; .* os.Getenv\("HEROKU_API_KEY"\)`
)

var db = database{Host: "db.internal", Password: "Rk8$wQ2nZ5xL"} // want `\(generic password\) "Rk8…"; .* os.Getenv\("PASSWORD"\)`

var settings = map[string]string{
	"host":    "api.internal",
	"api_key": "9d8f7a6b5c4e3d2f1a0b", // want `\(generic api key\) "9d8f…"; .* os.Getenv\("API_KEY"\)`
}

func calls(password string) {
	login("admin", "Ls9#pQ4vX1mZ")                     // want `\(generic password\) "Ls9…"; .* os.Getenv\("PASSWORD"\)`
	os.Setenv("GITHUB_TOKEN", "Tg5^hJ8kL3pQ9wE")       // want `\(generic token\) "Tg5…"; .* os.Getenv\("GITHUB_TOKEN"\)`
	header("Authorization", "Bearer a8F3kQ9zL2mX7pW4") // want `\(generic token\) "Bear…"; .* os.Getenv\("AUTHORIZATION"\)`
	setAPIKey("k3Y_8dF2pL9qZx7W")                      // want `\(generic api key\) "k3Y_…"; .* os.Getenv\("API_KEY"\)`

	var token string
	if token == "" {
		token = "bZ7q2LmX9pR4vK8s" // want `\(generic token\) "bZ7q…"; .* os.Getenv\("TOKEN"\)`
	}
	if password == "hunter2Hunter#22" { // want `\(generic password\) "hunt…"; .* os.Getenv\("PASSWORD"\)`
		return
	}
	_ = cmp.Or(os.Getenv("SERVICE_PASSWORD"), "Nm4%kL8qZ2xP") // want `\(generic password\) "Nm4…"; .* os.Getenv\("SERVICE_PASSWORD"\)`
}

func apiToken() string {
	return "qW8eR5tY2uI9oP3a" // want `\(generic token\) "qW8e…"; .* os.Getenv\("API_TOKEN"\)`
}

// Names are matched by words, and only their last word counts: none of
// these is a credential name, whatever the value looks like.
var (
	maxTokens         = "k8Qz2Lm9Xp4R"
	passwordMinLength = "aB3$dE5^gH7&"
	passthrough       = "Vq7!rT2mK9pLw4zX"
	secretaryName     = "J0hn.Sm1th#42"
	tokenURL          = "https://auth.internal/oauth2/v1/token"
	secretName        = "prod-db-creds-v2"
	keyID             = "k-8f7e6d5c4b3a2910"
	monkey            = "Zk29_dkeL2k3jd9QpX7"
	tokens            = []string{"k8Qz2Lm9Xp4R", "T7wQ2mZ9"}
)

// The name alone never makes a finding.
var (
	password2    = "hunter2"        // too short
	apiKeyPrompt = "enter your key" // prose
	userPassword = "passwordpassword"
	adminToken   = "12345678901234" // digits only
	tokenSecret  = "Password1"      // not random enough
)

func hasToken(header, token string) bool { return header == token }

func setToken(token string) {}

// A parameter named token in a function that looks for a word in a
// header list: the words and numbers passed to it are protocol words.
// The same value given a credential name by the caller, or a value
// that mixes letters and digits, is still judged.
func protocolWords(h string) {
	_ = hasToken(h, "100-continue")
	_ = hasToken(h, "tls-alpn-01")
	setToken("Xq7-2bK9-mZ4p")       // want `\(generic token\) "Xq7…"`
	var token = "100-continue-2024" // want `\(generic token\) "100-…"`
	_ = token
}

func renames(pairs ...string) {}

// A list of values names nothing: the value before another is no key.
func pairList() {
	renames("syntax.LitKind->token.Token", "syntax.IntLit->token.INT")
	renames(`"cmd/internal/syntax"->"go/token"`, "syntax.Pos->token.Pos")
	header("X-Auth-Token", "Zq8v-Lm3pX9kW2") // want `\(generic token\) "Zq8…"`
}

// A credential's header or field name, bound to a credential name, is a
// name: it ends in the credential's word.
const (
	headerSessionToken = "x-amz-s3session-token"
	fieldClientSecret  = "oauth2_client_secret"
	sessionToken       = "s3session-Kq8vT2mX9z" // want `\(generic token\) "s3se…"`
)

// Short and qualified forms of credential names, and names numbered to
// tell them apart.
var (
	hmacKey     = "Zk3vP9qLm2Xw7RtY"                  // want `\(generic secret key\) "Zk3v…"`
	jwtSigKey   = "Yk3vP9qLm2Xw7RtZ"                  // want `\(generic signing key\) "Yk3v…"`
	privKey     = "Xk3vP9qLm2Xw7RtA"                  // want `\(generic private key\) "Xk3v…"`
	sessionKey  = "Wk3vP9qLm2Xw7RtB"                  // want `\(generic secret key\) "Wk3v…"`
	dbCred      = "Vk9mQ2vL7pR4tZw1"                  // want `\(generic credential\) "Vk9m…"`
	userPw      = "Uk9mQ2vL7pR4tZw1"                  // want `\(generic password\) "Uk9m…"`
	token2      = "2lkjdfoiuwer092834kjdwf09"         // want `\(generic token\) "2lkj…"`
	password_1  = "Tk9mQ2vL7pR4tZw1"                  // want `\(generic password\) "Tk9m…"`
	bearerToken = "Bearer: 2lkjdfoiuwer092834kjdwf09" // want `\(generic token\) "Bear…"`
	// Not credential names, numbered or not.
	maxTokens2  = "Sk9mQ2vL7pR4tZw1"
	sessionKind = "Rk9mQ2vL7pR4tZw1"
	hmacKeyLen  = "Qk9mQ2vL7pR4tZw1"
	sha256Sum   = "Pk9mQ2vL7pR4tZw1"
)
