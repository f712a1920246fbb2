// Package client connects to a relaydesk server: one gRPC connection whose
// calls all carry a bearer credential, a default deadline on unary calls, and
// a client for every relaydesk.v1 service over it.
package client

import (
	"context"
	"time"

	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials"
	"google.golang.org/grpc/credentials/insecure"

	relaydeskv1 "github.com/relaydesk/relaydesk/clients/go/relaydesk/v1"
)

// DefaultTimeout bounds a unary call whose context has no deadline of its own.
const DefaultTimeout = 30 * time.Second

// Client holds a connection and the service clients that share it.
type Client struct {
	Auth        relaydeskv1.AuthServiceClient
	Bots        relaydeskv1.BotServiceClient
	Channels    relaydeskv1.ChannelServiceClient
	Engagements relaydeskv1.EngagementServiceClient
	Events      relaydeskv1.EventServiceClient
	Flows       relaydeskv1.FlowServiceClient
	Gateway     relaydeskv1.GatewayServiceClient
	Sessions    relaydeskv1.SessionServiceClient
	Tasks       relaydeskv1.TaskServiceClient
	Workforce   relaydeskv1.WorkforceServiceClient

	conn *grpc.ClientConn
}

type options struct {
	timeout   time.Duration
	transport credentials.TransportCredentials
	dial      []grpc.DialOption
}

// An Option changes how Connect connects.
type Option func(*options)

// WithTimeout sets the deadline given to unary calls whose context has none
// (DefaultTimeout unless set; 0 means none). Streams never get one.
func WithTimeout(d time.Duration) Option { return func(o *options) { o.timeout = d } }

// WithTransportCredentials connects with TLS (for example
// credentials.NewTLS(config)) instead of plaintext.
func WithTransportCredentials(c credentials.TransportCredentials) Option {
	return func(o *options) { o.transport = c }
}

// WithDialOptions passes further options to grpc.NewClient.
func WithDialOptions(opts ...grpc.DialOption) Option {
	return func(o *options) { o.dial = append(o.dial, opts...) }
}

// Connect returns a client of the server at target (host:port) that
// authenticates every call with credential: an API key's secret or an access
// token. Without WithTransportCredentials it speaks plaintext, which the server
// accepts only on loopback unless told otherwise. No connection is made until
// the first call.
func Connect(target, credential string, opts ...Option) (*Client, error) {
	o := options{timeout: DefaultTimeout, transport: insecure.NewCredentials()}
	for _, opt := range opts {
		opt(&o)
	}
	dial := append([]grpc.DialOption{
		grpc.WithTransportCredentials(o.transport),
		grpc.WithPerRPCCredentials(bearer(credential)),
		grpc.WithUnaryInterceptor(defaultDeadline(o.timeout)),
	}, o.dial...)
	conn, err := grpc.NewClient(target, dial...)
	if err != nil {
		return nil, err
	}
	return &Client{
		Auth:        relaydeskv1.NewAuthServiceClient(conn),
		Bots:        relaydeskv1.NewBotServiceClient(conn),
		Channels:    relaydeskv1.NewChannelServiceClient(conn),
		Engagements: relaydeskv1.NewEngagementServiceClient(conn),
		Events:      relaydeskv1.NewEventServiceClient(conn),
		Flows:       relaydeskv1.NewFlowServiceClient(conn),
		Gateway:     relaydeskv1.NewGatewayServiceClient(conn),
		Sessions:    relaydeskv1.NewSessionServiceClient(conn),
		Tasks:       relaydeskv1.NewTaskServiceClient(conn),
		Workforce:   relaydeskv1.NewWorkforceServiceClient(conn),
		conn:        conn,
	}, nil
}

// bearer puts `authorization: Bearer <credential>` on every call, unary or
// streaming. It does not insist on TLS: plaintext is how one talks to a server
// on loopback, and the server refuses plaintext elsewhere unless told to allow it.
type bearer string

func (b bearer) GetRequestMetadata(context.Context, ...string) (map[string]string, error) {
	return map[string]string{"authorization": "Bearer " + string(b)}, nil
}

func (bearer) RequireTransportSecurity() bool { return false }

// defaultDeadline gives a unary call whose context has no deadline one of d.
func defaultDeadline(d time.Duration) grpc.UnaryClientInterceptor {
	return func(ctx context.Context, method string, req, reply any, cc *grpc.ClientConn,
		invoker grpc.UnaryInvoker, opts ...grpc.CallOption) error {
		if _, ok := ctx.Deadline(); !ok && d > 0 {
			var cancel context.CancelFunc
			ctx, cancel = context.WithTimeout(ctx, d)
			defer cancel()
		}
		return invoker(ctx, method, req, reply, cc, opts...)
	}
}

// Conn is the underlying connection, for services or options not covered here.
func (c *Client) Conn() *grpc.ClientConn { return c.conn }

// Close closes the connection; calls in flight fail with codes.Canceled.
func (c *Client) Close() error { return c.conn.Close() }
