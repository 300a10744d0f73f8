package dev.specboard.design;

/** Three mockups with real CSS, shared by the design tests. */
public final class DesignFixtures {

    private DesignFixtures() {
    }

    public static final String HOME_HTML = """
            <header class="navbar"><nav><a href="/">Home</a> <a href="/lessons">Lessons</a></nav></header>
            <main><h1>Welcome back</h1><p>Your lessons this week.</p>
              <button class="btn btn-primary">Start a lesson</button></main>""";
    public static final String HOME_CSS = """
            :root { --primary: #DC2626; --ink: #1e293b; }
            body { font-family: "Inter", system-ui, sans-serif; font-size: 16px; color: var(--ink); margin: 0; }
            .navbar { background: #ffffff; padding: 16px 24px; border-bottom: 1px solid #e2e8f0; }
            .btn { background: var(--primary); color: #fff; padding: 8px 16px; border-radius: 4px; }
            .btn:hover { background: #b91c1c; }
            h1 { font-size: 32px; margin-bottom: 24px; }
            @media (max-width: 640px) { .navbar { padding: 8px; } }""";
    public static final String LESSONS_HTML = """
            <main><h1>Lessons</h1>
              <div class="card lesson-card"><h2>Fractions</h2><a class="btn btn-ghost" href="/lessons/1">Open</a></div>
              <div class="card lesson-card"><h2>Decimals</h2><a class="btn btn-ghost" href="/lessons/2">Open</a></div>
              <p class="note">Updated daily</p></main>""";
    public static final String LESSONS_CSS = """
            body { font-family: Inter, sans-serif; color: #1E293B; }
            .card { padding: 16px; border: 1px solid rgb(226, 232, 240); border-radius: 8px; margin-bottom: 16px; }
            .btn { background: rgb(220, 38, 38); color: white; padding: 8px 16px; }
            .note { margin: 13px; color: #dc2727; }""";
    public static final String SETTINGS_HTML = """
            <main><h1>Settings</h1><form action="/settings">
              <label>Name <input name="name" class="input"></label>
              <label>Email <input type="email" name="email" class="input"></label>
              <button class="btn" type="submit">Save</button> <button class="btn" disabled>Delete</button></form></main>""";
    public static final String SETTINGS_CSS = """
            body { font-family: 'Inter'; font-size: 1rem; color: rgb(30 41 59); }
            form { display: grid; gap: 24px; }
            .input { padding: 8px; border: 1px solid hsl(214, 32%, 91%); }
            .input:focus { outline: 2px solid #dc2626; }
            .btn { background: #dc2626; color: #ffffff; padding: 8px 16px; }""";
}
