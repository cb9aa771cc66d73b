package a

import (
	"crypto/tls"
	"database/sql"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"log"
	"net/http"
	"os"
	"time"

	"gopkg.in/yaml.v3"
)

type Config struct {
	Addr    string
	Timeout time.Duration
	APIKey  string
	Retries int
	DSN     string
}

func (c *Config) Validate() error {
	if c.APIKey == "" {
		return errors.New("api key is empty")
	}
	if c.Timeout <= 0 {
		return errors.New("timeout must be positive")
	}
	return nil
}

// Limits is validated through a value receiver.
type Limits struct{ Max int }

func (l Limits) Validate() error {
	if l.Max < 0 {
		return errors.New("negative max")
	}
	return nil
}

type Client struct {
	cfg    Config
	limits Limits
	http   *http.Client
}

var current *Config

// start stores its argument; it is unexported, so it is not reported
// itself, but passing an unvalidated value to it is a use.
func start(cfg *Config) { current = cfg }

// Sources: a literal with non-constant fields.

func literalStored(addr string) *Client {
	cfg := Config{Addr: addr, APIKey: os.Getenv("KEY")} // want `^Config built from input is stored in a field without a call to Config.Validate; call it first and handle its error$`
	return &Client{cfg: cfg}
}

func literalValidated(addr string) (*Client, error) {
	cfg := Config{Addr: addr, APIKey: os.Getenv("KEY")}
	if err := cfg.Validate(); err != nil {
		return nil, fmt.Errorf("config: %w", err)
	}
	return &Client{cfg: cfg}, nil
}

func literalConstant() *Client {
	cfg := Config{Addr: ":8443", Timeout: 5 * time.Second, APIKey: "dev"}
	return &Client{cfg: cfg} // the program's own constants are not input
}

func literalValueReceiver(n int) *Client {
	l := Limits{Max: n} // want `^Limits built from input is stored in a field without a call to Limits.Validate`
	return &Client{limits: l}
}

func literalValueReceiverValidated(n int) (*Client, error) {
	l := Limits{Max: n}
	if err := l.Validate(); err != nil {
		return nil, err
	}
	return &Client{limits: l}, nil
}

func envFields() {
	var cfg Config                // want `^Config built from input is stored in package variable current`
	cfg.APIKey = os.Getenv("KEY") // fields set one by one are input too
	cfg.Addr = os.Getenv("ADDR")
	current = &cfg
}

// Sources: decoding.

func decodedPassed(b []byte) error {
	var cfg Config
	if err := json.Unmarshal(b, &cfg); err != nil { // want `^Config decoded by json.Unmarshal is passed to start, which does not validate it, without a call to Config.Validate`
		return err
	}
	start(&cfg)
	return nil
}

func decodedValidated(b []byte) error {
	var cfg Config
	if err := json.Unmarshal(b, &cfg); err != nil {
		return err
	}
	if err := cfg.Validate(); err != nil {
		return err
	}
	start(&cfg)
	return nil
}

func decodedYAMLNew(b []byte) error {
	cfg := new(Config)
	if err := yaml.Unmarshal(b, cfg); err != nil { // want `^Config decoded by yaml.Unmarshal is stored in package variable current`
		return err
	}
	current = cfg
	return nil
}

func decodedJSONDecoder(r *os.File) (*sql.DB, error) {
	var cfg Config
	if err := json.NewDecoder(r).Decode(&cfg); err != nil { // want `^Config decoded by json.Decoder.Decode is used in a call to sql.Open`
		return nil, err
	}
	return sql.Open("postgres", cfg.DSN)
}

func flagsParsed(fs *flag.FlagSet, args []string) {
	var cfg Config
	fs.StringVar(&cfg.Addr, "addr", ":8080", "listen address") // want `^Config set by flag.FlagSet.StringVar is stored in package variable current`
	fs.StringVar(&cfg.APIKey, "key", "", "API key")
	_ = fs.Parse(args)
	current = &cfg
}

func flagsParsedValidated(fs *flag.FlagSet, args []string) {
	var cfg Config
	fs.StringVar(&cfg.Addr, "addr", ":8080", "listen address")
	_ = fs.Parse(args)
	if err := cfg.Validate(); err != nil {
		log.Fatal(err) // does not return
	}
	current = &cfg
}

