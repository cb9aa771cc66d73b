package gincontrib

import "github.com/gin-contrib/sessions"

func configure(store sessions.Store) {
	store.Options(sessions.Options{Path: "/", MaxAge: 3600}) // want `sessions.Options leave the session cookie without Secure and HttpOnly`
}

func configureClean(store sessions.Store) {
	store.Options(sessions.Options{Path: "/", Secure: true, HttpOnly: true})
	store.Options(sessions.Options{MaxAge: -1})
}
