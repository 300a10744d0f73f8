package dev.specboard.architecture;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TestConventionsTest {

    @Test
    void javaSourceMapsToTheTestTree() {
        assertEquals("src/test/java/x/FooTest.java", TestConventions.candidates("src/main/java/x/Foo.java", "quarkus").get(0));
    }

    @Test
    void elixirModuleMapsToAnExsTest() {
        assertEquals(List.of("test/x/foo_test.exs"), TestConventions.candidates("lib/x/foo.ex", "phoenix"));
    }

    @Test
    void typescriptHasTestAndSpecSiblings() {
        List<String> c = TestConventions.candidates("src/app/foo.ts", "angular");
        assertEquals("src/app/foo.test.ts", c.get(0));
        assertTrue(c.contains("src/app/foo.spec.ts"));
    }

    @Test
    void pythonModuleMapsToTestsFolder() {
        assertEquals("tests/test_foo.py", TestConventions.candidates("pkg/foo.py", "django").get(0));
    }

    @Test
    void testsAndUnknownFilesHaveNoCandidates() {
        assertTrue(TestConventions.candidates("src/test/java/x/FooTest.java", null).isEmpty());
        assertTrue(TestConventions.candidates("README", null).isEmpty());
        assertTrue(TestConventions.candidates("", null).isEmpty());
        assertTrue(TestConventions.candidates("src/foo.spec.ts", null).isEmpty());
    }

    @Test
    void testPresenceIsUnknownWhenFilesAreUnknownAndDerivedWhenKnown() {
        UUID p = UUID.randomUUID();
        assertEquals(Optional.empty(), new UnknownCodePresence().testExistsFor(p, "lib/x/foo.ex", "phoenix"));
        Set<String> files = Set.of("lib/x/foo.ex", "test/x/foo_test.exs");
        CodePresence known = (project, path) -> Optional.of(files.contains(path));
        assertEquals(Optional.of(true), known.testExistsFor(p, "lib/x/foo.ex", "phoenix"));
        assertEquals(Optional.of(false), known.testExistsFor(p, "lib/x/bar.ex", "phoenix"));
    }
}
