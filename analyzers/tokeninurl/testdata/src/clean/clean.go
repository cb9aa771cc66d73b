package clean

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"
)

type Client struct {
	BaseURL string
	Token   string
	Secret  string
}

// Public query parameters.
func (c *Client) search(u *url.URL, term string, page int) {
	q := u.Query()
	q.Set("q", term)
	q.Set("page", fmt.Sprint(page))
	q.Set("sort", "asc")
	u.RawQuery = q.Encode()
}

// A pagination cursor is not a credential.
func (c *Client) next(u *url.URL, nextPageToken string) {
	q := u.Query()
	q.Set("next_page_token", nextPageToken)
	q.Set("pageToken", nextPageToken)
	u.RawQuery = q.Encode()
}

// OAuth token requests must send secrets in the form body.
func (c *Client) exchange(code string) (*http.Response, error) {
	form := url.Values{}
	form.Set("grant_type", "authorization_code")
	form.Set("code", code)
	form.Set("client_secret", c.Secret)
	form.Set("password", c.Secret)
	return http.Post(c.BaseURL+"/token", "application/x-www-form-urlencoded",
		strings.NewReader(form.Encode()))
}

// PostForm sends the values in the body too.
func (c *Client) postForm() (*http.Response, error) {
	return http.PostForm(c.BaseURL+"/login", url.Values{"password": {c.Secret}})
}

// The token goes in a header.
func (c *Client) header(req *http.Request) {
	req.Header.Set("Authorization", "Bearer "+c.Token)
}

// The OAuth redirect carries code and state by protocol.
func (c *Client) redirect(w http.ResponseWriter, r *http.Request, redirectURI, code, state string) {
	http.Redirect(w, r, redirectURI+"?code="+url.QueryEscape(code)+"&state="+state, http.StatusFound)
}

// A bare "key" with a value that is not a credential: an object key.
func (c *Client) objectKey(u *url.URL, objectName string) {
	q := u.Query()
	q.Set("key", objectName)
	u.RawQuery = q.Encode()
}

// Links that must carry their token: password reset and e-mail
// verification.
func (c *Client) resetLink(resetToken string) string {
	return c.BaseURL + "/reset-password?token=" + resetToken
}

func (c *Client) verifyLink(t string) string {
	return fmt.Sprintf("%s/verify-email?token=%s", c.BaseURL, t)
}

// Browsers cannot set headers on a WebSocket.
func (c *Client) websocket(host string) string {
	return "wss://" + host + "/stream?token=" + c.Token
}

// Presigned URLs carry their signature by design.
func (c *Client) presigned(u *url.URL, sig, cred string) {
	q := u.Query()
	q.Set("X-Amz-Signature", sig)
	q.Set("X-Amz-Credential", cred)
	q.Set("signature", sig)
	u.RawQuery = q.Encode()
}

// A fixed, public value in the URL text.
func (c *Client) fixed(id string) string {
	return c.BaseURL + "/items?token_type=bearer&id=" + id
}

// The token type and the token count are not tokens.
func (c *Client) counts(u *url.URL, n string) {
	q := u.Query()
	q.Set("token_type", "bearer")
	q.Set("max_tokens", n)
	u.RawQuery = q.Encode()
}

// A URL sanitized before it is shown: the secret is overwritten with a
// marker, and the marker is no credential.
func sanitize(u *url.URL) *url.URL {
	q := u.Query()
	if q.Get("client_secret") != "" {
		q.Set("client_secret", "REDACTED")
		q.Set("access_token", "***")
		q.Set("token", "")
		u.RawQuery = q.Encode()
	}
	return u
}

// The same shapes with an object key or a page number.
func (c *Client) bareObjectKey(objectName string, page int) []string {
	return []string{
		c.BaseURL + "/objects?key=" + objectName,
		fmt.Sprintf("%s/objects?key=%s&page=%d", c.BaseURL, objectName, page),
		fmt.Sprintf("%s/objects?p=100%%&key=%s", c.BaseURL, objectName),
	}
}
