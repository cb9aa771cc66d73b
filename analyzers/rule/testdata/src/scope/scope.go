package scope

func bad() {}

func calls() {
	bad() // want `call to bad`
}
