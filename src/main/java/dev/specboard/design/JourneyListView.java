package dev.specboard.design;

import dev.specboard.project.Access;
import dev.specboard.web.FormErrors;

import java.util.List;

/** The journeys of a project and the new-journey form. */
public record JourneyListView(Access access, List<JourneyRow> journeys, JourneyForm form, FormErrors errors) {

    public List<String> types() {
        return JourneyFlow.TYPES;
    }
}
