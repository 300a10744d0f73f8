package dev.specboard.wizard;

import jakarta.ws.rs.FormParam;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Every field of the design wizards' steps (each step reads its own): the page creator's page and layout, the
 * feature builder's feature, pages, rules and data operations, and the design-system wizard's colours
 * ({@code color} the candidates shown, {@code colorName} their names in the same order, {@code keep} the ones kept).
 */
public record DesignWizardForm(
        @FormParam("name") String name,
        @FormParam("path") String path,
        @FormParam("purpose") String purpose,
        @FormParam("primaryDevice") String primaryDevice,
        @FormParam("layout") String layout,
        @FormParam("userDescription") String userDescription,
        @FormParam("category") String category,
        @FormParam("pages") List<String> pages,
        @FormParam("businessRules") String businessRules,
        @FormParam("creates") String creates,
        @FormParam("reads") String reads,
        @FormParam("updates") String updates,
        @FormParam("deletes") String deletes,
        @FormParam("color") List<String> color,
        @FormParam("colorName") List<String> colorName,
        @FormParam("keep") List<String> keep,
        @FormParam("draftStory") String draftStory,
        @FormParam("parent") String parent) {

    public static DesignWizardForm empty() {
        return new DesignWizardForm("", "/", "", "responsive", "", "", "", List.of(), "", "", "", "", "", List.of(), List.of(), List.of(), "on", "");
    }

    /** The answers a run saved, step by step, as one form (what the person sees when they come back). */
    @SuppressWarnings("unchecked")
    static DesignWizardForm of(WizardRun run) {
        if (run == null) {
            return empty();
        }
        Map<String, Object> all = new java.util.LinkedHashMap<>();
        run.answers.forEach((k, v) -> {
            // A draft is no answer: what the last step creates is made of the answers alone.
            if (v instanceof Map<?, ?> m && !WizardRun.DRAFTS.equals(k)) {
                all.putAll((Map<String, Object>) m);
            }
        });
        DesignWizardForm e = empty();
        return new DesignWizardForm(s(all, "name", e.name), s(all, "path", e.path), s(all, "purpose", ""), s(all, "primaryDevice", e.primaryDevice),
                s(all, "layout", ""), s(all, "userDescription", ""), s(all, "category", ""), l(all, "pages"), s(all, "businessRules", ""),
                s(all, "creates", ""), s(all, "reads", ""), s(all, "updates", ""), s(all, "deletes", ""), l(all, "color"), l(all, "colorName"),
                l(all, "keep"), s(all, "draftStory", "on"), s(all, "parent", ""));
    }

    /** Every field as typed (none missing: an unticked box is an empty one), to keep as a step's draft ({@link WizardRun#keepDraft}). */
    Map<String, Object> draft() {
        Map<String, Object> d = new java.util.LinkedHashMap<>();
        d.put("name", n(name));
        d.put("path", n(path));
        d.put("purpose", n(purpose));
        d.put("primaryDevice", n(primaryDevice));
        d.put("layout", n(layout));
        d.put("userDescription", n(userDescription));
        d.put("category", n(category));
        d.put("pages", pageList());
        d.put("businessRules", n(businessRules));
        d.put("creates", n(creates));
        d.put("reads", n(reads));
        d.put("updates", n(updates));
        d.put("deletes", n(deletes));
        d.put("color", colors());
        d.put("colorName", names());
        d.put("keep", kept());
        d.put("draftStory", n(draftStory));
        d.put("parent", n(parent));
        return d;
    }

    /** A step's draft as the form it was typed in. */
    static DesignWizardForm ofDraft(Map<String, Object> d) {
        return new DesignWizardForm(s(d, "name", ""), s(d, "path", ""), s(d, "purpose", ""), s(d, "primaryDevice", ""), s(d, "layout", ""),
                s(d, "userDescription", ""), s(d, "category", ""), l(d, "pages"), s(d, "businessRules", ""), s(d, "creates", ""), s(d, "reads", ""),
                s(d, "updates", ""), s(d, "deletes", ""), l(d, "color"), l(d, "colorName"), l(d, "keep"), s(d, "draftStory", ""),
                s(d, "parent", ""));
    }

    private static String n(String v) {
        return v == null ? "" : v;
    }

    /** This form with the fields another form (as submitted) fills in; the rest kept. */
    DesignWizardForm over(DesignWizardForm saved, DesignStep step) {
        return switch (step) {
            case PAGE -> new DesignWizardForm(name, path, purpose, primaryDevice, saved.layout, saved.userDescription, saved.category, saved.pages,
                    saved.businessRules, saved.creates, saved.reads, saved.updates, saved.deletes, saved.color, saved.colorName, saved.keep, saved.draftStory,
                    parent);
            case LAYOUT -> saved.with("layout", layout);
            case DESCRIBE -> new DesignWizardForm(name, saved.path, saved.purpose, saved.primaryDevice, saved.layout, userDescription, category, saved.pages,
                    saved.businessRules, saved.creates, saved.reads, saved.updates, saved.deletes, saved.color, saved.colorName, saved.keep, saved.draftStory,
                    saved.parent);
            case PAGES -> new DesignWizardForm(saved.name, saved.path, saved.purpose, saved.primaryDevice, saved.layout, saved.userDescription,
                    saved.category, pageList(), businessRules, saved.creates, saved.reads, saved.updates, saved.deletes, saved.color, saved.colorName,
                    saved.keep, saved.draftStory, saved.parent);
            case DATA -> new DesignWizardForm(saved.name, saved.path, saved.purpose, saved.primaryDevice, saved.layout, saved.userDescription,
                    saved.category, saved.pages, saved.businessRules, creates, reads, updates, deletes, saved.color, saved.colorName, saved.keep,
                    saved.draftStory, saved.parent);
            case COLOURS -> new DesignWizardForm(saved.name, saved.path, saved.purpose, saved.primaryDevice, saved.layout, saved.userDescription,
                    saved.category, saved.pages, saved.businessRules, saved.creates, saved.reads, saved.updates, saved.deletes, colors(), names(),
                    kept(), saved.draftStory, saved.parent);
            case FEATURE_REVIEW -> saved.with("draftStory", draftStory == null ? "" : draftStory);
            default -> saved;
        };
    }

    private DesignWizardForm with(String field, String value) {
        return new DesignWizardForm(name, path, purpose, primaryDevice, field.equals("layout") ? value : layout, userDescription, category, pages,
                businessRules, creates, reads, updates, deletes, color, colorName, keep, field.equals("draftStory") ? value : draftStory, parent);
    }

    public List<String> pageList() {
        return clean(pages);
    }

    public List<String> colors() {
        return color == null ? List.of() : color.stream().map(c -> c == null ? "" : c.strip()).toList();
    }

    public List<String> names() {
        List<String> out = new ArrayList<>();
        List<String> n = colorName == null ? List.of() : colorName;
        for (int i = 0; i < colors().size(); i++) {
            out.add(i < n.size() && n.get(i) != null ? n.get(i).strip() : "");
        }
        return out;
    }

    public List<String> kept() {
        return clean(keep);
    }

    public boolean keeps(String hex) {
        return kept().contains(hex);
    }

    public boolean hasPage(Object id) {
        return pageList().contains(String.valueOf(id));
    }

    public boolean draftsStory() {
        return draftStory != null && !draftStory.isBlank();
    }

    /**
     * The name a colour was given in this form (its place in {@code color}), even an empty one (a refused form shows what
     * was typed, not the default again); the default for a colour the form does not carry yet.
     */
    public String nameOf(String hex, String fallback) {
        int i = colors().indexOf(hex);
        return i < 0 ? fallback : names().get(i);
    }

    private static List<String> clean(List<String> values) {
        return values == null ? List.of() : values.stream().filter(v -> v != null && !v.isBlank()).map(String::strip).distinct().toList();
    }

    private static String s(Map<String, Object> m, String k, String fallback) {
        Object v = m.get(k);
        return v == null ? fallback : v.toString();
    }

    @SuppressWarnings("unchecked")
    private static List<String> l(Map<String, Object> m, String k) {
        Object v = m.get(k);
        return v instanceof List<?> list ? (List<String>) list : List.of();
    }
}
