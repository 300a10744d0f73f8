package dev.specboard.spec;

/** Another spec as a page names it: key, title and whether it is complete. */
public record SpecRef(int number, String title, String status) {

    public String key() {
        return "SPEC-" + number;
    }

    public boolean complete() {
        return TechnicalSpec.STATUS_COMPLETE.equals(status);
    }

    public String statusLabel() {
        return status.replace('_', ' ');
    }
}
