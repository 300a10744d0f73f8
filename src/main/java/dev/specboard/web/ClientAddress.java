package dev.specboard.web;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
import org.eclipse.microprofile.config.ConfigProvider;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The address of the client a request comes from, which the login and password reset limits count by and their log lines
 * name. It is the direct peer, unless that is a trusted proxy ({@code quarkus.http.proxy.trusted-proxies}); then it is
 * the rightmost address of {@code X-Forwarded-For} that is not a trusted proxy. Each proxy appends the address it sees,
 * so that entry was written by a proxy we trust, while everything left of it is whatever the client sent: Quarkus takes
 * the leftmost address, which behind an appending proxy ({@code $proxy_add_x_forwarded_for}) the client chooses.
 */
public final class ClientAddress {

    private static final String TRUSTED_PROXIES = "quarkus.http.proxy.trusted-proxies";
    private static final Pattern IPV4 = Pattern.compile("^\\d{1,3}(\\.\\d{1,3}){3}$");
    private static final Pattern IPV6 = Pattern.compile("^[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*$");
    private static final int MAX_LENGTH = 64;

    /** The trusted proxies as configured, and as parsed from that text (read again only when the text changes). */
    private static volatile Trusted trusted = new Trusted("", List.of());

    private ClientAddress() {
    }

    /** The client's address for this request, as described above; null when the connection names no peer. */
    public static String of(HttpServerRequest request) {
        SocketAddress peer = request.connection() == null ? null : request.connection().remoteAddress();
        String peerAddress = peer == null ? null : peer.hostAddress() != null ? peer.hostAddress() : peer.host();
        return of(peerAddress, request.headers().getAll("X-Forwarded-For"), trustedProxies());
    }

    /** Whether the direct peer is a trusted proxy, whose {@code X-Forwarded-*} headers are believed. */
    public static boolean fromTrustedProxy(HttpServerRequest request) {
        SocketAddress peer = request.connection() == null ? null : request.connection().remoteAddress();
        return peer != null && isTrusted(peer.hostAddress() != null ? peer.hostAddress() : peer.host(), trustedProxies());
    }

    /** {@link #of(HttpServerRequest)} from its parts: the peer's address, the header's values in order, the trusted ranges. */
    static String of(String peer, List<String> forwardedFor, List<Range> trustedProxies) {
        if (peer == null || !isTrusted(peer, trustedProxies)) {
            return peer;
        }
        List<String> hops = new ArrayList<>();
        for (String value : forwardedFor) {
            for (String hop : value.split(",")) {
                if (!hop.isBlank()) {
                    hops.add(withoutPort(hop.strip()));
                }
            }
        }
        for (int i = hops.size() - 1; i >= 0; i--) {
            if (!isTrusted(hops.get(i), trustedProxies)) {
                return hops.get(i);
            }
        }
        // Only trusted proxies in the chain (or no header): the farthest one is the client.
        return hops.isEmpty() ? peer : hops.get(0);
    }

    /**
     * The address as counted: an IPv6 client holds a whole /64 (any address in it is theirs to use), so all of one /64
     * count as one; an address nobody told us is {@code unknown}.
     */
    public static String key(String host) {
        if (host == null || host.isBlank()) {
            return "unknown";
        }
        String h = host.strip();
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        if (IPV6.matcher(h).matches()) {
            try {
                // A literal is parsed without any name lookup.
                byte[] bytes = InetAddress.getByName(h).getAddress();
                if (bytes.length == 16) {
                    Arrays.fill(bytes, 8, 16, (byte) 0);
                    return InetAddress.getByAddress(bytes).getHostAddress() + "/64";
                }
                return InetAddress.getByAddress(bytes).getHostAddress();
            } catch (UnknownHostException e) {
                // not an address after all: counted as written
            }
        }
        return h.length() > MAX_LENGTH ? h.substring(0, MAX_LENGTH) : h;
    }

    /** An address range: the first {@code bits} bits of {@code address}. */
    record Range(byte[] address, int bits) {

        boolean contains(byte[] other) {
            if (other.length != address.length) {
                return false;
            }
            for (int i = 0; i < bits; i++) {
                int mask = 0x80 >> (i % 8);
                if ((address[i / 8] & mask) != (other[i / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }

    /**
     * The ranges of {@code quarkus.http.proxy.trusted-proxies}: addresses ({@code [::1]}, an optional port ignored) and
     * CIDR ranges. A host name is never looked up (Quarkus would, and TrustedProxiesTest keeps them out): it matches nothing.
     */
    static List<Range> ranges(List<String> entries) {
        List<Range> ranges = new ArrayList<>();
        for (String entry : entries) {
            String e = entry.strip();
            int slash = e.indexOf('/');
            String address = withoutPort(slash < 0 ? e : e.substring(0, slash));
            byte[] bytes = literal(address);
            if (bytes == null) {
                continue;
            }
            int bits = bytes.length * 8;
            if (slash >= 0) {
                try {
                    bits = Math.min(bits, Math.max(0, Integer.parseInt(e.substring(slash + 1).strip())));
                } catch (NumberFormatException ex) {
                    continue;
                }
            }
            ranges.add(new Range(bytes, bits));
        }
        return List.copyOf(ranges);
    }

    static boolean isTrusted(String address, List<Range> trustedProxies) {
        byte[] bytes = literal(address);
        return bytes != null && trustedProxies.stream().anyMatch(r -> r.contains(bytes));
    }

    /** The bytes of an IPv4 or IPv6 literal (brackets allowed), else null; never a name lookup. */
    private static byte[] literal(String address) {
        if (address == null) {
            return null;
        }
        String a = address.strip();
        if (a.startsWith("[") && a.endsWith("]")) {
            a = a.substring(1, a.length() - 1);
        }
        int zone = a.indexOf('%');
        if (zone >= 0) {
            a = a.substring(0, zone);
        }
        if (IPV4.matcher(a).matches()) {
            // Parsed here: InetAddress would look a malformed one (999.1.1.1) up in DNS.
            String[] parts = a.split("\\.");
            byte[] bytes = new byte[4];
            for (int i = 0; i < 4; i++) {
                int n = Integer.parseInt(parts[i]);
                if (n > 255) {
                    return null;
                }
                bytes[i] = (byte) n;
            }
            return bytes;
        }
        if (!IPV6.matcher(a).matches()) {
            return null;
        }
        try {
            // A string with a colon is only ever parsed as a literal; an IPv4-mapped one comes back as the IPv4 address.
            return InetAddress.getByName(a).getAddress();
        } catch (UnknownHostException e) {
            return null;
        }
    }

    /** {@code 203.0.113.9:4711} or {@code [2001:db8::1]:4711} without the port; a bare IPv6 address as it is. */
    private static String withoutPort(String hop) {
        if (hop.startsWith("[")) {
            int end = hop.indexOf(']');
            return end < 0 ? hop : hop.substring(1, end);
        }
        int colon = hop.indexOf(':');
        return colon >= 0 && colon == hop.lastIndexOf(':') ? hop.substring(0, colon) : hop;
    }

    private static List<Range> trustedProxies() {
        List<String> configured = ConfigProvider.getConfig().getOptionalValues(TRUSTED_PROXIES, String.class).orElse(List.of());
        String text = String.join(",", configured);
        Trusted known = trusted;
        if (!known.text().equals(text)) {
            known = new Trusted(text, ranges(configured));
            trusted = known;
        }
        return known.ranges();
    }

    private record Trusted(String text, List<Range> ranges) {
    }
}
