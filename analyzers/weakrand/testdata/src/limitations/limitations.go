package limitations

import (
	"math/rand"
	"strconv"
	"strings"
)

var words = []string{"correct", "horse", "battery", "staple"}

// Picking words from a []string list is not followed: picking from a
// slice is nearly always load balancing.
func passphrase() {
	var parts []string
	for i := 0; i < 4; i++ {
		parts = append(parts, words[rand.Intn(len(words))])
	}
	password := strings.Join(parts, "-") // missed: a passphrase built from a word list
	_ = password
}

// A value passed through a channel is lost.
func viaChannel() {
	ch := make(chan string, 1)
	ch <- strconv.Itoa(rand.Int())
	token := <-ch // missed: values sent on channels are not followed
	_ = token
}

// A closure that assigns a captured variable is not followed back into
// the enclosing function.
func viaClosure() {
	var v int
	func() { v = rand.Int() }()
	secret := strconv.Itoa(v) // missed: closure writes to captured variables
	_ = secret
}

// A method called through an interface of the program's own type.
type gen interface{ next() string }

type weakGen struct{}

func (weakGen) next() string { return strconv.Itoa(rand.Int()) }

func viaInterface(g gen) {
	token := g.next() // missed: interface calls carry no summary
	_ = token
}

// A *rand.Rand kept in a field is assumed weak even when it wraps a
// crypto/rand source set up elsewhere (a false positive, not shown).
