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
