package dev.specboard.assist;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import com.github.difflib.patch.Patch;
import dev.specboard.repo.FileBrowserService;
import dev.specboard.repo.ManifestEntry;
import dev.specboard.repo.Repo;
import dev.specboard.web.FormErrors;
import dev.specboard.web.ValidationException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * A refactor job: renames a symbol across a scope (the whole repository or a folder or file) and
 * proposes the change, per file the unified diff and the occurrences. In Java only the references of what the
 * repository declares by that name are renamed (its types, methods and fields, see {@link JavaReferences}; never a
 * local that shares the name), plus strings and comments when asked; a name the Java files use but the repository does
 * not declare is refused. Elsewhere whole words, and prose files only when asked.
 */
@ApplicationScoped
public class Renamer implements JobRunner {

    static final List<String> STEPS = List.of("Reading the scope", "Finding references", "Writing the diffs");
    static final int MAX_NAME = 100;
    private static final Set<String> KEYWORDS = Set.of("abstract", "assert", "boolean", "break", "byte", "case", "catch", "char",
            "class", "const", "continue", "default", "do", "double", "else", "enum", "extends", "final", "finally", "float", "for",
            "goto", "if", "implements", "import", "instanceof", "int", "interface", "long", "native", "new", "package", "private",
            "protected", "public", "return", "short", "static", "strictfp", "super", "switch", "synchronized", "this", "throw",
            "throws", "transient", "try", "void", "volatile", "while", "true", "false", "null", "var", "record", "yield", "_");
    private static final Set<String> PROSE = Set.of("markdown", "plaintext");

    @Inject
    ScopeFiles scopes;

    @Inject
    ObjectMapper json;

    @Inject
    RefactorLimits limits;

    /** The proposal as stored in {@code refactor_jobs.proposal}. */
    @RegisterForReflection
    public record Proposal(String repo, String symbol, String newName, String path, boolean includeStringsAndComments,
                           String baseCommit, int manifestVersion, List<ProposedFile> files, List<String> skipped) {

        public String shortBase() {
            return baseCommit.substring(0, Math.min(10, baseCommit.length()));
        }

        public int count() {
            return files.stream().mapToInt(f -> f.occurrences().size()).sum();
        }
    }

    /**
     * One file's change: its blob at the base commit, how references were found, the unified diff and each occurrence;
     * {@code movedTo} is the file's new path when it is the Java file named after the renamed type (else null).
     */
    @RegisterForReflection
    public record ProposedFile(String path, String blobSha, String method, String diff, List<Occurrence> occurrences, int count,
                               String movedTo) {

        /** The path the file has after the rename. */
        public String pathAfter() {
            return movedTo == null ? path : movedTo;
        }
    }

    /** Where the symbol stands (1-based line and column) and the line as it reads now. */
    @RegisterForReflection
    public record Occurrence(int line, int column, String text) {
    }

    /** The parameters of a rename, checked. */
    record Request(String symbol, String newName, String path, boolean includeStringsAndComments) {
    }

    @Override
    public List<String> steps() {
        return STEPS;
    }

