package dev.specboard.plan;

import java.util.UUID;

/** A chat question (or a retry) is waiting for the assistant's answer; fired inside the transaction that stored it. */
public record ChatAsked(UUID answerId) {
}
