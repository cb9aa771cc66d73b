package negatives

// UUIDs name things; outside a credential name they are not keys.
var (
	requestID = "3f2a8c1e-9b7d-4e6a-8c0b-5d2f8a1e7c34"
	tenants   = []string{"0b9a7c6e-1d2f-4a3b-9c8d-7e6f5a4b3c2d", "9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b"}
	byID      = map[string]string{"c0ffee00-1234-4abc-9def-0123456789ab": "orders"}
)
