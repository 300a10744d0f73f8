package dev.specboard.kernel;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every native update run through Hibernate names the tables it touches ({@link QuerySpaces}): one that names none
 * makes Hibernate empty the whole second-level cache, so the next request reads every kept project again. Read from
 * the sources, statement by statement: a statement that runs {@code executeUpdate} on a native query (made in it, or
 * held in a variable made elsewhere in the file) must pass that query through {@code QuerySpaces.touching}.
 */
class NativeUpdatesTest {

    private static final Pattern RECEIVER = Pattern.compile("(\\w+)\\s*\\.\\s*executeUpdate\\s*\\(");

    @Test
    void everyNativeUpdateInTheAppNamesItsTables() throws IOException {
        List<String> unnamed = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                unnamedUpdates(Files.readString(file)).forEach(s -> unnamed.add(file + ": " + s));
            }
        }
        assertEquals(List.of(), unnamed, "native updates that name no query spaces (wrap them in QuerySpaces.touching)");
    }

    @Test
    void theScanFindsAnUnnamedNativeUpdateInlineOrInAVariable() {
        assertEquals(1, unnamedUpdates("""
                void a() { em.createNativeQuery("UPDATE t SET x = 1").executeUpdate(); }""").size());
        assertEquals(1, unnamedUpdates("""
                void a() { Query q = em.createNativeQuery("DELETE FROM t; -- ;"); q.setParameter(1, 2); q.executeUpdate(); }""").size());
        assertEquals(0, unnamedUpdates("""
                void a() { QuerySpaces.touching(em.createNativeQuery("UPDATE t SET x = 1"), "t").executeUpdate(); }
                void b() { em.createQuery("update T t set t.x = 1").executeUpdate(); ps.executeUpdate(); }
                void c() { List<?> rows = em.createNativeQuery("UPDATE t SET x = 1 RETURNING id").getResultList(); }""").size());
    }

    /** The statements of this source that run a native update naming no query spaces. */
    static List<String> unnamedUpdates(String source) {
        List<String> statements = statements(source);
        List<String> unnamed = new ArrayList<>();
        for (String s : statements) {
            if (!s.contains("executeUpdate")) {
                continue;
            }
            String made = s;
            if (!isNative(s)) {
                // A query held in a variable: the statement that made it decides.
                Matcher m = RECEIVER.matcher(s);
                made = null;
                while (m.find() && made == null) {
                    Pattern declared = Pattern.compile("\\b" + Pattern.quote(m.group(1)) + "\\s*=[^=]");
                    made = statements.stream().filter(d -> declared.matcher(d).find() && isNative(d)).findFirst().orElse(null);
                }
            }
            if (made != null && !made.contains("QuerySpaces.touching(")) {
                unnamed.add(s.strip().replaceAll("\\s+", " "));
            }
        }
        return unnamed;
    }

    private static boolean isNative(String statement) {
        return statement.contains("createNativeQuery(") || statement.contains("createNativeMutationQuery(");
    }

    /** The source cut at each {@code ;}, '{' and '}' outside strings, text blocks, character literals and comments. */
    static List<String> statements(String source) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int i = 0;
        int n = source.length();
        while (i < n) {
            char c = source.charAt(i);
            if (source.startsWith("//", i)) {
                int end = source.indexOf('\n', i);
                i = end < 0 ? n : end;
            } else if (source.startsWith("/*", i)) {
                int end = source.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
            } else if (source.startsWith("\"\"\"", i)) {
                int end = source.indexOf("\"\"\"", i + 3);
                end = end < 0 ? n : end + 3;
                current.append(source, i, end);
                i = end;
            } else if (c == '"' || c == '\'') {
                int j = i + 1;
                while (j < n && source.charAt(j) != c) {
                    j += source.charAt(j) == '\\' ? 2 : 1;
                }
                j = Math.min(j + 1, n);
                current.append(source, i, j);
                i = j;
            } else if (c == ';' || c == '{' || c == '}') {
                if (!current.toString().isBlank()) {
                    out.add(current.toString());
                }
                current.setLength(0);
                i++;
            } else {
                current.append(c);
                i++;
            }
        }
        if (!current.toString().isBlank()) {
            out.add(current.toString());
        }
        return out;
    }
}
