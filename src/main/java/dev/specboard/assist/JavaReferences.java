package dev.specboard.assist;

import com.github.javaparser.Position;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.ImportDeclaration;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.AnnotationMemberDeclaration;
import com.github.javaparser.ast.body.BodyDeclaration;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.CompactConstructorDeclaration;
import com.github.javaparser.ast.body.ConstructorDeclaration;
import com.github.javaparser.ast.body.EnumConstantDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.InitializerDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.RecordDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.CharLiteralExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MemberValuePair;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.MethodReferenceExpr;
import com.github.javaparser.ast.expr.Name;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.SimpleName;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.expr.TextBlockLiteralExpr;
import com.github.javaparser.ast.expr.TypePatternExpr;
import com.github.javaparser.ast.expr.VariableDeclarationExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.CatchClause;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.ForEachStmt;
import com.github.javaparser.ast.stmt.ForStmt;
import com.github.javaparser.ast.stmt.LocalClassDeclarationStmt;
import com.github.javaparser.ast.stmt.LocalRecordDeclarationStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.stmt.SwitchEntry;
import com.github.javaparser.ast.stmt.TryStmt;
import com.github.javaparser.ast.type.ClassOrInterfaceType;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * What a name stands for where it is written in Java, read from JavaParser's syntax tree alone: a type, a method, a
 * field, or a local (variable, parameter, lambda, catch or pattern variable). A rename changes the spots of the kinds
 * the repository declares the symbol as, never a local that merely shares the name.
 *
 * <p>No types are resolved (JavaParser's symbol solver would need the classpath and runtime reflection), so the
 * limits are those of names: every type, method and field of the repository named like the symbol is renamed together
 * (overloads, other classes' methods and fields of that name), and so is every call of a method of that name, whatever
 * receives it (a library's method of that name included);
 * a field's bare name is taken for the field unless a local or parameter of that name is in scope at that point
 * (pattern variables count from where they appear in their method, whatever their flow scope); {@code x.name}
 * is renamed whenever a field {@code name} is declared, whatever {@code x} is; a package segment named like a type in
 * an import or a qualified type is renamed with it; a local declared in an earlier case of an old-style switch is not
 * seen as shadowing. An explicit canonical record constructor keeps its parameter names.
 */
final class JavaReferences {

    /** What a name may stand for; a rename targets the first three. */
    enum Kind { TYPE, METHOD, FIELD, LOCAL }

    static final Set<Kind> TARGETS = EnumSet.of(Kind.TYPE, Kind.METHOD, Kind.FIELD);

    private JavaReferences() {
    }

    /** The kinds the file declares the symbol as: types, methods, fields (record components are both), locals. */
    static Set<Kind> declared(CompilationUnit unit, String symbol) {
        Set<Kind> kinds = EnumSet.noneOf(Kind.class);
        for (SimpleName n : unit.findAll(SimpleName.class, n -> n.getIdentifier().equals(symbol) && declaration(n))) {
            kinds.addAll(meanings(n, symbol));
        }
        return kinds;
    }

    private static boolean declaration(SimpleName n) {
        Node p = n.getParentNode().orElse(null);
        return p instanceof TypeDeclaration<?> || p instanceof MethodDeclaration || p instanceof AnnotationMemberDeclaration
                || p instanceof VariableDeclarator || p instanceof Parameter || p instanceof EnumConstantDeclaration
                || p instanceof TypePatternExpr;
    }

    /** Where the symbol stands as a name of one of the kinds (declarations and references), in the order of the text. */
    static List<JavaCode.Spot> references(CompilationUnit unit, String symbol, Set<Kind> kinds) {
        List<JavaCode.Spot> spots = new ArrayList<>();
        for (SimpleName n : unit.findAll(SimpleName.class, n -> n.getIdentifier().equals(symbol))) {
            if (matches(meanings(n, symbol), kinds)) {
                spot(n, symbol, spots);
            }
        }
        // A qualified name's range covers its qualifier: the identifier ends where the node ends.
        for (Name n : unit.findAll(Name.class, n -> n.getIdentifier().equals(symbol))) {
            if (matches(meanings(n), kinds)) {
                spot(n, symbol, spots);
            }
        }
        // A method reference names its method with a plain identifier, at the end of the expression.
        if (kinds.contains(Kind.METHOD)) {
            unit.findAll(MethodReferenceExpr.class, n -> n.getIdentifier().equals(symbol)).forEach(n -> spot(n, symbol, spots));
        }
        return sorted(spots);
    }

    /** The whole words in the file's comments, string, text block and char literals: what "strings and comments" adds. */
    static List<JavaCode.Spot> inStringsAndComments(CompilationUnit unit, String text, String symbol) {
        List<Node> literals = new ArrayList<>(unit.getAllComments());
        literals.addAll(unit.findAll(Expression.class, e -> e instanceof StringLiteralExpr || e instanceof TextBlockLiteralExpr
                || e instanceof CharLiteralExpr));
        return PlainCode.words(text, symbol).stream().filter(s -> literals.stream().anyMatch(n -> covers(n, s))).toList();
    }

    private static boolean covers(Node n, JavaCode.Spot s) {
        Position at = new Position(s.line(), s.column());
        return n.getBegin().isPresent() && n.getEnd().isPresent() && !n.getBegin().get().isAfter(at) && !n.getEnd().get().isBefore(at);
    }

    static List<JavaCode.Spot> sorted(List<JavaCode.Spot> spots) {
        return spots.stream().distinct()
                .sorted(Comparator.comparingInt(JavaCode.Spot::line).thenComparingInt(JavaCode.Spot::column)).toList();
    }

    private static boolean matches(Set<Kind> meanings, Set<Kind> kinds) {
        return meanings.stream().anyMatch(kinds::contains);
    }

    private static void spot(Node n, String symbol, List<JavaCode.Spot> spots) {
        n.getEnd().ifPresent(p -> spots.add(new JavaCode.Spot(p.line, p.column - symbol.length() + 1)));
    }

    /** What a simple name may stand for where it stands; empty for labels, type parameters and the like. */
    static Set<Kind> meanings(SimpleName n, String symbol) {
        Node p = n.getParentNode().orElse(null);
        if (p instanceof TypeDeclaration<?> || p instanceof ConstructorDeclaration || p instanceof CompactConstructorDeclaration
                || p instanceof ClassOrInterfaceType) {
            return EnumSet.of(Kind.TYPE);
        }
        if (p instanceof MethodDeclaration || p instanceof AnnotationMemberDeclaration || p instanceof MethodCallExpr
                || p instanceof MemberValuePair) {
            return EnumSet.of(Kind.METHOD);
        }
        if (p instanceof VariableDeclarator v) {
            return EnumSet.of(v.getParentNode().orElse(null) instanceof FieldDeclaration ? Kind.FIELD : Kind.LOCAL);
        }
        if (p instanceof Parameter param) {
            // A record's component is its field and its accessor method at once.
            return param.getParentNode().orElse(null) instanceof RecordDeclaration
                    ? EnumSet.of(Kind.FIELD, Kind.METHOD) : EnumSet.of(Kind.LOCAL);
        }
        if (p instanceof EnumConstantDeclaration) {
            return EnumSet.of(Kind.FIELD);
        }
        if (p instanceof TypePatternExpr) {
            return EnumSet.of(Kind.LOCAL);
        }
        if (p instanceof FieldAccessExpr access) {
            // a.b.Greeter.create(): a qualified name before a call or a field may end with a type.
            return qualifier(access) ? EnumSet.of(Kind.FIELD, Kind.TYPE) : EnumSet.of(Kind.FIELD);
        }
        if (p instanceof NameExpr name) {
            if (shadowed(name, symbol)) {
                return EnumSet.of(Kind.LOCAL);
            }
            return qualifier(name) ? EnumSet.of(Kind.FIELD, Kind.TYPE) : EnumSet.of(Kind.FIELD);
        }
        return EnumSet.noneOf(Kind.class);
    }

    /** Whether the expression is what a call, a field access or a method reference is made on (Greeter in Greeter.create()). */
    private static boolean qualifier(Expression e) {
        Node p = e.getParentNode().orElse(null);
        return p instanceof MethodCallExpr c && c.getScope().filter(s -> s == e).isPresent()
                || p instanceof FieldAccessExpr f && f.getScope() == e
                || p instanceof MethodReferenceExpr r && r.getScope() == e;
    }

    /** What a qualified name may stand for: imports and annotations name types (a static import also members); a package nothing. */
    static Set<Kind> meanings(Name n) {
        Node top = n;
        while (top.getParentNode().orElse(null) instanceof Name parent) {
            top = parent;
        }
        Node owner = top.getParentNode().orElse(null);
        if (owner instanceof ImportDeclaration imp) {
            return n == top && imp.isStatic() && !imp.isAsterisk() ? EnumSet.of(Kind.TYPE, Kind.METHOD, Kind.FIELD) : EnumSet.of(Kind.TYPE);
        }
        return owner instanceof AnnotationExpr ? EnumSet.of(Kind.TYPE) : EnumSet.noneOf(Kind.class);
    }

    /**
     * Whether a local variable, parameter, lambda, catch, for or try-resource variable of that name is in scope at the
     * name, going out block by block up to the type that declares a field of that name or the first member type.
     */
    static boolean shadowed(Node at, String symbol) {
        Node child = at;
        for (Node p = at.getParentNode().orElse(null); p != null; child = p, p = p.getParentNode().orElse(null)) {
            if (p instanceof BlockStmt b && declaredBefore(b.getStatements(), child, symbol)
                    || p instanceof SwitchEntry e && declaredBefore(e.getStatements(), child, symbol)
                    || p instanceof CallableDeclaration<?> c && c.getParameters().stream().anyMatch(x -> x.getNameAsString().equals(symbol))
                    || p instanceof LambdaExpr l && l.getParameters().stream().anyMatch(x -> x.getNameAsString().equals(symbol))
                    || p instanceof CatchClause c && child == c.getBody() && c.getParameter().getNameAsString().equals(symbol)
                    || p instanceof ForEachStmt f && child != f.getIterable() && declares(f.getVariable(), symbol)
                    || p instanceof ForStmt f && f.getInitialization().stream().anyMatch(i -> declares(i, symbol))
                    || p instanceof TryStmt t && child == t.getTryBlock() && t.getResources().stream().anyMatch(r -> declares(r, symbol))) {
                return true;
            }
            if ((p instanceof CallableDeclaration<?> || p instanceof InitializerDeclaration || p instanceof FieldDeclaration)
                    && p.findFirst(TypePatternExpr.class, t -> t.getNameAsString().equals(symbol) && before(t, at)).isPresent()) {
                return true;
            }
            if (p instanceof TypeDeclaration<?> t && (declaresField(t.getMembers(), symbol) || t instanceof RecordDeclaration r
                    && r.getParameters().stream().anyMatch(x -> x.getNameAsString().equals(symbol)) || !local(t))
                    || p instanceof ObjectCreationExpr o && o.getAnonymousClassBody().filter(body -> body.stream().anyMatch(m -> m == at
                    || m.isAncestorOf(at)) && declaresField(body, symbol)).isPresent()) {
                return false; // the type's own field, or a member type: the enclosing method's locals are out of reach
            }
        }
        return false;
    }

    private static boolean local(TypeDeclaration<?> t) {
        Node p = t.getParentNode().orElse(null);
        return p instanceof LocalClassDeclarationStmt || p instanceof LocalRecordDeclarationStmt;
    }

    private static boolean declaresField(List<? extends BodyDeclaration<?>> members, String symbol) {
        return members.stream().anyMatch(m -> m instanceof FieldDeclaration f
                && f.getVariables().stream().anyMatch(v -> v.getNameAsString().equals(symbol)));
    }

    private static boolean declaredBefore(List<Statement> statements, Node child, String symbol) {
        for (Statement s : statements) {
            if (s == child) {
                return false;
            }
            if (s instanceof ExpressionStmt e && declares(e.getExpression(), symbol)) {
                return true;
            }
        }
        return false;
    }

    private static boolean declares(Expression e, String symbol) {
        return e instanceof VariableDeclarationExpr v && v.getVariables().stream().anyMatch(x -> x.getNameAsString().equals(symbol));
    }

    private static boolean before(Node a, Node b) {
        return a.getBegin().isPresent() && b.getBegin().isPresent() && a.getBegin().get().isBefore(b.getBegin().get());
    }
}
