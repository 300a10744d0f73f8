package dev.specboard.spec;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.specboard.repo.RepoPath;
import dev.specboard.web.FormErrors;
import io.quarkus.runtime.annotations.RegisterForReflection;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The content of a hierarchical spec, exactly the seed's JSON: overview, architecture, technology
 * stack and an ordered list of phases. Parsed and validated here, stored as JSON text.
 */
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SpecContent(
        String overview,
        String architecture,
        @JsonProperty("technology_stack") String technologyStack,
        List<Phase> phases) {

    static final Pattern PHASE_NAME = Pattern.compile("^[a-z0-9][a-z0-9-]{0,99}$");
    static final BigDecimal MAX_HOURS = new BigDecimal("9999");
    /** The most characters of the overview, architecture and technology stack, as of other free text (notes, descriptions). */
    static final int MAX_TEXT = TaskNote.MAX_LENGTH;
    /**
     * The most files one phase (so one task) is assigned: a claim compares each with the files of every task held, and
     * a task touching more than a couple of hundred files is a phase to split.
     */
    public static final int MAX_FILES = 200;
    /** A phase file as {@link Phase#file} writes it: the phase's number, then its name. */
    static final Pattern PHASE_FILE = Pattern.compile("phase(\\d{1,6})-(.+)");

    /** Hours as the columns keep them (numeric(8, 2)): 1.5 and 1.50 are, 1.234 would be rounded without a word. */
    static boolean hasAtMostTwoDecimals(BigDecimal hours) {
        return hours.stripTrailingZeros().scale() <= 2;
    }
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * One phase of a hierarchical spec; its name is the scope of the task created for it, and {@code branchName} the git
     * branch that task works on (none given: {@code roadmap-implementation_task-TASK-n-k}).
     */
    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Phase(
            Integer number,
            String name,
            String description,
            BigDecimal hours,
            String content,
            @JsonProperty("assigned_files") List<String> assignedFiles,
            @JsonProperty("branch_name") String branchName) {

        public Phase(Integer number, String name, String description, BigDecimal hours, String content, List<String> assignedFiles) {
            this(number, name, description, hours, content, assignedFiles, null);
        }

        /** Its entry in the spec's phase files (seed 001's list, kept in phase order): {@code phase2-api}. */
        String file() {
            return "phase" + number + "-" + name;
        }

        public List<String> files() {
            return assignedFiles == null ? List.of() : assignedFiles;
        }

        public BigDecimal hoursOrZero() {
            return hours == null ? BigDecimal.ZERO : hours;
        }

        Phase numbered(int n) {
            return new Phase(n, name == null ? null : name.trim(), description, hours, content,
                    assignedFiles == null ? List.of() : assignedFiles.stream().map(f -> RepoPath.of(f).normalised()).toList(),
                    branchName == null || branchName.isBlank() ? null : branchName.strip());
        }
    }

    /** The same content with each phase's files once, in their first place (after {@link #validate}, which names entries by index). */
    public SpecContent withDistinctFiles() {
        return new SpecContent(overview, architecture, technologyStack, phaseList().stream().map(p -> new Phase(p.number(), p.name(),
                p.description(), p.hours(), p.content(), p.assignedFiles() == null ? null : p.assignedFiles().stream().distinct().toList(),
                p.branchName())).toList());
    }

    public List<Phase> phaseList() {
        return phases == null ? List.of() : phases;
    }

    /** The same content with phases numbered 1..n in their order and names trimmed. */
    public SpecContent normalized() {
        List<Phase> numbered = new ArrayList<>();
        List<Phase> list = phaseList();
        for (int i = 0; i < list.size(); i++) {
            numbered.add(list.get(i).numbered(i + 1));
        }
        return new SpecContent(overview, architecture, technologyStack, numbered);
    }

    public Optional<Phase> phase(String name) {
        return phaseList().stream().filter(p -> name.equals(p.name())).findFirst();
    }

    public BigDecimal totalHours() {
        return phaseList().stream().map(Phase::hoursOrZero).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /**
     * Checks the phases: at least one, names present, unique and slug-like, hours between 0 and
     * 9999, file paths present and inside the repository, branch names git takes and no two alike. Errors are named {@code phases[i].field} so the form can show each one at its input.
     */
    public FormErrors validate() {
        FormErrors errors = FormErrors.none();
        List<Phase> list = phaseList();
        if (list.isEmpty()) {
            errors.add("phases", "A hierarchical spec needs at least one phase");
        }
        // Free text as long as a story's description at most: the spec is read whole with each of its tasks' context.
        Map<String, String> texts = new java.util.LinkedHashMap<>();
        texts.put("overview", overview);
        texts.put("architecture", architecture);
        texts.put("technologyStack", technologyStack);
        texts.forEach((field, text) -> {
            if (text != null && dev.specboard.web.Chars.Check.over(text, MAX_TEXT)) {
                errors.add(field, "At most " + MAX_TEXT + " characters");
            }
        });
        Set<String> seen = new HashSet<>();
        Set<String> branches = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            Phase p = list.get(i);
            String at = "phases[" + i + "].";
            String name = p.name() == null ? "" : p.name().trim();
            if (name.isEmpty()) {
                errors.add(at + "name", "Give the phase a name");
            } else if (!PHASE_NAME.matcher(name).matches()) {
                errors.add(at + "name", "Lowercase letters, digits and -, like database-layer (at most 100)");
            } else if (!seen.add(name)) {
                errors.add(at + "name", "Another phase already has this name");
            }
            if (p.hours() != null && p.hours().signum() < 0) {
                errors.add(at + "hours", "Hours cannot be negative");
            } else if (p.hours() != null && p.hours().compareTo(MAX_HOURS) > 0) {
                errors.add(at + "hours", "At most 9999 hours");
            } else if (p.hours() != null && !hasAtMostTwoDecimals(p.hours())) {
                errors.add(at + "hours", "Give the hours with at most 2 decimals, like 1.25");
            }
            if (p.description() != null && dev.specboard.web.Chars.Check.over(p.description(), 2000)) {
                errors.add(at + "description", "At most 2000 characters");
            }
            List<String> files = p.files();
            for (int j = 0; j < files.size(); j++) {
                // As overlap checks compare it (an entry left empty or climbing out of the tree is refused here).
                RepoPath path = RepoPath.of(files.get(j));
                String f = path.normalised();
                String problem = f.isEmpty() ? "An empty file path: give a path relative to the repository, like src/Main.java"
                        : f.length() > 500 ? "A file path of at most 500 characters"
                        : path.climbs() ? f + ": a path relative to the repository, without .. in it"
                        : null;
                if (problem != null) {
                    // The item for API clients; the list itself for the form, whose text area holds the whole list.
                    errors.add(at + "assignedFiles[" + j + "]", problem);
                    errors.add(at + "assignedFiles", "File " + (j + 1) + ": " + problem);
                }
            }
            String branch = p.branchName() == null ? null : p.branchName().strip();
            if (branch != null && !branch.isEmpty()) {
                if (branch.length() > 255 || !org.eclipse.jgit.lib.Repository.isValidRefName("refs/heads/" + branch)) {
                    errors.add(at + "branchName", "A branch name git takes, like feature/login-form (no spaces, .., ~, ^, : or ?; at most 255)");
                } else if (!branches.add(branch)) {
                    errors.add(at + "branchName", "Another phase already works on this branch");
                }
            }
        }
        return errors;
    }

    static String listJson(List<String> list) {
        try {
            return JSON.writeValueAsString(list == null ? List.of() : list);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<String> parseList(String json) {
        if (json == null || json.isBlank()) {
            return List.of();
        }
        try {
            return List.of(JSON.readValue(json, String[].class));
        } catch (JsonProcessingException e) {
            return List.of();
        }
    }

    /** The document as people read it (markdown), so that two versions can be compared word by word. */
    public String readable() {
        StringBuilder b = new StringBuilder();
        section(b, "Overview", overview);
        section(b, "Architecture", architecture);
        section(b, "Technology stack", technologyStack);
        for (Phase p : phaseList()) {
            b.append("## Phase ").append(p.number() == null ? "" : p.number() + " ").append(p.name())
                    .append(" (").append(p.hoursOrZero().stripTrailingZeros().toPlainString()).append(" h)\n\n");
            if (p.description() != null && !p.description().isBlank()) {
                b.append(p.description().trim()).append("\n\n");
            }
            if (p.content() != null && !p.content().isBlank()) {
                b.append(p.content().trim()).append("\n\n");
            }
            if (!p.files().isEmpty()) {
                b.append("Files: ").append(String.join(", ", p.files())).append("\n\n");
            }
        }
        return b.toString().trim();
    }

    private static void section(StringBuilder b, String title, String text) {
        if (text != null && !text.isBlank()) {
            b.append("## ").append(title).append("\n\n").append(text.trim()).append("\n\n");
        }
    }

    public String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Reads stored or submitted JSON; an unreadable document is refused with the parser's reason. */
    public static SpecContent parse(String json) {
        if (json == null || json.isBlank()) {
            return new SpecContent(null, null, null, List.of());
        }
        try {
            SpecContent c = JSON.readValue(json, SpecContent.class);
            return c == null ? new SpecContent(null, null, null, List.of()) : c;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("The hierarchical content is not valid JSON: " + e.getOriginalMessage(), e);
        }
    }
}
