package fetch

import (
	"errors"
	"net/netip"
	"testing"
)

func TestAddressKind(t *testing.T) {
	tests := map[string]string{
		"127.0.0.1": "loopback", "::1": "loopback", "10.1.2.3": "private",
		"192.168.0.9": "private", "172.16.5.5": "private", "fd00::1": "private",
		"100.64.0.1": "private", "198.18.0.1": "reserved", "240.1.2.3": "reserved", "64:ff9b::a00:1": "reserved", "169.254.169.254": "link-local", "fe80::1": "link-local",
		"0.0.0.0": "unspecified", "0.1.2.3": "unspecified", "239.1.2.3": "multicast",
		"::ffff:10.0.0.1": "private", "93.184.216.34": "", "2001:db8::1": "",
	}
	for in, want := range tests {
		if got := AddressKind(netip.MustParseAddr(in)); got != want {
			t.Errorf("AddressKind(%s) = %q; want %q", in, got, want)
		}
	}
	refuse := refuseNonPublic(PublicAddressKind)
	if err := refuse("tcp", "[::ffff:127.0.0.1]:80", nil); !errors.Is(err, ErrPrivate) || err.Error() != "refused to connect to 127.0.0.1 (loopback address)" {
		t.Errorf("mapped loopback: %v", err)
	}
	if err := refuse("tcp", "93.184.216.34:443", nil); err != nil {
		t.Errorf("public: %v", err)
	}
}
