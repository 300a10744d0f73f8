package dev.specboard.project;

import dev.specboard.web.ApiException;

import java.util.Map;

/** Someone saved the project after the editor loaded it: 409 naming both versions, so nothing is lost. */
public class StaleProjectException extends ApiException {

    private final int yourVersion;
    private final int currentVersion;

    public StaleProjectException(int yourVersion, int currentVersion) {
        super(409, "Someone else saved this project while you were editing it (you edited version " + yourVersion
                + ", it is now version " + currentVersion + ").", Map.of("yourVersion", yourVersion, "currentVersion", currentVersion));
        this.yourVersion = yourVersion;
        this.currentVersion = currentVersion;
    }

    public int yourVersion() {
        return yourVersion;
    }

    public int currentVersion() {
        return currentVersion;
    }
}
