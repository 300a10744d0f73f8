package dev.specboard.web;

import io.quarkus.test.junit.QuarkusTest;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class TrustedProxiesTest {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}(/\\d{1,2})?");
    private static final Pattern IPV6 = Pattern.compile("\\[[0-9a-fA-F:.]+](/\\d{1,3})?");

    /**
     * Quarkus resolves every trusted proxy that is not an address literal through DNS, a bare {@code ::1} included;
     * where DNS did not answer, that held about one request in sixty for five seconds, on every page.
     */
    @Test
    void trustedProxiesAreAddressLiteralsThatNeedNoDnsLookup() {
        List<String> proxies = ConfigProvider.getConfig().getValues("quarkus.http.proxy.trusted-proxies", String.class);
        assertFalse(proxies.isEmpty());
        for (String p : proxies) {
            assertTrue(IPV4.matcher(p.strip()).matches() || IPV6.matcher(p.strip()).matches(),
                    p + " is not an IPv4 address, a bracketed IPv6 address or a CIDR range of one");
        }
        assertTrue(proxies.contains("[::1]"), "the IPv6 loopback is trusted, written so that it is not taken for a host name");
    }
}
