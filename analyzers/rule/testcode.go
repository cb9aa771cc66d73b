package rule

import (
	"go/ast"
	"strconv"
	"strings"
)

// testImports are packages only test code imports. A file that imports
// one is test support whatever its name: a package of test helpers, a
// Ginkgo suite's shared examples, a mock.
var testImports = map[string]bool{
	"testing":                             true,
	"github.com/onsi/ginkgo":              true,
	"github.com/onsi/ginkgo/v2":           true,
	"github.com/onsi/gomega":              true,
	"github.com/stretchr/testify/assert":  true,
	"github.com/stretchr/testify/require": true,
	"github.com/stretchr/testify/suite":   true,
	"github.com/stretchr/testify/mock":    true,
}

// IsTestFile reports whether the file named name, parsed as f, is test
// code, which the rules leave alone unless -tests asks for it: a
// _test.go file, or one that imports the testing package or a test
// framework.
func IsTestFile(name string, f *ast.File) bool {
	if strings.HasSuffix(name, "_test.go") {
		return true
	}
	for _, imp := range f.Imports {
		if path, err := strconv.Unquote(imp.Path.Value); err == nil && testImports[path] {
			return true
		}
	}
	return false
}
