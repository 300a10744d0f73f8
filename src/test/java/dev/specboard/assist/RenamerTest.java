package dev.specboard.assist;

import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The pure parts of renaming: references found by JavaParser, words by boundaries, the rewrite, the diff's two layouts. */
class RenamerTest {

    private static final String SOURCE = """
            package a;

            import b.Greeter;

            /** Uses greet. */
            @Greeter
            class User extends Greeter {
                String greet = "greet";
                void run() { greet(); this.greet(); Runnable r = this::greet; greeting(); }
                // greet here is a comment
            }
            """;

    @Test
    void javaReferencesAreNamesNeverStringsOrComments() {
        JavaCode.Parsed parsed = JavaCode.parse(SOURCE);
        List<JavaCode.Spot> greet = JavaReferences.references(parsed.unit(), "greet", EnumSet.of(JavaReferences.Kind.FIELD, JavaReferences.Kind.METHOD));
        assertEquals(List.of(new JavaCode.Spot(8, 12), new JavaCode.Spot(9, 18), new JavaCode.Spot(9, 32), new JavaCode.Spot(9, 60)), greet);
        List<JavaCode.Spot> type = JavaReferences.references(parsed.unit(), "Greeter", EnumSet.of(JavaReferences.Kind.TYPE));
        assertEquals(List.of(new JavaCode.Spot(3, 10), new JavaCode.Spot(6, 2), new JavaCode.Spot(7, 20)), type,
                "the import's last name, the annotation and the extended type");
    }

    @Test
    void wordsRespectBoundaries() {
        assertEquals(List.of(new JavaCode.Spot(1, 1), new JavaCode.Spot(1, 16)), PlainCode.words("greet(x) + a.b(greet) + greeting + _greet", "greet"));
    }

    @Test
    void rewriteReplacesEachOccurrenceAndRefusesAMovedOne() {
        String text = "a greet b\ngreet\r\nc greet\n";
        List<Renamer.Occurrence> at = List.of(new Renamer.Occurrence(1, 3, ""), new Renamer.Occurrence(2, 1, ""), new Renamer.Occurrence(3, 3, ""));
        assertEquals("a welcome b\nwelcome\r\nc welcome\n", Renamer.rewrite(text, at, "greet", "welcome"));
        assertThrows(JobProblem.class, () -> Renamer.rewrite("a great b\n", List.of(new Renamer.Occurrence(1, 3, "")), "greet", "x"));
    }

    @Test
    void theUnifiedDiffIsReadIntoNumberedLinesAndPairedSideBySide() {
        String diff = Renamer.diff("f.txt", "f.txt", "one\ntwo\nthree\nfour\n", "one\n2\nthree\nfour\nfive\n");
        List<RefactorView.DiffLine> lines = RefactorView.parse(diff);
        assertEquals(List.of("hunk", "context", "del", "add", "context", "context", "add"), lines.stream().map(RefactorView.DiffLine::kind).toList());
        assertEquals(2, lines.get(2).oldLine());
        assertEquals(2, lines.get(3).newLine());
        assertEquals(5, lines.get(6).newLine());
        List<RefactorView.SplitRow> rows = RefactorView.split(lines);
        assertEquals(6, rows.size());
        RefactorView.SplitRow changed = rows.get(2);
        assertEquals("two", changed.left());
        assertEquals("2", changed.right());
        RefactorView.SplitRow added = rows.get(5);
        assertEquals("empty", added.leftKind());
        assertEquals("five", added.right());
    }

    @Test
    void namesAreChecked() {
        assertEquals("welcome", Renamer.check(" greet ", "welcome", "", false, null).newName());
        assertThrows(dev.specboard.web.ValidationException.class, () -> Renamer.check("greet", "new", null, false, null));
        assertThrows(dev.specboard.web.ValidationException.class, () -> Renamer.check("a-b", "c", null, false, null));
    }

    /** The lines of the source where the symbol is renamed, each line as it reads after the rename to "X". */
    private static List<String> renamed(String source, String symbol) {
        JavaCode.Parsed parsed = JavaCode.parse(source);
        Set<JavaReferences.Kind> kinds = EnumSet.copyOf(JavaReferences.TARGETS);
        kinds.retainAll(JavaReferences.declared(parsed.unit(), symbol));
        List<JavaCode.Spot> spots = JavaReferences.references(parsed.unit(), symbol, kinds);
        String after = Renamer.rewrite(source, spots.stream().map(s -> new Renamer.Occurrence(s.line(), s.column(), "")).toList(), symbol, "X");
        List<String> lines = after.lines().toList();
        return spots.stream().map(s -> lines.get(s.line() - 1).strip()).distinct().toList();
    }

