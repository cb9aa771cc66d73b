package strict

import "google.golang.org/grpc"

func dial(addr string) {
	grpc.NewClient(addr, grpc.WithInsecure()) // want `grpc\.NewClient dials a target computed at run time with insecure transport credentials`
	grpc.NewClient("localhost:50051", grpc.WithInsecure())
}
