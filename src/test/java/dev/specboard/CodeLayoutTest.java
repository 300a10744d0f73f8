package dev.specboard;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import io.quarkus.qute.CheckedTemplate;
import jakarta.persistence.Entity;
import jakarta.persistence.MappedSuperclass;
import jakarta.ws.rs.Path;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackages;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The code layout of the README's "Code layout" section, kept true: feature packages form no cycle and
 * only use features below them, use no other feature's resources or templates, plumbing ({@code web})
 * and the shared kernel use no feature, and entities use no resource. A new package under
 * {@code dev.specboard} is a feature and is covered without touching this test.
 */
class CodeLayoutTest {

    private static final String ROOT = "dev.specboard";

    /** Packages that are not features: plumbing and the shared kernel. */
    private static final List<String> SHARED = List.of("web", "kernel");

    /**
     * The layers, lowest first: a feature may use features of its own layer or below, never above. A
     * package missing here sits with the features built beside plan and design (rank 8).
     */
    private static final Map<String, Integer> RANK = Map.ofEntries(
            Map.entry("kernel", 0), Map.entry("web", 0),
            Map.entry("account", 1), Map.entry("project", 2), Map.entry("notification", 3), Map.entry("story", 4),
            Map.entry("architecture", 5), Map.entry("spec", 6), Map.entry("repo", 6), Map.entry("review", 7),
            Map.entry("home", 9), Map.entry("wizard", 9), Map.entry("api", 9));
    private static final int UNLISTED_RANK = 8;

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages(ROOT);

    @Test
    void featurePackagesFormNoCycle() {
        noCycles(ROOT).check(MAIN);
    }

    @Test
    void theCycleRuleRefusesACycle() {
        JavaClasses fixture = new ClassFileImporter().importPackages(ROOT + ".archfixture");
        assertThrows(AssertionError.class, () -> noCycles(ROOT + ".archfixture").check(fixture));
        assertThrows(AssertionError.class, () -> plumbingUsesNoFeature(ROOT + ".archfixture").check(fixture));
    }

    @Test
    void webAndTheKernelUseNoFeature() {
        plumbingUsesNoFeature(ROOT).check(MAIN);
    }

    @Test
    void entitiesUseNoResource() {
        noClasses().that().areAnnotatedWith(Entity.class).or().areAnnotatedWith(MappedSuperclass.class)
                .should().dependOnClassesThat().areAnnotatedWith(Path.class)
                .check(MAIN);
    }

    @Test
    void featuresOnlyUseFeaturesBelowThem() {
        List<String> violations = new ArrayList<>();
        for (JavaClass c : MAIN) {
            Optional<String> from = feature(c);
            if (from.isEmpty()) {
                continue;
            }
            for (Dependency d : c.getDirectDependenciesFromSelf()) {
                Optional<String> to = feature(d.getTargetClass());
                if (to.isPresent() && rank(to.get()) > rank(from.get())) {
                    violations.add(from.get() + " uses " + to.get() + ", which is above it: " + d.getDescription());
                }
            }
        }
        assertEquals(List.of(), violations.stream().distinct().sorted().toList());
    }

    @Test
    void noFeatureUsesAnotherFeaturesResources() {
        List<String> violations = new ArrayList<>();
        for (JavaClass c : MAIN) {
            Optional<String> from = feature(c);
            for (Dependency d : c.getDirectDependenciesFromSelf()) {
                JavaClass target = d.getTargetClass();
                Optional<String> to = feature(target);
                if (from.isPresent() && to.isPresent() && !from.equals(to) && isResource(target)) {
                    violations.add(d.getDescription());
                }
            }
        }
        assertEquals(List.of(), violations.stream().distinct().sorted().toList());
    }

    @Test
    void everyFeatureRendersItsOwnTemplates() throws IOException {
        List<String> violations = new ArrayList<>();
        for (JavaClass c : MAIN) {
            if (c.isAnnotatedWith(CheckedTemplate.class)) {
                String basePath = c.getAnnotationOfType(CheckedTemplate.class).basePath();
                String own = feature(c).orElse(topPackage(c));
                if (!basePath.equals(own)) {
                    violations.add(c.getName() + " renders templates of " + basePath);
                }
            }
        }
        // Templates include their own feature's templates, the layout and the shared tags only.
        Pattern include = Pattern.compile("\\{#include ([\\w-]+)/");
        java.nio.file.Path templates = Paths.get("src/main/resources/templates");
        try (Stream<java.nio.file.Path> files = Files.walk(templates)) {
            for (java.nio.file.Path f : files.filter(Files::isRegularFile).toList()) {
                String folder = templates.relativize(f).getName(0).toString();
                Matcher m = include.matcher(Files.readString(f));
                while (m.find()) {
                    String used = m.group(1);
                    if (!used.equals(folder) && !used.equals("layout") && !used.equals("tags")) {
                        violations.add(templates.relativize(f) + " includes " + used + "/");
                    }
                }
            }
        }
        assertEquals(List.of(), violations);
    }

