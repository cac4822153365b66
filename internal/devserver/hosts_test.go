package devserver

import (
	"net"
	"slices"
	"testing"
)

// TestURLsOpenFromOtherMachines: for a wildcard bind the printed URLs are
// the loopback one and one per address other machines can open, never
// the wildcard address itself.
func TestURLsOpenFromOtherMachines(t *testing.T) {
	ln := &net.TCPAddr{IP: net.IPv6unspecified, Port: 13132}
	lan := []string{"http://192.0.2.7:13132/", "http://10.1.2.3:13132/", "http://[2001:db8::7]:13132/"}
	for _, c := range []struct {
		bind string
		ln   net.Addr
		want []string
	}{
		{"0.0.0.0", &net.TCPAddr{IP: net.IPv4zero, Port: 13132}, append([]string{"http://127.0.0.1:13132/"}, lan...)},
		{"", ln, append([]string{"http://127.0.0.1:13132/"}, lan...)},
		{"::", ln, append([]string{"http://[::1]:13132/"}, lan...)},
		{"127.0.0.1", &net.TCPAddr{IP: net.IPv4(127, 0, 0, 1), Port: 1313}, []string{"http://127.0.0.1:1313/"}},
		{"192.0.2.7", &net.TCPAddr{IP: net.IPv4(192, 0, 2, 7), Port: 1313}, []string{"http://192.0.2.7:1313/"}},
	} {
		if got := URLs(c.ln, c.bind, fakeMachine); !slices.Equal(got, c.want) {
			t.Errorf("URLs(%s, %q): got %q; want %q", c.ln, c.bind, got, c.want)
		}
	}
	if got, want := URLs(ln, "::", Machine{}), []string{"http://[::1]:13132/"}; !slices.Equal(got, want) {
		t.Errorf("URLs without the machine's addresses: got %q; want %q", got, want)
	}
}

func TestCheckAllowHost(t *testing.T) {
	for _, ok := range []string{
		"tunnel.example.org", "Tunnel.Example.org", "tunnel.example.org:8443", "localhost:9000",
		"192.0.2.7", "192.0.2.7:80", "[2001:db8::1]", "[2001:db8::1]:9000", "2001:db8::1", "xn--80ak6aa92e.example",
	} {
		if err := CheckAllowHost(ok); err != nil {
			t.Errorf("CheckAllowHost(%q): %v; want nil", ok, err)
		}
	}
	for _, bad := range []string{
		"", "https://tunnel.example.org", "tunnel.example.org/", "tunnel.example.org.", "*.example.org",
		"tunnel.example.org:", "tunnel.example.org:0", "tunnel.example.org:65536", "tunnel.example.org:+80",
		"tunnel.example.org:http", "a b", "under_score.example", "user@host", ":8080",
	} {
		if err := CheckAllowHost(bad); err == nil {
			t.Errorf("CheckAllowHost(%q): nil; want an error", bad)
		}
	}
}
