package dev.specboard.project;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import java.util.OptionalLong;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.function.ToIntFunction;

/**
 * What a feature keeps per project while one of the project's counters stands still (see {@link ProjectCounter}): a
 * kept value is keyed by the project, its slug (kept links carry it, and a project can be renamed), the counter as the
 * access read it and the feature's own key, so a change that moves the counter, on any path and any app instance,
 * leaves it unreachable. An access made for a change has no counters: it reads afresh and keeps nothing.
 */
public final class KeptByCounter<K, V> {

    private record Key<K>(UUID projectId, String slug, long version, K key) {
    }

    private final String counter;
    private final Cache<Key<K>, V> kept;

    private KeptByCounter(String counter, Cache<Key<K>, V> kept) {
        this.counter = counter;
        this.kept = kept;
    }

    /** At most {@code entries} values kept under {@code counter}. */
    public static <K, V> KeptByCounter<K, V> upTo(String counter, long entries) {
        return new KeptByCounter<>(counter, Caffeine.newBuilder().maximumSize(entries).build());
    }

    /** Values kept under {@code counter} up to a total {@code weight}, each weighing what {@code weigher} says. */
    public static <K, V> KeptByCounter<K, V> weighing(String counter, long weight, ToIntFunction<V> weigher) {
        return new KeptByCounter<>(counter, Caffeine.newBuilder().maximumWeight(weight)
                .<Key<K>, V>weigher((k, v) -> weigher.applyAsInt(v)).build());
    }

    /** The value kept for {@code key} at the access's counter, else the one {@code read} answers (then kept). */
    public V get(Access access, K key, Supplier<V> read) {
        OptionalLong version = access.counter(counter);
        if (version.isEmpty()) {
            return read.get();
        }
        Key<K> k = new Key<>(access.project().id, access.slug(), version.getAsLong(), key);
        V value = kept.getIfPresent(k);
        if (value == null) {
            // Read outside the cache's lock: two requests may both read on a miss, which is harmless.
            value = read.get();
            kept.put(k, value);
        }
        return value;
    }

    /** The one value kept per project at the access's counter, else the one {@code read} answers (then kept). */
    public V get(Access access, Supplier<V> read) {
        return get(access, null, read);
    }
}