    /**
     * A source file past 400 lines holds more than one concern: split it (a query class beside its service, a view
     * builder beside its resource) before it grows, rather than when it has become hard to read.
     */
    @Test
    void noSourceFileGrowsPast400Lines() throws IOException {
        List<String> tooLong = new ArrayList<>();
        try (Stream<java.nio.file.Path> files = Files.walk(Paths.get("src/main/java"))) {
            for (java.nio.file.Path f : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                long lines = Files.readAllLines(f).size();
                if (lines > MAX_LINES) {
                    tooLong.add(f + ": " + lines + " lines");
                }
            }
        }
        assertEquals(List.of(), tooLong, "source files longer than " + MAX_LINES + " lines");
    }

    private static final int MAX_LINES = 400;

    /**
     * A query read as a stream keeps its JDBC result set open, and with it the database connection, until the stream is
     * closed: Hibernate does not close it when {@code findFirst} or {@code toList} ends it. A page that reads outside a
     * transaction then holds a connection of the pool for the rest of the request instead of giving it back after
     * each statement. Results are read as lists (one row asked for with {@code setMaxResults(1)}).
     */
    @Test
    void noQueryIsReadAsAStream() {
        noClasses().should().callMethodWhere(new com.tngtech.archunit.base.DescribedPredicate<com.tngtech.archunit.core.domain.JavaMethodCall>(
                "a query's result stream") {
            @Override
            public boolean test(com.tngtech.archunit.core.domain.JavaMethodCall call) {
                String name = call.getTarget().getName();
                JavaClass owner = call.getTarget().getOwner();
                return name.equals("getResultStream") || name.equals("stream") && (owner.isAssignableTo(jakarta.persistence.Query.class)
                        || owner.isAssignableTo(io.quarkus.hibernate.orm.panache.PanacheQuery.class)
                        || owner.isAssignableTo(io.quarkus.hibernate.orm.panache.PanacheEntityBase.class)
                        || owner.isAssignableTo(org.hibernate.query.SelectionQuery.class));
            }
        }).check(MAIN);
    }

    @Test
    void theReadmeCodeLayoutMatchesThePackages() throws IOException {
        String readme = Files.readString(Paths.get("README.md"));
        String layout = readme.substring(readme.indexOf("## Code layout"));
        TreeSet<String> missing = new TreeSet<>();
        for (JavaClass c : MAIN) {
            String top = topPackage(c);
            if (!top.isEmpty() && !layout.contains("`" + top + "`")) {
                missing.add(top);
            }
        }
        assertEquals(List.of(), List.copyOf(missing), "packages the README's code layout does not name");
        // and every package its table names exists
        TreeSet<String> packages = new TreeSet<>();
        MAIN.forEach(c -> packages.add(topPackage(c)));
        Matcher row = Pattern.compile("(?m)^\\| `(\\w+)` \\|").matcher(layout);
        TreeSet<String> stale = new TreeSet<>();
        while (row.find()) {
            if (!packages.contains(row.group(1))) {
                stale.add(row.group(1));
            }
        }
        assertEquals(List.of(), List.copyOf(stale), "packages the README's code layout names but the code lacks");
    }

    private static ArchRule noCycles(String root) {
        return slices().matching(root + ".(*)..").should().beFreeOfCycles();
    }

    private static ArchRule plumbingUsesNoFeature(String root) {
        String[] shared = SHARED.stream().map(s -> root + "." + s + "..").toArray(String[]::new);
        return noClasses().that().resideInAnyPackage(shared)
                .should().dependOnClassesThat(resideInAPackage(root + "..").and(resideOutsideOfPackages(shared)));
    }

    private static boolean isResource(JavaClass c) {
        JavaClass top = c;
        while (top.getEnclosingClass().isPresent()) {
            top = top.getEnclosingClass().get();
        }
        return top.isAnnotatedWith(Path.class);
    }

    /** The feature a class belongs to: the package right under dev.specboard, unless it is plumbing or the kernel. */
    private static Optional<String> feature(JavaClass c) {
        String top = topPackage(c);
        return top.isEmpty() || SHARED.contains(top) ? Optional.empty() : Optional.of(top);
    }

    private static String topPackage(JavaClass c) {
        String pkg = c.getPackageName();
        if (!pkg.startsWith(ROOT + ".")) {
            return "";
        }
        String rest = pkg.substring(ROOT.length() + 1);
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }

    private static int rank(String feature) {
        return RANK.getOrDefault(feature, UNLISTED_RANK);
    }
}
