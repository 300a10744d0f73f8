package dev.specboard.account;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.regex.Pattern;

/** The client address that login attempts are counted by. */
final class ClientAddress {

    private static final Pattern IPV6 = Pattern.compile("^[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*$");
    private static final int MAX_LENGTH = 64;

    private ClientAddress() {
    }

    /**
     * The address as counted: an IPv6 client holds a whole /64 (any address in it is theirs to use), so all of one /64
     * count as one; an address nobody told us is {@code unknown}.
     */
    static String key(String host) {
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
}
