package dev.specboard.architecture;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;
import java.util.UUID;

/** Used until the repository feature provides a manifest-backed {@link CodePresence}: everything is unknown. */
@DefaultBean
@ApplicationScoped
public class UnknownCodePresence implements CodePresence {

    @Override
    public Optional<Boolean> fileExists(UUID projectId, String path) {
        return Optional.empty();
    }
}
