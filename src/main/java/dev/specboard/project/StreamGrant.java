package dev.specboard.project;

import dev.specboard.account.ApiTokenService;
import dev.specboard.account.SessionCache;
import dev.specboard.web.LiveEvent;

import java.util.Set;
import java.util.UUID;

/**
 * What a stream of live events was opened with: the account, its login (a browser) or API token (an agent), and the
 * project it reads, if any. A stream outlives the request whose access check let it open, so it asks
 * {@link StreamGrants#holds} again when something may have ended the grant, and ends when the answer is no.
 */
public record StreamGrant(UUID accountId, UUID sessionId, String tokenHash, UUID projectId) {

    /** The live event that says "this account left that project". */
    public static final String LEFT = "left-project";

    private static final Set<String> SHAKING = Set.of(SessionCache.EVENT, ApiTokenService.EVENT, LEFT);

    /** Whether the event may have ended this grant: the account's logins ended, a token of it was revoked, or it left a project. */
    public boolean shakenBy(LiveEvent e) {
        return accountId.equals(e.accountId()) && isAboutAccess(e);
    }

    /** Whether the event is one of those, which instances tell each other and no page or agent needs to hear. */
    public static boolean isAboutAccess(LiveEvent e) {
        return SHAKING.contains(e.kind());
    }
}
