package devserver

import (
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"os"
	"strconv"
	"strings"
)

// Machine is what a server bound to every interface needs to know about the
// computer it runs on: the names other machines reach it by.
type Machine struct {
	Addrs    []net.Addr // as net.InterfaceAddrs returns them, loopback included
	Hostname string     // as os.Hostname returns it; "" when unknown
}

// LocalMachine reads this computer's interface addresses and host name. It
// returns what it could read along with the error for what it could not.
func LocalMachine() (Machine, error) {
	addrs, aerr := net.InterfaceAddrs()
	name, nerr := os.Hostname()
	return Machine{Addrs: addrs, Hostname: name}, errors.Join(aerr, nerr)
}

// Wildcard reports whether bindHost means every interface ("", "0.0.0.0",
// "::"), so that other machines reach the server by this one's addresses.
func Wildcard(bindHost string) bool {
	ip := net.ParseIP(bindHost)
	return bindHost == "" || ip != nil && ip.IsUnspecified()
}

// ips returns m's addresses as IPs, skipping anything that is not one.
func (m Machine) ips() []net.IP {
	var ips []net.IP
	for _, a := range m.Addrs {
		var ip net.IP
		switch a := a.(type) {
		case *net.IPNet:
			ip = a.IP
		case *net.IPAddr:
			ip = a.IP
		}
		if ip != nil {
			ips = append(ips, ip)
		}
	}
	return ips
}

// names returns the host names m answers to: its host name and, for
// phones and laptops on the same network that resolve names by mDNS, its
// first label plus ".local".
func (m Machine) names() []string {
	h := strings.ToLower(m.Hostname)
	if !isDNSName(h) {
		return nil
	}
	label, _, _ := strings.Cut(h, ".")
	if label+".local" == h {
		return []string{h}
	}
	return []string{h, label + ".local"}
}

// URLs returns the addresses at which a server listening on ln with
// bindHost can be opened: ln's own address, or for a wildcard bind the
// loopback one followed by one per address of m other machines can open
// (IPv6 link-local addresses are left out: a browser cannot open them
// without an interface name).
func URLs(ln net.Addr, bindHost string, m Machine) []string {
	if !Wildcard(bindHost) {
		return []string{"http://" + ln.String() + "/"}
	}
	_, port, err := net.SplitHostPort(ln.String())
	if err != nil {
		return []string{"http://" + ln.String() + "/"}
	}
	loopback := "127.0.0.1"
	if bindHost == "::" {
		loopback = "::1"
	}
	urls := []string{"http://" + net.JoinHostPort(loopback, port) + "/"}
	for _, ip := range m.ips() {
		if ip.IsLoopback() || ip.IsUnspecified() || ip.IsLinkLocalUnicast() && ip.To4() == nil {
			continue
		}
		urls = append(urls, "http://"+net.JoinHostPort(ip.String(), port)+"/")
	}
	return urls
}

// hostList is the Host allow-list.
type hostList struct {
	// names are hosts (lower case, IPv6 without brackets) accepted with
	// the server's own port, besides the loopback names.
	names map[string]bool
	// given are AllowHosts entries as Host values: "name" (which a proxy
	// on its default port sends) and "name:port", accepted as they are.
	given map[string]bool
}

func newHostList(opts Options) hostList {
	l := hostList{names: map[string]bool{}, given: map[string]bool{}}
	l.names[normalizeHost(opts.BindHost)] = true
	if Wildcard(opts.BindHost) {
		for _, ip := range opts.Machine.ips() {
			l.names[ip.String()] = true
		}
		for _, n := range opts.Machine.names() {
			l.names[n] = true
		}
	}
	for _, h := range opts.AllowHosts {
		host, port, err := parseAllowHost(h)
		if err != nil {
			continue // CheckAllowHost's caller was told
		}
		if port == "" {
			l.names[host] = true
		}
		l.given[joinHost(host, port)] = true
	}
	delete(l.names, "")
	return l
}

