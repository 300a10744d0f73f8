package dev.specboard.web;

import jakarta.validation.Valid;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Bean Validation hands its violations over in a hash set, so a form's summary and the API's {@code details} listed many
 * of them shuffled ({@code rows[10]}, {@code rows[2]}...): they now come in the order of the input, element by element
 * (indexes as numbers) and each element's fields as its class declares them.
 */
class ViolationOrderTest {

    record Row(@NotBlank String name, @Min(0) Integer hours) {
    }

    record Form(@NotBlank String title, List<@Valid Row> rows, @NotBlank String footer) {
    }

    @Test
    void manyIndexedViolationsComeInTheOrderOfTheInput() {
        try (ValidatorFactory factory = Validation.byDefaultProvider().configure()
                .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory()) {
            Validator validator = factory.getValidator();
            Form form = new Form("", IntStream.range(0, 62).mapToObj(i -> new Row("", -1)).toList(), " ");
            List<String> expected = new ArrayList<>();
            expected.add("title");
            IntStream.range(0, 62).forEach(i -> {
                expected.add("rows[" + i + "].name");
                expected.add("rows[" + i + "].hours");
            });
            expected.add("footer");
            List<String> listed = FormErrors.of(validator.validate(form)).list().stream().map(FormErrors.FieldError::field).toList();
            assertEquals(expected, listed);
            assertEquals(expected, ViolationOrder.of(validator.validate(form)).stream().map(v -> v.getPropertyPath().toString()).toList());
            assertEquals(expected, List.copyOf(FormErrors.of(validator.validate(form)).asMap().keySet()), "the map keeps the order");
        }
    }

    @Test
    void numbersInNamesCompareAsNumbers() {
        assertTrue(ViolationOrder.naturally("phases[2].name", "phases[10].name") < 0);
        assertTrue(ViolationOrder.naturally("page10", "page9") > 0);
        assertTrue(ViolationOrder.naturally("a", "b") < 0);
        assertEquals(0, ViolationOrder.naturally("x1", "x1"));
    }
}
