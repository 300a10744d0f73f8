package dev.specboard.design;

import dev.specboard.web.Chars;
import dev.specboard.web.Upright;
import jakarta.ws.rs.FormParam;

import java.util.Arrays;
import java.util.List;

/**
 * A journey node as a member types it: its key and type, then what its type needs (a screen's page as id or
 * path, or {@code newPage}: the path of a page still to design, made a placeholder; a decision's question and
 * comma-separated branches, a database step's operation and entity, a text); {@code end} marks an intended end, {@code start} the entry.
 */
public record NodeForm(
        @FormParam("key") @Upright @Chars(max = 100, message = "At most 100 characters") String key,
        @FormParam("nodeType") String nodeType,
        @FormParam("label") @Upright @Chars(max = 255, message = "At most 255 characters") String label,
        @FormParam("page") String page,
        @FormParam("question") @Chars(max = 500, message = "At most 500 characters") String question,
        @FormParam("branches") @Chars(max = 1000, message = "At most 1000 characters") String branches,
        @FormParam("operation") String operation,
        @FormParam("entity") @Chars(max = 100, message = "At most 100 characters") String entity,
        @FormParam("text") @Chars(max = 2000, message = "At most 2000 characters") String text,
        @FormParam("end") String end,
        @FormParam("start") String start,
        @FormParam("newPage") @Chars(max = 500, message = "At most 500 characters") String newPage) {

    public static final List<String> OPERATIONS = List.of("CREATE", "READ", "UPDATE", "DELETE");

    public static NodeForm empty() {
        return new NodeForm("", "screen", "", "", "", "", "CREATE", "", "", null, null, "");
    }

    public List<String> branchList() {
        return branches == null || branches.isBlank() ? List.of()
                : Arrays.stream(branches.split(",")).map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
    }

    public boolean hasPage(Object id, String path) {
        return page != null && (page.equals(String.valueOf(id)) || page.equals(path));
    }

    /** A screen given the path of a page still to design. */
    public boolean wantsNewPage() {
        return newPage != null && !newPage.isBlank() && nodeType != null && nodeType.strip().equalsIgnoreCase("screen");
    }

    public boolean ends() {
        return end != null && !end.isBlank() && !end.equals("false");
    }

    public boolean starts() {
        return start != null && !start.isBlank() && !start.equals("false");
    }
}
