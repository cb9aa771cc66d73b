package providers

// Each provider format pasted into a comment.
func comments() {
	// old value: AKIA2R3C2OR5F7JLVUOX // want `secret \(aws\-access\-token\) "AKIA…" in a comment`
	// old value: ghp_rreulm01XIOcIcxoILFtnsg4koxPISm7HF1h // want `secret \(github\-pat\) "ghp_…" in a comment`
	// old value: 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 // want `secret \(github\-fine\-grained\-pat\) "gith…" in a comment`
	// old value: glpat-HBI4k16QUlO6MfljD3on // want `secret \(gitlab\-pat\) "glpa…" in a comment`
	// old value: xoxb-06627996190-613265859055-TSXTvPDT1OCdd37SUA7Bibtv // want `secret \(slack\-bot\-token\) "xoxb…" in a comment`
	// old value: https://hooks.slack.com/services/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 // want `secret \(slack\-webhook\-url\) "http…" in a comment`
	// old value: sk_live_qJh2AFTeVIwLovW15yhmNxQD // want `secret \(stripe\-access\-token\) "sk_l…" in a comment`
	// old value: 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 // want `secret \(openai\-api\-key\) "sk-p…" in a comment`
	// old value: sk-ant-api03-w4O_CElAuNi2Wlvc-XIyYjabHI_u_iJyF-cig1VRGLeTTHz8hcCcAVHc-EAn5Jx0T8jWN_i3GPPtSyxnALmyTEWrKmG7UAA // want `secret \(anthropic\-api\-key\) "sk-a…" in a comment`
	// old value: AIza3CHT4Y0bP1FTIb-R-WEpasItkJImwUIF36E // want `secret \(gcp\-api\-key\) "AIza…" in a comment`
	// old value: 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 // want `secret \(sendgrid\-api\-token\) "SG\.g…" in a comment`
	// old value: SK63dfc4726467378f7bd83495f104d731 // want `secret \(twilio\-api\-key\) "SK63…" in a comment`
	// old value: npm_fX8yVXOvHDJRbN6tNlXEY9YnCSMcgZIkFIoP // want `secret \(npm\-access\-token\) "npm_…" in a comment`
	// old value: pypi-AgEIcHlwaS5vcmcDaHBwH2OxQe9fLUb4-33blVw4Ukq3sU_nzpwIzyLmWyI26AynuTO-lvNY1Ja // want `secret \(pypi\-upload\-token\) "pypi…" in a comment`
	// old value: 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 // want `secret \(shopify\-access\-token\) "shpa…" in a comment`
	// old value: dop_v1_803b05e3f386d054cf667db1f11084ea896c1afad37cd9ed91ba6488324817b9 // want `secret \(digitalocean\-pat\) "dop_…" in a comment`
	// old value: dp.pt.weIEoGsmb37TxHFgsYsuLxQC5r0FQSlrioWzimkjZQQ // want `secret \(doppler\-api\-token\) "dp\.p…" in a comment`
	// old value: 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 // want `secret \(huggingface\-access\-token\) "hf_q…" in a comment`
	// old value: PMAK-8936a08b6c1348a2a7f2141c-7faf8dfb44579fb1c363c3ad7fedd03749 // want `secret \(postman\-api\-token\) "PMAK…" in a comment`
	// old value: pul-c6cd5d9757c70b84e001f9413b136991d837c475 // want `secret \(pulumi\-api\-token\) "pul-…" in a comment`
	// old value: lin_api_t8yM2ZVawyu2ukQCva7WOpXcudFgYoRWfSDFu7j5 // want `secret \(linear\-api\-key\) "lin_…" in a comment`
	// old value: glsa_30thly5kIxqmN6O9YpTS43L191iKY6CB_ec9eb05b // want `secret \(grafana\-service\-account\-token\) "glsa…" in a comment`
	// old value: EAAAzWHiCupTd6FNkqMLlvre1H2Jf7xbfX7-Tz1ToQDiorFKzCaD5Hi84fxh4VGZ // want `secret \(square\-access\-token\) "EAAA…" in a comment`
	// old value: AGE-SECRET-KEY-13J9FJAWQTSQ55FHGN9USRQ3SE4G4HD2Q9T5WWWTTGU2MM0FS0QKXQ63ZEE // want `secret \(age\-secret\-key\) "AGE-…" in a comment`
	// old value: dapif940ec780b172c2514c0608faf00e248 // want `secret \(databricks\-api\-token\) "dapi…" in a comment`
	// old value: HRKU-AA7CZ2bg8ZPRRr2ni-iChbFWYdzuxJ7Dz4EGljPg8NVWh3_aerKW6nsS6g9k // want `secret \(heroku\-api\-key\-v2\) "HRKU…" in a comment`
	// old value: eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiAic3ZjLU42MEQ4UmdLIiwgImlhdCI6IDE3MTcxNzE3MTcsICJzY29wZSI6ICJhZG1pbiJ9.qltR41KC7XEZ2O1bPf0joxyYJ5Q8Wjq__1Fm1pwz2gB // want `secret \(jwt\) "eyJh…" in a comment`
	// the key we used before:
	// -----BEGIN RSA PRIVATE KEY----- // want `secret \(private\-key\) "----…" in a comment`
	// oc8Cf3+O4RjCFXpUQyMe7RLs6i18sh2hFdfZNyX7mX2gpgztCWc/k6+vr8OmhUTZ
	// 7QKrFW/L/u1eJgClnptrUncLQnT/OmOc2y9bA68eab9LvQmZNYueibWNupEVTZCh
	// c30WB5Nj++gHGvKjWfacba/R2rRlO64pVV0XPm0kDAWoA0TXHitHmg3opcWL4rDC
	// yPAqHm2JyImViRi7qbjvEuAYy0+Lsj5haUhBm1qomci231HBAvTzf6x+H+PTDuSf
	// p5WxEGqF5NfUgMtP+YISIrmog8y+6PXQrG5MnZQTlKs1i6ebpBCndwAdAOVTJ837
	// L03scTL5XyI5CuyXN/M0faZa4M7jIkDf3XpZ9JLbhpJtnwa/X+mSowwrPH1OeN4V
	// LgmqVcVH9wDy0zwb
	// -----END RSA PRIVATE KEY-----
}
