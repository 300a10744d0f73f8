package dev.specboard.repo;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A name that is no UTF-8 keeps git's quoted form as its key and reads with U+FFFD for its stray bytes. */
class GitNamesTest {

    @Test
    void aNameThatIsNoUtf8ReadsWithReplacementCharacters() {
        byte[] raw = {'b', 'a', 'd', (byte) 0xff, 'n', 'a', 'm', 'e', '.', 't', 'x', 't'};
        String key = GitNames.pathOf(raw);
        assertEquals("bad\\377name.txt", key, "the key stays git's quoted form, which links carry");
        assertEquals("bad\uFFFDname.txt", GitNames.readable(key));
        assertTrue(GitNames.notUtf8(key));

        String mixed = GitNames.pathOf("dir/caf\u00e9 \u00fcber.txt".getBytes(StandardCharsets.ISO_8859_1));
        assertEquals("dir/caf\uFFFD \uFFFDber.txt", GitNames.readable(mixed));
        String utf8AndStray = GitNames.pathOf(new byte[] {(byte) 0xc3, (byte) 0xa9, (byte) 0xe9});
        assertEquals("\u00e9\uFFFD", GitNames.readable(utf8AndStray), "the UTF-8 part reads as itself");
    }

    @Test
    void aUtf8NameIsShownAsWrittenEvenWithBackslashes() {
        assertEquals("caf\u00e9.txt", GitNames.readable("caf\u00e9.txt"));
        assertEquals("a\\b.txt", GitNames.readable("a\\b.txt"));
        assertEquals("\\101.txt", GitNames.readable("\\101.txt"), "an ASCII byte is never escaped");
        assertEquals("x\\303\\251.txt", GitNames.readable("x\\303\\251.txt"), "bytes that make UTF-8 were never escaped: typed so");
        assertFalse(GitNames.notUtf8("x\\303\\251.txt"));
        assertFalse(GitNames.notUtf8(null));
    }
}
