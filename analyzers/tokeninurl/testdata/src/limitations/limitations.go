package limitations

import "net/url"

// A base whose "?" is out of sight and whose name does not say it is a
// URL.
func base(target, token string) string {
	return target + "&token=" + token // limitation: base URL not named as a URL
}

func build(token string) url.Values {
	v := url.Values{}
	v.Set("token", token) // limitation: values encoded into a URL in another function
	return v
}

func use(u *url.URL, token string) {
	u.RawQuery = build(token).Encode()
}
