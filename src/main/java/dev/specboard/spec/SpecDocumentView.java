package dev.specboard.spec;

import java.math.BigDecimal;
import java.util.List;

/** A spec rendered for reading: markdown already turned into safe HTML, phases with their tasks. */
public record SpecDocumentView(SpecQueries.SpecView detail, String overviewHtml, String architectureHtml, String stackHtml,
                       String contentHtml, List<PhaseView> phases) {

    /** One phase as a section of the document. */
    public record PhaseView(int number, String name, String description, BigDecimal hours, String html, List<String> files,
                            TaskRow task) {
    }
}
