package dev.specboard.web;

import io.quarkus.qute.TemplateExtension;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * Times as people read them, for every template: {@code {t.ago}} ("3 minutes ago", "yesterday", "in 2 hours") and
 * {@code {t.exact}} ("30 Nov 2026, 06:38:30 UTC"). Pages show them through the {@code {#time t /}} tag, which renders
 * {@code <time datetime="ISO" title="exact" data-relative>relative</time>}: the server computes the text, and
 * {@code static/times.js} re-words it the same way every minute while a page stays open.
 */
@TemplateExtension
public final class TimeExtensions {

    private static final DateTimeFormatter EXACT = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm:ss 'UTC'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DAY_THIS_YEAR = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private TimeExtensions() {
    }

    /** The time relative to now, in words. */
    public static String ago(Instant time) {
        return relative(time, Instant.now(Clock.systemUTC()));
    }

    /** The exact time in UTC, for a title to hover over. */
    public static String exact(Instant time) {
        return time == null ? "" : EXACT.format(time);
    }

    /**
     * The time relative to {@code now}: "just now", "N minutes/hours ago", "yesterday", "N days ago", then the day
     * ("on 3 Mar", with the year when it is another year); the same in the future ("in 5 minutes", "tomorrow").
     */
    static String relative(Instant time, Instant now) {
        if (time == null) {
            return "";
        }
        boolean future = time.isAfter(now);
        Duration d = future ? Duration.between(now, time) : Duration.between(time, now);
        long seconds = d.getSeconds();
        if (seconds < 45) {
            return future ? "in a moment" : "just now";
        }
        if (seconds < 45 * 60) {
            return around(Math.max(1, Math.round(seconds / 60.0)), "minute", future);
        }
        long days = Math.abs(ChronoUnit.DAYS.between(day(now), day(time)));
        if (seconds < 22 * 3600 || days == 0) {
            return around(Math.max(1, Math.round(seconds / 3600.0)), "hour", future);
        }
        if (days == 1) {
            return future ? "tomorrow" : "yesterday";
        }
        if (days < 7) {
            return around(days, "day", future);
        }
        return "on " + (day(time).getYear() == day(now).getYear() ? DAY_THIS_YEAR : DAY).format(time);
    }

    private static String around(long n, String unit, boolean future) {
        String amount = PluralExtensions.plural(n, unit);
        return future ? "in " + amount : amount + " ago";
    }

    private static LocalDate day(Instant t) {
        return LocalDate.ofInstant(t, ZoneOffset.UTC);
    }
}
