package dev.specboard.plan;

import java.util.List;

/** An earlier (or the current) artifact of a plan version, as readable text, with the diff from it to the current one. */
public record RevisionView(Plan plan, ArtifactRow row, int currentNumber, String text, List<LineDiff.Row> toCurrent) {

    public boolean current() {
        return row.number() == currentNumber;
    }
}
