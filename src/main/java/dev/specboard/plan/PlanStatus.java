package dev.specboard.plan;

import jakarta.persistence.AttributeConverter;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Where a plan version stands: {@code draft → active → completed | archived} (a draft may also be archived). */
public enum PlanStatus {
    DRAFT, ACTIVE, COMPLETED, ARCHIVED;

    public String value() {
        return name().toLowerCase();
    }

    public String label() {
        return name().charAt(0) + name().substring(1).toLowerCase();
    }

    /** The statuses this one may move to. */
    public List<PlanStatus> next() {
        return switch (this) {
            case DRAFT -> List.of(ACTIVE, ARCHIVED);
            case ACTIVE -> List.of(COMPLETED, ARCHIVED);
            case COMPLETED, ARCHIVED -> List.of();
        };
    }

    /** Artifacts and chat answers may change only while the plan is being worked on. */
    public boolean open() {
        return this == DRAFT || this == ACTIVE;
    }

    public static Optional<PlanStatus> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        return Arrays.stream(values()).filter(s -> s.value().equalsIgnoreCase(value.trim())).findFirst();
    }

    @jakarta.persistence.Converter
    public static class Converter implements AttributeConverter<PlanStatus, String> {
        @Override
        public String convertToDatabaseColumn(PlanStatus s) {
            return s == null ? null : s.value();
        }

        @Override
        public PlanStatus convertToEntityAttribute(String value) {
            return value == null ? null : parse(value).orElseThrow();
        }
    }
}
