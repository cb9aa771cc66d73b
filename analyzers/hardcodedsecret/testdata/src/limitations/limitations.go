// Package limitations pins the gaps the documentation states. None of
// the secrets below is reported; each comment names the gap.
package limitations

import (
	"os"
	"strings"
)

// Gap: a secret assembled at run time is never a constant, so it is not
// seen.
var joined = strings.Join([]string{"ghp_Tr7kW2qLm9Xp4Rz", "N8vB3cD6fG1hJ5kL0mN9q"}, "")

// Gap: only the immediate context of a literal names it; v is not a
// credential name, and os.Getenv("PASSWORD") two lines up is not
// followed.
func password() string {
	v := os.Getenv("PASSWORD")
	if v == "" {
		v = "Vq7!rT2mK9pLw4zX"
	}
	return v
}
