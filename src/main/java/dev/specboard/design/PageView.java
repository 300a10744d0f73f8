package dev.specboard.design;

import dev.specboard.project.Access;
import dev.specboard.web.FormErrors;

import java.util.List;
import java.util.Map;

/**
 * One page: its fields and status, its current mockup in device frames with the patterns parsed from it,
 * the version history, and the forms (edit, new mockup version) with their errors or a version conflict ({@code conflict} and
 * {@code theirs} for a mockup's, {@code detailsConflict} for the page details' version saved meanwhile).
 */
public record PageView(Access access, Page page, PageRow parent, List<PageRow> children, List<PageRow> pages, Mockup current,
                       MockupAnalysis analysis, List<MockupRow> versions, List<PageStatus> nextStatuses, String device,
                       PageForm form, FormErrors errors, MockupForm mockupForm, FormErrors mockupErrors, String conflict,
                       Map<String, String> theirs, List<ContextItemRow> references, List<ContextItemRow> contextItems,
                       dev.specboard.web.PageNumbers versionsAt, FormErrors deviceErrors, List<JourneyQueries.Use> journeys,
                       dev.specboard.kernel.ConflictView detailsConflict) {

    public int currentVersion() {
        return current == null ? 0 : current.version;
    }

    /**
     * The number the next saved mockup gets: versions are numbered 1, 2, ... and never removed one by one, so it is their
     * count plus one, not the current one's plus one (an older version may have been made current).
     */
    public long nextVersion() {
        return versionsAt.total() + 1;
    }

    /**
     * The pages this one may move under: every page but itself and those below it, which the save refuses (a page cannot
     * sit under its own children), so the choice is not offered.
     */
    public List<PageRow> parentChoices() {
        java.util.Set<java.util.UUID> below = new java.util.HashSet<>(java.util.Set.of(page.id));
        boolean grew = true;
        while (grew) {
            grew = false;
            for (PageRow r : pages) {
                if (r.parentId() != null && below.contains(r.parentId()) && below.add(r.id())) {
                    grew = true;
                }
            }
        }
        return pages.stream().filter(r -> !below.contains(r.id())).toList();
    }

    public List<String> types() {
        return Page.TYPES;
    }

    public List<String> devices() {
        return Page.DEVICES;
    }

    /** When a save was refused as stale: the current version's source against the typed one. */
    public List<SourceDiff.Section> conflictSections() {
        if (conflict == null) {
            return List.of();
        }
        return List.of(SourceDiff.section("HTML", theirs.get("html"), mockupForm.html()), SourceDiff.section("CSS", theirs.get("css"), mockupForm.css()),
                SourceDiff.section("JavaScript", theirs.get("js"), mockupForm.js()));
    }

    public String keyElementList() {
        return String.join(", ", page.keyElementList());
    }

    public String frameSrc() {
        return base() + "/mockups/" + currentVersion() + "/frame";
    }

    public String base() {
        return "/projects/" + access.slug() + "/pages/" + page.id;
    }

    /** The versions' page links, ending in {@code page=}: they keep the device the mockup is shown on. */
    public String versionsHref() {
        return base() + ("all".equals(device) ? "?page=" : "?device=" + device + "&page=");
    }
}
