package dev.specboard.api;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.specboard.design.MockupForm;
import dev.specboard.web.InputGuard;
import dev.specboard.web.JsonProblems;
import io.netty.buffer.ByteBufInputStream;
import io.vertx.core.buffer.Buffer;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads an MCP message into the JSON tree the session guard checks, without keeping a text longer than any tool takes
 * ({@link #LONGEST_TEXT}): such a text is only counted, stands in the tree as an empty text and is named in
 * {@link Message#tooLong}, so the guard refuses the message before the library reads it again. The body's bytes are read
 * where they are, not copied. A message of 20 MB holding one text was read whole here and again by the library, on the
 * event loop, and the copies (bytes, characters, the text, twice) ran a heap of 160 MB out of memory.
 */
final class McpMessageReader {

    /** The longest text a tool argument may hold: a mockup's HTML, CSS or JS. */
    static final int LONGEST_TEXT = MockupForm.MAX;

    private McpMessageReader() {
    }

    /**
     * The message as read: its tree (null when the body is no JSON value), the paths of the texts too long to keep, and
     * why the body is no JSON message when it is not.
     */
    record Message(JsonNode tree, List<String> tooLong, String problem) {
    }

    static Message read(ObjectMapper mapper, Buffer body) {
        if (body == null || body.length() == 0) {
            return new Message(null, List.of(), "the body is empty; send one JSON-RPC request object");
        }
        List<String> tooLong = new ArrayList<>();
        try (JsonParser parser = mapper.createParser((java.io.InputStream) new ByteBufInputStream(body.getByteBuf()))) {
            if (parser.nextToken() == null) {
                return new Message(null, List.of(), "the body holds no JSON value; send one JSON-RPC request object");
            }
            return new Message(value(mapper, parser, new ArrayList<>(), tooLong), tooLong, null);
        } catch (IOException e) {
            return new Message(null, List.of(), "the body is not valid JSON: " + JsonProblems.describe(e));
        }
    }

    /** The value the parser is at, read to its end; {@code path} names it as the guard's refusals do. */
    private static JsonNode value(ObjectMapper mapper, JsonParser parser, List<String> path, List<String> tooLong) throws IOException {
        JsonNodeFactory nodes = mapper.getNodeFactory();
        JsonToken token = parser.currentToken();
        if (token == JsonToken.START_OBJECT) {
            ObjectNode object = nodes.objectNode();
            for (String name = parser.nextFieldName(); name != null; name = parser.nextFieldName()) {
                parser.nextToken();
                path.add(InputGuard.printable(name));
                object.set(name, value(mapper, parser, path, tooLong));
                path.remove(path.size() - 1);
            }
            return object;
        }
        if (token == JsonToken.START_ARRAY) {
            ArrayNode array = nodes.arrayNode();
            for (int i = 0; parser.nextToken() != JsonToken.END_ARRAY; i++) {
                path.add("[" + i + "]");
                array.add(value(mapper, parser, path, tooLong));
                path.remove(path.size() - 1);
            }
            return array;
        }
        if (token == JsonToken.VALUE_STRING) {
            // The length is counted in the parser's buffer, which is let go at the next token; the text is made only when kept.
            if (parser.getTextLength() > LONGEST_TEXT) {
                tooLong.add(dev.specboard.web.StrictJson.joinPath(path));
                return nodes.textNode("");
            }
            return nodes.textNode(parser.getText());
        }
        // A number, true, false or null: as the mapper reads it in a whole tree.
        return mapper.readTree(parser);
    }
}
