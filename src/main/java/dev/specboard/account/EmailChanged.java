package dev.specboard.account;

/** Fired when an account's email address changed, so that the old address hears of it once the change commits. */
public record EmailChanged(String username, String oldEmail, String newEmail) {
}
