package vuln

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// Exit codes, as for the linter.
const (
	exitClean    = 0
	exitFailure  = 1
	exitUsage    = 2
	exitFindings = 3
)

// options are the command-line settings of one run.
type options struct {
	dir      string
	db       string
	level    string
	format   string
	config   string // suppression file; "" means DefaultSuppressionFile in dir
	tags     string
	test     bool
	patterns []string
}

// report is what one run found, after suppression.
type report struct {
	dir        string // the scanned directory (-C)
	config     scanConfig
	level      string
	findings   []*Finding // reported, not suppressed
	suppressed []*Finding
	unreached  []*Finding // below the scan level: imported or required only
	expired    []*Suppression
	unused     []*Suppression
}

// Main runs `seclint vuln` with args (the words after "vuln") and
// returns the exit code: 0 when no unsuppressed finding remains, 3 when
// some do, 1 when the scan or the suppression file fails, and 2 for bad
// usage.
func Main(args []string, stdout, stderr io.Writer) int {
	opts, code := parseFlags(args, stderr)
	if opts == nil {
		return code
	}
	rep, err := run(context.Background(), opts, time.Now())
	if err != nil {
		fmt.Fprintf(stderr, "seclint: vuln: %v\n", err)
		return exitFailure
	}
	if err := write(stdout, opts.format, rep); err != nil {
		fmt.Fprintf(stderr, "seclint: vuln: %v\n", err)
		return exitFailure
	}

	// Problems with the suppression file go to stderr in every format,
	// so that they are seen even when stdout is a JSON or SARIF file.
	for _, s := range rep.expired {
		fmt.Fprintf(stderr, "seclint: vuln: %s:%d: suppression of %s expired on %s; "+
			"its findings are reported again\n", s.File, s.Line, s, s.Expires)
	}
	for _, s := range rep.unused {
		fmt.Fprintf(stderr, "seclint: vuln: %s:%d: suppression of %s matches no finding; "+
			"remove it\n", s.File, s.Line, s)
	}
	if len(rep.findings) > 0 {
		return exitFindings
	}
	return exitClean
}

// parseFlags reads the command line. It returns nil options and the
// exit code when the run should stop (bad usage, or -help).
func parseFlags(args []string, stderr io.Writer) (*options, int) {
	opts := &options{}
	fs := flag.NewFlagSet("seclint vuln", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.StringVar(&opts.dir, "C", ".", "run in `dir`, the root of the module to scan")
	fs.StringVar(&opts.db, "db", "https://vuln.go.dev",
		"vulnerability database: an http(s) or file:// `url`, or a local directory")
	fs.StringVar(&opts.level, "scan", levelSymbol,
		"report advisories whose vulnerable `level` is reached: symbol, package or module")
	fs.StringVar(&opts.format, "format", "text", "output `format`: text, json or sarif")
	fs.StringVar(&opts.config, "config", "",
		"suppression `file` (default "+DefaultSuppressionFile+" in the -C directory)")
	fs.StringVar(&opts.tags, "tags", "", "comma-separated build `tags`")
	fs.BoolVar(&opts.test, "test", false, "also scan test files")
	fs.Usage = func() {
		fmt.Fprintf(stderr, "usage: seclint vuln [flags] [packages] (default ./...)\n\n"+
			"Reports known vulnerabilities in dependencies that the code reaches,\n"+
			"minus those suppressed in %s.\n\nFlags:\n", DefaultSuppressionFile)
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return nil, exitClean
		}
		return nil, exitUsage // the flag package has printed the error
	}

	if err := opts.finish(fs.Args()); err != nil {
		fmt.Fprintf(stderr, "seclint: vuln: %v\n", err)
		return nil, exitUsage
	}
	return opts, exitClean
}

// finish checks the flag values and fills in the defaults that depend
// on other flags.
func (o *options) finish(patterns []string) error {
	switch o.format {
	case "text", "json", "sarif":
	default:
		return fmt.Errorf("unknown -format %q (want text, json or sarif)", o.format)
	}
	if levelRank(o.level) == 0 {
		return fmt.Errorf("unknown -scan %q (want symbol, package or module)", o.level)
	}

	o.patterns = patterns
	switch {
	case o.level == levelModule && len(patterns) > 0:
		return errors.New("-scan module checks the whole module and takes no packages")
	case o.level != levelModule && len(patterns) == 0:
		o.patterns = []string{"./..."}
	}

	db, err := dbURL(o.db)
	if err != nil {
		return err
	}
	o.db = db
	return nil
}

// dbURL turns the -db value into the URL govulncheck expects: a local
// directory, or a file:// URL with a relative path, becomes an absolute
// file:// URL.
func dbURL(s string) (string, error) {
	if strings.HasPrefix(s, "http://") || strings.HasPrefix(s, "https://") {
		return s, nil
	}
	path := s
	if rest, ok := strings.CutPrefix(s, "file://"); ok {
		path = filepath.FromSlash(rest)
	} else if strings.Contains(s, "://") {
		return "", fmt.Errorf("-db %q: want an http(s) or file:// URL, or a directory", s)
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return "", fmt.Errorf("-db %q: %v", s, err)
	}
	if fi, err := os.Stat(abs); err != nil || !fi.IsDir() {
		return "", fmt.Errorf("-db %q: not a directory holding a vulnerability database", s)
	}
	u := url.URL{Scheme: "file", Path: filepath.ToSlash(abs)}
	if !strings.HasPrefix(u.Path, "/") {
		u.Path = "/" + u.Path // Windows: file:///C:/...
	}
	return u.String(), nil
}

// run loads the suppressions, scans, and sorts the findings into the
// report. The suppression file is read first: a broken file fails fast,
// before a scan that can take minutes.
func run(ctx context.Context, opts *options, now time.Time) (*report, error) {
	path, required := opts.config, true
	if path == "" {
		path, required = filepath.Join(opts.dir, DefaultSuppressionFile), false
	}
	entries, err := loadSuppressions(path, required)
	if err != nil {
		return nil, err
	}

	res, err := runScanner(ctx, scannerArgs(opts))
	if err != nil {
		return nil, err
	}

	rep := &report{dir: opts.dir, config: res.config, level: opts.level}
	var reached []*Finding
	for _, f := range res.findings {
		if levelRank(f.Level) >= levelRank(opts.level) {
			reached = append(reached, f)
		} else {
			rep.unreached = append(rep.unreached, f)
		}
	}
	rep.expired, rep.unused = applySuppressions(reached, entries, dayOf(now))
	for _, f := range reached {
		if f.Suppression != nil {
			rep.suppressed = append(rep.suppressed, f)
		} else {
			rep.findings = append(rep.findings, f)
		}
	}
	return rep, nil
}

// scannerArgs is the govulncheck command line for opts.
func scannerArgs(opts *options) []string {
	args := []string{"-db", opts.db, "-scan", opts.level, "-C", opts.dir}
	if opts.tags != "" {
		args = append(args, "-tags", opts.tags)
	}
	if opts.test {
		args = append(args, "-test")
	}
	return append(args, opts.patterns...)
}
