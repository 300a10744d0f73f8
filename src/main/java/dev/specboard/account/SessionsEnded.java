package dev.specboard.account;

import java.util.UUID;

/** Fired when logins of an account were ended, so that this instance forgets them as soon as the change commits. */
public record SessionsEnded(UUID accountId) {
}
