package dev.specboard.architecture;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Where the tests of a source file live, by the usual conventions of its language and framework. */
public final class TestConventions {

    private TestConventions() {
    }

    /**
     * The paths a test for {@code path} may have, most conventional first; empty when the file is
     * itself a test or its language is not known. The framework decides only for files without an extension.
     */
    public static List<String> candidates(String path, String framework) {
        List<String> out = new ArrayList<>();
        if (path == null || path.isBlank()) {
            return out;
        }
        String p = path.strip().replace('\\', '/');
        while (p.startsWith("./") || p.startsWith("/")) {
            p = p.substring(p.startsWith("./") ? 2 : 1);
        }
        int slash = p.lastIndexOf('/');
        String dir = slash < 0 ? "" : p.substring(0, slash + 1);
        String file = p.substring(slash + 1);
        int dot = file.indexOf('.');
        if (dot <= 0) {
            return out;
        }
        String base = file.substring(0, dot);
        String ext = file.substring(dot + 1).toLowerCase(Locale.ROOT);
        switch (ext) {
            case "java", "kt" -> {
                if (base.endsWith("Test") || base.endsWith("IT") || p.contains("src/test/")) {
                    return out;
                }
                String testDir = dir.contains("src/main/") ? dir.replaceFirst("src/main/", "src/test/") : dir;
                out.add(testDir + base + "Test." + ext);
                out.add(testDir + base + "IT." + ext);
            }
            case "ex" -> {
                String rel = dir.startsWith("lib/") ? dir.substring(4) : dir;
                out.add("test/" + rel + base + "_test.exs");
            }
            case "ts", "tsx", "js", "jsx", "mjs", "cjs", "mts" -> {
                if (base.endsWith(".test") || base.endsWith(".spec") || file.contains(".test.") || file.contains(".spec.")) {
                    return out;
                }
                out.add(dir + base + ".test." + ext);
                out.add(dir + base + ".spec." + ext);
                out.add(dir + "__tests__/" + base + ".test." + ext);
            }
            case "py" -> {
                if (base.startsWith("test_") || base.endsWith("_test")) {
                    return out;
                }
                out.add("tests/test_" + base + ".py");
                String pkg = dir.startsWith("src/") ? dir.substring(4) : dir;
                if (!pkg.isEmpty()) {
                    out.add("tests/" + pkg + "test_" + base + ".py");
                }
                out.add(dir + "test_" + base + ".py");
            }
            default -> {
                return out;
            }
        }
        return out;
    }
}
