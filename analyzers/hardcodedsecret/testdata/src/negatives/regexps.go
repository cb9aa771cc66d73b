package negatives

import "regexp"

// Regular expressions that detect secrets are not secrets.
var (
	githubPAT  = regexp.MustCompile(`ghp_[0-9a-zA-Z]{36}`)
	awsKeyID   = regexp.MustCompile(`\b((?:AKIA|ASIA)[A-Z2-7]{16})\b`)
	slackBot   = regexp.MustCompile("xoxb-[0-9]{10,13}-[0-9]{10,13}[a-zA-Z0-9-]*")
	passwordRE = regexp.MustCompile(`(?i)password\s*[:=]\s*\S{8,}`)
	stripe     = regexp.MustCompile(`sk_live_[0-9a-zA-Z]{24}`)
)

// A pattern kept in a constant before compiling.
const jwtPattern = `ey[a-zA-Z0-9]{17,}\.ey[a-zA-Z0-9/\\_-]{17,}\.[a-zA-Z0-9/\\_-]{10,}`
