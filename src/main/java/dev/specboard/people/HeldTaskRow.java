package dev.specboard.people;

import dev.specboard.spec.TaskStatus;

import java.util.UUID;

/** A task the person holds (claimed or in progress), linked by its key. */
public record HeldTaskRow(UUID projectId, String key, String scope, TaskStatus status) {
}
