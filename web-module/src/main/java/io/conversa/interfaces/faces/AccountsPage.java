package io.conversa.interfaces.faces;

import io.conversa.application.AuditTrail;
import io.conversa.application.InvalidRequestException;
import io.conversa.application.StaffAccounts;
import io.conversa.domain.model.account.Account;
import io.conversa.domain.model.account.Role;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Backs the admin page where admins create staff accounts (the same rules as POST
 * /api/v1/admin/accounts). Its form is a Faces postback, so it acts only with the ViewState of the
 * admin's own session: a form posted from another site or session changes nothing.
 */
@Named
@RequestScoped
public class AccountsPage {

    @Inject
    StaffAccounts accounts;

    @Inject
    AuditTrail audit;

    @Inject
    SecurityContext security;

    @Inject
    HttpServletRequest request;

    private String username;
    private String password;
    private String role = Role.ANALYST;
    private String created;
    private String error;

    /** The staff accounts; people who log in with a code are not managed here. */
    public List<Account> getAll() {
        return accounts.list().stream().filter(a -> a.phone() == null).toList();
    }

    public List<String> getRoles() {
        return List.of(Role.ANALYST, Role.ADMIN, Role.INTEGRATOR);
    }

    public void create() {
        var caller = PageCaller.of(security);
        if (!caller.isAdmin()) { // web.xml lets only admins reach the page; a bean may be reached otherwise
            error = "Only admins create accounts.";
            return;
        }
        String outcome;
        try {
            Account account = accounts.create(username, password, Role.valueOf(role));
            created = account.username();
            outcome = "created";
        } catch (InvalidRequestException | IllegalArgumentException e) {
            error = e instanceof InvalidRequestException ? e.getMessage() : "Choose a role from the list.";
            outcome = "refused";
        }
        // The pages are no API call, so the audit filter does not see them: the page writes its own line.
        audit.record(caller.name(), caller.roles().stream().sorted().collect(Collectors.joining(",")), "page.accounts.create", username, outcome,
                request.getRemoteAddr());
        password = null;
    }

    public String getCreated() {
        return created;
    }

    public String getError() {
        return error;
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getRole() {
        return role;
    }

    public void setRole(String role) {
        this.role = role;
    }
}
