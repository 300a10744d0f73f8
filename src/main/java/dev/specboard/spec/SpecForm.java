package dev.specboard.spec;

import dev.specboard.web.FormErrors;
import jakarta.ws.rs.FormParam;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The spec editor's fields, bound from the page form: phases arrive as parallel lists (one entry
 * per phase, in order), assigned files one path per line, a blank branch meaning the task's default one. {@code op} is a phase editing action
 * (add, remove:i, up:i, down:i); once applied it becomes {@code focus:i}, the phase whose name field gets the cursor.
 */
public record SpecForm(
        @FormParam("storyNumber") String storyNumber,
        @FormParam("title") String title,
        @FormParam("specType") String specType,
        @FormParam("content") String content,
        @FormParam("overview") String overview,
        @FormParam("architecture") String architecture,
        @FormParam("technologyStack") String technologyStack,
        @FormParam("phaseName") List<String> phaseName,
        @FormParam("phaseDescription") List<String> phaseDescription,
        @FormParam("phaseHours") List<String> phaseHours,
        @FormParam("phaseContent") List<String> phaseContent,
        @FormParam("phaseFiles") List<String> phaseFiles,
        @FormParam("phaseBranch") List<String> phaseBranch,
        @FormParam("dependsOn") List<String> dependsOn,
        @FormParam("version") Integer version,
        @FormParam("op") String op) {

    /** One phase as the form shows it, with the name of each of its fields' errors. */
    public record PhaseRow(int index, String name, String description, String hours, String content, String files, String branch) {

        public String key(String field) {
            return "phases[" + index + "]." + field;
        }

        public int number() {
            return index + 1;
        }
    }

    public static SpecForm empty() {
        return new SpecForm("", "", TechnicalSpec.TYPE_HIERARCHICAL, "", "", "", "", List.of(""), List.of(""), List.of(""),
                List.of(""), List.of(""), List.of(""), List.of(), null, null);
    }

    /** The form filled with a saved spec, for editing. */
    public static SpecForm of(TechnicalSpec spec, List<String> dependsOn) {
        SpecContent c = spec.parsedContent();
        List<SpecContent.Phase> ps = c.phaseList();
        return new SpecForm(spec.storyNumber == null ? "" : spec.storyNumber.toString(), spec.title, spec.specType,
                spec.isHierarchical() ? "" : spec.content, nz(c.overview()), nz(c.architecture()), nz(c.technologyStack()),
                ps.stream().map(p -> nz(p.name())).toList(), ps.stream().map(p -> nz(p.description())).toList(),
                ps.stream().map(p -> p.hours() == null ? "" : p.hours().stripTrailingZeros().toPlainString()).toList(),
                ps.stream().map(p -> nz(p.content())).toList(), ps.stream().map(p -> String.join("\n", p.files())).toList(),
                ps.stream().map(p -> nz(p.branchName())).toList(), dependsOn, spec.version, null);
    }

    /** An empty form for a spec of this story (a number from the story page's link; anything else is ignored). */
    public static SpecForm forStory(String story) {
        SpecForm f = empty();
        return story == null || !story.matches("[0-9]{1,9}") ? f : new SpecForm(story, f.title, f.specType, f.content, f.overview, f.architecture,
                f.technologyStack, f.phaseName, f.phaseDescription, f.phaseHours, f.phaseContent, f.phaseFiles, f.phaseBranch, f.dependsOn, null, null);
    }

    /** The same text, based on another version (a save after a conflict replaces that version knowingly). */
    public SpecForm withVersion(int v) {
        return new SpecForm(storyNumber, title, specType, content, overview, architecture, technologyStack, phaseName, phaseDescription,
                phaseHours, phaseContent, phaseFiles, phaseBranch, dependsOn, v, null);
    }

    public boolean hierarchical() {
        return !TechnicalSpec.TYPE_MONOLITHIC.equals(specType);
    }

    public boolean dependsOnKey(String key) {
        return dependsOn != null && dependsOn.contains(key);
    }

    public List<PhaseRow> phases() {
        int n = size(phaseName);
        List<PhaseRow> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            rows.add(new PhaseRow(i, at(phaseName, i), at(phaseDescription, i), at(phaseHours, i), at(phaseContent, i), at(phaseFiles, i),
                    at(phaseBranch, i)));
        }
        return rows;
    }

    /** Applies a phase editing action and returns the form with its phases changed. */
    public SpecForm withOp() {
        List<PhaseRow> rows = new ArrayList<>(phases());
        String o = op == null ? "" : op;
        int i = o.contains(":") ? parseIndex(o.substring(o.indexOf(':') + 1)) : -1;
        // The button pressed is replaced with the phases, so the cursor goes to the phase it made or moved.
        int focus = -1;
        if (o.equals("add")) {
            rows.add(new PhaseRow(rows.size(), "", "", "", "", "", ""));
            focus = rows.size() - 1;
        } else if (o.startsWith("remove:") && i >= 0 && i < rows.size()) {
            rows.remove(i);
        } else if (o.startsWith("up:") && i > 0 && i < rows.size()) {
            rows.add(i - 1, rows.remove(i));
            focus = i - 1;
        } else if (o.startsWith("down:") && i >= 0 && i < rows.size() - 1) {
            rows.add(i + 1, rows.remove(i));
            focus = i + 1;
        }
        return new SpecForm(storyNumber, title, specType, content, overview, architecture, technologyStack,
                rows.stream().map(PhaseRow::name).toList(), rows.stream().map(PhaseRow::description).toList(),
                rows.stream().map(PhaseRow::hours).toList(), rows.stream().map(PhaseRow::content).toList(),
                rows.stream().map(PhaseRow::files).toList(), rows.stream().map(PhaseRow::branch).toList(), dependsOn, version,
                focus < 0 ? null : "focus:" + focus);
    }

    /** Whether this phase's name field takes the cursor: the phase "Add a phase", Up or Down just made or moved. */
    public boolean focusesPhase(int index) {
        return ("focus:" + index).equals(op);
    }

    /** The input for the service; a number that does not parse is left out, and {@link #problems()} names it. */
    public SpecInput toInput() {
        return read(FormErrors.none());
    }

    /** The fields whose numbers do not parse, for the service to refuse together with its own findings. */
    public FormErrors problems() {
        FormErrors errors = FormErrors.none();
        read(errors);
        return errors;
    }

    private SpecInput read(FormErrors errors) {
        Integer story = null;
        if (storyNumber != null && !storyNumber.isBlank()) {
            String s = storyNumber.trim().replaceFirst("(?i)^US-", "");
            try {
                story = Integer.valueOf(s);
            } catch (NumberFormatException e) {
                errors.add("storyNumber", "A story number, like 12 for US-12");
            }
        }
        List<SpecContent.Phase> phases = new ArrayList<>();
        for (PhaseRow p : phases()) {
            BigDecimal hours = null;
            if (p.hours() != null && !p.hours().isBlank()) {
                try {
                    hours = new BigDecimal(p.hours().trim());
                } catch (NumberFormatException e) {
                    errors.add(p.key("hours"), "Hours as a number, like 2 or 1.5");
                }
            }
            List<String> files = p.files() == null ? List.of()
                    : Arrays.stream(p.files().split("\\R")).map(String::trim).filter(f -> !f.isEmpty()).toList();
            phases.add(new SpecContent.Phase(null, p.name(), blankToNull(p.description()), hours, p.content(), files, blankToNull(p.branch())));
        }
        String type = hierarchical() ? TechnicalSpec.TYPE_HIERARCHICAL : TechnicalSpec.TYPE_MONOLITHIC;
        SpecContent structured = hierarchical()
                ? new SpecContent(blankToNull(overview), blankToNull(architecture), blankToNull(technologyStack), phases) : null;
        return new SpecInput(story, title, type, content, structured, dependsOn == null ? List.of() : dependsOn);
    }

    private static int parseIndex(String s) {
        try {
            return Integer.parseInt(s.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static int size(List<String> l) {
        return l == null ? 0 : l.size();
    }

    private static String at(List<String> l, int i) {
        return l == null || i >= l.size() || l.get(i) == null ? "" : l.get(i);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
