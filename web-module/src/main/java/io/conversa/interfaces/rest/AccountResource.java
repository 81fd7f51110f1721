package io.conversa.interfaces.rest;

import io.conversa.application.InvalidRequestException;
import io.conversa.application.StaffAccounts;
import io.conversa.domain.model.account.Account;
import io.conversa.domain.model.account.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** Admins manage the accounts that log in with a username and password. */
@Path("admin/accounts")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "jwt")
@RolesAllowed(Role.ADMIN)
public class AccountResource {

    @Inject
    StaffAccounts accounts;

    public record NewAccount(String username, String password, String role) {
    }

    public record AccountView(long id, String username, Set<Role> roles, boolean enabled) {

        static AccountView of(Account a) {
            return new AccountView(a.id(), a.username(), a.roles(), a.enabled());
        }
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(NewAccount request) {
        if (request == null) {
            throw new InvalidRequestException("Send {\"username\", \"password\", \"role\"}.");
        }
        Role role;
        try {
            role = Role.valueOf(String.valueOf(request.role()));
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("The role must be one of admin, analyst, user, integrator.");
        }
        return Response.status(Response.Status.CREATED)
                .entity(AccountView.of(accounts.create(request.username(), request.password(), role))).build();
    }

    @GET
    public List<AccountView> list() {
        return accounts.list().stream().map(AccountView::of).toList();
    }
}
