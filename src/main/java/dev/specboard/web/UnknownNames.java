package dev.specboard.web;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Unknown names as a refusal tells them: the first {@link #NAMED} each with its hint, the rest counted ("and 199980 more"),
 * so a body of 200,000 unknown keys is refused in a short answer instead of one listing them all (7 MB).
 */
public final class UnknownNames {
    /** How many unknown names a refusal names. */
    public static final int NAMED = 20;

    private final Map<String, Object> named = new LinkedHashMap<>();
    private int more;

    /** Notes a name; its hint is asked for only while names are still named. */
    public void add(String name, java.util.function.Supplier<Object> hint) {
        if (named.containsKey(name)) {
            return;
        }
        if (named.size() < NAMED) {
            named.put(name, hint.get());
        } else {
            more++;
        }
    }

    public boolean isEmpty() {
        return named.isEmpty();
    }

    /** How many names were noted, named or not. */
    public int size() {
        return named.size() + more;
    }

    /** {@code Unknown fields: a, b and 3 more}. */
    public String message(String what) {
        return what + ": " + String.join(", ", named.keySet()) + (more == 0 ? "" : " and " + more + " more");
    }

    /** The named ones with their hints, and {@code "and N more"} when there were more. */
    public Map<String, Object> details() {
        Map<String, Object> details = new LinkedHashMap<>(named);
        if (more > 0) {
            details.put("and " + more + " more", "not named here: only the first " + NAMED + " unknown names are");
        }
        return details;
    }
}
