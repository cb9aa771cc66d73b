package grpcclients

import (
	"context"
	"crypto/tls"
	"net"

	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials"
	"google.golang.org/grpc/credentials/insecure"
)

const target = "orders.acme.io:443"

func flagged(ctx context.Context) {
	grpc.Dial("orders.acme.io:443", grpc.WithInsecure())                                      // want `grpc\.Dial dials "orders\.acme\.io:443" with insecure transport credentials, so its calls travel in clear text; use TLS credentials such as credentials\.NewTLS`
	grpc.NewClient(target, grpc.WithTransportCredentials(insecure.NewCredentials()))          // want `grpc\.NewClient dials "orders\.acme\.io:443" with insecure`
	grpc.DialContext(ctx, "dns:///orders.acme.io:443", grpc.WithInsecure(), grpc.WithBlock()) // want `grpc\.DialContext dials "orders\.acme\.io:443"`
	grpc.NewClient("10.0.0.7:50051", grpc.WithInsecure())                                     // want `dials "10\.0\.0\.7:50051"`

	creds := insecure.NewCredentials()
	grpc.NewClient(target, grpc.WithTransportCredentials(creds)) // want `grpc\.NewClient dials`

	opts := []grpc.DialOption{grpc.WithTransportCredentials(insecure.NewCredentials())}
	grpc.NewClient(target, opts...) // want `grpc\.NewClient dials`
}

func clean(ctx context.Context, addr string, cfg *tls.Config, tlsOn bool) {
	grpc.NewClient(target, grpc.WithTransportCredentials(credentials.NewTLS(cfg)))
	grpc.NewClient("localhost:50051", grpc.WithInsecure())
	grpc.NewClient("127.0.0.1:50051", grpc.WithInsecure())
	grpc.NewClient("[::1]:50051", grpc.WithInsecure())
	grpc.NewClient("unix:///run/app.sock", grpc.WithInsecure())
	grpc.NewClient("unix:app.sock", grpc.WithInsecure())
	grpc.Dial("passthrough:///localhost:50051", grpc.WithInsecure())

	// A run-time target is reported only under -strict.
	grpc.NewClient(addr, grpc.WithInsecure())

	// A custom dialer may stay in memory (bufconn) or tunnel.
	dialer := func(context.Context, string) (net.Conn, error) { return nil, nil }
	grpc.NewClient("bufnet", grpc.WithContextDialer(dialer), grpc.WithInsecure())
	grpc.NewClient(target, grpc.WithContextDialer(dialer), grpc.WithInsecure())

	// Insecure only on one branch: configuration decides.
	var opts []grpc.DialOption
	if tlsOn {
		opts = append(opts, grpc.WithTransportCredentials(credentials.NewTLS(cfg)))
	} else {
		opts = append(opts, grpc.WithTransportCredentials(insecure.NewCredentials()))
	}
	grpc.NewClient(target, opts...)
}
