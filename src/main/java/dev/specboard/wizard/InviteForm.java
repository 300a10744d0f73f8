package dev.specboard.wizard;

import dev.specboard.project.InviteRow;
import dev.specboard.kernel.Role;
import jakarta.ws.rs.FormParam;

import java.util.ArrayList;
import java.util.List;

/** The invite step: rows of (username or email, role); {@code action=add-row} asks for one more row. */
public record InviteForm(@FormParam("who") List<String> who, @FormParam("role") List<String> role,
                         @FormParam("action") String action) {

    public static InviteForm empty() {
        return new InviteForm(List.of(), List.of(), "");
    }

    public boolean wantsRow() {
        return "add-row".equals(action);
    }

    /** The rows as entered, blank ones included, so a re-rendered form keeps every value in place. */
    public List<InviteRow> rows() {
        List<String> w = who == null ? List.of() : who;
        List<String> r = role == null ? List.of() : role;
        List<InviteRow> rows = new ArrayList<>();
        for (int i = 0; i < Math.max(w.size(), r.size()); i++) {
            rows.add(new InviteRow(i, i < w.size() && w.get(i) != null ? w.get(i) : "",
                    i < r.size() && r.get(i) != null ? r.get(i) : Role.MEMBER.value()));
        }
        return rows;
    }

    /** The rows someone filled in. */
    public List<InviteRow> filledRows() {
        return rows().stream().filter(r -> !r.who().isBlank()).toList();
    }
}
