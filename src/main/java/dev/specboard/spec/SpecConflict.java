package dev.specboard.spec;

import dev.specboard.web.ApiException;

import java.util.Map;

/** A save based on an older version: 409 carrying both versions so the editor loses nothing. */
public class SpecConflict extends ApiException {

    private final transient SpecInput submitted;
    private final int submittedVersion;
    private final int currentVersion;

    public SpecConflict(String key, SpecInput submitted, int submittedVersion, int currentVersion) {
        super(409, key + " was changed by someone else: you edited version " + submittedVersion + ", the current version is "
                + currentVersion + ". Your text is kept below; compare and save again.",
                Map.of("yourVersion", submittedVersion, "currentVersion", currentVersion));
        this.submitted = submitted;
        this.submittedVersion = submittedVersion;
        this.currentVersion = currentVersion;
    }

    public SpecInput submitted() {
        return submitted;
    }

    public int submittedVersion() {
        return submittedVersion;
    }

    public int currentVersion() {
        return currentVersion;
    }
}
