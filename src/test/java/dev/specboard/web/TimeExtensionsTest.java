package dev.specboard.web;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TimeExtensionsTest {

    private static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");

    private static String ago(Duration d) {
        return TimeExtensions.relative(NOW.minus(d), NOW);
    }

    @Test
    void recentTimesReadInMinutesAndHours() {
        assertEquals("just now", ago(Duration.ofSeconds(10)));
        assertEquals("1 minute ago", ago(Duration.ofSeconds(70)));
        assertEquals("3 minutes ago", ago(Duration.ofMinutes(3)));
        assertEquals("1 hour ago", ago(Duration.ofMinutes(50)));
        assertEquals("5 hours ago", ago(Duration.ofHours(5)));
    }

    @Test
    void olderTimesReadInDaysThenAsADay() {
        assertEquals("yesterday", ago(Duration.ofHours(30)));
        assertEquals("3 days ago", ago(Duration.ofDays(3)));
        assertEquals("on 2 Nov", ago(Duration.ofDays(28)));
        assertEquals("on 30 Nov 2025", ago(Duration.ofDays(365)));
    }

    @Test
    void futureTimesReadAheadLikeLeasesAndExpiries() {
        assertEquals("in a moment", TimeExtensions.relative(NOW.plusSeconds(20), NOW));
        assertEquals("in 5 minutes", TimeExtensions.relative(NOW.plus(Duration.ofMinutes(5)), NOW));
        assertEquals("in 2 hours", TimeExtensions.relative(NOW.plus(Duration.ofHours(2)), NOW));
        assertEquals("tomorrow", TimeExtensions.relative(NOW.plus(Duration.ofHours(26)), NOW));
    }

    @Test
    void theExactTimeIsInUtcToTheSecond() {
        assertEquals("30 Nov 2026, 06:38:30 UTC", TimeExtensions.exact(Instant.parse("2026-11-30T06:38:30.386265Z")));
        assertEquals("", TimeExtensions.exact(null));
        assertEquals("", TimeExtensions.ago(null));
    }

    @Test
    void countsNameTheirNounInEnglish() {
        assertEquals("1 task", PluralExtensions.plural(1, "task"));
        assertEquals("0 tasks", PluralExtensions.plural(0, "task"));
        assertEquals("3 stories", PluralExtensions.plural(3L, "story"));
        assertEquals("2 days", PluralExtensions.plural(2, "day"));
        assertEquals("4 matches", PluralExtensions.plural(4, "match"));
        assertEquals("2 current mockups", PluralExtensions.plural(2, "current mockup"));
        assertEquals("2 people", PluralExtensions.plural(2, "person", "people"));
    }
}
