package dev.specboard.assist;

import java.util.UUID;

/** A cancel of a running job was asked for: after its commit, the worker of this instance running it stops at once. */
record JobCancelAsked(JobKind kind, UUID id) {
}