// CheckAllowHost reports why name cannot be an Options.AllowHosts entry, or
// nil: it must be a host name or IP address, optionally with ":port".
func CheckAllowHost(name string) error {
	_, _, err := parseAllowHost(name)
	return err
}

func parseAllowHost(s string) (host, port string, err error) {
	notHost := fmt.Errorf("%q is not a host name: give the name alone (tunnel.example.org), or the name and its port (tunnel.example.org:8080)", s)
	if strings.ContainsAny(s, "/@") { // a URL
		return "", "", notHost
	}
	host = s
	if h, p, err := net.SplitHostPort(s); err == nil {
		if n, err := strconv.Atoi(p); err != nil || n < 1 || n > 65535 || !isDigits(p) {
			return "", "", fmt.Errorf("%q: the port must be a number from 1 to 65535", s)
		}
		host, port = h, p
	}
	host = normalizeHost(host)
	if net.ParseIP(host) == nil && !isDNSName(host) {
		return "", "", notHost
	}
	return host, port, nil
}

// joinHost is a Host header value: host, or host:port when port is set.
func joinHost(host, port string) string {
	if port == "" {
		if strings.Contains(host, ":") {
			return "[" + host + "]"
		}
		return host
	}
	return net.JoinHostPort(host, port)
}

// hostAllowed reports whether a Host header names this server: localhost,
// a *.localhost name, 127.0.0.1, ::1 or a name of l, on the port the
// request came in on (own, from localPort), or an AllowHosts entry exactly.
// A Host without a port means port 80. A page on another name that
// resolves here (DNS rebinding) is refused, and so is one on another port:
// a browser that reached this server directly names the port it used, so a
// different one means something in between (port forwarding, a proxy),
// which AllowHosts must name.
func (l hostList) hostAllowed(hostport, own string) bool {
	host, port := hostport, ""
	if h, p, err := net.SplitHostPort(hostport); err == nil {
		if !isDigits(p) {
			return false
		}
		host, port = h, p
	}
	host = normalizeHost(host)
	switch {
	case host == "":
		return false
	case l.given[joinHost(host, port)]:
		return true
	}
	if port == "" {
		port = "80"
	}
	if port != own {
		return false
	}
	switch {
	case host == "localhost", host == "127.0.0.1", host == "::1":
		return true
	case strings.HasSuffix(host, ".localhost"):
		return isDNSName(host)
	}
	return l.names[host]
}

// originAllowed reports whether an Origin header names a page of this
// server: http or https on a host hostAllowed accepts. "null" (a file:
// page, a sandboxed frame) does not.
func (l hostList) originAllowed(origin, own string) bool {
	u, err := url.Parse(origin)
	if err != nil || u.Scheme != "http" && u.Scheme != "https" || u.Opaque != "" || u.User != nil ||
		u.Path != "" || u.RawQuery != "" || u.Fragment != "" {
		return false
	}
	return l.hostAllowed(u.Host, own)
}

// localPort is the port the request came in on, "" when unknown.
func localPort(r *http.Request) string {
	a, ok := r.Context().Value(http.LocalAddrContextKey).(net.Addr)
	if !ok {
		return ""
	}
	_, port, err := net.SplitHostPort(a.String())
	if err != nil {
		return ""
	}
	return port
}

// normalizeHost lower-cases a host and strips IPv6 brackets.
func normalizeHost(h string) string {
	h = strings.ToLower(h)
	if len(h) >= 2 && h[0] == '[' && h[len(h)-1] == ']' {
		h = h[1 : len(h)-1]
	}
	return h
}

func isDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// isDNSName reports whether h is dot-separated non-empty labels of
// lower-case letters, digits and hyphens.
func isDNSName(h string) bool {
	for label := range strings.SplitSeq(h, ".") {
		if label == "" {
			return false
		}
		for i := 0; i < len(label); i++ {
			c := label[i]
			if !('a' <= c && c <= 'z' || '0' <= c && c <= '9' || c == '-') {
				return false
			}
		}
	}
	return true
}
