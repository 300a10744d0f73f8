package dev.specboard.account;

import dev.specboard.web.ApiException;
import dev.specboard.web.ClientAddress;
import dev.specboard.web.Flash;
import dev.specboard.web.FormErrors;
import dev.specboard.web.Htmx;
import dev.specboard.web.ValidationException;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * "Forgot your password?": ask for a code by email, then choose a new password with it (typed in, or through the mail's
 * link). The pages answer alike whether or not an account has the address.
 */
@Path("/password-reset")
@Produces(MediaType.TEXT_HTML)
public class PasswordResetResource {

    @CheckedTemplate(basePath = "account")
    static class Templates {
        static native TemplateInstance passwordReset(String email, FormErrors errors, boolean offered, String refusal);

        static native TemplateInstance passwordResetCode(PasswordResetForm form, FormErrors errors, String sentTo, boolean askCode);
    }

    @Inject
    PasswordResetService resets;

    @GET
    public Response page() {
        return Htmx.page(Templates.passwordReset("", FormErrors.none(), resets.offered(), null));
    }

    /** Mails a code if an account has the address; the answer is the code's form either way. */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response request(@FormParam("email") String email, @Context HttpServerRequest request) {
        String address = email == null ? "" : email.strip();
        if (!resets.offered()) {
            return Htmx.page(Templates.passwordReset(address, FormErrors.none(), false, null), 409);
        }
        try {
            resets.request(address, ClientAddress.of(request));
        } catch (ValidationException e) {
            return Htmx.invalid(Templates.passwordReset(address, e.errors(), true, null));
        } catch (ApiException e) {
            if (e.status() != 429) {
                throw e;
            }
            return Response.fromResponse(Htmx.page(Templates.passwordReset(address, FormErrors.none().add("email", e.getMessage()), true, null), 429))
                    .header("Retry-After", e.retryAfterSeconds()).build();
        }
        return Htmx.page(Templates.passwordResetCode(PasswordResetForm.empty(), FormErrors.none(), address, true));
    }

    /** The mail's link: the form with the code in it, or why the code no longer works (404, nothing is revealed). */
    @GET
    @Path("/{code}")
    public Response link(@PathParam("code") String code) {
        if (!resets.usable(code)) {
            return Htmx.page(Templates.passwordReset("", FormErrors.none(), resets.offered(), PasswordResetService.NOT_VALID), 404);
        }
        return Htmx.page(Templates.passwordResetCode(PasswordResetForm.fromLink(code), FormErrors.none(), null, false));
    }

    /** Sets the new password; every login of the account ends, so the next step is logging in with it. */
    @POST
    @Path("/new")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response reset(@BeanParam PasswordResetForm form, @Context HttpHeaders headers) {
        try {
            resets.reset(form);
            return Flash.redirect(headers, "/login", "Your password is changed and every login of your account ended. Log in with the new password.");
        } catch (ValidationException e) {
            return Htmx.invalid(Templates.passwordResetCode(form, e.errors(), null, form.asksForCode(e.errors().has("code"))));
        }
    }
}
