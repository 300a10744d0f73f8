package dev.specboard.architecture;

import dev.specboard.account.Account;
import dev.specboard.kernel.StaleVersionException;

import java.util.UUID;

/**
 * Who saved the current version of a bounded context or component ({@code updated_by}, V1006), as a stale save names
 * them: "you in another tab or window" for the caller's own save, else the member's username; null when not known (a
 * row saved before V1006, or a deleted account), which the 409 words as "someone else".
 */
final class LastSaver {

    private LastSaver() {
    }

    static String asSeenBy(UUID savedBy, UUID caller) {
        if (savedBy == null) {
            return null;
        }
        if (savedBy.equals(caller)) {
            return StaleVersionException.BY_YOU;
        }
        Account a = Account.findById(savedBy);
        return a == null ? null : a.username;
    }
}
