package dev.specboard.assist;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Outlines: JavaParser for Java (falling back to a plain outline when it cannot read a file), declaration keywords elsewhere. */
class CodeOutlineTest {

    @Test
    void javaOutlineKeepsPublicSignaturesDocsAndCalls() {
        CodeOutline o = CodeOutline.of("a/Greeter.java", "java", JobTestSupport.GREETER);
        assertEquals("JavaParser", o.parser());
        CodeOutline.Declaration type = o.exported().get(0);
        assertEquals("public class Greeter", type.signature());
        assertEquals(List.of("Greeter", "greet"), type.members().stream().map(CodeOutline.Declaration::name).toList());
        assertEquals(14, type.members().get(1).line());
        assertEquals(5, o.all().size(), "the full outline also has the field and format()");
        assertTrue(o.calls().contains(new CodeOutline.Call("Greeter.greet", "format", null, 15)), o.calls().toString());
    }

    @Test
    void javaThatDoesNotParseFallsBackToAPlainOutline() {
        CodeOutline o = CodeOutline.of("a/Broken.java", "java", "public class Broken {\n  public void x( {\n}\n");
        assertEquals("plain outline", o.parser());
        assertTrue(o.problem().startsWith("JavaParser could not read it"), o.problem());
        assertEquals("Broken", o.declarations().get(0).name());
    }

    @Test
    void otherLanguagesGetTheirDeclarationsWithTheCommentsAbove() {
        CodeOutline py = CodeOutline.of("s.py", "python", "class Shop:\n    def _hidden(self):\n        pass\n    def pay(self):\n        \"\"\"Pays.\"\"\"\n");
        assertEquals(List.of("Shop", "_hidden", "pay"), py.declarations().stream().map(CodeOutline.Declaration::name).toList());
        assertEquals(List.of("Shop", "pay"), py.exported().stream().map(CodeOutline.Declaration::name).toList());
        assertEquals("Pays.", py.declarations().get(2).doc());
        CodeOutline js = CodeOutline.of("m.js", "javascript", "// Adds two numbers.\nexport function add(a, b) {}\nfunction local() {}\n");
        assertEquals("Adds two numbers.", js.declarations().get(0).doc());
        assertEquals(List.of("add"), js.exported().stream().map(CodeOutline.Declaration::name).toList());
        CodeOutline go = CodeOutline.of("m.go", "go", "func (s *Shop) Pay() error {\n}\nfunc helper() {}\n");
        assertEquals(List.of("Pay"), go.exported().stream().map(CodeOutline.Declaration::name).toList());
    }
}
