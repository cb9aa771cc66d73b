package a

import (
	"fmt"
	"net/http"
	"net/url"
)

type Client struct {
	BaseURL string
	APIKey  string
	Token   string
}

func (c *Client) query(req *http.Request) {
	q := req.URL.Query()
	q.Set("api_key", c.APIKey) // want `credential placed in the URL query as "api_key"`
	req.URL.RawQuery = q.Encode()
}

func (c *Client) values(path string) string {
	v := url.Values{}
	v.Add("access_token", c.Token) // want `credential placed in the URL query as "access_token"`
	v.Add("page", "2")
	return c.BaseURL + path + "?" + v.Encode()
}

func (c *Client) literal(u *url.URL) {
	u.RawQuery = url.Values{
		"token": {c.Token}, // want `credential placed in the URL query as "token"`
		"q":     {"search"},
	}.Encode()
}

func (c *Client) bareKey(u *url.URL, apiKey string) {
	q := u.Query()
	q.Set("key", apiKey) // want `credential placed in the URL query as "key"`
	u.RawQuery = q.Encode()
}

func (c *Client) concat(id string) (*http.Response, error) {
	return http.Get(c.BaseURL + "/items/" + id + "?apikey=" + c.APIKey) // want `credential placed in the URL query as "apikey"`
}

func (c *Client) second(user, password string) string {
	return "https://legacy.example.com/login?user=" + user + "&password=" + password // want `credential placed in the URL query as "password"`
}

func (c *Client) sprintf(id string) string {
	return fmt.Sprintf("%s/v1/items/%s?access_token=%s", c.BaseURL, id, c.Token) // want `credential placed in the URL query as "access_token"`
}

func (c *Client) sprintfAmp(baseURL string) string {
	return fmt.Sprintf("%s&client_secret=%s", baseURL, c.Token) // want `credential placed in the URL query as "client_secret"`
}

func (c *Client) sprintfQuery(path string) string {
	q := url.Values{}
	q.Set("id_token", c.Token) // want `credential placed in the URL query as "id_token"`
	return fmt.Sprintf("%s%s?%s", c.BaseURL, path, q.Encode())
}

// A key written as a constant still travels in the URL; only markers
// such as "REDACTED" are no credential.
func constantKey(u *url.URL) {
	q := u.Query()
	q.Set("api_key", "k7Hq29xLmPz") // want `credential placed in the URL query as "api_key"`
	u.RawQuery = q.Encode()
}

// Google-style API keys: a bare "key" whose value is named a credential.
func (c *Client) bareKeyInText(apiKey string) []string {
	return []string{
		"https://maps.googleapis.com/maps/api/geocode/json?address=x&key=" + apiKey,                 // want `credential placed in the URL query as "key"`
		fmt.Sprintf("https://maps.googleapis.com/maps/api/geocode/json?key=%s", apiKey),             // want `credential placed in the URL query as "key"`
		fmt.Sprintf("https://maps.googleapis.com/maps/api/geocode/json?q=%s&key=%s", "x", c.APIKey), // want `credential placed in the URL query as "key"`
	}
}
