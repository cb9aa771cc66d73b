// Command app calls parse.Unsafe, vulnerable in GO-2099-0001, through
// run, and imports codec without calling its vulnerable Decode
// (GO-2099-0002).
package main

import (
	"example.com/vulnlib/codec"
	"example.com/vulnlib/parse"
)

func main() {
	_ = codec.Encode(run("input"))
}

func run(s string) string {
	return parse.Unsafe(s)
}
