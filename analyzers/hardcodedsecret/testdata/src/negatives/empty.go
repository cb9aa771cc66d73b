package negatives

// Empty and blank values hold nothing.
var (
	emptyPassword = ""
	blankToken    = "   "
	creds         = map[string]string{"password": "", "token": ""}
)
