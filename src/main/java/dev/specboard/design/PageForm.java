package dev.specboard.design;

import dev.specboard.web.Chars;
import dev.specboard.web.Filled;
import dev.specboard.web.Upright;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.FormParam;

import java.util.Arrays;
import java.util.List;

/**
 * A page's fields as a member types them, with an optional first mockup (HTML, CSS, JS) saved with the
 * page in one transaction. {@code parent} is a page id or path; {@code keyElements} comma-separated.
 */
public record PageForm(
        @FormParam("name") @Upright @Filled(message = "Give the page a name") @Chars(max = 255, message = "At most 255 characters") String name,
        @FormParam("path") @Filled(message = "Give the page's URL path, like /dashboard/settings")
        @Chars(max = 500, message = "At most 500 characters")
        @Pattern(regexp = "^/[a-z0-9-/]*$", message = "A path starts with / and has only lowercase letters, digits, hyphens and slashes, like /dashboard/settings")
        @Pattern(regexp = "^(?!.*//).*$", message = "A path has no empty part (//): write /dashboard/settings, not /dashboard//settings")
        String path,
        @FormParam("parent") String parent,
        @FormParam("type") String type,
        @FormParam("purpose") @Chars(max = 5000, message = "At most 5000 characters") String purpose,
        @FormParam("primaryDevice") String primaryDevice,
        @FormParam("keyElements") @Chars(max = 2000, message = "At most 2000 characters") String keyElements,
        @FormParam("version") Integer version,
        @FormParam("html") @Chars(max = MockupForm.MAX, message = "At most 500000 characters") String html,
        @FormParam("css") @Chars(max = MockupForm.MAX, message = "At most 500000 characters") String css,
        @FormParam("js") @Chars(max = MockupForm.MAX, message = "At most 500000 characters") String js) {

    public static PageForm empty() {
        return new PageForm("", "/", "", "page", "", "responsive", "", null, "", "", "");
    }

    /** The same page fields, based on another version; the mockup fields are left empty. */
    public PageForm withVersion(int v) {
        return new PageForm(name, path, parent, type, purpose, primaryDevice, keyElements, v, "", "", "");
    }

    public static PageForm of(Page p, String parentId) {
        return new PageForm(p.name, p.path, parentId == null ? "" : parentId, p.type, p.purpose == null ? "" : p.purpose, p.primaryDevice,
                String.join(", ", p.keyElementList()), p.version, "", "", "");
    }

    public List<String> keyElementList() {
        if (keyElements == null || keyElements.isBlank()) {
            return List.of();
        }
        return Arrays.stream(keyElements.split(",")).map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
    }

    public boolean hasMockup() {
        return html != null && !html.isBlank();
    }

    public MockupForm mockup() {
        return new MockupForm(html, css, js, "First version", null, "user");
    }
}
