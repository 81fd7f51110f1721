package io.conversa.application;

import io.conversa.domain.model.account.Account;
import io.conversa.domain.model.account.Role;
import io.conversa.infrastructure.security.PasswordHashing;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;

/** Admins create and list the accounts that log in with a username and password. */
@Stateless
public class StaffAccounts {

    static final int MIN_PASSWORD_LENGTH = 12;

    @PersistenceContext
    EntityManager em;

    @Inject
    PasswordHashing passwords;

    public Account create(String username, String password, Role role) {
        if (username == null || !username.matches("[A-Za-z0-9._@-]{3,120}")) {
            throw new InvalidRequestException("A username has 3 to 120 letters, digits or . _ @ -.");
        }
        if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
            throw new InvalidRequestException("A password has at least " + MIN_PASSWORD_LENGTH + " characters.");
        }
        if (!em.createNamedQuery("Account.findByUsername", Account.class).setParameter("username", username)
                .getResultList().isEmpty()) {
            throw new InvalidRequestException("The username '" + username + "' is taken.");
        }
        Account account = Account.staff(username, passwords.hash(password), role);
        em.persist(account);
        return account;
    }

    public List<Account> list() {
        return em.createQuery("SELECT a FROM Account a ORDER BY a.id", Account.class).getResultList();
    }
}
