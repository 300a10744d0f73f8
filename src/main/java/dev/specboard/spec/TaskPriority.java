package dev.specboard.spec;

import jakarta.persistence.AttributeConverter;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** How soon a task should be done: claim-next hands out urgent tasks first, low ones last. */
public enum TaskPriority {
    URGENT, HIGH, NORMAL, LOW;

    public String value() {
        return name().toLowerCase();
    }

    public String label() {
        return name().charAt(0) + name().substring(1).toLowerCase();
    }

    public static List<TaskPriority> all() {
        return List.of(values());
    }

    public static Optional<TaskPriority> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        return Arrays.stream(values()).filter(p -> p.value().equalsIgnoreCase(value.trim())).findFirst();
    }

    /** The SQL that ranks a task's priority, urgent first. */
    static String rankSql(String column) {
        return "CASE " + column + " WHEN 'urgent' THEN 0 WHEN 'high' THEN 1 WHEN 'normal' THEN 2 ELSE 3 END";
    }

    /** Stored lowercase. */
    @jakarta.persistence.Converter
    public static class Converter implements AttributeConverter<TaskPriority, String> {
        @Override
        public String convertToDatabaseColumn(TaskPriority p) {
            return p == null ? null : p.value();
        }

        @Override
        public TaskPriority convertToEntityAttribute(String value) {
            return value == null ? null : parse(value).orElseThrow();
        }
    }
}
