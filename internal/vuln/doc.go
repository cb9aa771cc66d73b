// Package vuln implements `seclint vuln`, which reports known
// vulnerabilities in a module's dependencies and lets a team suppress
// the advisories it has assessed, with a reason and an expiry date.
//
// # Command vuln
//
// vuln: check dependencies against the Go vulnerability database
//
// Usage:
//
//	seclint vuln [-C dir] [-db url] [-scan level] [-format text|json|sarif]
//	             [-config file] [-tags list] [-test] [packages]
//
// The scan is golang.org/x/vuln's govulncheck, run in process. By default
// it works at symbol level: an advisory is reported only when a call path
// from the packages (default ./...) reaches one of its vulnerable
// functions. -scan package also reports advisories whose vulnerable
// packages are only imported, and -scan module those whose modules are
// only required. -db names the database: https://vuln.go.dev by default,
// another http(s) mirror, or a local copy as a file:// URL or a directory,
// so that the scan can run offline.
//
// A finding that does not apply is suppressed in .seclint-vuln.yml in the
// scanned directory (or the file named by -config):
//
//	suppress:
//	  - id: GO-2024-2687
//	    reason: we never parse HTTP/2 from untrusted peers
//	    module: golang.org/x/net # optional: only in this module
//	    expires: 2025-06-30      # optional: reported again after this day
//
// Every entry needs the advisory ID and a reason. Unknown keys, a missing
// reason, a malformed ID or date, and duplicate entries make the file
// invalid, and an invalid file fails the run. Suppressed findings are
// listed in every output format with their reason, so none is hidden
// silently. Entries that have expired or that match no finding are
// reported on standard error; they do not change the exit code, because
// a scan of some packages leaves the entries for the others unused.
//
// The output is text by default; -format json prints one document with
// the findings, the suppressed findings and the suppression problems;
// -format sarif prints a SARIF 2.1.0 log with one rule per advisory and
// the call path in each result's message, suppressed results carrying a
// SARIF suppression. The exit code is 0 when no unsuppressed finding
// remains, 3 when some do, 1 when the scan or the suppression file fails,
// and 2 for bad usage.
//
// Limitations: a dependency replaced by a local directory (a replace
// directive with a file path) has no version, and govulncheck does not
// check it. Vulnerabilities of the Go standard library are reported
// against the toolchain that runs seclint, as govulncheck does.
package vuln
