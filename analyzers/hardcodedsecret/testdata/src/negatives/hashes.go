package negatives

// Hashes and test vectors are not keys outside a credential name.
var (
	emptySHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
	commit      = "9f8e7d6c5b4a39281706f5e4d3c2b1a098765432"
	checksums   = map[string]string{
		"v1.2.3": "h1:Xk29dkeL2k3jd9QpX7Zk29dkeL2k3jd9QpX7aB3=",
		"v1.2.4": "5d41402abc4b2a76b9719d911017c592",
	}
	vectors = [][2]string{
		{"abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"},
	}
)

// Password hashes in modular crypt format are what a server stores in
// place of a secret, even under a credential name.
type client struct {
	ID     string
	Secret []byte
}

var demoClients = []client{
	{ID: "demo", Secret: []byte(`$2a$10$IxMdI6d.LIRZPpSfEwNoeu4rY3FhDREsxFJXikcgdRRAStxUlsuEO`)},
	{ID: "argon", Secret: []byte("$argon2id$v=19$m=65536,t=3,p=4$c2FsdHNhbHQ$Q3ZxWm9kZXJhbmRvbWhhc2g")},
}

var passwordHash = "$6$rounds=5000$usesomesillystri$D4IrlXatmP7rx3P3InaxBeoomnAihCKRVQP22JZ6EY47Wc6BkroIuUUBOov1i.S5KPgErtP/EN5mcO.ChWQW21"