    /** Checks a rename's parameters against the repository's latest manifest; every problem is named. */
    static Request check(String symbol, String newName, String path, boolean include, ScopeFiles.Snapshot snapshot) {
        FormErrors errors = FormErrors.none();
        String s = symbol == null ? "" : symbol.trim();
        String n = newName == null ? "" : newName.trim();
        if (s.codePointCount(0, s.length()) > MAX_NAME) {
            errors.add("symbol", "A symbol has at most " + MAX_NAME + " characters");
        } else if (!isName(s)) {
            errors.add("symbol", "A symbol is a name: letters, digits, _ or $, not starting with a digit");
        }
        if (n.codePointCount(0, n.length()) > MAX_NAME) {
            errors.add("newName", "The new name has at most " + MAX_NAME + " characters (this one has "
                    + n.codePointCount(0, n.length()) + ")");
        } else if (!isName(n)) {
            errors.add("newName", "The new name must be a name: letters, digits, _ or $, not starting with a digit");
        } else if (KEYWORDS.contains(n)) {
            errors.add("newName", "'" + n + "' is a Java keyword");
        } else if (n.equals(s)) {
            errors.add("newName", "The new name is the same as the old one");
        }
        String p = "";
        if (path != null && !path.isBlank()) {
            try {
                p = ScopeFiles.clean(path);
            } catch (ValidationException e) {
                errors.add("path", e.errors().get("path"));
            }
            if (!errors.has("path") && snapshot != null && snapshot.under(p).isEmpty()) {
                errors.add("path", "No file or folder " + p + " in " + snapshot.repo().name);
            }
        }
        if (errors.any()) {
            throw new ValidationException(errors);
        }
        return new Request(s, n, p, include);
    }

    /**
     * A Java name as the compiler reads it: letters and digits of any script (Welcomér, Grüße), _ or $, not starting
     * with a digit; the characters Java ignores inside names (controls) are refused, they would hide in the code.
     */
    static boolean isName(String s) {
        if (s.isEmpty() || !Character.isJavaIdentifierStart(s.codePointAt(0))) {
            return false;
        }
        return s.codePoints().allMatch(c -> Character.isJavaIdentifierPart(c) && !Character.isIdentifierIgnorable(c));
    }

    /** What the repository's Java files declare the symbol as, and those JavaParser could not read. */
    record JavaScan(Set<JavaReferences.Kind> declared, List<String> unreadable) {

        Set<JavaReferences.Kind> targets() {
            Set<JavaReferences.Kind> t = EnumSet.copyOf(JavaReferences.TARGETS);
            t.retainAll(declared);
            return t;
        }
    }

    /**
     * Reads the declarations of the symbol in the Java files of the whole repository (a rename in a folder still renames
     * what is declared elsewhere), and refuses (422 on {@code symbol}) a rename whose Java files in scope use the name
     * when the repository declares no type, method or field by it: java.lang.String is not the repository's to rename,
     * and a local variable is renamed in an editor. {@code complete} reads every file, else it stops at the first target.
     */
    JavaScan javaScan(Request req, ScopeFiles.Snapshot snapshot, boolean complete) {
        Set<JavaReferences.Kind> declared = EnumSet.noneOf(JavaReferences.Kind.class);
        List<String> unreadable = new ArrayList<>();
        Set<String> inScope = new HashSet<>(snapshot.under(req.path()).stream().map(ManifestEntry::path).toList());
        boolean used = false;
        for (ManifestEntry e : snapshot.files()) {
            if (!"java".equals(e.language()) || e.binary() || e.symlink()) {
                continue;
            }
            Optional<String> text = scopes.text(snapshot.repo(), e);
            if (text.isEmpty() || !text.get().contains(req.symbol())) {
                continue;
            }
            JavaCode.Parsed parsed = JavaCode.parse(text.get());
            if (parsed.unit() == null) {
                unreadable.add(e.path());
                continue;
            }
            declared.addAll(JavaReferences.declared(parsed.unit(), req.symbol()));
            used |= inScope.contains(e.path())
                    && !JavaReferences.references(parsed.unit(), req.symbol(), EnumSet.allOf(JavaReferences.Kind.class)).isEmpty();
            if (!complete && declared.stream().anyMatch(JavaReferences.TARGETS::contains)) {
                break;
            }
        }
        JavaScan scan = new JavaScan(declared, unreadable);
        if (used && scan.targets().isEmpty()) {
            String unread = unreadable.isEmpty() ? "" : " (" + unreadable.size() + (unreadable.size() == 1 ? " file" : " files")
                    + " JavaParser could not read left out: " + String.join(", ", unreadable.stream().limit(3).toList())
                    + (unreadable.size() > 3 ? ", …" : "") + ")";
            throw ValidationException.of("symbol", declared.contains(JavaReferences.Kind.LOCAL)
                    ? "'" + req.symbol() + "' is declared in " + snapshot.repo().name + "'s Java files only as local variables or "
                    + "parameters, which this tool does not rename (it renames classes, interfaces, enums, records, methods and "
                    + "fields); rename a local in your editor" + unread
                    : "No class, interface, enum, record, method or field named '" + req.symbol() + "' is declared in "
                    + snapshot.repo().name + "'s Java files, so it is not this repository's to rename (it comes from the JDK or "
                    + "a library)" + unread);
        }
        return scan;
    }

