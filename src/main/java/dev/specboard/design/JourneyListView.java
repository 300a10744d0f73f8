package dev.specboard.design;

import dev.specboard.project.Access;
import dev.specboard.web.FormErrors;
import dev.specboard.web.PageNumbers;

import java.util.List;

/** A page of the journeys of a project and the new-journey form. */
public record JourneyListView(Access access, List<JourneyRow> journeys, PageNumbers at, JourneyForm form, FormErrors errors) {

    /** The journeys on one page of the list and where that page is. */
    public record Shown(List<JourneyRow> rows, PageNumbers at) {
    }

    public List<String> types() {
        return JourneyFlow.TYPES;
    }
}
