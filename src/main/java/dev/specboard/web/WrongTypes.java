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

    /** What the values noted are, in the count of those not named. */
    private static final String WHAT = "values of the wrong type";

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
        if (JsonProblems.tooManyValues(ended)) {
            // Reading stopped at the limit: more wrong values may follow, and the count so far is not all of them.
            noted.cut("the body was read no further than its first " + JsonProblems.limitOfValues() + " names and values");
        }
        return new WrongTypes(p, noted);
    }

    private static UnknownNames noted(DeserializationContext ctxt, boolean create) {
        UnknownNames noted = (UnknownNames) ctxt.getAttribute(NOTED);
        if (noted == null && create) {
            noted = new UnknownNames(WHAT);
            ctxt.setAttribute(NOTED, noted);
        }
        return noted;
    }

    /** Each field with what it must be (and {@code "and N more"} past the first 20). */
    public Map<String, Object> details() {
        return fields.details();
    }

    /**
     * {@code The field hours must be a number}, or for several {@code The fields hours (must be a number), name (must be a
     * text) have values of the wrong type}; a body too large to read to its end also says so, with the limit.
     */
    public String describe() {
        Map<String, Object> named = fields.details();
        if (fields.size() == 1 && !fields.wasCut()) {
            Map.Entry<String, Object> only = named.entrySet().iterator().next();
            return "The field " + only.getKey() + " " + only.getValue();
        }
        String said = "The fields " + named.entrySet().stream().filter(e -> !e.getKey().startsWith("and "))
                .map(e -> e.getKey() + " (" + e.getValue() + ")").collect(Collectors.joining(", ")) + fields.rest() + " have " + WHAT;
        return fields.wasCut() ? said + ". " + JsonProblems.tooManyValues() : said;
    }
}
