package dev.specboard.people;

import java.util.List;

/**
 * A person's page as a co-member sees it: who they are (and whether an administrator disabled their account) and, per
 * project both are in, what they do there.
 */
public record PersonView(String username, String name, boolean you, boolean disabled, List<SharedProjectRow> projects) {

    /** The name to show: the display name, or the username when there is none. */
    public String displayName() {
        return name == null || name.isBlank() ? username : name;
    }
}
