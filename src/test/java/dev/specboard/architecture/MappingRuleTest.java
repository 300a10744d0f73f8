package dev.specboard.architecture;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MappingRuleTest {

    private final UUID c1 = UUID.randomUUID();
    private final UUID c2 = UUID.randomUUID();
    private final UUID s1 = UUID.randomUUID();
    private final UUID s2 = UUID.randomUUID();

    @Test
    void holdsWhenEveryContextIsApprovedAndEveryReadyStoryIsCovered() {
        var v = MappingRule.evaluate(List.of(new MappingRule.ContextState(c1, "Accounts", true), new MappingRule.ContextState(c2, "Billing", true)),
                Map.of(c1, Set.of(s1), c2, Set.of(s2)), List.of(s1, s2));
        assertTrue(v.holds());
        assertTrue(v.reasons().isEmpty());
    }

    @Test
    void failsWithoutContexts() {
        var v = MappingRule.evaluate(List.of(), Map.of(), List.of());
        assertFalse(v.holds());
        assertEquals(List.of("There are no bounded contexts yet."), v.reasons());
    }

    @Test
    void failsWhenAContextIsNotApproved() {
        var v = MappingRule.evaluate(List.of(new MappingRule.ContextState(c1, "Accounts", true), new MappingRule.ContextState(c2, "Billing", false)),
                Map.of(c1, Set.of(s1)), List.of(s1));
        assertFalse(v.holds());
        assertEquals(List.of("Not approved yet: Billing."), v.reasons());
    }

    @Test
    void failsWhenAReadyStoryBelongsToNoContextAndNamesIt() {
        var v = MappingRule.evaluate(List.of(new MappingRule.ContextState(c1, "Accounts", true)), Map.of(c1, Set.of(s1)), List.of(s1, s2));
        assertFalse(v.holds());
        assertEquals(Set.of(s2), v.uncoveredStories());
        assertEquals(List.of("1 ready story belongs to no context."), v.reasons());
    }

    @Test
    void storiesThatAreNotReadyNeedNoContext() {
        var v = MappingRule.evaluate(List.of(new MappingRule.ContextState(c1, "Accounts", true)), Map.of(), List.of());
        assertTrue(v.holds());
    }
}
