package dev.specboard.review;

import jakarta.persistence.AttributeConverter;

/** A review thread is open at its lines, resolved, or outdated when its lines changed under it. */
public enum ThreadState {
    OPEN, RESOLVED, OUTDATED;

    public String value() {
        return name().toLowerCase();
    }

    public static java.util.Optional<ThreadState> parse(String s) {
        if (s == null) {
            return java.util.Optional.empty();
        }
        for (ThreadState t : values()) {
            if (t.value().equalsIgnoreCase(s.trim())) {
                return java.util.Optional.of(t);
            }
        }
        return java.util.Optional.empty();
    }

    /** Stored lowercase, as the CHECK constraint spells it. */
    @jakarta.persistence.Converter
    public static class Converter implements AttributeConverter<ThreadState, String> {
        @Override
        public String convertToDatabaseColumn(ThreadState s) {
            return s == null ? null : s.value();
        }

        @Override
        public ThreadState convertToEntityAttribute(String s) {
            return s == null ? null : parse(s).orElseThrow();
        }
    }
}
