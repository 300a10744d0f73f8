package dev.specboard.repo;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Whether the server may connect to a host it was given: not one that is, or resolves to, a loopback, private, link-local
 * or multicast address, unless an administrator's allow-list (host names, addresses or CIDR blocks, comma-separated) names
 * it. Repository URLs ({@code specboard.repos.allowed-hosts}) and context URLs ({@code specboard.context.url-fetch-internal-hosts})
 * are checked by it, each with its own list.
 */
public final class HostGuard {

    /** A host of numbers only: decimal, octal (leading 0) or hex (0x) parts between dots. */
    private static final Pattern NUMERIC_HOST = Pattern.compile("^(0x[0-9a-f]*|[0-9]+)(\\.(0x[0-9a-f]*|[0-9]+))*$");

    /** An IPv4 address as four decimal numbers without leading zeros, which every resolver reads the same way. */
    private static final Pattern DOTTED_QUAD = Pattern.compile("^(0|[1-9][0-9]{0,2})(\\.(0|[1-9][0-9]{0,2})){3}$");

    private final List<String> allowList;
    private final String users;
    private final String property;

    private HostGuard(List<String> allowList, String users, String property) {
        this.allowList = allowList;
        this.users = users;
        this.property = property;
    }

    /**
     * The guard of one kind of address: {@code allowed} is the administrator's comma-separated list (none: no internal host),
     * {@code users} what its refusal says may not use such a host ("repositories"), {@code property} where the list is set.
     */
    public static HostGuard of(Optional<String> allowed, String users, String property) {
        List<String> list = allowed.stream().flatMap(s -> Arrays.stream(s.split(",")))
                .map(s -> s.trim().toLowerCase(Locale.ROOT).replaceAll("\\.$", "")).filter(s -> !s.isEmpty()).toList();
        return new HostGuard(list, users, property);
    }

    /**
     * Why the host may not be used: it is, or resolves to, an internal address that the allow-list does not name. A host
     * that does not resolve passes unless {@code mustResolve} (right before a connection, when it must).
     */
    public Optional<String> problem(String host, boolean mustResolve) {
        String h = host.toLowerCase(Locale.ROOT).replaceAll("^\\[|]$", "").replaceAll("\\.$", "");
        Optional<String> literal = literalProblem(h);
        if (literal.isPresent()) {
            return literal;
        }
        List<Cidr> allowedBlocks = new ArrayList<>();
        for (String entry : allowList) {
            if (entry.equals(h)) {
                return Optional.empty();
            }
            Cidr.parse(entry).ifPresent(allowedBlocks::add);
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(h);
        } catch (UnknownHostException e) {
            return mustResolve ? Optional.of("the host " + h + " could not be resolved") : Optional.empty();
        }
        for (InetAddress a : addresses) {
            if (Cidr.isInternal(a) && allowedBlocks.stream().noneMatch(b -> b.contains(a))) {
                return Optional.of("the host " + h + " is a loopback, private, link-local or multicast address, which " + users
                        + " may not use (an administrator can allow it with " + property + ")");
            }
        }
        return Optional.empty();
    }

    /**
     * Why a host is refused as written, before any lookup: an IPv6 address with a zone ({@code fe80::1%eth0}) names a network
     * interface of this server; a number written in any other form than four decimals (0x7f000001, 2130706433, 0177.0.0.1)
     * is read as an address differently by different resolvers (the same text may be 127.0.0.1 to one and public to the
     * other, or a name to look up), so it may be a loopback address the checks below do not see. The resolved-address
     * check right before each connection stays the guard for names.
     */
    private Optional<String> literalProblem(String h) {
        if (h.indexOf('%') >= 0) {
            return Optional.of("the host " + h + " is an IPv6 address with a zone (after %), which names a network interface of this server: "
                    + users + " may not use it");
        }
        if (NUMERIC_HOST.matcher(h).matches() && !(DOTTED_QUAD.matcher(h).matches()
                && Arrays.stream(h.split("\\.")).allMatch(part -> Integer.parseInt(part) <= 255))) {
            return Optional.of("the host " + h + " is a number but not an IPv4 address written as four decimal numbers from 0 to 255 (like "
                    + "192.0.2.1); in hex, in octal or as one number it may denote a loopback, private, link-local or multicast address, which "
                    + users + " may not use");
        }
        return Optional.empty();
    }
}
