package dev.specboard.assist;

/** The two job tables the worker claims from; the SQL names the table, so it is never taken from input. */
public enum JobKind {
    AI("ai_jobs"), REFACTOR("refactor_jobs");

    private final String table;

    JobKind(String table) {
        this.table = table;
    }

    String table() {
        return table;
    }
}
