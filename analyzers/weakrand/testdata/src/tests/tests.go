package tests

import "math/rand"

func helper() int { return rand.Int() }
