// Package grpc is a stub of google.golang.org/grpc for tests.
package grpc

import (
	"context"
	"net"

	"google.golang.org/grpc/credentials"
)

type ClientConn struct{}

type DialOption interface{ dial() }

type option struct{}

func (option) dial() {}

func Dial(target string, opts ...DialOption) (*ClientConn, error) { return nil, nil }

func DialContext(ctx context.Context, target string, opts ...DialOption) (*ClientConn, error) {
	return nil, nil
}

func NewClient(target string, opts ...DialOption) (*ClientConn, error) { return nil, nil }

// Deprecated: use WithTransportCredentials and insecure.NewCredentials.
func WithInsecure() DialOption { return option{} }

func WithTransportCredentials(creds credentials.TransportCredentials) DialOption {
	return option{}
}

func WithContextDialer(f func(context.Context, string) (net.Conn, error)) DialOption {
	return option{}
}

func WithBlock() DialOption { return option{} }

type Server struct{}

type ServerOption interface{ serve() }

type serverOption struct{}

func (serverOption) serve() {}

func NewServer(opts ...ServerOption) *Server { return nil }

func Creds(c credentials.TransportCredentials) ServerOption { return serverOption{} }

func MaxRecvMsgSize(m int) ServerOption { return serverOption{} }

func (s *Server) Serve(lis net.Listener) error { return nil }
