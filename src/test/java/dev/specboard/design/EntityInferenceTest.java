package dev.specboard.design;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EntityInferenceTest {

    static final List<EntityInference.PageInput> PAGES = List.of(
            new EntityInference.PageInput("/contacts/new", "New contact", EntityFixtures.NEW_CONTACT),
            new EntityInference.PageInput("/contacts", "Contacts", EntityFixtures.CONTACTS),
            new EntityInference.PageInput("/contacts/edit", "Edit contact", EntityFixtures.EDIT_CONTACT),
            new EntityInference.PageInput("/companies", "Companies", EntityFixtures.COMPANIES));

    private static EntityInference.Result entity(EntityInference.Model m, String name) {
        return m.entities().stream().filter(e -> e.name().equals(name)).findFirst().orElseThrow(() -> new AssertionError(name + " in " + m.entities()));
    }

    @Test
    void formsTablesAndCardsGiveEntitiesWithTypedFields() {
        EntityInference.Model m = EntityInference.infer(PAGES);
        assertEquals(List.of("Contact", "Company"), m.entities().stream().map(EntityInference.Result::name).toList());
        EntityInference.Result contact = entity(m, "Contact");
        Map<String, EntityInference.FieldResult> f = contact.fields();
        assertEquals("string", f.get("name").field().type());
        assertTrue(f.get("name").field().mandatory());
        assertEquals(100, f.get("name").field().maxLength());
        assertEquals("Full name", f.get("name").field().label(), "the label for the input names it");
        assertEquals("email", f.get("email").field().type());
        assertEquals("tel", f.get("phone").field().type());
        assertEquals("[0-9 +]+", f.get("phone").field().validation().get("pattern"));
        assertEquals("enum", f.get("stage").field().type());
        assertEquals(List.of("lead", "customer"), f.get("stage").field().options());
        assertEquals("date", f.get("birthday").field().type());
        assertEquals("integer", f.get("age").field().type());
        assertEquals(18L, f.get("age").field().validation().get("min"));
        assertEquals("boolean", f.get("newsletter").field().type());
        assertEquals("text", f.get("notes").field().type());
        assertEquals("reference", f.get("company").field().type(), "a select named after another entity points at it");
        assertEquals("belongs_to", contact.relationships().get(0).type());
        assertEquals("Company", contact.relationships().get(0).targetEntity());
        assertEquals("company_id", contact.relationships().get(0).foreignKey());

        assertEquals(List.of("/contacts/new", "/contacts", "/contacts/edit"), f.get("email").field().inferredFrom());
        assertEquals(List.of("/contacts/new"), f.get("notes").field().inferredFrom());
        assertTrue(f.get("email").field().confidenceOr0() > f.get("notes").field().confidenceOr0(), "three pages agreeing make a field surer");
        assertTrue(contact.confidence() > entity(m, "Company").confidence(), "an entity seen on three pages is surer than one seen on one");

        assertEquals(List.of("/contacts/new"), contact.crud().create());
        assertEquals(List.of("/contacts"), contact.crud().read());
        assertEquals(List.of("/contacts/edit"), contact.crud().update());
        assertEquals(List.of("/contacts", "/contacts/edit"), contact.crud().delete());

        EntityInference.Result company = entity(m, "Company");
        assertEquals(List.of("title", "city"), List.copyOf(company.fields().keySet()));
        assertEquals(List.of("/companies"), company.crud().read());
        assertEquals(4, m.observations().size(), "two forms, a table and a card grid");
    }

    @Test
    void namesComeFromDataEntityIdActionOrHeadingAndSignUpMeansUser() {
        assertEquals("Invoice", EntityInference.infer(List.of(new EntityInference.PageInput("/x", "X",
                "<form data-entity=\"invoices\"><input name=\"total\"></form>"))).entities().get(0).name());
        assertEquals("LessonPlan", EntityInference.infer(List.of(new EntityInference.PageInput("/x", "X",
                "<form action=\"/lesson-plans/7\"><input name=\"title\"></form>"))).entities().get(0).name());
        assertEquals("User", EntityInference.infer(List.of(new EntityInference.PageInput("/signup", "Sign up",
                "<form id=\"signup-form\"><input type=\"email\" name=\"email\"><input type=\"password\" name=\"password\"></form>"))).entities().get(0).name());
        assertEquals("Category", EntityInference.infer(List.of(new EntityInference.PageInput("/x", "X",
                "<h2>New category</h2><form><input name=\"name\"></form>"))).entities().get(0).name());
        assertEquals("Lesson", EntityInference.infer(List.of(new EntityInference.PageInput("/x", "X",
                "<h2>Lesson title</h2><form><input name=\"title\"></form>"))).entities().get(0).name(),
                "a heading naming one of the thing's fields names the thing");
        assertEquals("Course", EntityNames.nameFromWords("Course overview"));
        assertEquals("Title", EntityNames.nameFromWords("Titles"), "a field word alone still names something");
        assertTrue(EntityInference.infer(List.of(new EntityInference.PageInput("/x", "X",
                "<form><input type=\"search\" name=\"q\"><button>Go</button></form>"))).entities().isEmpty(), "a search box is no entity");
    }

    @Test
    void ddlIsWhatADeveloperStartsFrom() {
        EntityInference.Model m = EntityInference.infer(PAGES);
        List<InferredEntity> entities = m.entities().stream().map(r -> {
            InferredEntity e = new InferredEntity();
            e.id = java.util.UUID.randomUUID();
            e.entityName = r.name();
            e.inferredName = r.name();
            e.confidenceScore = r.confidence();
            Map<String, EntityModel.Field> fields = new java.util.LinkedHashMap<>();
            r.fields().forEach((k, v) -> fields.put(k, v.field()));
            e.fields = DesignJson.write(fields);
            e.relationships = DesignJson.write(r.relationships());
            return e;
        }).toList();
        String ddl = EntityDdl.ddl(entities);
        assertTrue(ddl.contains("CREATE TABLE contacts ("), ddl);
        assertTrue(ddl.contains("name varchar(100) NOT NULL"), ddl);
        assertTrue(ddl.contains("email varchar(320) NOT NULL UNIQUE"), ddl);
        assertTrue(ddl.contains("company_id uuid REFERENCES companies (id)"), ddl);
        assertTrue(ddl.contains("stage varchar(20) CHECK (stage IN ('lead', 'customer'))"), ddl);
        assertTrue(ddl.contains("age integer CHECK (age >= 18 AND age <= 120)"), ddl);
        assertTrue(ddl.contains("newsletter boolean NOT NULL DEFAULT false"), ddl);
        assertTrue(ddl.contains("CREATE TABLE companies ("), ddl);
        String picture = EntityPicture.svg(entities, "p");
        assertNotNull(org.jsoup.Jsoup.parse(picture).selectFirst("svg a[href=#entity-" + entities.get(0).id + "]"));
        assertFalse(picture.contains("<script"));
    }

    @Test
    void anEntityNameFromALongDataEntityFitsItsColumn() {
        String html = "<main><form data-entity=\"" + "very-long-entity-".repeat(12) + "\"><input name=\"title\"><button>Save</button></form></main>";
        EntityInference.Model m = EntityInference.infer(List.of(new EntityInference.PageInput("/long", "Long", html)));
        EntityInference.Result r = m.entities().get(0);
        assertEquals(EntityInference.MAX_NAME, r.name().length(), r.name());
        assertTrue(r.name().startsWith("VeryLongEntity"));
        assertTrue(r.plural().length() <= EntityInference.MAX_NAME, r.plural());
    }

    @Test
    void aFieldNameFromALongInputNameIsCutToTheLengthARenameAllows() {
        String html = "<main><form data-entity=\"guest\"><input name=\"" + "long-field-".repeat(40) + "\"><button>Save</button></form>"
                + "<table><thead><tr><th>" + "Very long heading ".repeat(20) + "</th></tr></thead><tbody><tr><td>x</td></tr></tbody></table></main>";
        EntityInference.Model m = EntityInference.infer(List.of(new EntityInference.PageInput("/guests", "Guests", html)));
        for (EntityInference.Result r : m.entities()) {
            for (String field : r.fields().keySet()) {
                assertTrue(field.length() <= EntityInference.MAX_FIELD, field);
                assertFalse(field.endsWith("_"), field);
            }
        }
        assertTrue(entity(m, "Guest").fields().containsKey("long_field_".repeat(6).substring(0, EntityInference.MAX_FIELD)), entity(m, "Guest").fields().keySet().toString());
    }

    /** Two forms named in Russian became one entity named "" with the plural "s". */
    @Test
    void nonLatinNamesAreTransliteratedAndNeverEmptyNorMerged() {
        String html = "<main><form data-entity=\"Контакт\"><input name=\"имя\"><button>Save</button></form>"
                + "<form data-entity=\"Событие\"><input name=\"дата\" type=\"date\"><button>Save</button></form>"
                + "<form data-entity=\"联系人\"><input name=\"a\"><button>Save</button></form>"
                + "<form data-entity=\"事件\"><input name=\"b\"><button>Save</button></form>"
                + "<form data-entity=\"!!!\" id=\"invoice-form\"><input name=\"total\"><button>Save</button></form></main>";
        EntityInference.Model m = EntityInference.infer(List.of(new EntityInference.PageInput("/x", "X", html)));
        List<String> names = m.entities().stream().map(EntityInference.Result::name).toList();
        assertEquals(5, names.size(), names.toString());
        assertEquals("Kontakt", names.get(0));
        assertEquals("Sobytie", names.get(1));
        assertEquals("Invoice", names.get(4), "a data-entity naming nothing leaves the form's other names");
        assertTrue(entity(m, "Kontakt").fields().containsKey("imia"), entity(m, "Kontakt").fields().keySet().toString());
        assertEquals("kontakts", entity(m, "Kontakt").plural());
        for (EntityInference.Result r : m.entities()) {
            assertFalse(r.name().isEmpty() || r.plural().equals("s"), r.name() + " / " + r.plural());
            assertTrue(r.name().matches("[A-Za-z][A-Za-z0-9_]*"), r.name());
        }
    }

    @Test
    void aFormsHeadingIsLookedForOnlyNearIt() {
        String near = "<h2>New invoice</h2>" + "<p>x</p>".repeat(30) + "<form><input name=\"total\"></form>";
        assertEquals("Invoice", EntityInference.infer(List.of(new EntityInference.PageInput("/x", "Orders", near))).entities().get(0).name());
        // Looking back without a bound made each of thousands of sibling forms search all the ones before it.
        String far = "<h2>New invoice</h2>" + "<p>x</p>".repeat(40) + "<form><input name=\"total\"></form>";
        assertEquals("Order", EntityInference.infer(List.of(new EntityInference.PageInput("/x", "Orders", far))).entities().get(0).name(),
                "a heading 40 elements back is not the form's: the page names it");
    }

    @Test
    void labelsAndRadioOptionsOfManyInputsAreEachTheirOwn() {
        StringBuilder html = new StringBuilder("<form data-entity=\"survey\">");
        for (int i = 0; i < 150; i++) {
            html.append("<label for=\"q").append(i).append("\">Question ").append(i).append("</label><input id=\"q").append(i)
                    .append("\" name=\"q").append(i).append("\" type=\"radio\" value=\"yes\"><input name=\"q").append(i)
                    .append("\" type=\"radio\" value=\"no\">");
        }
        Map<String, EntityInference.FieldResult> f = EntityInference.infer(List.of(new EntityInference.PageInput("/s", "S", html.append("</form>")
                .toString()))).entities().get(0).fields();
        assertEquals("Question 149", f.get("q149").field().label());
        assertEquals(List.of("yes", "no"), f.get("q7").field().options());
        assertEquals("enum", f.get("q100").field().type());
    }
}
