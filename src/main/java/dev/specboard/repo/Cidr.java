package dev.specboard.repo;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** A block of IP addresses written as {@code 10.0.0.0/8} or {@code fc00::/7} (a bare address is a block of one). */
public record Cidr(byte[] network, int prefix) {

    private static final Pattern LITERAL = Pattern.compile("^(\\d{1,3}(\\.\\d{1,3}){3}|\\[?[0-9A-Fa-f:]*:[0-9A-Fa-f:.]*]?)$");

    /**
     * Addresses a repository URL may not reach unless allowed: "this" network, private, shared
     * (carrier NAT), loopback, link-local, benchmarking, multicast and reserved ranges.
     */
    static final List<Cidr> INTERNAL = List.of(
            of("0.0.0.0/8"), of("10.0.0.0/8"), of("100.64.0.0/10"), of("127.0.0.0/8"), of("169.254.0.0/16"),
            of("172.16.0.0/12"), of("192.0.0.0/24"), of("192.168.0.0/16"), of("198.18.0.0/15"), of("224.0.0.0/4"),
            of("240.0.0.0/4"), of("::/128"), of("::1/128"), of("fc00::/7"), of("fe80::/10"), of("fec0::/10"), of("ff00::/8"),
            // Translation and tunnel blocks that lead to IPv4 hosts: NAT64 for local use (RFC 8215) and Teredo.
            of("64:ff9b:1::/48"), of("2001::/32"));

    /**
     * IPv6 blocks that carry an IPv4 address in their last four bytes (compatible, NAT64); Java already
     * turns IPv4-mapped addresses ({@code ::ffff:a.b.c.d}) into IPv4 ones.
     */
    private static final List<Cidr> EMBEDDING_IPV4 = List.of(of("::/96"), of("64:ff9b::/96"));

    /** 6to4 (RFC 3056): the IPv4 address a relay forwards to is in bytes 2 to 5, so {@code 2002:7f00:1::} is 127.0.0.1. */
    private static final Cidr SIX_TO_FOUR = of("2002::/16");

    /** The block written as {@code address[/prefix]}, when it is one; a host name is not. */
    public static Optional<Cidr> parse(String text) {
        String t = text.trim();
        int slash = t.indexOf('/');
        String address = slash < 0 ? t : t.substring(0, slash);
        if (!LITERAL.matcher(address).matches()) {
            return Optional.empty();
        }
        try {
            // A literal is parsed without any name lookup.
            byte[] bytes = InetAddress.getByName(address).getAddress();
            int prefix = slash < 0 ? bytes.length * 8 : Integer.parseInt(t.substring(slash + 1));
            if (prefix < 0 || prefix > bytes.length * 8) {
                return Optional.empty();
            }
            return Optional.of(new Cidr(bytes, prefix));
        } catch (UnknownHostException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Cidr of(String text) {
        return parse(text).orElseThrow();
    }

    public boolean contains(InetAddress address) {
        byte[] a = address.getAddress();
        if (a.length != network.length) {
            return false;
        }
        int full = prefix / 8;
        for (int i = 0; i < full; i++) {
            if (a[i] != network[i]) {
                return false;
            }
        }
        int rest = prefix % 8;
        if (rest == 0) {
            return true;
        }
        int mask = (0xff << (8 - rest)) & 0xff;
        return (a[full] & mask) == (network[full] & mask);
    }

    /** Whether the address is loopback, private, link-local, multicast or otherwise not on the public internet. */
    static boolean isInternal(InetAddress address) {
        if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return true;
        }
        if (INTERNAL.stream().anyMatch(c -> c.contains(address))) {
            return true;
        }
        if (EMBEDDING_IPV4.stream().anyMatch(c -> c.contains(address))) {
            return isInternalIpv4(Arrays.copyOfRange(address.getAddress(), 12, 16));
        }
        if (SIX_TO_FOUR.contains(address)) {
            return isInternalIpv4(Arrays.copyOfRange(address.getAddress(), 2, 6));
        }
        return false;
    }

    private static boolean isInternalIpv4(byte[] embedded) {
        try {
            return isInternal(InetAddress.getByAddress(embedded));
        } catch (UnknownHostException e) {
            return true;
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Cidr c && prefix == c.prefix && Arrays.equals(network, c.network);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(network) + prefix;
    }

    @Override
    public String toString() {
        try {
            return InetAddress.getByAddress(network).getHostAddress() + "/" + prefix;
        } catch (UnknownHostException e) {
            return Arrays.toString(network) + "/" + prefix;
        }
    }
}
