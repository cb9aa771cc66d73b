package negatives

// Editor key bindings under a "key" field are chords, not keys: words of
// letters joined by separators, which gitleaks' generic rule matches.
const defaultKeybindings = `[
  {"key": "ctrl+shift+down", "command": "editor.action.copyLinesDownAction"},
  {"key": "shift+alt+down", "command": "editor.action.copyLinesDownAction"},
  {"key": "ctrl+shift+alt+down", "command": "editor.action.insertCursorBelow"}
]`

var permissions = map[string]string{"token": "read-write-admin"}
