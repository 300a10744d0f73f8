package dev.specboard.kernel;

import dev.specboard.web.ApiException;

import java.util.LinkedHashMap;
import java.util.Map;

/** A save based on an older version: 409 with both versions' texts, so nothing typed is lost. */
public class StaleVersionException extends ApiException {

    private final int currentVersion;
    private final transient Map<String, String> current;
    private final String changedBy;

    public StaleVersionException(String what, int yourVersion, int currentVersion, Map<String, String> current,
                                 Map<String, String> yours, String changedBy) {
        super(409, what + " was changed by " + (changedBy == null ? "someone else" : changedBy) + " while you edited it (you edited version "
                + yourVersion + ", it is now version " + currentVersion + "). Nothing is lost: compare both texts and save again.",
                details(yourVersion, currentVersion, current, yours));
        this.currentVersion = currentVersion;
        this.current = current;
        this.changedBy = changedBy;
    }

    private static Map<String, Object> details(int yourVersion, int currentVersion, Map<String, String> current, Map<String, String> yours) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("yourVersion", yourVersion);
        d.put("currentVersion", currentVersion);
        d.put("current", current);
        d.put("yours", yours);
        return d;
    }

    public int currentVersion() {
        return currentVersion;
    }

    public Map<String, String> current() {
        return current;
    }

    public String changedBy() {
        return changedBy;
    }

    public static Map<String, String> texts(String... keyValues) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put(keyValues[i], keyValues[i + 1] == null ? "" : keyValues[i + 1]);
        }
        return m;
    }
}
