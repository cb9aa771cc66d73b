package cleartext

import (
	"net"
	"net/netip"
	"strings"
)

// cleartextURL returns the scheme and authority of a URL prefix that
// names a remote host over a clear-text scheme (http or ws), without user
// information, path or query. It returns "" when the scheme is not clear
// text, the host is not fully known, or the host is this machine.
func cleartextURL(p prefix) string {
	lower := strings.ToLower(p.text)
	var scheme string
	for _, s := range []string{"http://", "ws://"} {
		if strings.HasPrefix(lower, s) {
			scheme = s
		}
	}
	if scheme == "" {
		return ""
	}
	rest := p.text[len(scheme):]
	end := strings.IndexAny(rest, "/?#")
	if end < 0 && !p.whole {
		return "" // the host may go on at run time: "http://api." + region
	}
	if end >= 0 {
		rest = rest[:end]
	}
	if at := strings.LastIndexByte(rest, '@'); at >= 0 {
		rest = rest[at+1:] // never print user information
	}
	host := rest
	if h, _, err := net.SplitHostPort(rest); err == nil {
		host = h
	}
	if !remoteHost(host) {
		return ""
	}
	return scheme + strings.ToLower(rest)
}

// remoteHost reports whether a URL host names another machine. Loopback
// and unspecified addresses, link-local addresses (where cloud metadata
// services answer, over HTTP only), the names of the local machine and
// the names reserved for examples and tests are not remote. Neither is a
// host that is not a plain name or address, such as a template.
func remoteHost(host string) bool {
	host = strings.TrimSuffix(strings.ToLower(strings.Trim(host, "[]")), ".")
	if host == "" {
		return false
	}
	if addr, err := netip.ParseAddr(host); err == nil {
		return !(addr.IsLoopback() || addr.IsUnspecified() || addr.IsLinkLocalUnicast() ||
			metadataAddrs[addr])
	}
	if !isHostname(host) {
		return false // "{host}", "%s", "$HOST"
	}
	switch host {
	case "localhost", "unix", "metadata", "metadata.google.internal", "host.docker.internal",
		"example.com", "example.net", "example.org":
		return false
	}
	// A ".sock" host is the placeholder of a client whose transport dials
	// a unix socket (http://local-tailscaled.sock/...).
	for _, suffix := range []string{".localhost", ".sock", ".example", ".test", ".invalid",
		".example.com", ".example.net", ".example.org"} {
		if strings.HasSuffix(host, suffix) {
			return false
		}
	}
	return true
}

// metadataAddrs are cloud metadata services outside the link-local
// ranges: the IPv6 address of AWS's and Alibaba Cloud's IPv4 one.
var metadataAddrs = map[netip.Addr]bool{
	netip.MustParseAddr("fd00:ec2::254"):   true,
	netip.MustParseAddr("100.100.100.200"): true,
}

// isHostname reports whether s is made of the characters of a DNS name.
func isHostname(s string) bool {
	for _, r := range s {
		switch {
		case 'a' <= r && r <= 'z', '0' <= r && r <= '9', r == '-', r == '.', r == '_':
		default:
			return false
		}
	}
	return true
}

// publicBind reports whether a listen address, such as ":8080" or
// "0.0.0.0:80", accepts connections from other machines. An address
// that is not host:port is not judged.
func publicBind(addr string) bool {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return false
	}
	host = strings.ToLower(host)
	if host == "" {
		return true // every interface
	}
	if ip, err := netip.ParseAddr(host); err == nil {
		return !ip.IsLoopback()
	}
	return host != "localhost" && !strings.HasSuffix(host, ".localhost") && isHostname(host)
}

// grpcHost returns the host:port a constant gRPC target dials, or "" when
// the target is local or not understood. Targets are "host:port" or
// carry a dns or passthrough scheme; unix sockets and other resolvers
// are not judged.
func grpcHost(target string) string {
	rest := target
	for _, scheme := range []string{"dns:", "passthrough:"} {
		if r, ok := strings.CutPrefix(rest, scheme); ok {
			rest = r
			if r, ok := strings.CutPrefix(rest, "//"); ok {
				_, rest, _ = strings.Cut(r, "/") // drop the resolver authority
			}
			break
		}
	}
	if strings.Contains(rest, "://") || strings.Contains(rest, "/") ||
		strings.HasPrefix(rest, "unix:") || strings.HasPrefix(rest, "unix-abstract:") {
		return ""
	}
	host := rest
	if h, _, err := net.SplitHostPort(rest); err == nil {
		host = h
	}
	if !remoteHost(host) {
		return ""
	}
	return rest
}

// hostOf returns the host of a scheme://host[:port] string.
func hostOf(u string) string {
	_, rest, _ := strings.Cut(u, "://")
	if h, _, err := net.SplitHostPort(rest); err == nil {
		return h
	}
	return rest
}
