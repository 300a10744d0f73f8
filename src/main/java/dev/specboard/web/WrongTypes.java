package dev.specboard.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import java.util.Map;
import java.util.stream.Collectors;

/**
 * Every value of a body whose type is not its field's ({@code "hours": "two"}), by path: the reading goes on past such a
 * value (as it goes on past an unknown field) and refuses the body once it is read, naming them all, where the first used
 * to stop it. {@link StrictJson}'s own checks note them; a mismatch Jackson itself raises later ends the reading and
 * joins them. {@link ErrorMapper} answers 400 naming each field and what it must be.
 */
public final class WrongTypes extends MismatchedInputException {

    private static final Object NOTED = new Object();

    private final transient UnknownNames fields;

    private WrongTypes(JsonParser p, UnknownNames fields) {
        super(p, fields.message("Values of the wrong type"));
        this.fields = fields;
    }

    /**
     * Notes {@code refused} (a value of the wrong type at the parser) inside one of our bodies and answers {@code instead}
     * so the reading goes on; elsewhere throws it, as before.
     */
    static <T> T note(JsonParser p, DeserializationContext ctxt, MismatchedInputException refused, T instead) throws MismatchedInputException {
        if (!StrictJson.inOurBody(ctxt)) {
            throw refused;
        }
        noted(ctxt, true).add(StrictJson.pathAt(p.getParsingContext()), () -> ErrorMapper.expectation(refused.getTargetType()));
        return instead;
    }

    /**
     * Once the outermost body is read (or its reading ended with {@code ended}, which may stem from a value noted here):
     * the refusal naming every value noted, or null when none was. A mismatch that ended it is named with them.
     */
    static WrongTypes of(JsonParser p, DeserializationContext ctxt, JsonMappingException ended) {
        UnknownNames noted = noted(ctxt, false);
        if (noted == null || noted.isEmpty()) {
            return null;
        }
        if (ended instanceof MismatchedInputException m && !(ended instanceof StrictJson.UnknownFields)) {
            noted.add(ErrorMapper.fieldPath(m), () -> ErrorMapper.expectation(m.getTargetType()));
        }
        return new WrongTypes(p, noted);
    }

    private static UnknownNames noted(DeserializationContext ctxt, boolean create) {
        UnknownNames noted = (UnknownNames) ctxt.getAttribute(NOTED);
        if (noted == null && create) {
            noted = new UnknownNames();
            ctxt.setAttribute(NOTED, noted);
        }
        return noted;
    }

    /** Each field with what it must be (and {@code "and N more"} past the first 20). */
    public Map<String, Object> details() {
        return fields.details();
    }

    /** {@code The field hours must be a number}, or for several {@code The fields hours (must be a number), name (must be a text)}. */
    public String describe() {
        Map<String, Object> named = fields.details();
        if (fields.size() == 1) {
            Map.Entry<String, Object> only = named.entrySet().iterator().next();
            return "The field " + only.getKey() + " " + only.getValue();
        }
        return "The fields " + named.entrySet().stream().map(e -> e.getKey().startsWith("and ") ? e.getKey()
                : e.getKey() + " (" + e.getValue() + ")").collect(Collectors.joining(", ")) + " have values of the wrong type";
    }
}
