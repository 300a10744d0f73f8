package dev.specboard.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.deser.std.NumberDeserializers;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Jackson as the JSON API reads bodies. Every JSON text passes through one string deserializer, which refuses the
 * NUL character (PostgreSQL cannot store it); and our own body records refuse fields they do not have, all of them
 * named at once, instead of dropping them silently (a spec posted with snake_case {@code depends_on} was once created
 * without its dependencies), and take text fields as text only (no number or true read as its text). Other libraries'
 * types keep Jackson's lenient default. {@link ErrorMapper} turns both
 * refusals into 422 naming the fields.
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    /**
     * How many names and values one JSON body may hold. A body is read to its end before any list or map limit applies,
     * and one of 1.3 million names (18 MB, under the body size limit) ran the JVM out of memory: the check that no name
     * comes twice alone keeps every name of an object. The largest body the API takes in earnest (a spec of 2,000
     * phases, a journey of 500 nodes and 2,000 connections) holds well under a tenth of this.
     */
    public static final long MAX_TOKENS = 200_000;

    /** Jackson's default limits with {@link #MAX_TOKENS}, for every reader of request bodies. */
    public static final StreamReadConstraints LIMITS = StreamReadConstraints.defaults().rebuild().maxTokenCount(MAX_TOKENS).build();

    private static final String OWN_TYPES = "dev.specboard.";
    private static final Object BEANS = new Object();
    private static final Object UNKNOWN = new Object();

    @Override
    public void customize(ObjectMapper mapper) {
        SimpleModule module = new SimpleModule("specboard-strict-json");
        module.addDeserializer(String.class, new NulRefusingStrings());
        module.addDeserializer(Integer.class, new AsWritten<>(Integer.class, new WholeIntegers(new NumberDeserializers.IntegerDeserializer(Integer.class, null))));
        module.addDeserializer(int.class, new AsWritten<>(Integer.class, new WholeIntegers(new NumberDeserializers.IntegerDeserializer(Integer.TYPE, 0))));
        module.addDeserializer(Long.class, new AsWritten<>(Long.class, new NumberDeserializers.LongDeserializer(Long.class, null)));
        module.addDeserializer(long.class, new AsWritten<>(Long.class, new NumberDeserializers.LongDeserializer(Long.TYPE, 0L)));
        module.addDeserializer(Double.class, new AsWritten<>(Double.class, new NumberDeserializers.DoubleDeserializer(Double.class, null)));
        module.addDeserializer(double.class, new AsWritten<>(Double.class, new NumberDeserializers.DoubleDeserializer(Double.TYPE, 0.d)));
        module.addDeserializer(java.math.BigDecimal.class, new AsWritten<>(java.math.BigDecimal.class, NumberDeserializers.BigDecimalDeserializer.instance));
        module.addDeserializer(Boolean.class, new AsWritten<>(Boolean.class, new NumberDeserializers.BooleanDeserializer(Boolean.class, null)));
        module.addDeserializer(boolean.class, new AsWritten<>(Boolean.class, new NumberDeserializers.BooleanDeserializer(Boolean.TYPE, Boolean.FALSE)));
        module.setDeserializerModifier(new BeanDeserializerModifier() {
            @Override
            public JsonDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription bean, JsonDeserializer<?> deserializer) {
                return bean.getBeanClass().getName().startsWith(OWN_TYPES) ? new UnknownFieldsCheck(deserializer) : deserializer;
            }
        });
        mapper.registerModule(module);
        mapper.addHandler(new UnknownFieldCollector());
        // A body is one JSON value with each name once: {"title":"a"}{"bogus":1} was read as its first object (the
        // unknown field never seen) and {"title":"a","title":"b"} as its last title.
        mapper.enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        mapper.getFactory().setStreamReadConstraints(LIMITS);
    }

    /** The path of the value a parser is at ({@code phases[0].hours}), from its parsing context; empty at the root. */
    public static String pathAt(JsonStreamContext context) {
        List<String> parts = new ArrayList<>();
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inArray()) {
                parts.add(0, "[" + Math.max(0, c.getCurrentIndex()) + "]");
            } else if (c.getCurrentName() != null) {
                parts.add(0, c.getCurrentName());
            }
        }
        return joinPath(parts);
    }

    /**
     * A text value that the database cannot store as sent: one holding the NUL character, or half of a UTF-16 surrogate
     * pair ({@code "\ud800"} alone), valid JSON but no character, which the database stored as {@code ?} while the answer
     * echoed the text as sent. Its path names the field.
     */
    public static final class UnstorableText extends MismatchedInputException {
        private final String holds;
        private final String rule;

        private UnstorableText(JsonParser p, String holds, String rule) {
            super(p, "Text " + rule, String.class);
            this.holds = holds;
            this.rule = rule;
        }

        static UnstorableText nul(JsonParser p) {
            return new UnstorableText(p, "a NUL character, which cannot be stored", "must not contain the NUL character");
        }

        static UnstorableText loneSurrogate(JsonParser p) {
            return new UnstorableText(p, "half of a surrogate pair (such as \\ud800 alone), which is no character and cannot be stored",
                    "must not contain an unpaired surrogate");
        }

        /** What the text holds and why that cannot be stored, as a phrase ("a NUL character, which cannot be stored"). */
        public String holds() {
            return holds;
        }

        /** The rule it breaks, as a field message ("must not contain the NUL character"). */
        public String rule() {
            return rule;
        }
    }

    static boolean hasLoneSurrogate(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    /** The fields of a body that its record does not have, by path ({@code phases[0].assigned_files}), with a hint each. */
    public static final class UnknownFields extends MismatchedInputException {
        private final transient Map<String, Object> fields;

        UnknownFields(JsonParser p, UnknownNames names) {
            super(p, names.message("Unknown fields"));
            this.fields = names.details();
        }

        public Map<String, Object> fields() {
            return fields;
        }
    }

    /** Joins path parts into {@code phases[0].name}: names with dots, indexes in brackets. */
    public static String joinPath(List<String> parts) {
        StringBuilder path = new StringBuilder();
        for (String part : parts) {
            if (!path.isEmpty() && !part.startsWith("[")) {
                path.append('.');
            }
            path.append(part);
        }
        return path.toString();
    }

    /**
     * A whole number's field refuses 1.5, which Jackson cut to 1 (a preview of 1.5 hours lived one), as its form field does;
     * 2.0 is still 2, as JSON Schema's integer allows.
     */
    static final class WholeIntegers extends StdScalarDeserializer<Integer> {
        private final JsonDeserializer<Integer> standard;

        WholeIntegers(JsonDeserializer<Integer> standard) {
            super(Integer.class);
            this.standard = standard;
        }

        @Override
        public Integer deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() == JsonToken.VALUE_NUMBER_FLOAT) {
                java.math.BigDecimal value = p.getDecimalValue();
                if (value.signum() != 0 && value.stripTrailingZeros().scale() > 0) {
                    return WrongTypes.note(p, ctxt, MismatchedInputException.from(p, Integer.class, "A whole number was expected, not "
                            + p.getText()), standard.getNullValue(ctxt));
                }
            }
            return standard.deserialize(p, ctxt);
        }

        @Override
        public Integer getNullValue(DeserializationContext ctxt) throws com.fasterxml.jackson.databind.JsonMappingException {
            return standard.getNullValue(ctxt);
        }
    }

    /** Whether the value being read is inside one of our own records (a body), where values are taken as written. */
    @SuppressWarnings("unchecked")
    static boolean inOurBody(DeserializationContext ctxt) {
        Deque<List<String>> beans = (Deque<List<String>>) ctxt.getAttribute(BEANS);
        return beans != null && !beans.isEmpty();
    }

    /**
     * In our bodies a number or a truth value is taken as written: Jackson read {@code "2"} as 2 and 1 as true, while a
     * text field refused 2, so one body's mistakes were refused and another's saved as if meant.
     */
    static final class AsWritten<T> extends StdScalarDeserializer<T> {
        private final JsonDeserializer<T> standard;

        AsWritten(Class<T> type, JsonDeserializer<T> standard) {
            super(type);
            this.standard = standard;
        }

        @Override
        public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            JsonToken token = p.currentToken();
            boolean truth = handledType() == Boolean.class;
            if (inOurBody(ctxt) && (token == JsonToken.VALUE_STRING
                    || truth && (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT)
                    || !truth && (token == JsonToken.VALUE_TRUE || token == JsonToken.VALUE_FALSE))) {
                return WrongTypes.note(p, ctxt, MismatchedInputException.from(p, handledType(), (truth ? "true or false" : "A number")
                        + " was expected, not " + p.getText()), standard.getNullValue(ctxt));
            }
            return standard.deserialize(p, ctxt);
        }

        @Override
        public T getNullValue(DeserializationContext ctxt) throws com.fasterxml.jackson.databind.JsonMappingException {
            return standard.getNullValue(ctxt);
        }
    }

    static final class NulRefusingStrings extends StringDeserializer {
        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            JsonToken token = p.currentToken();
            if (inOurBody(ctxt) && (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT
                    || token == JsonToken.VALUE_TRUE || token == JsonToken.VALUE_FALSE)) {
                // In our bodies a text field takes text only: Jackson turned {"name": 5} into "5" and true into "true",
                // so a mistaken value was saved as if meant (a plan named 5). Arrays and objects Jackson refuses already.
                return WrongTypes.note(p, ctxt, MismatchedInputException.from(p, String.class, "A text was expected, not " + p.getText()), null);
            }
            String value = super.deserialize(p, ctxt);
            if (value != null && value.indexOf('\0') >= 0) {
                throw UnstorableText.nul(p);
            }
            if (value != null && inOurBody(ctxt) && hasLoneSurrogate(value)) {
                throw UnstorableText.loneSurrogate(p);
            }
            return value;
        }
    }

    /**
     * Wraps the deserializer of each of our records: remembers where in the document the record is (the unknown
     * fields found inside are named from there) and, once the outermost record is read, refuses the body if any were.
     */
    static final class UnknownFieldsCheck extends DelegatingDeserializer {

        UnknownFieldsCheck(JsonDeserializer<?> delegate) {
            super(delegate);
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> delegate) {
            return new UnknownFieldsCheck(delegate);
        }

        @Override
        @SuppressWarnings("unchecked")
        public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            Deque<List<String>> beans = (Deque<List<String>>) ctxt.getAttribute(BEANS);
            if (beans == null) {
                beans = new ArrayDeque<>();
                ctxt.setAttribute(BEANS, beans);
            }
            beans.push(pathOf(p.getParsingContext()));
            Object value;
            try {
                value = super.deserialize(p, ctxt);
            } catch (com.fasterxml.jackson.databind.JsonMappingException e) {
                // A mismatch after values of the wrong type were noted (or one their stand-ins caused) is named with them.
                WrongTypes wrong = beans.size() == 1 ? WrongTypes.of(p, ctxt, e) : null;
                throw wrong == null ? e : wrong;
            } finally {
                beans.pop();
            }
            WrongTypes wrong = beans.isEmpty() ? WrongTypes.of(p, ctxt, null) : null;
            if (wrong != null) {
                throw wrong;
            }
            UnknownNames unknown = (UnknownNames) ctxt.getAttribute(UNKNOWN);
            if (beans.isEmpty() && unknown != null && !unknown.isEmpty()) {
                throw new UnknownFields(p, unknown);
            }
            return value;
        }

        /** The path of the record whose own object context this is: the names and indexes of its ancestors. */
        private static List<String> pathOf(JsonStreamContext own) {
            List<String> parts = new ArrayList<>();
            for (JsonStreamContext c = own == null ? null : own.getParent(); c != null && !c.inRoot(); c = c.getParent()) {
                parts.add(0, c.inArray() ? "[" + c.getCurrentIndex() + "]" : String.valueOf(c.getCurrentName()));
            }
            return parts;
        }
    }

    /** Inside one of our records, notes an unknown field (with a camelCase hint) and skips its value. */
    static final class UnknownFieldCollector extends DeserializationProblemHandler {
        @Override
        @SuppressWarnings("unchecked")
        public boolean handleUnknownProperty(DeserializationContext ctxt, JsonParser p, JsonDeserializer<?> deserializer,
                                             Object beanOrClass, String propertyName) throws IOException {
            Deque<List<String>> beans = (Deque<List<String>>) ctxt.getAttribute(BEANS);
            if (beans == null || beans.isEmpty()) {
                return false;
            }
            UnknownNames unknown = (UnknownNames) ctxt.getAttribute(UNKNOWN);
            if (unknown == null) {
                unknown = new UnknownNames();
                ctxt.setAttribute(UNKNOWN, unknown);
            }
            List<String> path = new ArrayList<>(beans.peek());
            path.add(propertyName);
            unknown.add(joinPath(path), () -> hint(propertyName, deserializer));
            p.skipChildren();
            return true;
        }

        private static String hint(String name, JsonDeserializer<?> deserializer) {
            String camel = camelCase(name);
            java.util.Collection<Object> known = deserializer == null ? null : deserializer.getKnownPropertyNames();
            return known != null && !camel.equals(name) && known.contains(camel) ? "unknown field; did you mean " + camel + "?" : "unknown field";
        }

        private static String camelCase(String name) {
            StringBuilder out = new StringBuilder();
            boolean upper = false;
            for (char c : name.toCharArray()) {
                if (c == '_' || c == '-') {
                    upper = !out.isEmpty();
                } else {
                    out.append(upper ? Character.toUpperCase(c) : c);
                    upper = false;
                }
            }
            return out.toString();
        }
    }

    /** Where the first NUL of a JSON value is (in a name or a text), as path parts; null when it holds none. */
    public static List<String> nulAt(JsonNode node, List<String> path) {
        if (node.isTextual()) {
            return node.textValue().indexOf('\0') >= 0 ? path : null;
        }
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                List<String> inner = new ArrayList<>(path);
                inner.add(InputGuard.printable(field.getKey()));
                if (field.getKey().indexOf('\0') >= 0) {
                    return inner;
                }
                List<String> found = nulAt(field.getValue(), inner);
                if (found != null) {
                    return found;
                }
            }
        }
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                List<String> inner = new ArrayList<>(path);
                inner.add("[" + i + "]");
                List<String> found = nulAt(node.get(i), inner);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }
}
