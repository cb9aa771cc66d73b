package negatives

import "testing"

// Findings in _test.go files are dropped unless -tests is set.
func TestKey(t *testing.T) {
	const githubToken = "ghp_Tr7kW2qLm9Xp4RzN8vB3cD6fG1hJ5kL0mN9q"
	_ = githubToken
}
