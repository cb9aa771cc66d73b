package directives

func bad() {}

func calls() {
	bad() // want `call to bad`

	bad() //seclint:ignore toy the input is constant here

	//seclint:ignore toy,other checked by hand in the review of this file
	bad()

	//seclint:ignore other a directive for another rule does not apply
	bad() // want `call to bad`

	//seclint:ignore toy a directive covers its own line and the next one only

	bad() // want `call to bad`

	bad() /* want `call to bad` `seclint:ignore directive for toy has no reason` */ //seclint:ignore toy

	//seclint:ignored toy not our directive
	bad() // want `call to bad`
}
