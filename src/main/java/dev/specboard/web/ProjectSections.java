package dev.specboard.web;

import io.quarkus.qute.TemplateGlobal;

import java.util.List;

/**
 * The project navigation's sections in their groups, for the {@code projectNav} tag: one row names the groups, a
 * second the sections of the current group. Nineteen sections in one row did not fit a desktop screen, and the later
 * ones (Code, Plans, Jobs, Members, Settings) were out of sight until the row was scrolled.
 */
@TemplateGlobal
public final class ProjectSections {

    /** The groups in the order they are shown; a group's link opens its first section. */
    public static final List<Group> projectSectionGroups = List.of(
            new Group("Stories", List.of(new Section("stories", "Stories", "stories"))),
            new Group("Architecture", List.of(new Section("contexts", "Contexts", "contexts"),
                    new Section("components", "Components", "components"))),
            new Group("Design", List.of(new Section("design", "Pages", "design"),
                    new Section("design-system", "Design system", "design-system"),
                    new Section("features", "Features", "features"),
                    new Section("journeys", "Journeys", "journeys"),
                    new Section("entities", "Entities", "entities"),
                    new Section("thinking", "Thinking", "thinking"),
                    new Section("context", "Context items", "context"),
                    new Section("previews", "Previews", "previews"))),
            new Group("Build", List.of(new Section("specs", "Specs", "specs"),
                    new Section("board", "Board", "board"),
                    new Section("plans", "Plans", "plans"),
                    new Section("jobs", "Jobs", "jobs"))),
            new Group("Code", List.of(new Section("repos", "Code", "repos"))),
            new Group("Team", List.of(new Section("members", "Members", "members"),
                    new Section("settings", "Settings", "settings", true))));

    private ProjectSections() {
    }

    /** A section: the key pages pass as {@code active}, its label, its path below the project, whether only owners see it. */
    public record Section(String key, String label, String path, boolean ownerOnly) {

        Section(String key, String label, String path) {
            this(key, label, path, false);
        }
    }

    /** A group of sections. */
    public record Group(String label, List<Section> sections) {

        /** The section the group's own link opens. */
        public Section first() {
            return sections.get(0);
        }

        /** Whether the section {@code key} is one of this group's. */
        public boolean contains(String key) {
            return sections.stream().anyMatch(s -> s.key().equals(key));
        }

        /** Whether the group is more than its one section, so that the current group's sections get a row. */
        public boolean several() {
            return sections.size() > 1;
        }
    }
}
