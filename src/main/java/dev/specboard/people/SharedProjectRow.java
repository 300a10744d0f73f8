package dev.specboard.people;

import dev.specboard.kernel.Role;

import java.util.List;

/** One project the viewer shares with the person: the person's role there, the tasks they hold and their latest stories. */
public record SharedProjectRow(String slug, String name, Role role, List<HeldTaskRow> tasks, List<AuthoredStoryRow> stories) {
}
