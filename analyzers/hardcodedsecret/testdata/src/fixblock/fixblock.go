// Package fixblock checks that the fix adds "os" to an import block in
// sorted position.
package fixblock

import (
	"fmt"
	"strings"
)

func connect() string {
	password := "Vq7!rT2mK9pLw4zX" // want `hardcoded secret \(generic password\)`
	return fmt.Sprint(strings.ToUpper(password))
}
