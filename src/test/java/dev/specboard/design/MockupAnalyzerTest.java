package dev.specboard.design;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MockupAnalyzerTest {

    private static Map<String, MockupAnalysis.ColorUse> colors(MockupAnalysis a) {
        return a.colorUsage().stream().collect(Collectors.toMap(MockupAnalysis.ColorUse::value, c -> c));
    }

    @Test
    void everyColourFormBecomesHexFromStylesheetsStyleBlocksAndInlineStyles() {
        String css = """
                .a { color: #ABC; }
                .b { color: #aabbcc; }
                .c { color: #11223380; }
                .d { color: rgb(255, 0, 0); }
                .e { color: rgba(0, 0, 255, 0.5); }
                .f { color: rgb(0 128 0 / 100%); }
                .g { color: hsl(120, 100%, 25%); }
                .h { color: hsla(240deg 100% 50% / .5); }
                .i { color: RebeccaPurple; }
                .j { color: transparent; background: rgba(1, 2, 3, 0); }
                """;
        String html = """
                <style>.k { border: 1px solid hsl(0.5turn 100% 50%); }</style>
                <p style="background-color: tomato">x</p>
                <svg><rect fill="gold" /></svg>
                """;
        MockupAnalysis a = MockupAnalyzer.analyze(html, css);
        assertEquals(List.of("#0000ff80", "#008000", "#00ffff", "#11223380", "#663399", "#aabbcc", "#ff0000", "#ff6347", "#ffd700"),
                a.colorsUsed().stream().sorted().toList());
        Map<String, MockupAnalysis.ColorUse> c = colors(a);
        assertEquals(2, c.get("#aabbcc").count(), "#ABC and #aabbcc are the same colour");
        assertTrue(c.containsKey("#11223380"), "8-digit hex keeps its alpha");
        assertTrue(c.containsKey("#ff0000"));
        assertTrue(c.containsKey("#0000ff80"), "rgba with alpha 0.5");
        assertEquals(2, c.get("#008000").count(), "rgb() space syntax and hsl(120, 100%, 25%) are both #008000");
        assertTrue(c.containsKey("#0000ff80"), "hsla with alpha");
        assertTrue(c.containsKey("#663399"), "named colours, any case");
        assertTrue(c.containsKey("#00ffff"), "hsl with turns, from a <style> block");
        assertTrue(c.containsKey("#ff6347"), "inline style attribute");
        assertTrue(c.containsKey("#ffd700"), "SVG fill attribute");
        assertFalse(c.keySet().stream().anyMatch(k -> k.endsWith("00") && k.length() == 9), "fully transparent colours are no colour");
        assertTrue(c.get("#ff6347").contexts().contains("backgrounds"));
        assertTrue(c.get("#aabbcc").contexts().contains("text"));
    }

    @Test
    void customPropertiesNameTheirColoursAndVarUsesCount() {
        String css = ":root { --brand-primary: #DC2626; --alias: var(--brand-primary); } .btn { background: var(--brand-primary); color: var(--alias); }"
                + " a { color: var(--missing, #1e293b); }";
        MockupAnalysis a = MockupAnalyzer.analyze("<button class='btn'>Go</button><a href='/x'>x</a>", css);
        assertEquals("#dc2626", a.customProperties().get("brand-primary"));
        MockupAnalysis.ColorUse brand = colors(a).get("#dc2626");
        assertEquals(2, brand.count());
        assertTrue(brand.contexts().containsAll(List.of("buttons", "backgrounds", "text")), brand.contexts().toString());
        assertTrue(colors(a).get("#1e293b").contexts().contains("links"), "the var() fallback is used when the property is unknown");
    }

    @Test
    void spacingValuesFindTheirBaseUnitAndConsistency() {
        String css = ".a { margin: 8px 16px; padding: 1.5rem; gap: 2rem; } .b { padding: 8px 0; margin-top: 13px; }";
        MockupAnalysis a = MockupAnalyzer.analyze("<div class='a'></div>", css);
        MockupAnalysis.SpacingAnalysis s = a.spacingAnalysis();
        assertEquals(8, s.baseUnit());
        assertEquals(0.83, s.consistency(), 0.01, "5 of 6 values sit on the 8px scale");
        assertTrue(s.consistent());
        assertEquals(List.of(8d, 13d, 16d, 24d, 32d), s.values().stream().map(MockupAnalysis.Measure::px).toList());
        assertEquals(2, s.values().get(0).count());
    }

    @Test
    void fontFamiliesAndSizesFromFamilyFontShorthandAndSizes() {
        String css = "body { font: italic 700 16px/1.5 \"Inter\", Arial, sans-serif; } h1 { font-family: Georgia, 'Times New Roman', serif; font-size: 2rem; }"
                + " small { font-size: 12pt; } p { font-family: Inter, sans-serif; font-size: 100%; }";
        MockupAnalysis a = MockupAnalyzer.analyze("<h1>T</h1>", css);
        assertEquals("Inter", a.typography().families().get(0).name());
        assertEquals(2, a.typography().families().get(0).count());
        assertEquals("Inter, Arial, sans-serif", a.typography().families().get(0).stack());
        assertTrue(a.typography().families().stream().anyMatch(f -> f.name().equals("Georgia") && f.stack().contains("\"Times New Roman\"")));
        assertEquals(List.of(16d, 32d), a.typography().sizes().stream().map(MockupAnalysis.Measure::px).toList(), "12pt and 100% are 16px too");
        assertEquals(3, a.typography().sizes().get(0).count());
    }

    @Test
    void componentsFromStructureAndClassNamesWithVariantsAndStates() {
        String html = """
                <nav class="navbar"><ul><li><a href="/" aria-current="page">Home</a></li><li><a href="/about">About</a></li></ul></nav>
                <main>
                  <div class="card lesson-card"><div class="card-body"><h2>Lesson</h2>
                    <button class="btn btn-primary">Open</button>
                    <a class="btn btn-ghost" href="/lessons/1">Details</a>
                    <button class="btn" disabled>Later</button>
                  </div></div>
                  <form action="/search"><label>Q <input type="search" name="q"></label><textarea></textarea><input type="submit" value="Go"></form>
                  <table><tr><td>1</td></tr></table>
                  <ol><li>One</li></ol>
                  <details><summary>More</summary>Text</details>
                  <div onclick="go()">x</div>
                  <span data-action="open_modal" data-target="#m">y</span>
                </main>
                """;
        String css = ".btn:hover { color: #fff } .btn:focus-visible { outline: 2px solid #000 } input:focus { border-color: #333 }";
        MockupAnalysis a = MockupAnalyzer.analyze(html, css);
        Map<String, MockupAnalysis.ComponentUse> c = a.components().stream().collect(Collectors.toMap(MockupAnalysis.ComponentUse::type, x -> x));
        assertTrue(a.componentsDetected().containsAll(List.of("nav", "card", "button", "form", "input", "table", "list")), a.componentsDetected().toString());
        assertEquals(4, c.get("button").count(), "three .btn and one submit input");
        assertTrue(c.get("button").variants().containsAll(List.of("primary", "ghost")), c.get("button").variants().toString());
        assertTrue(c.get("button").states().containsAll(List.of("hover", "focus-visible", "disabled")), c.get("button").states().toString());
        assertEquals(1, c.get("card").count(), "card-body is part of the card, not another one");
        assertTrue(c.get("input").variants().containsAll(List.of("search", "textarea")));
        assertTrue(c.get("input").states().contains("focus"));
        assertEquals(1, c.get("list").count(), "the nav's list belongs to the nav");
        assertTrue(c.get("link").states().contains("current"), "aria-current on a menu link");
        List<String> actions = a.interactions().stream().map(i -> i.trigger() + ":" + i.action()).toList();
        assertTrue(actions.containsAll(List.of("click:navigate", "submit:submit_form", "click:toggle", "click:script", "click:open_modal")), actions.toString());
        assertTrue(a.interactions().stream().anyMatch(i -> "/lessons/1".equals(i.target())));
    }

    @Test
    void scriptsBindingListenersBecomeInteractionsWithWhatTheirHandlersDo() {
        String html = """
                <button class="submit-btn">Save</button><button id="menu">Menu</button><a class="tab">A</a><dialog id="d"></dialog>
                <button onclick="document.getElementById('nav').classList.toggle('open')">Nav</button>
                <script>
                  document.querySelector('.submit-btn').addEventListener('click', (e) => {
                    e.target.classList.add('loading_state');
                  });
                </script>
                <script src="/ignored.js"></script>
                """;
        String js = """
                const menu = document.getElementById("menu");
                menu.onclick = function () { document.body.classList.toggle('menu-open'); };
                document.querySelectorAll('.tab').forEach(function (tab) {
                  tab.addEventListener('keydown', () => { location.href = '/lessons'; });
                });
                window.addEventListener('DOMContentLoaded', () => { document.querySelector('#d').showModal(); });
                document.getElementById('d').addEventListener('close', () => fetch('/api/seen'));
                unknown.thing.addEventListener('click', () => {});
                const label = 'a (paren';
                """;
        MockupAnalysis a = MockupAnalyzer.analyze(html, "", js);
        List<String> found = a.interactions().stream()
                .map(i -> i.trigger() + " " + i.selector() + " " + i.action() + (i.target() == null ? "" : " " + i.target())).toList();
        assertTrue(found.containsAll(List.of(
                "click button toggle open",
                "click .submit-btn change_state loading_state",
                "click #menu toggle menu-open",
                "keydown .tab navigate /lessons",
                "close #d request")), found.toString());
        assertFalse(found.stream().anyMatch(f -> f.startsWith("DOMContentLoaded")), "page set-up is no interaction: " + found);
        assertFalse(found.stream().anyMatch(f -> f.contains("unknown") || f.contains("thing")), "an untraced receiver is left out: " + found);
    }

    @Test
    void malformedScriptsGiveWhatTheyCanAndNeverFail() {
        for (String js : List.of("(", ")", "x.addEventListener('click'", "const a = document.querySelector(", "'unterminated",
                "a.onclick = ", ").addEventListener('click', f)", "document.querySelector('.a'.addEventListener('click', f)")) {
            MockupAnalysis a = MockupAnalyzer.analyze("<p>x</p>", "", js);
            assertTrue(a.interactions().isEmpty(), js + " → " + a.interactions());
        }
    }

    @Test
    void mediaQueriesBecomeBreakpointsWithTheDevicesTheyCover() {
        String css = "@media (max-width: 640px) { .a { padding: 4px } .b { margin: 0 } } @media screen and (min-width: 641px) and (max-width: 1024px) { .c { gap: 8px } }";
        MockupAnalysis a = MockupAnalyzer.analyze("<div></div>", css);
        List<MockupAnalysis.Breakpoint> b = a.responsiveRules().breakpoints();
        assertEquals(2, b.size());
        assertEquals(640, b.get(0).max());
        assertEquals(List.of("mobile"), b.get(0).devices());
        assertEquals(2, b.get(0).rules());
        assertEquals(641, b.get(1).min());
        assertEquals(List.of("tablet"), b.get(1).devices());
    }

    @Test
    void brokenCssIsCountedNotFatal() {
        MockupAnalysis a = MockupAnalyzer.analyze("<p style='color: ;'>x</p>", ".a { color: ; } .b { color: #fff; } }}}");
        assertTrue(a.parseErrors() > 0);
        assertTrue(a.colorsUsed().contains("#ffffff"));
    }

    @Test
    void nearColoursAreCloseInLab() {
        assertTrue(CssColors.distance("#dc2626", "#dc2727") < 1);
        assertTrue(CssColors.distance("#dc2626", "#1e293b") > 40);
    }
}
