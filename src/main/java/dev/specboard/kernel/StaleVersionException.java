package dev.specboard.kernel;

import dev.specboard.web.ApiException;
import dev.specboard.web.ValidationException;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.function.Supplier;

/** A save based on an older version: 409 with both versions' texts, so nothing typed is lost. */
public class StaleVersionException extends ApiException {

    /** Who saved the newer version when it was the caller: their own save from another tab (or another agent of theirs). */
    public static final String BY_YOU = "you in another tab or window";

    /** {@link #BY_YOU} as an API or MCP caller is told it: it has requests, not tabs. */
    public static final String BY_YOU_IN_API = "you in another request";

    /** Who saved the newer version when no person did: a background inference or recompute. */
    public static final String BY_ASSISTANT = "the assistant";

    private final int yourVersion;
    private final int currentVersion;
    private final transient Map<String, String> current;
    private final transient Map<String, String> yours;
    private final String changedBy;

    /**
     * Refuses a version past the current one (or below 0) with 422 on {@code version}: it was never saved, so the caller made it up
     * or mixed documents; a 409 "changed by someone else" would send them looking for an edit that never happened.
     */
    public static void requireSaved(String what, Integer given, int current) {
        requireSaved("version", what, given, current);
    }

    /**
     * Refuses an edit that does not say which version it started from (422 on {@code field}), as stories do: saved without
     * a check, it would silently replace whatever someone else saved meanwhile.
     */
    public static void requireGiven(String field, Object given) {
        if (given == null) {
            throw ValidationException.of(field, "Say which version you edited");
        }
    }

    /**
     * The same, for a document whose versions start at {@code first} (a thought's at 1): a version below it was never saved
     * either, and a 409 "put back by someone else" would name a change that never happened.
     */
    public static void requireSaved(String what, Integer given, int first, int current) {
        if (given != null && given < first) {
            throw ValidationException.of("version", what + " has no version " + given + ": it is at version " + current);
        }
        requireSaved(what, given, current);
    }

    /** The same, for a document whose version field has another name (a mockup's {@code basedOn}). */
    public static void requireSaved(String field, String what, Integer given, int current) {
        if (given != null && (given > current || given < 0)) {
            throw ValidationException.of(field, what + " has no version " + given + ": it is at version " + current);
        }
    }

    /**
     * An approval of the version the approver read ({@code seen}; null means the current one): 422 for a version never
     * saved, 409 when {@code what} changed since, so that no one approves a text they have not read.
     */
    public static void requireApprovedAsRead(String what, Integer seen, int current) {
        requireApprovedAsRead(what, seen, current, () -> null, v -> null, () -> null);
    }

    /**
     * The same, the 409 carrying the current text and the text of the version read (null when it is not kept) and who
     * saved the current one (named in the message when known), as a story's approval does, so that the approver sees
     * what changed; read only when refused.
     */
    public static void requireApprovedAsRead(String what, Integer seen, int current, Supplier<Map<String, String>> currentText,
                                             IntFunction<Map<String, String>> readText,
                                             Supplier<String> changedBy) {
        if (seen == null || seen == current) {
            return;
        }
        requireSaved(what, seen, current);
        // Named as a stale edit names them (and as stories and the executive summary word it), where the saver is known.
        String by = changedBy.get();
        throw withMessage(what + (by == null ? " changed" : " was changed by " + by) + " after you opened it: you read version " + seen
                + ", it is now version " + current + ". Nothing was approved: read version " + current + " and approve that one.", seen, current,
                currentText.get(), readText.apply(seen), by);
    }

    public StaleVersionException(String what, int yourVersion, int currentVersion, Map<String, String> current,
                                 Map<String, String> yours, String changedBy) {
        this(yourVersion, currentVersion, what + " was changed by " + (changedBy == null ? "someone else" : changedBy)
                + " while you edited it (you edited version " + yourVersion + ", it is now version " + currentVersion
                + "). Nothing is lost: compare both texts and save again.", current, yours, changedBy);
    }

    private StaleVersionException(int yourVersion, int currentVersion, String message, Map<String, String> current,
                                  Map<String, String> yours, String changedBy) {
        super(409, message, details(yourVersion, currentVersion, current, yours));
        this.yourVersion = yourVersion;
        this.currentVersion = currentVersion;
        this.current = current == null ? Map.of() : current;
        this.yours = yours == null ? Map.of() : yours;
        this.changedBy = changedBy;
    }

    private static Map<String, Object> details(int yourVersion, int currentVersion, Map<String, String> current, Map<String, String> yours) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("yourVersion", yourVersion);
        d.put("currentVersion", currentVersion);
        if (current != null) {
            d.put("current", current);
        }
        if (yours != null) {
            d.put("yours", yours);
        }
        return d;
    }

    /** A refusal with a message of its own, for an editor that shows the current version its own way (the spec form, the settings). */
    public static StaleVersionException withMessage(String message, int yourVersion, int currentVersion) {
        return new StaleVersionException(yourVersion, currentVersion, message, null, null, null);
    }

    /** The same with both versions' texts, for a decision on a version that is no longer the current one (approving version 2 when 3 is saved). */
    public static StaleVersionException withMessage(String message, int yourVersion, int currentVersion, Map<String, String> current,
                                                    Map<String, String> yours, String changedBy) {
        return new StaleVersionException(yourVersion, currentVersion, message, current, yours, changedBy);
    }

    /** The message with the caller's own newer save as an earlier request of theirs, not another tab or window. */
    @Override
    public String apiMessage() {
        String message = getMessage();
        return message == null ? null : message.replace(BY_YOU, BY_YOU_IN_API);
    }

    public int yourVersion() {
        return yourVersion;
    }

    public int currentVersion() {
        return currentVersion;
    }

    public Map<String, String> current() {
        return current;
    }

    /** What the refused save sent, under the names of {@link #current()}. */
    public Map<String, String> yours() {
        return yours;
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
