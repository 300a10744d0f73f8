package dev.specboard.design;

import dev.specboard.web.ApiException;
import dev.specboard.web.ValidationException;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/** The names members give colour tokens, for {@link DesignSystemService}: checked, kept free of clashes, and stored in the decisions, the tokens and the token thoughts. */
final class ColorNames {

    private static final Pattern NAME = Pattern.compile("^[a-z][a-z0-9-]{0,39}$");

    private ColorNames() {
    }

    /** A token name as stored (trimmed, lower case), or 422 at the name. */
    static String tokenName(String name) {
        String n = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
        if (!NAME.matcher(n).matches()) {
            throw ValidationException.of("name", "A token name starts with a letter and has at most 40 lowercase letters, digits and hyphens, like primary or surface-2");
        }
        return n;
    }

    /** The name the last recompute stored for the colour (none when it is no token). */
    static String tokenName(DesignSystem ds, String hex) {
        DesignTokens.Tokens t = DesignJson.read(ds.tokens, DesignTokens.Tokens.class, DesignTokens.Tokens.none());
        return t.colors().entrySet().stream().filter(e -> e.getValue().value().equals(hex)).map(Map.Entry::getKey).findFirst().orElse(null);
    }

    /**
     * {@code was}, the name the member saw (none: no check), answers 409 with both names when someone renamed the colour
     * meanwhile, so neither name is lost.
     */
    static void requireUnchanged(DesignSystemService.Decisions d, String hex, String n, String was) {
        DesignTokens.ColorConfirmation old = d.colors().get(hex);
        String current = old != null && old.name() != null ? old.name() : tokenName(d.ds(), hex);
        if (was != null && current != null && !was.strip().equals(current)) {
            String by = old == null || old.by() == null ? "someone else" : old.by();
            throw ApiException.conflict(hex + " was renamed " + current + " by " + by + " while you named it " + n + " (you saw " + was.strip()
                    + "). Nothing is lost: your name stays in the field; save it again to replace " + current + ".", Map.<String, Object>of("current", current, "yours", n));
        }
    }

    /**
     * A name another colour keeps is 422 at the name; the colours named in the same save give up theirs, so two colours
     * can swap names in one save (one at a time, each name still belonged to the other colour).
     */
    static void requireFree(DesignSystemService.Decisions d, Map<String, String> names) {
        Map<String, String> holders = new HashMap<>();
        d.colors().forEach((hex, c) -> {
            if (!names.containsKey(hex) && c.name() != null) {
                holders.put(c.name(), hex);
            }
        });
        names.forEach((hex, n) -> {
            String other = holders.putIfAbsent(n, hex);
            if (other != null && !other.equals(hex)) {
                throw ValidationException.of("name", "The name " + n + " already belongs to " + other + ": choose another name");
            }
        });
    }

    /**
     * Stores the names given {@code by} a member (keeping each colour's confirmation), in the stored tokens at once and in the
     * colours' token thoughts; the caller holds the locks that writing token thoughts takes.
     */
    static void applyNames(UUID projectId, DesignSystemService.Decisions d, Map<String, String> names, String by) {
        String at = Instant.now().toString();
        names.forEach((hex, n) -> {
            DesignTokens.ColorConfirmation old = d.colors().get(hex);
            d.colors().put(hex, new DesignTokens.ColorConfirmation(n, old != null && old.confirmed(), by, at));
        });
        d.ds().tokens = renamed(d.ds().tokens, names);
        names.forEach((hex, n) -> ThoughtService.tokenRenamed(projectId, hex, n));
    }

    /**
     * The stored tokens with the colours under their new names at once, as the recompute will store them: the answer to the
     * naming showed the names as they were until then. Left for the recompute when another colour keeps one of the names.
     */
    private static String renamed(String tokens, Map<String, String> names) {
        DesignTokens.Tokens t = DesignJson.read(tokens, DesignTokens.Tokens.class, null);
        if (t == null || t.colors() == null || t.colors().values().stream().noneMatch(v -> names.containsKey(v.value()))) {
            return tokens;
        }
        Map<String, DesignTokens.ColorToken> colors = new LinkedHashMap<>();
        for (Map.Entry<String, DesignTokens.ColorToken> e : t.colors().entrySet()) {
            if (colors.putIfAbsent(names.getOrDefault(e.getValue().value(), e.getKey()), e.getValue()) != null) {
                return tokens;
            }
        }
        return DesignJson.write(new DesignTokens.Tokens(colors, t.spacing(), t.typography(), t.flags()));
    }
}
