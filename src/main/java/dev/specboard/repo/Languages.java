package dev.specboard.repo;

import java.util.Locale;
import java.util.Map;

/** A file's language by its name, as highlight.js names languages. */
final class Languages {

    private static final Map<String, String> BY_EXTENSION = Map.ofEntries(
            Map.entry("java", "java"), Map.entry("kt", "kotlin"), Map.entry("kts", "kotlin"), Map.entry("scala", "scala"),
            Map.entry("groovy", "groovy"), Map.entry("js", "javascript"), Map.entry("mjs", "javascript"),
            Map.entry("cjs", "javascript"), Map.entry("jsx", "javascript"), Map.entry("ts", "typescript"),
            Map.entry("tsx", "typescript"), Map.entry("py", "python"), Map.entry("rb", "ruby"), Map.entry("go", "go"),
            Map.entry("rs", "rust"), Map.entry("c", "c"), Map.entry("h", "c"), Map.entry("cc", "cpp"), Map.entry("cpp", "cpp"),
            Map.entry("hpp", "cpp"), Map.entry("cs", "csharp"), Map.entry("swift", "swift"), Map.entry("php", "php"),
            Map.entry("ex", "elixir"), Map.entry("exs", "elixir"), Map.entry("erl", "erlang"), Map.entry("hs", "haskell"),
            Map.entry("sql", "sql"), Map.entry("sh", "bash"), Map.entry("bash", "bash"), Map.entry("zsh", "bash"),
            Map.entry("html", "xml"), Map.entry("htm", "xml"), Map.entry("xml", "xml"), Map.entry("svg", "xml"),
            Map.entry("css", "css"), Map.entry("scss", "scss"), Map.entry("less", "less"), Map.entry("json", "json"),
            Map.entry("yml", "yaml"), Map.entry("yaml", "yaml"), Map.entry("toml", "ini"), Map.entry("ini", "ini"),
            Map.entry("properties", "properties"), Map.entry("md", "markdown"), Map.entry("markdown", "markdown"),
            Map.entry("dart", "dart"), Map.entry("lua", "lua"), Map.entry("pl", "perl"), Map.entry("r", "r"),
            Map.entry("gradle", "groovy"), Map.entry("txt", "plaintext"));

    private Languages() {
    }

    static String of(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.equals("dockerfile") || lower.startsWith("dockerfile.")) {
            return "dockerfile";
        }
        if (lower.equals("makefile")) {
            return "makefile";
        }
        int dot = lower.lastIndexOf('.');
        if (dot < 0 || dot == lower.length() - 1) {
            return null;
        }
        return BY_EXTENSION.get(lower.substring(dot + 1));
    }
}
