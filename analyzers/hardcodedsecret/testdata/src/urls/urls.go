// Package urls holds URLs with and without a password in their user info.
package urls

import "fmt"

func open(dsn string) {}

var (
	hook     = "https://deploy:EHT2se-lugrctY@ci.acme.io/hook"            // want `hardcoded secret \(password in URL\) "EHT…"; .* os.Getenv\("SERVICE_URL"\)`
	database = "postgres://app:0JjxlNhO3s7aIj@db.acme.io:5432/orders"     // want `\(password in URL\) "0Jj…"; .* os.Getenv\("DATABASE_URL"\)`
	cache    = "redis://:Wm3kZ8qLp2Xv@cache.acme.io:6379/0"               // want `\(password in URL\) "Wm3…"`
	mongoURL = "mongodb://reporting:Pq8zN3vL2wXk@mongo-1.acme.io/metrics" // want `\(password in URL\) "Pq8…"; .* os.Getenv\("MONGO_URL"\)`
)

func calls(host string) {
	open("mysql://svc:Kx9vB2mQ7tLz@tcp(db.acme.io:3306)/shop") // want `\(password in URL\) "Kx9…"`
	// Not reported: a format verb, a variable, a mask, a local default.
	open(fmt.Sprintf("postgres://app:%s@%s/orders", "", host))
	open("postgres://app:${DB_PASSWORD}@db/orders")
	open("postgres://app:****@db/orders")
	open("postgres://postgres:postgres@localhost:5432/postgres")
	open("postgres://user:password@localhost/db")
	open("https://user@host.acme.io/path")
	open("https://host.acme.io:8443/path")
}

// old connection string: amqp://orders:Hq5wL9zX2mPk@mq.acme.io:5672/ // want `secret \(password in URL\) "Hq5…" in a comment`

// Syntax and illustrations in comments are not reported:
//
//	postgres://[user[:pwd]@][host][:port][/dbname]
//	postgres://u:sec:ret@h is parsed with "sec:ret@h" as the port

// Characters that no URL's user info holds unescaped.
var invalid = []string{
	"http://user^:passwo^rd@foo.com/",
	"http://user:pa{ss}word9@foo.com/",
}