// LoadConfig returns what it decoded without validating it.
func LoadConfig(path string) (*Config, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var cfg Config
	if err := json.Unmarshal(b, &cfg); err != nil { // want `^Config decoded by json.Unmarshal is returned from LoadConfig`
		return nil, err
	}
	return &cfg, nil
}

// A function with a defer returns through a result slot: the value
// decoded is still followed there.
func LoadConfigValue(path string) (Config, error) {
	f, err := os.Open(path)
	if err != nil {
		return Config{}, err
	}
	defer f.Close()
	var cfg Config
	if err := json.NewDecoder(f).Decode(&cfg); err != nil { // want `^Config decoded by json.Decoder.Decode is returned from LoadConfigValue`
		return Config{}, err
	}
	return cfg, nil
}

func LoadValidConfigValue(path string) (Config, error) {
	f, err := os.Open(path)
	if err != nil {
		return Config{}, err
	}
	defer f.Close()
	var cfg Config
	if err := json.NewDecoder(f).Decode(&cfg); err != nil {
		return Config{}, err
	}
	if err := cfg.Validate(); err != nil {
		return Config{}, err
	}
	return cfg, nil
}

func LoadValidConfig(path string) (*Config, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var cfg Config
	if err := json.Unmarshal(b, &cfg); err != nil {
		return nil, err
	}
	if err := cfg.Validate(); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return &cfg, nil
}

// Dropped and ignored errors.

func droppedBlank(addr string) {
	cfg := &Config{Addr: addr}
	_ = cfg.Validate() // want `^Config built from input is stored in package variable current after Config.Validate, whose error is dropped; check the error and stop on failure$`
	current = cfg
}

func droppedStatement(addr string) {
	cfg := &Config{Addr: addr}
	cfg.Validate() // want `whose error is dropped`
	current = cfg
}

func checkedThenIgnored(addr string) {
	cfg := &Config{Addr: addr} // want `^Config built from input is stored in package variable current on a path where Config.Validate has not succeeded; stop when it returns an error$`
	if err := cfg.Validate(); err != nil {
		log.Println("invalid config:", err)
	}
	current = cfg
}

func checkedPanics(addr string) {
	cfg := &Config{Addr: addr}
	if err := cfg.Validate(); err != nil {
		panic(err)
	}
	current = cfg
}

func checkedEqualNil(addr string) {
	cfg := &Config{Addr: addr}
	if err := cfg.Validate(); err == nil {
		current = cfg
	}
}

func validatedOnOnePath(addr string, strict bool) {
	cfg := &Config{Addr: addr} // want `on a path where Config.Validate has not succeeded`
	if strict {
		if err := cfg.Validate(); err != nil {
			return
		}
	}
	current = cfg
}

// Parameters of exported functions.

func (c *Client) Reload(cfg Config) { // want Reload:"consumes cfg" `^parameter cfg of type Config is stored in a field without a call to Config.Validate`
	c.cfg = cfg
}

func (c *Client) ReloadChecked(cfg Config) error { // want ReloadChecked:"validates cfg"
	if err := cfg.Validate(); err != nil {
		return err
	}
	c.cfg = cfg
	return nil
}

func unexportedParam(c *Client, cfg Config) { c.cfg = cfg } // not an entry point

func HTTPClient(cfg *Config) *http.Client { // want HTTPClient:"consumes cfg" `^parameter cfg of type Config configures http.Client without`
	return &http.Client{Timeout: cfg.Timeout}
}

func TLSConfig(cfg *Config) (*tls.Config, error) { // want TLSConfig:"validates cfg"
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	return &tls.Config{ServerName: cfg.Addr}, nil
}

// Describe only reads fields, which is no use.
func Describe(cfg *Config) string {
	return fmt.Sprintf("%s (%d retries)", cfg.Addr, cfg.Retries)
}

// Constructors.

func NewClient(cfg Config) (*Client, error) { // want NewClient:"validates cfg"
	if err := cfg.Validate(); err != nil {
		return nil, fmt.Errorf("client config: %w", err)
	}
	return &Client{cfg: cfg, http: &http.Client{Timeout: cfg.Timeout}}, nil
}

func NewUnchecked(cfg Config) *Client { // want NewUnchecked:"consumes cfg" `^parameter cfg of type Config configures http.Client without`
	return &Client{http: &http.Client{Timeout: cfg.Timeout}}
}

