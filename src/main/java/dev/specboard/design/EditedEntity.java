package dev.specboard.design;

import dev.specboard.account.Account;
import dev.specboard.kernel.StaleVersionException;
import dev.specboard.kernel.TimestampedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;

import java.util.UUID;

/**
 * A design document people edit by version (a page, feature, journey or inferred entity) that remembers who saved its
 * current version, so that a stale save (409) says who saved the newer one as comments and stories do: "you in another
 * tab or window", the member's name, or "the assistant" for a background inference.
 */
@MappedSuperclass
public abstract class EditedEntity extends TimestampedEntity {

    /** The account that saved the current version; null when the assistant did, or when it is not known (saved before V1000). */
    @Column(name = "updated_by")
    public UUID updatedBy;

    /** The current version was written in the background (an inference), by no person. */
    @Column(name = "updated_by_assistant", nullable = false)
    public boolean updatedByAssistant;

    /** Records who saved the version being written: {@code accountId}, or the assistant when null (a background write). */
    public void savedBy(UUID accountId) {
        updatedBy = accountId;
        updatedByAssistant = accountId == null;
    }

    /** Who saved the current version, as a stale save by {@code caller} names them; null when not known. */
    public String savedByAsSeenBy(UUID caller) {
        if (updatedByAssistant) {
            return StaleVersionException.BY_ASSISTANT;
        }
        return Account.savedByAsSeenBy(updatedBy, caller);
    }
}
