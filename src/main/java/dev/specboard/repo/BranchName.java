package dev.specboard.repo;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import org.eclipse.jgit.lib.Repository;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A branch name git takes ({@code main}, {@code release/2.0}), in letters, digits, {@code .}, {@code _}, {@code /} and
 * {@code -}: git's own rules (JGit's) refuse {@code ..}, {@code -main}, {@code main.lock}, {@code a//b} and {@code main/},
 * which the characters alone let through and no push or checkout would take. Surrounding space is not judged here.
 */
@Documented
@Constraint(validatedBy = BranchName.Check.class)
@Target({ElementType.METHOD, ElementType.FIELD, ElementType.ANNOTATION_TYPE, ElementType.CONSTRUCTOR, ElementType.PARAMETER, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface BranchName {

    String message() default "A branch name git takes, like main or release/2.0: letters, digits, '.', '_', '/' or '-', "
            + "not starting with '-', without '..' or '//', not ending in '/', '.' or '.lock'";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Whether git takes the name; an absent or blank one is another rule's to refuse. */
    class Check implements ConstraintValidator<BranchName, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || value.isBlank() || valid(value.strip());
        }

        /** Whether git takes the branch name, in the characters Specboard allows in one. */
        static boolean valid(String branch) {
            return branch.matches("[A-Za-z0-9._/-]+") && !branch.startsWith("-") && Repository.isValidRefName("refs/heads/" + branch);
        }
    }
}
