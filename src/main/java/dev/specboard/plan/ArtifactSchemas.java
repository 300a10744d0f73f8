package dev.specboard.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
import dev.specboard.web.FormErrors;
import dev.specboard.web.JsonProblems;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The JSON Schema of each artifact type (resources {@code schemas/plan/<type>.schema.json}, also
 * served to agents) and the check of a document against it, each problem named by its JSON pointer.
 */
@ApplicationScoped
public class ArtifactSchemas {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<ArtifactType, String> texts = new EnumMap<>(ArtifactType.class);
    private final Map<ArtifactType, Schema> schemas = new EnumMap<>(ArtifactType.class);

    public ArtifactSchemas() {
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
        for (ArtifactType type : ArtifactType.values()) {
            String text = resource("schemas/plan/" + type.value() + ".schema.json");
            texts.put(type, text);
            schemas.put(type, registry.getSchema(text, InputFormat.JSON));
        }
    }

    /** The schema document of a type, as served at {@link ArtifactType#schemaUrl()}. */
    public String text(ArtifactType type) {
        return texts.get(type);
    }

    /**
     * The problems of a JSON document against its type's schema, keyed by JSON pointer ({@code /steps/0/hours};
     * the whole document is {@code ""}); none when it is valid. Unparseable JSON is one problem at {@code ""}.
     */
    public FormErrors check(ArtifactType type, String json) {
        return check(type, json, false);
    }

    /**
     * As {@link #check(ArtifactType, String)}; {@code sentAsText} when an API client sent the document as a JSON string
     * holding its text instead of the document itself: unparseable, it is refused saying that the string is read as the
     * document's JSON text and to send the object (a bare "not valid JSON" read as if the request body were broken).
     */
    public FormErrors check(ArtifactType type, String json, boolean sentAsText) {
        FormErrors errors = FormErrors.none();
        List<Error> problems;
        try {
            // The schema's reading of the text is the one parse that finds it unreadable.
            problems = schemas.get(type).validate(json, InputFormat.JSON);
        } catch (RuntimeException e) {
            return errors.add("", sentAsText ? "This is not valid JSON: content is a text, so it is read as the document's JSON text, "
                    + "which does not parse (" + JsonProblems.describe(e) + "). Send the document itself as a JSON object, such as "
                    + "{\"steps\": [...]}." : "This is not valid JSON: " + JsonProblems.describe(e));
        }
        for (Error p : problems) {
            String pointer = pointer(p.getInstanceLocation());
            if ("not".equals(p.getKeyword())) {
                // Our schemas' one "not" is a delete's content (code_changes); the library's message quotes the sub-schema.
                errors.add(pointer + "/content", "A delete takes no content: leave content out");
                continue;
            }
            // A property left out or not allowed is named by its own pointer; its object's pointer ("" for the document,
            // which the API names content) did not say which one.
            if (("required".equals(p.getKeyword()) || "additionalProperties".equals(p.getKeyword())) && p.getProperty() != null) {
                pointer = pointer + "/" + escape(p.getProperty());
            }
            errors.add(pointer, readable(p));
        }
        // The rules beyond the schema are checked beside its problems, not after them: a document breaking both was
        // refused once for each, one round at a time. A pointer the schema already names keeps the schema's problem.
        // An escaped NUL character is valid JSON but PostgreSQL's jsonb cannot hold it: the save failed at the commit, as a 500.
        JsonNode document;
        try {
            document = JSON.readTree(json);
        } catch (IOException e) {
            return errors.add("", "This is not valid JSON: " + JsonProblems.describe(e));
        }
        String nul = nulAt(document, "");
        if (nul != null) {
            errors.add(nul, "Text must not contain the NUL character (\\u0000): it cannot be stored");
        } else {
            ArtifactRules.check(type, document, errors);
        }
        return errors;
    }

    /** The JSON pointer of the first name or text of the document holding the NUL character, or null when none does. */
    private static String nulAt(JsonNode node, String at) {
        if (node.isTextual()) {
            return node.textValue().indexOf('\0') >= 0 ? at : null;
        }
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                String found = nulAt(node.get(i), at + "/" + i);
                if (found != null) {
                    return found;
                }
            }
        }
        for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            String inner = at + "/" + escape(field.getKey().replace("\0", "\\u0000"));
            String found = field.getKey().indexOf('\0') >= 0 ? inner : nulAt(field.getValue(), inner);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    private static String readable(Error p) {
        String m = p.getMessage() == null ? p.getKeyword() : p.getMessage();
        // The library prefixes the message with the JSON path of the instance ("$.steps[0].hours: ..."); the pointer says where.
        int colon = m.indexOf(": ");
        if (m.startsWith("$") && colon > 0) {
            m = m.substring(colon + 2);
        }
        return m;
    }

    static String pointer(NodePath path) {
        StringBuilder b = new StringBuilder();
        if (path == null) {
            return "";
        }
        for (int i = 0; i < path.getNameCount(); i++) {
            Object element = path.getElement(i);
            b.append('/').append(element instanceof Integer n ? String.valueOf(n) : escape(String.valueOf(element)));
        }
        return b.toString();
    }

    private static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }

    private static String resource(String name) {
        try (InputStream in = ArtifactSchemas.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