func NewWithNilCheck(cfg *Config) (*Client, error) { // want NewWithNilCheck:"validates cfg"
	if cfg == nil {
		return nil, errors.New("nil config")
	}
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	return &Client{cfg: *cfg}, nil
}

func viaValidatingConstructor(addr string) (*Client, error) {
	return NewClient(Config{Addr: addr, APIKey: os.Getenv("KEY")})
}

func viaUncheckedConstructor(addr string) *Client {
	return NewUnchecked(Config{Addr: addr}) // want `^Config built from input is passed to NewUnchecked, which does not validate it,`
}

// Same-package helpers.

func check(c *Config) error {
	if err := c.Validate(); err != nil {
		return fmt.Errorf("config: %w", err)
	}
	return nil
}

func checkAllowNil(c *Config) error {
	if c == nil {
		return nil
	}
	return c.Validate()
}

type validator interface{ Validate() error }

func validate(v validator) error { return v.Validate() }

func viaHelper(addr string) error {
	cfg := &Config{Addr: addr}
	if err := check(cfg); err != nil {
		return err
	}
	current = cfg
	return nil
}

func viaNilHelper(addr string) error {
	cfg := &Config{Addr: addr}
	if err := checkAllowNil(cfg); err != nil {
		return err
	}
	current = cfg
	return nil
}

func viaInterfaceHelper(addr string) error {
	cfg := &Config{Addr: addr}
	if err := validate(cfg); err != nil {
		return err
	}
	current = cfg
	return nil
}

func viaHelperDropped(addr string) {
	cfg := &Config{Addr: addr}
	check(cfg) // want `Config built from input is stored in package variable current after Config.Validate, whose error is dropped`
	current = cfg
}

// Zero values and comparisons.

func isZero(addr string) bool {
	var zero Config
	cfg := Config{Addr: addr}
	return cfg == zero || cfg == Config{}
}

func zeroStored() {
	var cfg Config // a zero value is not input
	current = &cfg
}

// Methods of the type itself read their receiver freely.
func (c *Config) URL() string { return "https://" + c.Addr }

// Types that are not configs.

type Mode string

func (m Mode) Validate() error { return nil }

var mode Mode

func modeStored(s string) { mode = Mode(s) } // not a struct

type Message struct{ Name string }

func (m *Message) Validate() error   { return nil }
func (m *Message) ProtoReflect() any { return nil }

var msg *Message

func protoStored(name string) { msg = &Message{Name: name} } // protocol buffer message

// Only input makes a literal untrusted: values computed by the program
// itself (a template, a clock, a package default) are not input.

var defaultAddr = ":8080"

func render() string { return "localhost:9000" }

func computedLiteral() {
	current = &Config{Addr: render(), APIKey: defaultAddr}
}

type rawConfig struct{ Addr, Key string }

func copiedFromDecoded(b []byte) error {
	var raw rawConfig
	if err := json.Unmarshal(b, &raw); err != nil {
		return err
	}
	cfg := &Config{Addr: raw.Addr, APIKey: raw.Key} // want `^Config built from input is stored in package variable current without`
	current = cfg
	return nil
}

// A constructor of the type itself hands out what it built; the caller
// validates it.
func NewDefaultConfig(addr string) *Config {
	return &Config{Addr: addr, Timeout: time.Second}
}

// SelfChecked validates itself when decoded, so decoded values and the
// parameters of its constructors need no further call.
type SelfChecked struct{ URL string }

func (s *SelfChecked) Validate() error {
	if s.URL == "" {
		return errors.New("no url")
	}
	return nil
}

func (s *SelfChecked) UnmarshalJSON(b []byte) error { // want UnmarshalJSON:"validates s"
	type plain SelfChecked
	if err := json.Unmarshal(b, (*plain)(s)); err != nil {
		return err
	}
	return s.Validate()
}

type Notifier struct{ conf *SelfChecked }

func NewNotifier(c *SelfChecked) *Notifier { // want NewNotifier:"consumes c"
	return &Notifier{conf: c}
}

func decodedSelfChecked(b []byte) (*Notifier, error) {
	var s SelfChecked
	if err := json.Unmarshal(b, &s); err != nil {
		return nil, err
	}
	return NewNotifier(&s), nil
}

func builtSelfChecked(url string) *Notifier {
	return NewNotifier(&SelfChecked{URL: url}) // want `^SelfChecked built from input is passed to NewNotifier`
}
