package dev.specboard.design;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;

/** The design side's JSONB columns as records, with the seed's snake_case keys. */
public final class DesignJson {

    private static final ObjectMapper JSON = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL)
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .findAndRegisterModules();

    private DesignJson() {
    }

    public static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    /** The stored JSON as a record; {@code fallback} for an empty or unreadable column (an old shape, say). */
    public static <T> T read(String json, Class<T> type, T fallback) {
        if (json == null || json.isBlank() || json.equals("{}") || json.equals("[]")) {
            return fallback;
        }
        try {
            return JSON.readValue(json, type);
        } catch (JsonProcessingException e) {
            return fallback;
        }
    }
}
