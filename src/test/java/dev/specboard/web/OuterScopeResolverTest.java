package dev.specboard.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.qute.Engine;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/** The outer-scope shortcut finds exactly what Qute's own search would, with the engine the pages use. */
@QuarkusTest
class OuterScopeResolverTest {

    @Inject
    Engine engine;

    @BeforeEach
    void layout() {
        engine.putTemplate("outer-scope-test-layout", engine.parse("[{#insert}{/}]"));
    }

    @Test
    void aLoopReachesTheTemplatesDataAndItsOwnElement() {
        String out = engine.parse("{#for i in items}{i}-{label}-{i_count};{/for}")
                .data("items", List.of("a", "b")).data("label", "L").render();
        assertEquals("a-L-1;b-L-2;", out);
    }

    @Test
    void nestedLoopsAndAnIncludedBodyReachEveryEnclosingScope() {
        String out = engine.parse("{#include outer-scope-test-layout}{#for i in items}{#for j in items}{i}{j}{label} {/for}{/for}{/include}")
                .data("items", List.of(1, 2)).data("label", "!").render();
        assertEquals("[11! 12! 21! 22! ]", out);
    }

    @Test
    void theInnermostScopeWins() {
        String out = engine.parse("{#let label='inner'}{#for i in items}{label}{/for}{/let}{label}")
                .data("items", List.of(1)).data("label", "outer").render();
        assertEquals("innerouter", out);
    }

    @Test
    void aLaterNameIsNeverTakenFromAnEnclosingScope() {
        // "label" of a null "nothing" must stay "not found", not become the outer "label"
        String out = engine.parse("{#include outer-scope-test-layout}{nothing.label ?: 'none'}{/include}")
                .data("nothing", null).data("label", "outer").render();
        assertEquals("[none]", out);
    }

    @Test
    void aScopeHoldingAnObjectIsSearchedTheUsualWay() {
        String out = engine.parse("{#with obj}{#for i in items}{name}{/for}{/with}")
                .data("obj", Map.of("name", "from-with")).data("items", List.of(1)).data("name", "outer").render();
        assertEquals("from-with", out);
    }

    @Test
    void aMissingNameIsStillReported() {
        String out = engine.parse("{#for i in items}{missing ?: 'none'}{/for}").data("items", List.of(1)).render();
        assertEquals("none", out);
    }
}
