package bus

import (
	"encoding/json"
	"fmt"
	"net"
	"time"

	"github.com/nats-io/nats-server/v2/server"
	"github.com/nats-io/nats.go"
)

// Server is a NATS server with JetStream, file storage in one directory,
// run inside this process on loopback: for tests and `parallax bench
// --distributed`. Production runs the standard nats-server (docs/DEPLOY.md).
type Server struct {
	s *server.Server
}

// StartServer starts a server storing in dir and listening on
// 127.0.0.1:port (0: a free port). A server started again on the same
// directory finds its streams as they were.
func StartServer(dir string, port int) (*Server, error) {
	if port == 0 {
		port = server.RANDOM_PORT
	}
	s, err := server.NewServer(&server.Options{ServerName: "parallax-embedded", Host: "127.0.0.1", Port: port,
		JetStream: true, StoreDir: dir, NoSigs: true, NoLog: true, MaxPayload: 8 << 20})
	if err != nil {
		return nil, fmt.Errorf("NATS server: %w", err)
	}
	go s.Start()
	if !s.ReadyForConnections(30 * time.Second) {
		s.Shutdown()
		return nil, fmt.Errorf("NATS server in %s did not start", dir)
	}
	return &Server{s: s}, nil
}

// URL is where clients connect.
func (s *Server) URL() string { return s.s.ClientURL() }

// Port is the port it listens on.
func (s *Server) Port() int { return s.s.Addr().(*net.TCPAddr).Port }

// Shutdown stops the server, its storage flushed.
func (s *Server) Shutdown() {
	s.s.Shutdown()
	s.s.WaitForShutdown()
}

// OnPlaced calls fn for each notice the story writer publishes after a
// commit, until the returned stop is called.
func (b *Bus) OnPlaced(fn func(PlacedNotice)) (stop func(), err error) {
	sub, err := b.nc.Subscribe(PlacedSubject, func(m *nats.Msg) {
		var n PlacedNotice
		if json.Unmarshal(m.Data, &n) == nil {
			fn(n)
		}
	})
	if err != nil {
		return nil, fmt.Errorf("subscribe to %s: %w", PlacedSubject, err)
	}
	return func() { sub.Unsubscribe() }, nil
}
