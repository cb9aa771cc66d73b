package tests

import (
	"math/rand"
	"strconv"
	"testing"
)

func TestToken(t *testing.T) {
	token := strconv.Itoa(rand.Int()) // want `math/rand.Int output reaches credential variable token`
	_ = token
}
