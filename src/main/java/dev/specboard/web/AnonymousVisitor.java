package dev.specboard.web;

import io.quarkus.arc.Arc;
import io.quarkus.arc.InstanceHandle;
import io.quarkus.runtime.BlockingOperationControl;
import io.quarkus.security.identity.SecurityIdentity;

/** Whether an error page is for a visitor known not to be logged in, who has no projects to be sent back to. */
final class AnonymousVisitor {

    private AnonymousVisitor() {
    }

    /**
     * True only when the login was looked up and there is none: on the IO thread (an unknown static path) the lookup may
     * block, so it is not made and the page keeps its link to the projects, which asks for a login where there is none.
     */
    static boolean known() {
        if (!BlockingOperationControl.isBlockingAllowed()) {
            return false;
        }
        try (InstanceHandle<SecurityIdentity> identity = Arc.container().instance(SecurityIdentity.class)) {
            return identity.isAvailable() && identity.get().isAnonymous();
        } catch (RuntimeException e) {
            // No request to ask (an error answered outside one): an error page must still be answered.
            return false;
        }
    }
}
