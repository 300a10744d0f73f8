package dev.specboard.web;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The application's embedded database (the tests' too) takes only the password it was given: no other account of the
 * machine logs in as the well-known postgres, with or without a password. An external server has rules of its own.
 */
@QuarkusTest
class EmbeddedPostgresPasswordTest {

    @Inject
    AgroalDataSource dataSource;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String url;

    @ConfigProperty(name = "quarkus.datasource.password")
    String password;

    @ConfigProperty(name = "SPECBOARD_DB_URL")
    Optional<String> external;

    @Test
    void theEmbeddedDatabaseTakesOnlyTheApplicationsPassword() throws Exception {
        assumeTrue(external.filter(u -> !u.isBlank()).isEmpty(), "an external server has rules of its own");
        try (Connection c = dataSource.getConnection()) {
            assertTrue(c.isValid(5));
        }
        assertNotEquals("postgres", password);
        assertThrows(SQLException.class, () -> DriverManager.getConnection(url).close(), "no password");
        assertThrows(SQLException.class, () -> DriverManager.getConnection(url, "postgres", "postgres").close(), "the well-known one");
        try (Connection c = DriverManager.getConnection(url, "postgres", password)) {
            assertTrue(c.isValid(5));
        }
    }
}
