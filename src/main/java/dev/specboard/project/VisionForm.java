package dev.specboard.project;

import dev.specboard.web.Chars;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.FormParam;

import java.util.Arrays;
import java.util.List;

/** A project's vision: the wizard's second step and part of the settings. */
public record VisionForm(
        @FormParam("visionStatement") @Chars(max = 5000, message = "At most 5000 characters") String visionStatement,
        @FormParam("targetFeeling") @Pattern(regexp = "^$|^(professional|playful|minimal|bold)$",
                message = "Choose one of professional, playful, minimal, bold") String targetFeeling,
        @FormParam("referenceApps") @Chars(max = Project.MAX_REFERENCE_APPS_TEXT, message = "At most 2040 characters") String referenceApps,
        @FormParam("icon") @Chars(max = 50, message = "At most 50 characters") String icon,
        @FormParam("color") @Pattern(regexp = "^$|^#[0-9a-fA-F]{6}$", message = "A colour as #RRGGBB, for example #1f5fbf") String color) {

    public static final List<String> FEELINGS = List.of("professional", "playful", "minimal", "bold");

    public static VisionForm empty() {
        return new VisionForm("", "", "", "", "");
    }

    public static VisionForm of(Project p) {
        return new VisionForm(n(p.visionStatement), n(p.targetFeeling), String.join(", ", p.referenceApps), n(p.icon), n(p.color));
    }

    /** "Notion, Linear , ," becomes [Notion, Linear]. */
    public List<String> referenceAppList() {
        if (referenceApps == null) {
            return List.of();
        }
        return Arrays.stream(referenceApps.split(",")).map(String::trim).filter(s -> !s.isEmpty()).distinct().toList();
    }

    public List<String> feelings() {
        return FEELINGS;
    }

    static String n(String s) {
        return s == null ? "" : s;
    }
}
