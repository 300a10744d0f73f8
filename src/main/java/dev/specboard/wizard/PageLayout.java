package dev.specboard.wizard;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The built-in layouts of the page creator: small, static HTML and CSS mockups (no script, no outside resource)
 * with the page's name filled in, escaped, as the first mockup of a new page.
 */
public enum PageLayout {
    LIST("list", "List", "A heading, a search field and a table of records with an action per row.", "header, search, table", """
            <header class="bar"><h1>{name}</h1><a class="btn" href="#new">New</a></header>
            <main>
              <form class="search" role="search"><label for="q">Search</label> <input id="q" name="q" type="search"></form>
              <table class="records">
                <thead><tr><th>Name</th><th>Status</th><th>Updated</th><th>Actions</th></tr></thead>
                <tbody>
                  <tr><td>First record</td><td>Active</td><td>2026-01-01</td><td><a href="#edit">Edit</a></td></tr>
                  <tr><td>Second record</td><td>Draft</td><td>2026-01-02</td><td><a href="#edit">Edit</a></td></tr>
                </tbody>
              </table>
            </main>"""),
    FORM("form", "Form", "A heading and a form with labelled fields and a save button.", "header, form", """
            <header class="bar"><h1>{name}</h1></header>
            <main>
              <form class="panel" action="#save" method="post">
                <label for="f-name">Name</label> <input id="f-name" name="name" required>
                <label for="f-email">Email</label> <input id="f-email" name="email" type="email">
                <label for="f-notes">Notes</label> <textarea id="f-notes" name="notes"></textarea>
                <button class="btn" type="submit">Save</button>
              </form>
            </main>"""),
    DETAIL("detail", "Detail", "One record: its facts as a list of terms, and edit and delete actions.", "header, facts, actions", """
            <header class="bar"><h1>{name}</h1><a class="btn" href="#edit">Edit</a></header>
            <main>
              <section class="panel">
                <dl class="facts"><dt>Name</dt><dd>First record</dd><dt>Status</dt><dd>Active</dd><dt>Updated</dt><dd>2026-01-01</dd></dl>
              </section>
              <p><button class="btn danger" type="button">Delete</button></p>
            </main>"""),
    DASHBOARD("dashboard", "Dashboard", "A heading, three figure cards and a list of recent activity.", "header, cards, activity", """
            <header class="bar"><h1>{name}</h1></header>
            <main>
              <div class="cards">
                <article class="card"><h2>Open</h2><p class="figure">12</p></article>
                <article class="card"><h2>Done this week</h2><p class="figure">34</p></article>
                <article class="card"><h2>Waiting</h2><p class="figure">5</p></article>
              </div>
              <section class="panel"><h2>Recent activity</h2><ul><li>A record was added</li><li>A record was changed</li></ul></section>
            </main>""");

    /** One stylesheet for every layout, on an 8 px spacing scale. */
    static final String CSS = """
            :root { --primary: #2563eb; --ink: #1f2937; --line: #d1d5db; }
            body { font-family: system-ui, sans-serif; color: var(--ink); margin: 0; }
            .bar { display: flex; justify-content: space-between; align-items: center; padding: 16px 24px; border-bottom: 1px solid var(--line); }
            main { padding: 24px; }
            .btn { background: var(--primary); color: #ffffff; padding: 8px 16px; border-radius: 4px; border: 0; text-decoration: none; }
            .btn.danger { background: #b91c1c; }
            .panel, .card { border: 1px solid var(--line); border-radius: 8px; padding: 16px; margin-bottom: 16px; }
            .cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(160px, 1fr)); gap: 16px; }
            .figure { font-size: 32px; margin: 0; }
            table { border-collapse: collapse; width: 100%; }
            th, td { text-align: left; padding: 8px; border-bottom: 1px solid var(--line); }
            label, input, textarea { display: block; margin-bottom: 8px; }
            @media (max-width: 640px) { .bar { padding: 8px; } main { padding: 16px; } }""";

    private final String key;
    private final String label;
    private final String description;
    private final String keyElements;
    private final String html;

    PageLayout(String key, String label, String description, String keyElements, String html) {
        this.key = key;
        this.label = label;
        this.description = description;
        this.keyElements = keyElements;
        this.html = html;
    }

    public String key() {
        return key;
    }

    public String label() {
        return label;
    }

    public String description() {
        return description;
    }

    public String keyElements() {
        return keyElements;
    }

    /** The layout's HTML with the page's name as its heading (escaped). */
    public String html(String pageName) {
        return html.replace("{name}", escape(pageName));
    }

    public String css() {
        return CSS;
    }

    public static Optional<PageLayout> of(String key) {
        return Arrays.stream(values()).filter(l -> l.key.equals(key)).findFirst();
    }

    public static List<PageLayout> all() {
        return List.of(values());
    }

    static String escape(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#39;");
    }
}
