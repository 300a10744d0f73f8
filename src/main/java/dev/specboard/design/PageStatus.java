package dev.specboard.design;

import jakarta.persistence.AttributeConverter;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** A page's way: {@code draft → designed → approved → built}; a lead approves. Stored lowercase. */
public enum PageStatus {
    DRAFT, DESIGNED, APPROVED, BUILT;

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String label() {
        return name().charAt(0) + name().substring(1).toLowerCase(Locale.ROOT);
    }

    public static Optional<PageStatus> parse(String value) {
        return value == null ? Optional.empty()
                : Arrays.stream(values()).filter(s -> s.value().equalsIgnoreCase(value.trim())).findFirst();
    }

    @jakarta.persistence.Converter
    public static class Converter implements AttributeConverter<PageStatus, String> {
        @Override
        public String convertToDatabaseColumn(PageStatus s) {
            return s == null ? null : s.value();
        }

        @Override
        public PageStatus convertToEntityAttribute(String value) {
            return value == null ? null : parse(value).orElseThrow();
        }
    }
}
