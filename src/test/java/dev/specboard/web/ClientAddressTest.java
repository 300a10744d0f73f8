package dev.specboard.web;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClientAddressTest {

    @Test
    void anIpv4AddressCountsAsItself() {
        assertEquals("203.0.113.9", ClientAddress.key("203.0.113.9"));
        assertNotEquals(ClientAddress.key("203.0.113.9"), ClientAddress.key("203.0.113.10"));
    }

    /** One IPv6 client usually holds a whole /64: trying from each of its addresses must not reset the count. */
    @Test
    void theAddressesOfOneIpv6Slash64CountAsOne() {
        assertEquals(ClientAddress.key("2001:db8:1:2::5"), ClientAddress.key("[2001:db8:1:2:ffff:ffff:ffff:1]"));
        assertNotEquals(ClientAddress.key("2001:db8:1:2::5"), ClientAddress.key("2001:db8:1:3::5"));
        assertEquals("203.0.113.9", ClientAddress.key("::ffff:203.0.113.9"), "an IPv4-mapped address is the IPv4 one");
    }

    @Test
    void whatIsNoAddressIsCountedAsWrittenAndNothingAsUnknown() {
        assertEquals("unknown", ClientAddress.key(null));
        assertEquals("unknown", ClientAddress.key(" "));
        assertEquals("proxy.example", ClientAddress.key("proxy.example"));
        assertEquals(64, ClientAddress.key("x".repeat(300)).length());
    }

    private static final List<ClientAddress.Range> LOOPBACK_AND_COMPOSE = ClientAddress.ranges(List.of("127.0.0.1", "[::1]", "172.30.80.0/24"));

    /**
     * Behind a proxy that appends ($proxy_add_x_forwarded_for) the client writes the start of X-Forwarded-For itself:
     * the address counted is the last one a trusted proxy wrote, whatever the client put before it.
     */
    @Test
    void theRightmostAddressThatIsNoTrustedProxyIsTheClients() {
        assertEquals("203.0.113.9", ClientAddress.of("127.0.0.1", List.of("1.2.3.4, 5.6.7.8, 203.0.113.9"), LOOPBACK_AND_COMPOSE));
        assertEquals("203.0.113.9", ClientAddress.of("172.30.80.5", List.of("1.2.3.4", "203.0.113.9, 172.30.80.7"), LOOPBACK_AND_COMPOSE),
                "proxies in a chain are passed over, and header lines are read in order");
        assertEquals("203.0.113.9", ClientAddress.of("0:0:0:0:0:0:0:1", List.of("garbage,203.0.113.9:51234"), LOOPBACK_AND_COMPOSE));
        assertEquals("2001:db8::5", ClientAddress.of("127.0.0.1", List.of("[2001:db8::5]:443"), LOOPBACK_AND_COMPOSE));
        assertEquals("127.0.0.1", ClientAddress.of("127.0.0.1", List.of(), LOOPBACK_AND_COMPOSE), "no header: the peer");
        assertEquals("172.30.80.9", ClientAddress.of("127.0.0.1", List.of("172.30.80.9, 127.0.0.1"), LOOPBACK_AND_COMPOSE),
                "only proxies: the farthest");
    }

    @Test
    void anUntrustedPeersHeaderIsIgnored() {
        assertEquals("198.51.100.7", ClientAddress.of("198.51.100.7", List.of("203.0.113.9"), LOOPBACK_AND_COMPOSE));
        assertEquals("127.0.0.2", ClientAddress.of("127.0.0.2", List.of("203.0.113.9"), LOOPBACK_AND_COMPOSE), "only 127.0.0.1 is trusted");
        assertEquals("127.0.0.1", ClientAddress.of("127.0.0.1", List.of("203.0.113.9"), List.of()), "no proxy trusted at all");
    }

    @Test
    void trustedProxiesAreAddressesAndRangesNeverLookedUp() {
        assertTrue(ClientAddress.isTrusted("172.30.80.255", LOOPBACK_AND_COMPOSE));
        assertFalse(ClientAddress.isTrusted("172.30.81.0", LOOPBACK_AND_COMPOSE));
        assertTrue(ClientAddress.isTrusted("::ffff:127.0.0.1", LOOPBACK_AND_COMPOSE), "an IPv4-mapped address is the IPv4 one");
        assertTrue(ClientAddress.isTrusted("[2001:db8::1]", ClientAddress.ranges(List.of("[2001:db8::]/32"))));
        assertFalse(ClientAddress.isTrusted("2001:db9::1", ClientAddress.ranges(List.of("[2001:db8::]/32"))));
        assertFalse(ClientAddress.isTrusted("999.0.0.1", ClientAddress.ranges(List.of("0.0.0.0/0"))));
        assertTrue(ClientAddress.ranges(List.of("proxy.example", "10.0.0.0/x")).isEmpty(), "a name is never resolved, a bad range skipped");
    }
}
