package dev.specboard.repo;

import io.quarkus.runtime.configuration.MemorySize;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How much one clone or fetch may receive; a sync that passes a cap stops and fails saying so ({@link ObjectProgress}).
 * Bytes (the pack as sent, compressed): a repository of many gigabytes filled the data disk. Objects: a pack of millions
 * of tiny objects stays under the size cap, and JGit keeps an entry of some 100 bytes on the heap for every object it
 * receives, so the default, 500,000, takes some 50 MB of it at its peak (as many as specboard.repos.max-files takes).
 */
@ApplicationScoped
class FetchCaps {

    @ConfigProperty(name = "specboard.repos.max-fetch-size", defaultValue = "2G")
    MemorySize maxFetch;

    @ConfigProperty(name = "specboard.repos.max-fetch-objects", defaultValue = "500000")
    long maxObjects;

    long maxBytes() {
        return maxFetch.asLongValue();
    }

    long maxObjects() {
        return maxObjects;
    }
}
