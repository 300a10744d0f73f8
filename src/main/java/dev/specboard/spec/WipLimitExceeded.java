package dev.specboard.spec;

import dev.specboard.web.ApiException;

import java.util.Map;

/**
 * A move into a column that already holds its work-in-progress limit, refused until the mover confirms
 * it: the board and the task page ask, the API and MCP say how to repeat the call.
 */
public class WipLimitExceeded extends ApiException {

    /** The query parameter (and MCP argument) that confirms a move past the limit. */
    public static final String OVERRIDE = "overWipLimit";

    private final String reason;

    WipLimitExceeded(TaskStatus column, int limit, int holding) {
        super(409, reason(column, limit, holding) + " To go past the limit, repeat the request with " + OVERRIDE + "=true.",
                Map.of("column", column.value(), "wipLimit", limit, "holding", holding, "override", OVERRIDE + "=true"));
        this.reason = reason(column, limit, holding);
    }

    private static String reason(TaskStatus column, int limit, int holding) {
        return "The " + column.label().toLowerCase() + " column has a limit of " + limit + " and already holds " + holding
                + (holding == 1 ? " task." : " tasks.");
    }

    /** The limit in words, without the API's hint, for a page that asks instead. */
    public String reason() {
        return reason;
    }
}
