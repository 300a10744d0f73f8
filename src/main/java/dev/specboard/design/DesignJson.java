package dev.specboard.design;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import io.quarkus.runtime.annotations.RegisterForReflection;

import java.util.Set;

/**
 * The design side's JSONB columns as records, with the seed's snake_case keys. Jackson builds and reads those records
 * by reflection, so every type it meets is registered here for a native build ({@code DesignJsonTest} checks that the
 * list is closed; {@link #read} and {@link #write} refuse a type missing from it).
 */
@RegisterForReflection(targets = {
        ContextAnalysis.class, ContextItemService.Reference.class, ContextItemService.References.class,
        ContextMetadata.class, DesignSystemService.PatternMap.class, DesignSystemService.ScoreMap.class,
        DesignTokens.Base.class, DesignTokens.ColorConfirmation.class, DesignTokens.ColorToken.class,
        DesignTokens.ComponentPattern.class, DesignTokens.Confirmations.class, DesignTokens.FamilyToken.class,
        DesignTokens.Flags.class, DesignTokens.NearDuplicate.class, DesignTokens.SizeToken.class,
        DesignTokens.Spacing.class, DesignTokens.SpacingValue.class, DesignTokens.Tokens.class,
        DesignTokens.Typography.class, EntityModel.CrudLocations.class, EntityModel.Field.class,
        EntityModel.FieldMap.class, EntityModel.Relationship.class, Feature.AssistantChange.class, Feature.DataOperations.class,
        Feature.TechnicalRequirements.class, FlowModel.Branch.class, FlowModel.Canvas.class,
        FlowModel.Connection.class, FlowModel.Data.class, FlowModel.Position.class, MockupAnalysis.class,
        MockupAnalysis.Breakpoint.class, MockupAnalysis.ColorUse.class, MockupAnalysis.ComponentUse.class,
        MockupAnalysis.Family.class, MockupAnalysis.Interaction.class, MockupAnalysis.Measure.class,
        MockupAnalysis.ResponsiveRules.class, MockupAnalysis.SpacingAnalysis.class,
        MockupAnalysis.Typography.class, MockupFeedback.class, MockupFeedback.Note.class, Mockup.AiNotes.class
})
public final class DesignJson {

    /** The registered types, or null where the annotation is not kept at run time (then nothing is refused). */
    private static final Set<Class<?>> REGISTERED = registered();

    private static final ObjectMapper JSON = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL)
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .findAndRegisterModules();

    private DesignJson() {
    }

    public static String write(Object value) {
        requireRegistered(value.getClass());
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    /** The stored JSON as a record; {@code fallback} for an empty or unreadable column (an old shape, say). */
    public static <T> T read(String json, Class<T> type, T fallback) {
        requireRegistered(type.isArray() ? type.getComponentType() : type);
        if (json == null || json.isBlank() || json.equals("{}") || json.equals("[]")) {
            return fallback;
        }
        try {
            return JSON.readValue(json, type);
        } catch (JsonProcessingException e) {
            return fallback;
        }
    }

    private static Set<Class<?>> registered() {
        RegisterForReflection r = DesignJson.class.getAnnotation(RegisterForReflection.class);
        return r == null ? null : Set.of(r.targets());
    }

    /** A type of ours that is not registered would work in tests and fail only in a native build: refused at once. */
    private static void requireRegistered(Class<?> type) {
        if (REGISTERED != null && type.getName().startsWith("dev.specboard.") && !REGISTERED.contains(type)) {
            throw new IllegalStateException(type.getName() + " is read or written as JSON but not registered for reflection in DesignJson");
        }
    }
}
