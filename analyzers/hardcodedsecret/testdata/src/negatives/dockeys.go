package negatives

// Keys printed in providers' documentation were never secret.
var (
	awsAccessKeyID     = "AKIAIOSFODNN7EXAMPLE"
	awsSecretAccessKey = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"
	stripeDocsKey      = "sk_test_4eC39HqLyjWDarjtT1zdp7dc"
	githubDocsToken    = "ghp_16C7e42F292c6912E7710c838347Ae178B4a"
	jwtIOSample        = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c"
)
