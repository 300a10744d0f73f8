package dev.specboard.kernel;

import jakarta.persistence.AttributeConverter;

import java.util.Arrays;
import java.util.Optional;

/** A member's role in one project; each role can do everything the roles before it can. */
public enum Role {
    VIEWER, REVIEWER, MEMBER, LEAD, OWNER;

    public String value() {
        return name().toLowerCase();
    }

    public String label() {
        return name().charAt(0) + name().substring(1).toLowerCase();
    }

    public boolean atLeast(Role other) {
        return compareTo(other) >= 0;
    }

    public static Role lower(Role a, Role b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    public static Optional<Role> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        return Arrays.stream(values()).filter(r -> r.value().equalsIgnoreCase(value.trim())).findFirst();
    }

    /** Stored lowercase, as the seeds spell roles. */
    @jakarta.persistence.Converter
    public static class Converter implements AttributeConverter<Role, String> {
        @Override
        public String convertToDatabaseColumn(Role role) {
            return role == null ? null : role.value();
        }

        @Override
        public Role convertToEntityAttribute(String value) {
            return value == null ? null : parse(value).orElseThrow();
        }
    }
}