    @Test
    void aMethodIsRenamedWithItsCallsAndReferencesButNotALocalOfTheSameName() {
        String source = """
                class A {
                    void greet() { }
                    int other(A a) {
                        int greet = 2;
                        a.greet();
                        Runnable r = this::greet;
                        return greet + 1;
                    }
                }
                """;
        assertEquals(EnumSet.of(JavaReferences.Kind.METHOD, JavaReferences.Kind.LOCAL), JavaReferences.declared(JavaCode.parse(source).unit(), "greet"));
        assertEquals(List.of("void X() { }", "a.X();", "Runnable r = this::X;"), renamed(source, "greet"));
    }

    @Test
    void aFieldShadowedByAParameterOrALocalKeepsTheirNames() {
        String source = """
                class P {
                    private String name;
                    void setName(String name) { this.name = name; }
                    String name() { return name; }
                    void each(java.util.List<String> all) {
                        all.forEach(name -> System.out.println(name));
                        for (String name : all) { use(name); }
                        try { } catch (RuntimeException name) { use(name.getMessage()); }
                        String name = "x";
                        use(name);
                    }
                    void use(String s) { }
                    class Inner { String read() { return name; } }
                }
                """;
        assertEquals(List.of("private String X;", "void setName(String name) { this.X = name; }", "String X() { return X; }",
                "class Inner { String read() { return X; } }"), renamed(source, "name"), "the method name() is declared too");
    }

    @Test
    void aTypeIsRenamedInDeclarationsUsesConstructorsImportsAndStaticCalls() {
        String source = """
                package app.greeter;

                import app.Greeter;
                import static app.Greeter.create;

                @Greeter.Marker
                class Greeter extends Base implements Comparable<Greeter> {
                    Greeter() { }
                    static Greeter create() { return new Greeter(); }
                    Object make() { return Greeter.create(); }
                    java.util.function.Supplier<Greeter> s = Greeter::new;
                    String text = "Greeter";
                }
                """;
        assertEquals(List.of("import app.X;", "import static app.X.create;", "@X.Marker",
                "class X extends Base implements Comparable<X> {", "X() { }", "static X create() { return new X(); }",
                "Object make() { return X.create(); }", "java.util.function.Supplier<X> s = X::new;"), renamed(source, "Greeter"),
                "the package app.greeter and the string are left alone");
    }

    @Test
    void aNameTheFileDoesNotDeclareHasNoTargetAndStringsAndCommentsAreOnlyWholeWordsInThem() {
        String source = """
                class A {
                    // greet here
                    String s = "greet them"; String greet() { int greet = 1; return s; }
                }
                """;
        JavaCode.Parsed parsed = JavaCode.parse(source);
        assertEquals(Set.of(), JavaReferences.declared(parsed.unit(), "String"));
        assertEquals(List.of(new JavaCode.Spot(2, 8), new JavaCode.Spot(3, 17)), JavaReferences.inStringsAndComments(parsed.unit(), source, "greet"));
    }

    @Test
    void namesAreJavaNamesInAnyScriptOfAtMostAHundredCharacters() {
        assertEquals("Welcomér", Renamer.check("greet", "Welcomér", "", false, null).newName());
        assertEquals("Grüße", Renamer.check("Grüße", "Hello", "", false, null).symbol());
        String error = assertThrows(dev.specboard.web.ValidationException.class,
                () -> Renamer.check("greet", "a".repeat(300), "", false, null)).errors().get("newName");
        assertTrue(error.contains("at most 100 characters"), error);
        assertEquals("a".repeat(100), Renamer.check("greet", "a".repeat(100), "", false, null).newName());
        assertTrue(assertThrows(dev.specboard.web.ValidationException.class,
                () -> Renamer.check("greet", "a\u0001b", "", false, null)).errors().get("newName").contains("must be a name"));
        assertThrows(dev.specboard.web.ValidationException.class, () -> Renamer.check("greet", "_", "", false, null));
        assertEquals(List.of(new JavaCode.Spot(1, 1)), PlainCode.words("café écafé", "café"), "a letter of any script bounds a word");
    }
}