    @Override
    public Outcome run(JobContext job) {
        job.step(1);
        // A proposal is held whole while it is made: a few at once, the others wait their turn (see RefactorLimits).
        try (dev.specboard.kernel.HeavyWork.Turn turn = limits.turn(job)) {
            return propose(job);
        }
    }

    private Outcome propose(JobContext job) {
        ScopeFiles.Snapshot snapshot = QuarkusTransaction.requiringNew().call(() -> scopes.snapshot(Repo.findById(job.repositoryId)));
        Request req = check(job.param("symbol"), job.param("newName"), job.param("path"), job.flag("includeStringsAndComments"), snapshot);
        JavaScan java = javaScan(req, snapshot, true);
        List<ManifestEntry> entries = snapshot.under(req.path()).stream()
                // A symbolic link's blob is its target's path, not code: renamed, the link would lead elsewhere.
                .filter(f -> !f.binary() && !f.symlink() && f.language() != null
                        && (!PROSE.contains(f.language()) || req.includeStringsAndComments()))
                .toList();

        job.step(2);
        Repo repo = snapshot.repo();
        // Each file's diff is made while its text is in hand and the text dropped after; the tally fails the job as soon
        // as the proposal passes a limit, before it holds more (the whole proposal is one stored value).
        RefactorLimits.Tally tally = limits.tally(req);
        List<ProposedFile> files = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        int i = 0;
        for (ManifestEntry e : entries) {
            job.detail(++i + " of " + entries.size() + " files");
            Optional<String> text = scopes.text(repo, e);
            if (text.isEmpty()) {
                skipped.add(e.path() + ": too large or not UTF-8");
                continue;
            }
            if (!text.get().contains(req.symbol())) {
                continue;
            }
            boolean parser = "java".equals(e.language());
            List<JavaCode.Spot> spots;
            if (parser) {
                JavaCode.Parsed parsed = JavaCode.parse(text.get());
                if (parsed.unit() == null) {
                    skipped.add(e.path() + ": JavaParser could not read it (" + parsed.problem() + ")");
                    continue;
                }
                spots = JavaReferences.references(parsed.unit(), req.symbol(), java.targets());
                if (req.includeStringsAndComments()) {
                    List<JavaCode.Spot> all = new ArrayList<>(spots);
                    all.addAll(JavaReferences.inStringsAndComments(parsed.unit(), text.get(), req.symbol()));
                    spots = JavaReferences.sorted(all);
                }
            } else {
                spots = PlainCode.words(text.get(), req.symbol());
            }
            if (!spots.isEmpty()) {
                tally.file(e.path(), spots.size());
                files.add(proposed(e, text.get(), spots, parser, req, java, snapshot, tally));
            }
        }
        if (files.isEmpty()) {
            throw new JobProblem("No reference to " + req.symbol() + " in " + (req.path().isEmpty() ? "the repository" : req.path())
                    + " (" + entries.size() + (entries.size() == 1 ? " file" : " files") + " searched" + (req.includeStringsAndComments() ? "" : "; strings and comments left out")
                    + ").");
        }

        job.step(3);
        Proposal proposal = new Proposal(repo.name, req.symbol(), req.newName(), req.path(), req.includeStringsAndComments(),
                snapshot.commitSha(), snapshot.manifestVersion(), files, skipped);
        return Outcome.of(json.convertValue(proposal, new TypeReference<Map<String, Object>>() {
        }));
    }

