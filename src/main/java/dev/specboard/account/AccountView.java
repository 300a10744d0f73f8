package dev.specboard.account;

import dev.specboard.kernel.Role;
import dev.specboard.web.FormErrors;

import java.util.Arrays;
import java.util.List;

/** Everything the account page shows, with the state of each of its three forms. */
public record AccountView(Account account, ProfileForm profile, FormErrors profileErrors, PasswordForm password, FormErrors passwordErrors,
                          TokenForm tokenForm, FormErrors tokenErrors, List<TokenRow> tokens, List<ProjectMemberships.MembershipRow> projects,
                          String newToken, boolean mailEnabled) {

    public List<Role> roles() {
        return Arrays.asList(Role.values());
    }
}
