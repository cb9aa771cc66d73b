// Package parts declares halves of keys that providers completes.
package parts

const (
	PrefixGhp          = "ghp_"
	PrefixGlpat        = "glpa"
	PrefixSlackhook    = "http"
	PrefixOpenai       = "sk-p"
	PrefixGcp          = "AIza"
	PrefixTwilio       = "SK63"
	PrefixPypi         = "pypi"
	PrefixDigitalocean = "dop_"
	PrefixHf           = "hf_q"
	PrefixPulumi       = "pul-"
	PrefixGrafana      = "glsa"
	PrefixAge          = "AGE-"
	PrefixHeroku       = "HRKU"
	PrefixPem          = "----"
)
