package scope

// Findings in test files are dropped unless -toy.tests is set.
func testCalls() {
	bad()
}
