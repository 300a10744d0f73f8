package dev.specboard.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * A body that does not parse is told in plain words with its line and column: Jackson's own message told an API caller
 * "(start marker at [Source: REDACTED (`StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION` disabled); line: 1, column: 1])".
 */
class JsonProblemsTest {

    private static final String PREFIX = "The request body is not valid JSON: ";

    private static String told(String body) {
        try {
            new ObjectMapper().readTree(body);
        } catch (JsonProcessingException e) {
            String message = JsonProblems.unreadable(PREFIX, e);
            for (String internal : new String[] {"Source", "REDACTED", "Feature", "`", "ALLOW_", "JSON String, Number", "code "}) {
                assertFalse(message.contains(internal), body + " -> " + message);
            }
            return message;
        }
        return fail("parsed: " + body);
    }

    @Test
    void aBodyThatEndsTooEarlySaysWhatIsLeftOpen() {
        assertEquals(PREFIX + "it ends before the object is closed (the object opens at line 1, column 1)", told("{"));
        assertEquals(PREFIX + "it ends before the object is closed (line 1, column 14)", told("{\"title\":\"x\","));
        assertEquals(PREFIX + "it ends before the array is closed (the array opens at line 2, column 9)", told("{\"ids\":\n        [1, 2"));
        assertTrue(told("{\"title\":\"ab").startsWith(PREFIX + "it ends inside a text before its closing quote (line 1"),
                told("{\"title\":\"ab"));
    }

    @Test
    void anUnexpectedCharacterIsNamedWithItsPlace() {
        assertTrue(told("{,}").startsWith(PREFIX + "unexpected character ',' where a field name in double quotes was expected (line 1, column "),
                told("{,}"));
        assertTrue(told("{\"a\"  1}").startsWith(PREFIX + "unexpected character '1' where a colon was expected after a field name (line 1, "),
                told("{\"a\"  1}"));
        assertTrue(told("{\"a\":1 \"b\":2}").startsWith(PREFIX + "unexpected character '\"' where a comma or the closing bracket"),
                told("{\"a\":1 \"b\":2}"));
        assertTrue(told("{\"a\": // note\n 1}").startsWith(PREFIX + "unexpected character '/' (JSON has no comments)"),
                told("{\"a\": // note\n 1}"));
        assertTrue(told("{\"a\":yes}").startsWith(PREFIX + "unknown word 'yes' (a value is a text in double quotes"), told("{\"a\":yes}"));
        assertTrue(told("[1}").startsWith(PREFIX + "unexpected '}': the bracket opened at line 1, column 1"), told("[1}"));
        assertTrue(told("{\"a\":1.}").startsWith(PREFIX + "unexpected character '}' in a number: decimal point not followed by a digit"),
                told("{\"a\":1.}"));
        assertTrue(told("{\"a\":01}").startsWith(PREFIX + "invalid number: leading zeroes not allowed"), told("{\"a\":01}"));
        assertTrue(told("{\"a\":NaN}").startsWith(PREFIX + "'NaN' is not a JSON number"), told("{\"a\":NaN}"));
        assertTrue(told("{\"a\":\"x\ny\"}").startsWith(PREFIX + "a control character (U+000A) inside a text must be escaped"),
                told("{\"a\":\"x\ny\"}"));
        assertTrue(told("{\"a\":\"\\q\"}").startsWith(PREFIX + "unknown escape '\\q' in a text"), told("{\"a\":\"\\q\"}"));
    }
}
