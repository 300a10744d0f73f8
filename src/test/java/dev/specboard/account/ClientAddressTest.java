package dev.specboard.account;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

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
}
