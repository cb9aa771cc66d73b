// Package grpcservers serves gRPC with and without transport credentials.
package grpcservers

import (
	"net"

	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials"
)

func plain() {
	lis, _ := net.Listen("tcp", ":50051")
	s := grpc.NewServer(grpc.MaxRecvMsgSize(1 << 20))
	s.Serve(lis) // want `grpc.Server serves on ":50051" without transport credentials`
}

func withTLS(creds credentials.TransportCredentials) {
	lis, _ := net.Listen("tcp", ":50051")
	s := grpc.NewServer(grpc.Creds(creds))
	s.Serve(lis)
}

func loopback() {
	lis, _ := net.Listen("tcp", "127.0.0.1:50051")
	grpc.NewServer().Serve(lis)
}

func unixSocket() {
	lis, _ := net.Listen("unix", "/run/app.sock")
	grpc.NewServer().Serve(lis)
}

func optionsFromElsewhere(opts []grpc.ServerOption) {
	lis, _ := net.Listen("tcp", ":50051")
	grpc.NewServer(opts...).Serve(lis)
}

func listenerFromElsewhere(lis net.Listener) {
	grpc.NewServer().Serve(lis)
}
