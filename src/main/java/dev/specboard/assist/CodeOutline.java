package dev.specboard.assist;

import io.quarkus.runtime.annotations.RegisterForReflection;

import java.util.ArrayList;
import java.util.List;

/**
 * What one source file declares and calls: read with JavaParser for Java, and as a plain outline
 * of declarations (by each language's declaration keywords) for other languages.
 */
@RegisterForReflection
public record CodeOutline(String path, String language, String parser, List<Declaration> declarations, List<Call> calls,
                          String problem) {

    static final String JAVA_PARSER = "JavaParser";
    static final String PLAIN = "plain outline";

    /** A type, method, constructor, field or function: its signature, doc comment, first and last line, and members. */
    @RegisterForReflection
    public record Declaration(String kind, String name, String signature, String doc, int line, int endLine, boolean exported,
                              List<Declaration> members) {

        /** This declaration and its members, depth first. */
        public List<Declaration> flatten() {
            List<Declaration> out = new ArrayList<>();
            out.add(this);
            members.forEach(m -> out.addAll(m.flatten()));
            return out;
        }

        public boolean hasDoc() {
            return doc != null && !doc.isBlank();
        }
    }

    /** A call from a method (Type.method) to a name, with the scope it was called on when it names one (a type, a variable). */
    @RegisterForReflection
    public record Call(String from, String name, String scope, int line) {
    }

    /** Outlines the file: JavaParser for Java (a plain outline when it does not parse), the plain outline otherwise. */
    static CodeOutline of(String path, String language, String text) {
        if ("java".equals(language)) {
            return JavaCode.outline(path, text);
        }
        return PlainCode.outline(path, language, text);
    }

    /** Every declaration of the file, members included. */
    public List<Declaration> all() {
        List<Declaration> out = new ArrayList<>();
        declarations.forEach(d -> out.addAll(d.flatten()));
        return out;
    }

    /** The public part: exported top-level declarations with their exported members. */
    public List<Declaration> exported() {
        return prune(declarations);
    }

    private static List<Declaration> prune(List<Declaration> ds) {
        List<Declaration> out = new ArrayList<>();
        for (Declaration d : ds) {
            if (d.exported()) {
                out.add(new Declaration(d.kind(), d.name(), d.signature(), d.doc(), d.line(), d.endLine(), true, prune(d.members())));
            }
        }
        return out;
    }
}
