package secureclient

import (
	"fmt"
	"net/url"
	"strings"
)

// Path joins segments into a request path, escaping each one with
// url.PathEscape so that a value such as a user-supplied ID cannot add
// path segments, a query or a fragment. Segments "." and ".." are kept
// as they are and then rejected by Do.
//
//	c.Do(ctx, http.MethodGet, secureclient.Path("users", id, "keys"), nil, &keys)
func Path(segments ...string) string {
	escaped := make([]string, len(segments))
	for i, s := range segments {
		escaped[i] = url.PathEscape(s)
	}
	// PathEscape keeps ':', which in a first segment would read as a
	// URL scheme.
	if len(escaped) > 0 {
		escaped[0] = strings.ReplaceAll(escaped[0], ":", "%3A")
	}
	return strings.Join(escaped, "/")
}

// resolvePath checks a request path and resolves it against base.
//
// The path must be relative to the base URL: no scheme, host or user
// info, no fragment, no empty, "." or ".." segment (also when written
// %2e%2e, since servers decode it), no backslash and no control
// character. A single leading slash is allowed and still means "below
// the base path". A query is kept. The error never quotes the path, which
// may hold data the caller did not mean to log.
func resolvePath(base *url.URL, p string) (*url.URL, error) {
	if p == "" {
		return nil, fmt.Errorf("%w: empty path", ErrInvalidPath)
	}
	if strings.ContainsAny(p, `\#`) || strings.ContainsFunc(p, isControl) {
		return nil, fmt.Errorf("%w: backslash, fragment or control character", ErrInvalidPath)
	}
	ref, err := url.Parse(p)
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrInvalidPath, err)
	}
	if ref.Scheme != "" || ref.Host != "" || ref.User != nil || ref.Opaque != "" ||
		strings.HasPrefix(p, "//") {
		return nil, fmt.Errorf("%w: path must be relative, without scheme or host", ErrInvalidPath)
	}

	// Check the decoded path: that is what a server routes on. One
	// trailing slash is allowed.
	rel := strings.TrimSuffix(strings.TrimPrefix(ref.Path, "/"), "/")
	if strings.ContainsFunc(rel, isControl) {
		return nil, fmt.Errorf("%w: escaped control character", ErrInvalidPath)
	}
	for _, seg := range strings.Split(rel, "/") {
		if seg == "" || seg == "." || seg == ".." {
			return nil, fmt.Errorf("%w: empty, \".\" or \"..\" segment", ErrInvalidPath)
		}
	}

	// JoinPath takes escaped segments, so the caller's escaping (such as
	// a %2F inside a segment) reaches the server unchanged.
	u := base.JoinPath(strings.TrimPrefix(ref.EscapedPath(), "/"))
	u.RawQuery = ref.RawQuery
	return u, nil
}

func isControl(r rune) bool { return r < 0x20 || r == 0x7f }
