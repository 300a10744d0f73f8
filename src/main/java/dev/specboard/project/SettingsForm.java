package dev.specboard.project;

import jakarta.ws.rs.FormParam;

/** The settings page: a project's basics and vision, plus the version the editor started from. */
public record SettingsForm(
        @FormParam("name") String name,
        @FormParam("slug") String slug,
        @FormParam("type") String type,
        @FormParam("framework") String framework,
        @FormParam("description") String description,
        @FormParam("visionStatement") String visionStatement,
        @FormParam("targetFeeling") String targetFeeling,
        @FormParam("referenceApps") String referenceApps,
        @FormParam("icon") String icon,
        @FormParam("color") String color,
        @FormParam("taskLeaseMinutes") String taskLeaseMinutes,
        @FormParam("version") Integer version) {

    public static SettingsForm of(Project p) {
        VisionForm v = VisionForm.of(p);
        return new SettingsForm(p.name, p.slug, p.type, VisionForm.n(p.framework), VisionForm.n(p.description),
                v.visionStatement(), v.targetFeeling(), v.referenceApps(), v.icon(), v.color(), String.valueOf(p.taskLeaseMinutes), p.version);
    }

    public ProjectForm basics() {
        return new ProjectForm(name, slug == null || slug.isBlank() ? null : slug, type, framework, description);
    }

    public VisionForm vision() {
        return new VisionForm(visionStatement, targetFeeling, referenceApps, icon, color);
    }

    public SettingsForm withVersion(int v) {
        return new SettingsForm(name, slug, type, framework, description, visionStatement, targetFeeling, referenceApps, icon, color,
                taskLeaseMinutes, v);
    }

    /** The lease length as a number; null when the form left it out (kept as it is), -1 when it is no number. */
    public Integer leaseMinutes() {
        if (taskLeaseMinutes == null || taskLeaseMinutes.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(taskLeaseMinutes.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    public java.util.List<String> feelings() {
        return VisionForm.FEELINGS;
    }

    public java.util.List<String> types() {
        return Project.TYPES;
    }
}
