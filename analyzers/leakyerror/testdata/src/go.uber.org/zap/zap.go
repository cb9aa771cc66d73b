// Package zap is a stub of go.uber.org/zap for tests.
package zap

type Field struct {
	Key    string
	String string
}

type Logger struct{}

func NewNop() *Logger { return &Logger{} }

func (l *Logger) Info(msg string, fields ...Field)  {}
func (l *Logger) Error(msg string, fields ...Field) {}
func (l *Logger) Sugar() *SugaredLogger             { return &SugaredLogger{} }

func String(key, val string) Field  { return Field{Key: key, String: val} }
func Any(key string, val any) Field { return Field{Key: key} }
func Int(key string, val int) Field { return Field{Key: key} }
func Error(err error) Field         { return Field{Key: "error"} }

type SugaredLogger struct{}

func (s *SugaredLogger) Infof(template string, args ...any)     {}
func (s *SugaredLogger) Infow(msg string, keysAndValues ...any) {}
