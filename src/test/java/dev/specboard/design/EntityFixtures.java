package dev.specboard.design;

/** Mockups with forms, a table and a card grid from which entities are inferred. */
public final class EntityFixtures {

    private EntityFixtures() {
    }

    public static final String NEW_CONTACT = """
            <main><h1>New contact</h1>
            <form id="new-contact" action="/contacts" method="post">
              <label for="c-name">Full name</label><input id="c-name" name="contact[name]" required maxlength="100">
              <label>Email <input type="email" name="email" required></label>
              <label>Phone <input type="tel" name="phone" pattern="[0-9 +]+"></label>
              <label>Company <select name="company"><option value="">Choose</option><option value="1">Acme</option><option value="2">Globex</option></select></label>
              <label>Stage <select name="stage"><option>lead</option><option>customer</option></select></label>
              <label>Birthday <input type="date" name="birthday"></label>
              <label>Age <input type="number" name="age" min="18" max="120"></label>
              <label><input type="checkbox" name="newsletter"> Newsletter</label>
              <label>Notes <textarea name="notes"></textarea></label>
              <button type="submit">Save</button>
            </form></main>""";
    public static final String CONTACTS = """
            <main><h1>Contacts</h1>
            <table id="contacts-table"><thead><tr><th>Name</th><th>Email</th><th>Phone</th><th>Actions</th></tr></thead>
              <tbody><tr><td>Ada</td><td>ada@example.com</td><td>+44 1</td><td><button class="delete">Delete</button></td></tr></tbody></table></main>""";
    public static final String EDIT_CONTACT = """
            <main><h1>Edit contact</h1>
            <form id="edit-contact" action="/contacts/12">
              <label>Name <input name="name" value="Ada" required></label>
              <label>Email <input type="email" name="email" value="ada@example.com" required></label>
              <button type="submit">Save</button> <button class="danger">Delete contact</button>
            </form></main>""";
    public static final String COMPANIES = """
            <main><h1>Companies</h1><div class="grid">
              <article class="card company-card"><h3>Acme</h3><p class="company-city">Springfield</p></article>
              <article class="card company-card"><h3>Globex</h3><p class="company-city">Cypress Creek</p></article>
            </div></main>""";
}
