package fix

func noImports(token, given string) bool {
	return given == token // want `secret token compared with ==`
}
