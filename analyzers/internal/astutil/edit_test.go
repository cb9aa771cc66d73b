package astutil

import (
	"go/format"
	"go/parser"
	"go/token"
	"testing"
)

func TestAddImport(t *testing.T) {
	tests := []struct{ src, want string }{
		{"package p\n", "package p\n\nimport \"time\"\n"},
		{"package p\n\nimport \"net/http\"\n", "package p\n\nimport (\n\t\"net/http\"\n\t\"time\"\n)\n"},
		{"package p\n\nimport h \"net/http\"\n", "package p\n\nimport (\n\th \"net/http\"\n\t\"time\"\n)\n"},
		{"package p\n\nimport \"unicode\"\n", "package p\n\nimport (\n\t\"time\"\n\t\"unicode\"\n)\n"},
		{"package p\n\nimport (\n\t\"fmt\"\n\t\"os\"\n)\n", "package p\n\nimport (\n\t\"fmt\"\n\t\"os\"\n\t\"time\"\n)\n"},
		{"package p\n\nimport (\n\t\"fmt\"\n\t\"unicode\"\n)\n", "package p\n\nimport (\n\t\"fmt\"\n\t\"time\"\n\t\"unicode\"\n)\n"},
		{"package p\n\nimport \"a\"\nimport \"b\"\n", "package p\n\nimport \"a\"\nimport \"b\"\nimport \"time\"\n"},
	}
	for _, tt := range tests {
		fset := token.NewFileSet()
		file, err := parser.ParseFile(fset, "p.go", tt.src, parser.ImportsOnly)
		if err != nil {
			t.Fatal(err)
		}
		e := AddImport(file, "time")
		start, end := fset.Position(e.Pos).Offset, fset.Position(e.End).Offset
		got, err := format.Source([]byte(tt.src[:start] + string(e.NewText) + tt.src[end:]))
		if err != nil {
			t.Fatalf("%q: the edit does not parse: %v", tt.src, err)
		}
		if string(got) != tt.want {
			t.Errorf("AddImport(%q) gives\n%s\nwant\n%s", tt.src, got, tt.want)
		}
	}
}
