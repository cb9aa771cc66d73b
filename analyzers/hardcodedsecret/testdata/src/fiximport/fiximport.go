// Package fiximport checks that the fix imports "os" into a file
// without imports.
package fiximport

var slackToken = "xoxb-06627996190-613265859055-TSXTvPDT1OCdd37SUA7Bibtv" // want `hardcoded secret \(slack-bot-token\) "xoxb…"; .* os.Getenv\("SLACK_TOKEN"\)`

var dsn = "postgres://app:0JjxlNhO3s7aIj@db.acme.io:5432/orders" // want `hardcoded secret \(password in URL\)`
