package dev.specboard.plan;

import java.util.UUID;

/** The assistant's answer to a chat message was written, failed or dropped; fired inside the transaction that did it. */
public record ChatAnswered(UUID answerId) {
}
