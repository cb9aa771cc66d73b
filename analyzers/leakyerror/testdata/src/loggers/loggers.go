// Package loggers covers the logging packages recognised by path.
package loggers

import (
	"log/slog"

	"github.com/rs/zerolog"
	"github.com/sirupsen/logrus"
	"go.uber.org/zap"
)

type Client struct {
	name  string
	token string
}

func (c *Client) logAll(l *zap.Logger, z zerolog.Logger, s *slog.Logger) {
	l.Info("client", zap.String("token", c.token))         // want `token from field Client.token reaches a log \(zap.String\) through Client.logAll`
	l.Sugar().Infof("client %s token %s", c.name, c.token) // want `token from field Client.token reaches a log \(SugaredLogger.Infof\)`
	l.Sugar().Infow("client", "token", c.token)            // want `token from field Client.token reaches a log \(SugaredLogger.Infow\)`
	z.Info().Str("token", c.token).Msg("client")           // want `token from field Client.token reaches a log \(Event.Str\)`
	logrus.WithField("token", c.token).Info("client")      // want `token from field Client.token reaches a log \(logrus.WithField\)`
	logrus.Infof("token %s", c.token)                      // want `token from field Client.token reaches a log \(logrus.Infof\)`
	s.Info("client", "token", c.token)                     // want `token from field Client.token reaches a log \(Logger.Info\)`
	slog.Warn("client", slog.String("token", c.token))     // want `token from field Client.token reaches a log \(slog.String\)`
}

// Must not flag: names, lengths and other fields.
func (c *Client) logSafe(l *zap.Logger, z zerolog.Logger) {
	l.Info("client", zap.String("name", c.name), zap.Int("token_len", len(c.token)))
	z.Info().Str("name", c.name).Int("tokenLen", len(c.token)).Msg("client")
	logrus.WithField("has_token", c.token != "").Info("client")
	slog.Info("client", "name", c.name)
}

// A project's own Logger interface is a logger too.
type Logger interface {
	Errorf(format string, v ...any)
	Debugf(format string, v ...any)
}

func (c *Client) custom(l Logger) {
	l.Debugf("using token %s", c.token) // want `token from field Client.token reaches a log \(Logger.Debugf\)`
	l.Debugf("using client %s", c.name)
}
