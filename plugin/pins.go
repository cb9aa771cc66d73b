//go:build tools

package plugin

// golangci-lint's module graph selects charmbracelet/x/ansi v0.11.8 and,
// through one of its linters, lipgloss v1, whose cellbuf dependency only
// builds against that ansi from v0.0.15 on. gitleaks' detector imports
// lipgloss, so a golangci-lint with seclint inside builds cellbuf. This
// import, never compiled, keeps the v0.0.15 requirement in go.mod, which
// golangci-lint custom then selects.
import _ "github.com/charmbracelet/x/cellbuf"
