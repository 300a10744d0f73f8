package dev.specboard.account;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

class PasswordCheckTest {

    /** A hash of a random password at cost 12. */
    private static final String HASH = "$2a$12$KqHRR2ScEZb9GnKe3F.aLOKp5Zdr8SsA8o1X8ugZ7qb6GxmYGfEXS";

    /** Hashing 100,000 characters at cost 12 would hold a CPU for minutes; no stored password is that long anyway. */
    @Test
    void passwordLongerThanAnyAcceptedIsRefusedWithoutHashing() {
        assertTimeoutPreemptively(Duration.ofSeconds(30),
                () -> assertFalse(PasswordCheck.matches("p".repeat(100_000), HASH)));
        assertFalse(PasswordCheck.matches("p".repeat(PasswordCheck.MAX_LENGTH + 1), HASH));
    }
}
