package fetch

import (
	"net/http"
	"net/netip"
	"syscall"
)

// privateError refuses one dialled address.
type privateError struct {
	addr netip.Addr
	kind string
}

func (e *privateError) Error() string {
	return "refused to connect to " + e.addr.String() + " (" + e.kind + " address)"
}

func (e *privateError) Is(target error) bool { return target == ErrPrivate }

// refuseNonPublic returns a net.Dialer Control function: it sees the
// resolved address about to be dialled and refuses it when kind names it.
func refuseNonPublic(kind func(netip.AddrPort) string) func(network, address string, _ syscall.RawConn) error {
	return func(network, address string, _ syscall.RawConn) error {
		ap, err := netip.ParseAddrPort(address)
		if err != nil {
			return &privateError{kind: "unparsable"}
		}
		ap = netip.AddrPortFrom(ap.Addr().Unmap(), ap.Port())
		if k := kind(ap); k != "" {
			return &privateError{addr: ap.Addr(), kind: k}
		}
		return nil
	}
}

// PublicAddressKind is the rule refusing dials apply unless
// Config.AddressKind replaces it: the kind of a non-public address, "" for
// a public one. The port plays no part.
func PublicAddressKind(ap netip.AddrPort) string { return AddressKind(ap.Addr()) }

// sharedSpace is carrier-grade NAT (RFC 6598): not public, often routed to
// internal services.
var sharedSpace = netip.MustParsePrefix("100.64.0.0/10")

// reserved are other ranges no public server lives in: benchmarking
// (RFC 2544), the old class E, and NAT64, which can reach any IPv4
// address, private ones included.
var reserved = []netip.Prefix{
	netip.MustParsePrefix("198.18.0.0/15"),
	netip.MustParsePrefix("240.0.0.0/4"),
	netip.MustParsePrefix("64:ff9b::/96"),
	netip.MustParsePrefix("64:ff9b:1::/48"),
}

// AddressKind names why addr is not a public unicast address ("loopback",
// "private", "link-local", "unspecified", "multicast", "reserved"), or "".
func AddressKind(addr netip.Addr) string {
	addr = addr.Unmap()
	switch {
	case addr.IsLoopback():
		return "loopback"
	case addr.IsPrivate(), sharedSpace.Contains(addr):
		return "private"
	case addr.IsLinkLocalUnicast(), addr.IsLinkLocalMulticast():
		return "link-local"
	case addr.IsUnspecified():
		return "unspecified"
	case addr.IsMulticast(), addr.IsInterfaceLocalMulticast():
		return "multicast"
	case addr.Is4() && addr.As4()[0] == 0:
		return "unspecified" // 0.0.0.0/8 reaches the local host on Linux
	}
	for _, p := range reserved {
		if p.Contains(addr) {
			return "reserved"
		}
	}
	return ""
}

// Transport is an HTTP transport with cfg's timeouts that, unless
// allowPrivate, refuses every address that is not public when dialling,
// after DNS resolution, and uses no proxy: for requests to user-given
// URLs made by a server (webhooks), under the same policy as the fetcher.
func Transport(cfg Config, allowPrivate bool) *http.Transport {
	if cfg.AddressKind == nil {
		cfg.AddressKind = PublicAddressKind
	}
	return newTransport(cfg, allowPrivate)
}
