package providers

// Each provider format in a struct literal field.
type settings struct {
	Name  string
	Value string
}

var structs = []settings{
	{Name: "aws", Value: "AKIA2R3C2OR5F7JLVUOX"},                                                                                                                                              // want `hardcoded secret \(aws\-access\-token\) "AKIA…"`
	{Name: "ghp", Value: "ghp_rreulm01XIOcIcxoILFtnsg4koxPISm7HF1h"},                                                                                                                          // want `hardcoded secret \(github\-pat\) "ghp_…"`
	{Name: "ghfg", Value: "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"},                                                                    // want `hardcoded secret \(github\-fine\-grained\-pat\) "gith…"`
	{Name: "glpat", Value: "glpat-HBI4k16QUlO6MfljD3on"},                                                                                                                                      // want `hardcoded secret \(gitlab\-pat\) "glpa…"`
	{Name: "slackbot", Value: "xoxb-06627996190-613265859055-TSXTvPDT1OCdd37SUA7Bibtv"},                                                                                                       // want `hardcoded secret \(slack\-bot\-token\) "xoxb…"`
	{Name: "slackhook", Value: "https://hooks.slack.com/services/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"},                                                                           // want `hardcoded secret \(slack\-webhook\-url\) "http…"`
	{Name: "stripe", Value: "sk_live_qJh2AFTeVIwLovW15yhmNxQD"},                                                                                                                               // want `hardcoded secret \(stripe\-access\-token\) "sk_l…"`
	{Name: "openai", Value: "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"},                           // want `hardcoded secret \(openai\-api\-key\) "sk-p…"`
	{Name: "anthropic", Value: "sk-ant-api03-w4O_CElAuNi2Wlvc-XIyYjabHI_u_iJyF-cig1VRGLeTTHz8hcCcAVHc-EAn5Jx0T8jWN_i3GPPtSyxnALmyTEWrKmG7UAA"},                                                // want `hardcoded secret \(anthropic\-api\-key\) "sk-a…"`
	{Name: "gcp", Value: "AIza3CHT4Y0bP1FTIb-R-WEpasItkJImwUIF36E"},                                                                                                                           // want `hardcoded secret \(gcp\-api\-key\) "AIza…"`
	{Name: "sendgrid", Value: "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"},                                                                                        // want `hardcoded secret \(sendgrid\-api\-token\) "SG\.g…"`
	{Name: "twilio", Value: "SK63dfc4726467378f7bd83495f104d731"},                                                                                                                             // want `hardcoded secret \(twilio\-api\-key\) "SK63…"`
	{Name: "npm", Value: "npm_fX8yVXOvHDJRbN6tNlXEY9YnCSMcgZIkFIoP"},                                                                                                                          // want `hardcoded secret \(npm\-access\-token\) "npm_…"`
	{Name: "pypi", Value: "pypi-AgEIcHlwaS5vcmcDaHBwH2OxQe9fLUb4-33blVw4Ukq3sU_nzpwIzyLmWyI26AynuTO-lvNY1Ja"},                                                                                 // want `hardcoded secret \(pypi\-upload\-token\) "pypi…"`
	{Name: "shopify", Value: "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"},                                                                                                                        // want `hardcoded secret \(shopify\-access\-token\) "shpa…"`
	{Name: "digitalocean", Value: "dop_v1_803b05e3f386d054cf667db1f11084ea896c1afad37cd9ed91ba6488324817b9"},                                                                                  // want `hardcoded secret \(digitalocean\-pat\) "dop_…"`
	{Name: "doppler", Value: "dp.pt.weIEoGsmb37TxHFgsYsuLxQC5r0FQSlrioWzimkjZQQ"},                                                                                                             // want `hardcoded secret \(doppler\-api\-token\) "dp\.p…"`
	{Name: "hf", Value: "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"},                                                                                                                              // want `hardcoded secret \(huggingface\-access\-token\) "hf_q…"`
	{Name: "postman", Value: "PMAK-8936a08b6c1348a2a7f2141c-7faf8dfb44579fb1c363c3ad7fedd03749"},                                                                                              // want `hardcoded secret \(postman\-api\-token\) "PMAK…"`
	{Name: "pulumi", Value: "pul-c6cd5d9757c70b84e001f9413b136991d837c475"},                                                                                                                   // want `hardcoded secret \(pulumi\-api\-token\) "pul-…"`
	{Name: "linear", Value: "lin_api_t8yM2ZVawyu2ukQCva7WOpXcudFgYoRWfSDFu7j5"},                                                                                                               // want `hardcoded secret \(linear\-api\-key\) "lin_…"`
	{Name: "grafana", Value: "glsa_30thly5kIxqmN6O9YpTS43L191iKY6CB_ec9eb05b"},                                                                                                                // want `hardcoded secret \(grafana\-service\-account\-token\) "glsa…"`
	{Name: "square", Value: "EAAAzWHiCupTd6FNkqMLlvre1H2Jf7xbfX7-Tz1ToQDiorFKzCaD5Hi84fxh4VGZ"},                                                                                               // want `hardcoded secret \(square\-access\-token\) "EAAA…"`
	{Name: "age", Value: "AGE-SECRET-KEY-13J9FJAWQTSQ55FHGN9USRQ3SE4G4HD2Q9T5WWWTTGU2MM0FS0QKXQ63ZEE"},                                                                                        // want `hardcoded secret \(age\-secret\-key\) "AGE-…"`
	{Name: "databricks", Value: "dapif940ec780b172c2514c0608faf00e248"},                                                                                                                       // want `hardcoded secret \(databricks\-api\-token\) "dapi…"`
	{Name: "heroku", Value: "HRKU-AA7CZ2bg8ZPRRr2ni-iChbFWYdzuxJ7Dz4EGljPg8NVWh3_aerKW6nsS6g9k"},                                                                                              // want `hardcoded secret \(heroku\-api\-key\-v2\) "HRKU…"`
	{Name: "jwt", Value: "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiAic3ZjLU42MEQ4UmdLIiwgImlhdCI6IDE3MTcxNzE3MTcsICJzY29wZSI6ICJhZG1pbiJ9.qltR41KC7XEZ2O1bPf0joxyYJ5Q8Wjq__1Fm1pwz2gB"}, // want `hardcoded secret \(jwt\) "eyJh…"`
	{Name: "pem", Value: "-----BEGIN RSA PRIVATE KEY-----\noc8Cf3+O4RjCFXpUQyMe7RLs6i18sh2hFdfZNyX7mX2gpgztCWc/k6+vr8OmhUTZ\n7QKrFW/L/u1eJgClnptrUncLQnT/OmOc2y9bA68eab9LvQmZNYueibWNupEVTZCh\nc30WB5Nj++gHGvKjWfacba/R2rRlO64pVV0XPm0kDAWoA0TXHitHmg3opcWL4rDC\nyPAqHm2JyImViRi7qbjvEuAYy0+Lsj5haUhBm1qomci231HBAvTzf6x+H+PTDuSf\np5WxEGqF5NfUgMtP+YISIrmog8y+6PXQrG5MnZQTlKs1i6ebpBCndwAdAOVTJ837\nL03scTL5XyI5CuyXN/M0faZa4M7jIkDf3XpZ9JLbhpJtnwa/X+mSowwrPH1OeN4V\nLgmqVcVH9wDy0zwb\n-----END RSA PRIVATE KEY-----\n"}, // want `hardcoded secret \(private\-key\) "----…"`
}
