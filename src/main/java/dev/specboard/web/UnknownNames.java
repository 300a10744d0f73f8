package dev.specboard.web;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Unknown names (or the paths of values of the wrong type) as a refusal tells them: the first {@link #NAMED} each with its
 * hint, the rest counted ("and 4980 more"), so a body of 200,000 unknown keys is refused in a short answer instead of one
 * listing them all (7 MB).
 */
public final class UnknownNames {
    /** How many unknown names a refusal names. */
    public static final int NAMED = 20;

    private final Map<String, Object> named = new LinkedHashMap<>();
    private final String what;
    private int more;
    private String cut;

    /** Names of fields, keys or columns that are not known. */
    public UnknownNames() {
        this("unknown names");
    }

    /** Names noted for {@code what} (plural: "values of the wrong type"), as the count of those not named says. */
    public UnknownNames(String what) {
        this.what = what;
    }

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

    /**
     * The reading stopped before the body's end ({@code why}, a sentence): past the names counted any number more may
     * follow, so the count is not given as if it were all of them.
     */
    public void cut(String why) {
        this.cut = why;
    }

    /** Whether the names were noted only until the reading stopped. */
    public boolean wasCut() {
        return cut != null;
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
        return what + ": " + String.join(", ", named.keySet()) + rest();
    }

    /** {@code " and 3 more"}, {@code " and more"} when the reading stopped, or nothing when every name is named. */
    public String rest() {
        return cut != null ? " and more" : more == 0 ? "" : " and " + more + " more";
    }

    /** The named ones with their hints, and {@code "and N more"} when there were more ({@code "and more"} when cut). */
    public Map<String, Object> details() {
        Map<String, Object> details = new LinkedHashMap<>(named);
        String notNamed = "not named here: only the first " + NAMED + " " + what + " are";
        if (cut != null) {
            details.put("and more", (more > 0 ? notNamed + ", and " : "not named here: ") + cut);
        } else if (more > 0) {
            details.put("and " + more + " more", notNamed);
        }
        return details;
    }
}
