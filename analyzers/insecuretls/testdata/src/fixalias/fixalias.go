package fixalias

import ctls "crypto/tls"

func renamed() *ctls.Config {
	return &ctls.Config{MinVersion: ctls.VersionTLS10} // want `MinVersion tls.VersionTLS10`
}