    /** One file's proposed change, counted against the proposal's limits. */
    private static ProposedFile proposed(ManifestEntry e, String text, List<JavaCode.Spot> spots, boolean parser, Request req,
                                         JavaScan java, ScopeFiles.Snapshot snapshot, RefactorLimits.Tally tally) {
        List<Occurrence> occurrences = occurrences(text, spots);
        String movedTo = java.targets().contains(JavaReferences.Kind.TYPE) ? movedTo(e, req, snapshot) : null;
        String diff = diff(e.path(), movedTo == null ? e.path() : movedTo, text, rewrite(text, occurrences, req.symbol(), req.newName()));
        // as stored: the diff, and each occurrence's line with its JSON keys
        tally.bytes(e.path(), diff.length() + occurrences.stream().mapToLong(o -> o.text().length() + 40L).sum());
        return new ProposedFile(e.path(), e.blobSha(), !parser ? "whole words"
                : req.includeStringsAndComments() ? "JavaParser references, strings and comments" : "JavaParser references", diff,
                occurrences, spots.size(), movedTo);
    }

    Proposal read(Map<String, Object> stored) {
        return json.convertValue(stored, Proposal.class);
    }

    private static List<Occurrence> occurrences(String text, List<JavaCode.Spot> spots) {
        List<String> lines = FileBrowserService.splitLines(text);
        return spots.stream().map(s -> new Occurrence(s.line(), s.column(), lines.get(s.line() - 1).strip())).toList();
    }

    /** The text with the symbol replaced at each occurrence (a spot that no longer holds the symbol is refused). */
    static String rewrite(String text, List<Occurrence> occurrences, String symbol, String newName) {
        List<Integer> lineStarts = new ArrayList<>();
        lineStarts.add(0);
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                lineStarts.add(i + 1);
            }
        }
        List<Integer> offsets = occurrences.stream().map(o -> lineStarts.get(o.line() - 1) + o.column() - 1).sorted().distinct().toList();
        StringBuilder out = new StringBuilder(text.length() + offsets.size() * Math.max(0, newName.length() - symbol.length()));
        int at = 0;
        for (int offset : offsets) {
            if (!text.startsWith(symbol, offset)) {
                throw new JobProblem("The file changed under the proposal: " + symbol + " is not where it was found.");
            }
            out.append(text, at, offset).append(newName);
            at = offset + symbol.length();
        }
        return out.append(text, at, text.length()).toString();
    }

    /**
     * Java wants a public top-level type in the file named after it: renaming the type of {@code Greeter.java} moves
     * the file to {@code <newName>.java} in its folder, or the renamed code would not compile. A file already there
     * fails the proposal.
     */
    private static String movedTo(ManifestEntry e, Request req, ScopeFiles.Snapshot snapshot) {
        int slash = e.path().lastIndexOf('/');
        String folder = e.path().substring(0, slash + 1);
        if (!"java".equals(e.language()) || !e.path().substring(slash + 1).equals(req.symbol() + ".java")) {
            return null;
        }
        String target = folder + req.newName() + ".java";
        if (snapshot.file(target).isPresent()) {
            throw new JobProblem("Renaming " + req.symbol() + " moves " + e.path() + " to " + target + ", which exists already.");
        }
        return target;
    }

    /** A unified diff (three lines of context) between two versions of a file, which may move. */
    static String diff(String path, String pathAfter, String before, String after) {
        List<String> a = FileBrowserService.splitLines(before);
        List<String> b = FileBrowserService.splitLines(after);
        Patch<String> patch = DiffUtils.diff(a, b);
        return String.join("\n", UnifiedDiffUtils.generateUnifiedDiff("a/" + path, "b/" + pathAfter, a, patch, 3));
    }

    static String branchName(String symbol, String newName) {
        return "refactor/" + symbol + "-to-" + newName;
    }

}
