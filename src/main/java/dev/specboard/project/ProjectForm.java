package dev.specboard.project;

import dev.specboard.web.Chars;
import dev.specboard.web.Filled;
import dev.specboard.web.Upright;
import dev.specboard.kernel.TextAscii;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.FormParam;

import java.util.Locale;

/** A project's basics: the wizard's first step and the body of {@code POST /api/v1/projects}. */
public record ProjectForm(
        @FormParam("name") @Upright @Filled(message = "Give the project a name") @Chars(max = 255, message = "At most 255 characters") String name,
        @FormParam("slug") @Pattern(regexp = "^$|^[a-z0-9][a-z0-9-]{1,62}$", message = "2 to 63 lowercase letters, digits or -, starting with a letter or digit") String slug,
        @FormParam("type") @Filled(message = "Choose a project type")
        @Pattern(regexp = "^(web-app|mobile-app|pwa|api|fullstack)$", message = "Choose one of web-app, mobile-app, pwa, api, fullstack") String type,
        @FormParam("framework") @Chars(max = 100, message = "At most 100 characters") String framework,
        @FormParam("description") @Chars(max = 5000, message = "At most 5000 characters") String description) {

    public static ProjectForm empty() {
        return new ProjectForm("", "", "web-app", "", "");
    }

    /** The slug people typed, or one made from the name. */
    public String slugOrDerived() {
        if (slug != null && !slug.isBlank()) {
            return slug.trim();
        }
        String s = name == null ? "" : TextAscii.of(name).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (s.length() > 63) {
            s = s.substring(0, 63).replaceAll("-+$", "");
        }
        return s.length() < 2 ? "project-" + s : s;
    }
}
