package a

import "golang.org/x/crypto/bcrypt"

type user struct{ hash []byte }

// A dropped password comparison lets every password in.
func login(u *user, password string) bool {
	bcrypt.CompareHashAndPassword(u.hash, []byte(password))     // want `error from bcrypt.CompareHashAndPassword is dropped`
	_ = bcrypt.CompareHashAndPassword(u.hash, []byte(password)) // want `error from bcrypt.CompareHashAndPassword is assigned to _`
	return true
}

func checkedLogin(u *user, password string) bool {
	return bcrypt.CompareHashAndPassword(u.hash, []byte(password)) == nil
}
