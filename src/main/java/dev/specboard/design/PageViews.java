package dev.specboard.design;

import dev.specboard.kernel.Role;
import dev.specboard.project.Access;
import dev.specboard.web.FilterChoices;
import dev.specboard.web.FormErrors;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Builds the read models of the design tree and the page screen from the services' queries, so that resources only pick templates. */
@ApplicationScoped
public class PageViews {

    @Inject
    PageService pages;

    @Inject
    MockupService mockups;

    @Inject
    ContextItemService contextItems;

    @Inject
    JourneyQueries journeys;

    /** The page tree with the new-page form; {@code moved} marks the page that just moved. */
    public TreePage tree(Access access, PageForm form, FormErrors errors, UUID moved) {
        List<PageRow> rows = pages.rows(access.project().id);
        return new TreePage(access, PageNode.tree(rows), rows, form, errors, moved, "", FormErrors.none());
    }

    /** The page tree, or with {@code ?pattern=} the pages using that component pattern; an unknown pattern is named as a problem. */
    public TreePage tree(Access access, String pattern) {
        FilterChoices choices = new FilterChoices();
        String chosen = choices.oneOf("pattern", "component pattern", pattern, MockupAnalyzer.COMPONENT_KINDS);
        List<PageRow> rows = pages.rows(access.project().id);
        return new TreePage(access, PageNode.tree(rows), rows, PageForm.empty(), FormErrors.none(), null, chosen, choices.errors());
    }

    /** A page with its own data in both forms, and one page of its mockup versions ({@code null}: the newest). */
    public PageView page(Access access, UUID id, String device, Integer versionPage) {
        FilterChoices choices = new FilterChoices();
        String shown = device(device, choices);
        return page(access, pages.get(access.project().id, id), shown, null, FormErrors.none(), null, FormErrors.none(), null, Map.of(), versionPage,
                choices.errors(), null);
    }

    /** A page whose edit form came back with problems. */
    public PageView page(Access access, UUID id, PageForm form, FormErrors errors) {
        return page(access, id, form, errors, null);
    }

    /** The same after a stale save of the details, with the version saved meanwhile ({@code conflict}) beside what was typed. */
    public PageView page(Access access, UUID id, PageForm form, FormErrors errors, dev.specboard.kernel.ConflictView conflict) {
        return page(access, pages.get(access.project().id, id), null, form, errors, null, FormErrors.none(), null, Map.of(), null, FormErrors.none(),
                conflict);
    }

    /** A page with its mockup, its newest versions, next statuses and context items, and the state of its two forms. */
    public PageView page(Access access, Page p, String device, PageForm form, FormErrors errors, MockupForm mockupForm, FormErrors mockupErrors,
                  String conflict, Map<String, String> theirs) {
        return page(access, p, device, form, errors, mockupForm, mockupErrors, conflict, theirs, null, FormErrors.none(), null);
    }

    private PageView page(Access access, Page p, String device, PageForm form, FormErrors errors, MockupForm mockupForm, FormErrors mockupErrors,
                  String conflict, Map<String, String> theirs, Integer versionPage, FormErrors deviceErrors,
                  dev.specboard.kernel.ConflictView detailsConflict) {
        MockupService.Versions versions = mockups.versions(p.id, p.currentMockupId, versionPage);
        List<PageRow> rows = pages.rows(access.project().id);
        PageRow parent = rows.stream().filter(r -> r.id().equals(p.parentId)).findFirst().orElse(null);
        List<PageRow> children = rows.stream().filter(r -> p.id.equals(r.parentId())).toList();
        Mockup current = p.currentMockupId == null ? null : Mockup.findById(p.currentMockupId);
        return new PageView(access, p, parent, children, rows, current, current == null ? MockupAnalysis.empty() : current.analysis(),
                versions.rows(), p.nextStatuses(access.role()).stream().filter(s -> access.may(Role.MEMBER)).toList(),
                device(device), form == null ? PageForm.of(p, p.parentId == null ? "" : p.parentId.toString()) : form, errors,
                mockupForm == null ? MockupForm.from(current) : mockupForm, mockupErrors, conflict, theirs,
                contextItems.referencedBy(access.project().id, "page", p.id), contextItems.rows(access.project().id), versions.at(), deviceErrors,
                journeys.showing(access.project().id, p.id), detailsConflict);
    }

    /** The device a mockup is shown on: one the analyzer knows, or all of them. */
    static String device(String device) {
        return device != null && MockupAnalyzer.DEVICES.containsKey(device) ? device : "all";
    }

    /**
     * The device {@code ?device=} asks for, "all" when it names none; an unknown one is refused in {@code choices} (the page
     * answers 422 naming the devices), never shown as all of them as if that were the answer.
     */
    static String device(String device, FilterChoices choices) {
        List<String> allowed = new java.util.ArrayList<>(List.of("all"));
        allowed.addAll(MockupAnalyzer.DEVICES.keySet());
        String chosen = choices.oneOf("device", "device", device, allowed);
        return chosen.isEmpty() ? "all" : chosen;
    }
}
