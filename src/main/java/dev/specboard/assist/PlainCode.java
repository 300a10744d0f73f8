package dev.specboard.assist;

import dev.specboard.repo.FileBrowserService;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Languages without a parser here: a plain outline of declarations found by each language's
 * declaration keywords, with the comment lines right above each as its doc, and names found by
 * word boundaries.
 */
final class PlainCode {

    private PlainCode() {
    }

    /** A declaration pattern: group "name" is the name; exported tells whether the language exports it. */
    private record Rule(String kind, Pattern pattern) {
    }

    private static final Map<String, List<Rule>> RULES = Map.of(
            "javascript", List.of(
                    rule("function", "^\\s*(export\\s+)?(default\\s+)?(async\\s+)?function\\s*\\*?\\s*(?<name>[A-Za-z_$][\\w$]*)\\s*\\("),
                    rule("class", "^\\s*(export\\s+)?(default\\s+)?class\\s+(?<name>[A-Za-z_$][\\w$]*)"),
                    rule("const", "^\\s*export\\s+(const|let|var)\\s+(?<name>[A-Za-z_$][\\w$]*)")),
            "typescript", List.of(
                    rule("function", "^\\s*(export\\s+)?(default\\s+)?(async\\s+)?function\\s*\\*?\\s*(?<name>[A-Za-z_$][\\w$]*)"),
                    rule("class", "^\\s*(export\\s+)?(default\\s+)?(abstract\\s+)?class\\s+(?<name>[A-Za-z_$][\\w$]*)"),
                    rule("interface", "^\\s*(export\\s+)?(interface|type)\\s+(?<name>[A-Za-z_$][\\w$]*)"),
                    rule("const", "^\\s*export\\s+(const|let|var)\\s+(?<name>[A-Za-z_$][\\w$]*)")),
            "python", List.of(
                    rule("class", "^\\s*class\\s+(?<name>[A-Za-z_]\\w*)"),
                    rule("function", "^\\s*(async\\s+)?def\\s+(?<name>[A-Za-z_]\\w*)\\s*\\(")),
            "go", List.of(
                    rule("function", "^func\\s+(\\([^)]*\\)\\s*)?(?<name>[A-Za-z_]\\w*)\\s*[\\[(]"),
                    rule("type", "^type\\s+(?<name>[A-Za-z_]\\w*)\\s+")),
            "kotlin", List.of(
                    rule("function", "^\\s*((public|internal|private|protected|override|suspend|inline|open)\\s+)*fun\\s+(<[^>]*>\\s*)?(\\w+\\.)?(?<name>\\w+)\\s*\\("),
                    rule("class", "^\\s*((public|internal|private|protected|data|sealed|abstract|open|enum)\\s+)*(class|interface|object)\\s+(?<name>\\w+)")),
            "rust", List.of(
                    rule("function", "^\\s*(pub(\\([^)]*\\))?\\s+)?(async\\s+)?fn\\s+(?<name>\\w+)"),
                    rule("type", "^\\s*(pub(\\([^)]*\\))?\\s+)?(struct|enum|trait|type)\\s+(?<name>\\w+)")),
            "ruby", List.of(
                    rule("function", "^\\s*def\\s+(self\\.)?(?<name>\\w+[?!]?)"),
                    rule("class", "^\\s*(class|module)\\s+(?<name>[A-Z]\\w*)")));

    private static final List<Rule> GENERIC = List.of(
            rule("function", "^\\s*((public|private|protected|static|export|async|def|func|fun|fn|function|sub)\\s+)+[\\w<>\\[\\],\\s*&]*?(?<name>[A-Za-z_]\\w*)\\s*\\("),
            rule("type", "^\\s*((public|private|protected|export|abstract|final|sealed)\\s+)*(class|interface|struct|enum|trait|module|record)\\s+(?<name>[A-Za-z_]\\w*)"));

    private static Rule rule(String kind, String regex) {
        return new Rule(kind, Pattern.compile(regex));
    }

    static CodeOutline outline(String path, String language, String text) {
        List<Rule> rules = RULES.getOrDefault(language == null ? "" : language, GENERIC);
        List<String> lines = FileBrowserService.splitLines(text);
        List<CodeOutline.Declaration> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            for (Rule r : rules) {
                Matcher m = r.pattern().matcher(line);
                if (m.find()) {
                    String name = m.group("name");
                    out.add(new CodeOutline.Declaration(r.kind(), name, line.strip(), docAbove(lines, i, language), i + 1, i + 1,
                            exported(language, name, line), List.of()));
                    break;
                }
            }
        }
        return new CodeOutline(path, language, CodeOutline.PLAIN, out, List.of(), null);
    }

    private static boolean exported(String language, String name, String line) {
        return switch (language == null ? "" : language) {
            case "python", "ruby" -> !name.startsWith("_");
            case "go" -> Character.isUpperCase(name.charAt(0));
            case "javascript", "typescript" -> line.strip().startsWith("export");
            case "rust" -> line.strip().startsWith("pub");
            case "kotlin" -> !line.contains("private ") && !line.contains("internal ");
            default -> !line.contains("private ");
        };
    }

    /** The comment lines right above a declaration (or a Python docstring right below it), without their markers. */
    private static String docAbove(List<String> lines, int at, String language) {
        if ("python".equals(language) && at + 1 < lines.size()) {
            String next = lines.get(at + 1).strip();
            if (next.startsWith("\"\"\"") || next.startsWith("'''")) {
                String quote = next.substring(0, 3);
                StringBuilder doc = new StringBuilder(next.substring(3));
                for (int j = at + 2; j < lines.size() && !doc.toString().contains(quote); j++) {
                    doc.append('\n').append(lines.get(j).strip());
                }
                String s = doc.toString();
                int end = s.indexOf(quote);
                return (end >= 0 ? s.substring(0, end) : s).strip();
            }
        }
        List<String> doc = new ArrayList<>();
        for (int j = at - 1; j >= 0; j--) {
            String l = lines.get(j).strip();
            if (l.startsWith("//") || l.startsWith("#") || l.startsWith("*") || l.startsWith("/*") || l.startsWith("--")) {
                doc.add(0, l.replaceFirst("^(///?|#+|/\\*\\*?|\\*/|\\*|--)\\s?", "").replaceFirst("\\s*\\*/$", "").strip());
            } else {
                break;
            }
        }
        String s = String.join("\n", doc).strip();
        return s.isEmpty() ? null : s;
    }

    /** Where the word stands in the text as a whole word (not part of a longer name): 1-based line and column. */
    static List<JavaCode.Spot> words(String text, String word) {
        Pattern p = Pattern.compile("(?<!\\p{javaJavaIdentifierPart})" + Pattern.quote(word) + "(?!\\p{javaJavaIdentifierPart})");
        List<JavaCode.Spot> spots = new ArrayList<>();
        List<String> lines = FileBrowserService.splitLines(text);
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = p.matcher(lines.get(i));
            while (m.find()) {
                spots.add(new JavaCode.Spot(i + 1, m.start() + 1));
            }
        }
        return spots;
    }
}
