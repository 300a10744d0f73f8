package dev.specboard.web;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;

import java.lang.reflect.Field;
import java.lang.reflect.RecordComponent;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Bean Validation's violations in the order of the input they are about: Bean Validation hands them over in a hash set
 * whose order changes from run to run, so a form's summary and the API's {@code details} listed them shuffled
 * ({@code phases[34]}, {@code phases[4]}, {@code phases[30]}...).
 */
public final class ViolationOrder {

    private ViolationOrder() {
    }

    /** One step of a violation's path: its list index (if any), where its field is declared, its name. */
    private record Step(Integer index, int declared, String name) {
    }

    private static final Comparator<Step> STEP = Comparator.comparing(Step::index, Comparator.nullsFirst(Comparator.<Integer>naturalOrder()))
            .thenComparingInt(Step::declared)
            .thenComparing(Step::name, Comparator.nullsFirst(ViolationOrder::naturally));

    /** Violations whose steps compare equal: by their whole path, then by message. */
    private static final Comparator<ConstraintViolation<?>> TIES = Comparator.<ConstraintViolation<?>, String>comparing(
                    v -> v.getPropertyPath().toString(), ViolationOrder::naturally)
            .thenComparing(v -> String.valueOf(v.getMessage()));

    /**
     * Sorted path step by path step: list elements by index as numbers ({@code phases[2]} before {@code phases[10]}), the
     * fields of the validated class and of the object a violation is on in their declaration order, anything else by name
     * with numbers as numbers; so the same violations come out in the same order every time.
     */
    public static List<ConstraintViolation<?>> of(Collection<? extends ConstraintViolation<?>> violations) {
        // Each violation's steps are read once, not at every comparison: reading them looks up declared fields.
        Map<ConstraintViolation<?>, List<Step>> steps = new IdentityHashMap<>();
        violations.forEach(v -> steps.put(v, steps(v)));
        List<ConstraintViolation<?>> ordered = new ArrayList<>(violations);
        ordered.sort(Comparator.<ConstraintViolation<?>, List<Step>>comparing(steps::get, ViolationOrder::compareSteps).thenComparing(TIES));
        return ordered;
    }

    private static List<Step> steps(ConstraintViolation<?> v) {
        List<Path.Node> nodes = new ArrayList<>();
        v.getPropertyPath().forEach(nodes::add);
        List<Step> steps = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            Path.Node n = nodes.get(i);
            // The first field is the validated class's own; the last one that of the object the violation is on.
            Class<?> owner = i == 0 ? v.getRootBeanClass()
                    : i == nodes.size() - 1 && n.getKind() == ElementKind.PROPERTY && v.getLeafBean() != null ? v.getLeafBean().getClass() : null;
            steps.add(new Step(n.getIndex(), declaredAt(owner, n.getName()), n.getName()));
        }
        return steps;
    }

    private static int compareSteps(List<Step> a, List<Step> b) {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int c = STEP.compare(a.get(i), b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    }

    /** Where a field is declared in its class (a record's components in their order); unknown ones after all others. */
    private static int declaredAt(Class<?> owner, String name) {
        if (owner == null || name == null) {
            return Integer.MAX_VALUE;
        }
        try {
            List<String> names = owner.isRecord() ? Arrays.stream(owner.getRecordComponents()).map(RecordComponent::getName).toList()
                    : Arrays.stream(owner.getDeclaredFields()).map(Field::getName).toList();
            int at = names.indexOf(name);
            return at < 0 ? Integer.MAX_VALUE : at;
        } catch (RuntimeException | LinkageError unreadable) {
            // A class whose members cannot be read (a native image without its reflection data): ordered by name instead,
            // since an ordering must never turn a refusal of bad input into an error of ours.
            return Integer.MAX_VALUE;
        }
    }

    /** Compares two names as text, except that runs of digits compare as numbers. */
    static int naturally(String a, String b) {
        Matcher x = DIGITS_OR_NOT.matcher(a);
        Matcher y = DIGITS_OR_NOT.matcher(b);
        while (x.find() && y.find()) {
            String p = x.group();
            String q = y.group();
            int c = Character.isDigit(p.charAt(0)) && Character.isDigit(q.charAt(0)) ? new BigInteger(p).compareTo(new BigInteger(q)) : p.compareTo(q);
            if (c != 0) {
                return c;
            }
        }
        return a.compareTo(b);
    }

    private static final Pattern DIGITS_OR_NOT = Pattern.compile("\\d+|\\D+");
}
