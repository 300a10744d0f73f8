package dev.specboard.project;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import dev.specboard.kernel.Role;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A change's {@link RoleFirst} mark says the role its code asks the policy for ({@code projectAccess.write(slug,
 * Role.MEMBER)}, in the method or a method of its class that it calls): a missing mark lets a malformed body be judged
 * before the role (the walks of {@code ApiAccessOrderTest} and {@code ProjectRoutesTest} see that), a higher one would
 * refuse people the route is for, which no walk of malformed bodies sees.
 */
class RoleMarksTest {

    private static final Set<String> CHANGES = Set.of("POST", "PUT", "PATCH", "DELETE");
    private static final Set<String> ASKS = Set.of("write", "readAs", "requireWrite", "requireRole");
    private static final Map<String, Role> MARKS = Map.of("RoleFirst.Member", Role.MEMBER, "RoleFirst.Lead", Role.LEAD,
            "RoleFirst.Owner", Role.OWNER);

    @Test
    void everyChangeIsMarkedWithTheRoleItsCodeAsksFor() throws IOException {
        JavaParser parser = new JavaParser(new ParserConfiguration().setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_17));
        List<String> wrong = new ArrayList<>();
        int marked = 0;
        List<Path> sources;
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            sources = files.filter(f -> f.toString().endsWith(".java")).toList();
        }
        for (Path file : sources) {
            CompilationUnit unit = parser.parse(file).getResult().orElseThrow(() -> new AssertionError("cannot parse " + file));
            for (ClassOrInterfaceDeclaration type : unit.findAll(ClassOrInterfaceDeclaration.class)) {
                Map<String, List<MethodDeclaration>> byName = type.getMethods().stream().collect(Collectors.groupingBy(MethodDeclaration::getNameAsString));
                for (MethodDeclaration m : type.getMethods()) {
                    Role mark = m.getAnnotations().stream().map(AnnotationExpr::getNameAsString).filter(MARKS::containsKey).map(MARKS::get)
                            .findFirst().orElse(null);
                    marked += mark == null ? 0 : 1;
                    if (m.getAnnotations().stream().noneMatch(a -> CHANGES.contains(a.getNameAsString()))) {
                        if (mark != null) {
                            wrong.add(type.getNameAsString() + "." + m.getNameAsString() + " is marked but is no change");
                        }
                        continue;
                    }
                    Set<Role> asked = asked(m, byName);
                    if (asked.isEmpty()) {
                        continue; // it asks through a service: the walks judge it
                    }
                    Role needed = asked.stream().min(Enum::compareTo).orElseThrow();
                    Role expected = needed.atLeast(Role.MEMBER) ? needed : null;
                    if (expected != mark) {
                        wrong.add(type.getNameAsString() + "." + m.getNameAsString() + " asks for " + needed + " but is marked " + mark);
                    }
                }
            }
        }
        assertTrue(marked > 200, "the marks were found: " + marked);
        assertTrue(wrong.isEmpty(), "every change carries the mark of its role:\n" + String.join("\n", wrong));
    }

    /** The roles the method asks the policy for, itself or through a method of its class that it calls. */
    private static Set<Role> asked(MethodDeclaration m, Map<String, List<MethodDeclaration>> byName) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        List<MethodDeclaration> bodies = new ArrayList<>(List.of(m));
        for (MethodCallExpr call : m.findAll(MethodCallExpr.class)) {
            if (call.getScope().isEmpty()) {
                bodies.addAll(byName.getOrDefault(call.getNameAsString(), List.of()));
            }
        }
        for (MethodDeclaration body : bodies) {
            for (MethodCallExpr call : body.findAll(MethodCallExpr.class)) {
                if (!ASKS.contains(call.getNameAsString())) {
                    continue;
                }
                for (var argument : call.getArguments()) {
                    if (argument instanceof FieldAccessExpr f && f.getScope().toString().equals("Role")) {
                        roles.add(Role.valueOf(f.getNameAsString()));
                    }
                }
            }
        }
        return roles;
    }
}
