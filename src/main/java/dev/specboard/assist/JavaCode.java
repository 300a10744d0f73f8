package dev.specboard.assist;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.Position;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Modifier;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.NodeList;
import com.github.javaparser.ast.body.AnnotationDeclaration;
import com.github.javaparser.ast.body.BodyDeclaration;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.ConstructorDeclaration;
import com.github.javaparser.ast.body.EnumConstantDeclaration;
import com.github.javaparser.ast.body.EnumDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.RecordDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.MethodReferenceExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.nodeTypes.NodeWithJavadoc;
import com.github.javaparser.ast.nodeTypes.NodeWithModifiers;
import com.github.javaparser.ast.type.ClassOrInterfaceType;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Java source read with JavaParser: outlines, calls, what a line range declares and uses. */
final class JavaCode {

    private JavaCode() {
    }

    /** A parse of one file, or the parser's first complaint. */
    record Parsed(CompilationUnit unit, String problem) {
    }

    /** Where a name stands in the text: 1-based line and column of its first character. */
    record Spot(int line, int column) {
    }

    /** A name the lines use, with what kind of use it is (call, type, name, field). */
    record Use(String name, String kind, int line) {
    }

    static Parsed parse(String text) {
        // Tab size 1: columns count characters, so a reference's column is its index in the line plus one.
        ParserConfiguration config = new ParserConfiguration()
                .setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_21).setTabSize(1);
        ParseResult<CompilationUnit> result = new JavaParser(config).parse(text);
        if (result.isSuccessful() && result.getResult().isPresent()) {
            return new Parsed(result.getResult().get(), null);
        }
        String problem = result.getProblems().isEmpty() ? "the file does not parse" : result.getProblem(0).getVerboseMessage();
        return new Parsed(null, problem.lines().findFirst().orElse(problem));
    }

    static CodeOutline outline(String path, String text) {
        Parsed parsed = parse(text);
        if (parsed.unit() == null) {
            CodeOutline plain = PlainCode.outline(path, "java", text);
            return new CodeOutline(path, "java", CodeOutline.PLAIN, plain.declarations(), List.of(),
                    "JavaParser could not read it (" + parsed.problem() + "); a plain outline is shown");
        }
        List<CodeOutline.Declaration> types = new ArrayList<>();
        for (TypeDeclaration<?> t : parsed.unit().getTypes()) {
            types.add(type(t, false));
        }
        return new CodeOutline(path, "java", CodeOutline.JAVA_PARSER, types, calls(parsed.unit()), null);
    }

    private static CodeOutline.Declaration type(TypeDeclaration<?> t, boolean inInterface) {
        boolean iface = t instanceof ClassOrInterfaceDeclaration c && c.isInterface() || t instanceof AnnotationDeclaration;
        List<CodeOutline.Declaration> members = new ArrayList<>();
        if (t instanceof EnumDeclaration e) {
            for (EnumConstantDeclaration c : e.getEntries()) {
                members.add(new CodeOutline.Declaration("constant", c.getNameAsString(), c.getNameAsString(), doc(c),
                        line(c), endLine(c), true, List.of()));
            }
        }
        for (BodyDeclaration<?> m : t.getMembers()) {
            if (m instanceof TypeDeclaration<?> nested) {
                members.add(type(nested, iface));
            } else if (m instanceof MethodDeclaration md) {
                members.add(new CodeOutline.Declaration("method", md.getNameAsString(),
                        md.getDeclarationAsString(true, true, true), doc(md), line(md), endLine(md), exported(md, iface), List.of()));
            } else if (m instanceof ConstructorDeclaration cd) {
                members.add(new CodeOutline.Declaration("constructor", cd.getNameAsString(),
                        cd.getDeclarationAsString(true, true, true), doc(cd), line(cd), endLine(cd), exported(cd, iface), List.of()));
            } else if (m instanceof FieldDeclaration fd) {
                for (VariableDeclarator v : fd.getVariables()) {
                    members.add(new CodeOutline.Declaration("field", v.getNameAsString(),
                            modifiers(fd.getModifiers()) + v.getTypeAsString() + " " + v.getNameAsString(), doc(fd), line(v), endLine(v),
                            exported(fd, iface), List.of()));
                }
            }
        }
        return new CodeOutline.Declaration(kind(t), t.getNameAsString(), typeSignature(t), doc(t), line(t), endLine(t),
                exported(t, inInterface), members);
    }

    private static String kind(TypeDeclaration<?> t) {
        if (t instanceof ClassOrInterfaceDeclaration c) {
            return c.isInterface() ? "interface" : "class";
        }
        if (t instanceof EnumDeclaration) {
            return "enum";
        }
        if (t instanceof RecordDeclaration) {
            return "record";
        }
        return "annotation";
    }

    private static String typeSignature(TypeDeclaration<?> t) {
        StringBuilder s = new StringBuilder(modifiers(t.getModifiers())).append(kind(t).equals("annotation") ? "@interface" : kind(t))
                .append(' ').append(t.getNameAsString());
        if (t instanceof ClassOrInterfaceDeclaration c) {
            if (c.getTypeParameters().isNonEmpty()) {
                s.append(c.getTypeParameters().stream().map(Node::toString).collect(Collectors.joining(", ", "<", ">")));
            }
            if (c.getExtendedTypes().isNonEmpty()) {
                s.append(" extends ").append(join(c.getExtendedTypes()));
            }
            if (c.getImplementedTypes().isNonEmpty()) {
                s.append(" implements ").append(join(c.getImplementedTypes()));
            }
        } else if (t instanceof RecordDeclaration r) {
            s.append(r.getParameters().stream().map(Parameter::toString).collect(Collectors.joining(", ", "(", ")")));
            if (r.getImplementedTypes().isNonEmpty()) {
                s.append(" implements ").append(join(r.getImplementedTypes()));
            }
        } else if (t instanceof EnumDeclaration e && e.getImplementedTypes().isNonEmpty()) {
            s.append(" implements ").append(join(e.getImplementedTypes()));
        }
        return s.toString();
    }

    private static String join(NodeList<ClassOrInterfaceType> types) {
        return types.stream().map(ClassOrInterfaceType::toString).collect(Collectors.joining(", "));
    }

    private static String modifiers(NodeList<Modifier> modifiers) {
        return modifiers.stream().map(m -> m.getKeyword().asString() + " ").collect(Collectors.joining());
    }

    private static boolean exported(NodeWithModifiers<?> n, boolean inInterface) {
        return inInterface ? !n.hasModifier(Modifier.Keyword.PRIVATE) : n.hasModifier(Modifier.Keyword.PUBLIC)
                || n.hasModifier(Modifier.Keyword.PROTECTED);
    }

    private static String doc(Node n) {
        if (n instanceof NodeWithJavadoc<?> withDoc) {
            return withDoc.getJavadoc().map(j -> j.toText().strip()).filter(s -> !s.isEmpty()).orElse(null);
        }
        return null;
    }

    private static int line(Node n) {
        return n.getBegin().map(p -> p.line).orElse(0);
    }

    private static int endLine(Node n) {
        return n.getEnd().map(p -> p.line).orElse(0);
    }

    /** Calls made in every method and constructor body: method calls and object creations, with their scope when it is a name. */
    static List<CodeOutline.Call> calls(CompilationUnit unit) {
        List<CodeOutline.Call> out = new ArrayList<>();
        for (CallableDeclaration<?> callable : unit.findAll(CallableDeclaration.class)) {
            String owner = callable.findAncestor(TypeDeclaration.class).map(TypeDeclaration::getNameAsString).orElse("");
            String from = owner + "." + callable.getNameAsString();
            for (MethodCallExpr call : callable.findAll(MethodCallExpr.class)) {
                if (call.findAncestor(CallableDeclaration.class).filter(c -> c == callable).isEmpty()) {
                    continue; // a call inside a nested class's method counts for that method
                }
                String scope = call.getScope().filter(s -> s instanceof NameExpr).map(Node::toString).orElse(null);
                out.add(new CodeOutline.Call(from, call.getNameAsString(), scope, line(call)));
            }
            for (ObjectCreationExpr created : callable.findAll(ObjectCreationExpr.class)) {
                if (created.findAncestor(CallableDeclaration.class).filter(c -> c == callable).isEmpty()) {
                    continue;
                }
                String type = created.getType().getNameAsString();
                out.add(new CodeOutline.Call(from, type, type, line(created)));
            }
        }
        return out;
    }

    /** The names declared on lines start..end (types, methods, fields, parameters, variables), by name with their kind and line. */
    static Map<String, JavaCode.Use> declaredIn(CompilationUnit unit, int start, int end) {
        Map<String, Use> out = new LinkedHashMap<>();
        for (Node n : unit.findAll(Node.class, n -> within(n, start, end))) {
            String kind = null;
            String name = null;
            if (n instanceof TypeDeclaration<?> t) {
                kind = kind(t);
                name = t.getNameAsString();
            } else if (n instanceof MethodDeclaration m) {
                kind = "method";
                name = m.getNameAsString();
            } else if (n instanceof ConstructorDeclaration c) {
                kind = "constructor";
                name = c.getNameAsString();
            } else if (n instanceof VariableDeclarator v) {
                kind = v.getParentNode().filter(p -> p instanceof FieldDeclaration).isPresent() ? "field" : "variable";
                name = v.getNameAsString();
            } else if (n instanceof Parameter p) {
                kind = "parameter";
                name = p.getNameAsString();
            }
            if (name != null) {
                out.putIfAbsent(name, new Use(name, kind, nameLine(n)));
            }
        }
        return out;
    }

    private static int nameLine(Node n) {
        if (n instanceof com.github.javaparser.ast.nodeTypes.NodeWithSimpleName<?> named) {
            return line(named.getName());
        }
        return line(n);
    }

    private static boolean within(Node n, int start, int end) {
        Optional<Position> at = n instanceof com.github.javaparser.ast.nodeTypes.NodeWithSimpleName<?> named
                ? named.getName().getBegin() : n.getBegin();
        return at.map(p -> p.line >= start && p.line <= end).orElse(false);
    }

    /** The names lines start..end use (calls, types, variables, fields) that they do not declare themselves. */
    static List<Use> usedIn(CompilationUnit unit, int start, int end) {
        Map<String, Use> declared = declaredIn(unit, start, end);
        Map<String, Use> out = new LinkedHashMap<>();
        for (Node n : unit.findAll(Node.class, n -> n.getBegin().map(p -> p.line >= start && p.line <= end).orElse(false))) {
            Use use = null;
            if (n instanceof MethodCallExpr call) {
                use = new Use(call.getNameAsString(), "call", line(call.getName()));
            } else if (n instanceof ObjectCreationExpr created) {
                use = new Use(created.getType().getNameAsString(), "type", line(created));
            } else if (n instanceof ClassOrInterfaceType type) {
                use = new Use(type.getNameAsString(), "type", line(type));
            } else if (n instanceof NameExpr name) {
                use = new Use(name.getNameAsString(), "name", line(name));
            } else if (n instanceof FieldAccessExpr field) {
                use = new Use(field.getNameAsString(), "field", line(field.getName()));
            } else if (n instanceof MethodReferenceExpr ref) {
                use = new Use(ref.getIdentifier(), "call", line(ref));
            }
            if (use != null && !declared.containsKey(use.name())) {
                out.putIfAbsent(use.name(), use);
            }
        }
        return new ArrayList<>(out.values());
    }
}
