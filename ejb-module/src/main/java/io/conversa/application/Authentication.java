package io.conversa.application;

import io.conversa.domain.model.account.Account;
import io.conversa.domain.model.account.Role;
import io.conversa.infrastructure.security.PasswordHashing;
import io.conversa.infrastructure.security.TokenIssuer;
import io.conversa.infrastructure.security.TokenIssuer.IssuedToken;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;
import java.util.stream.Collectors;

/** Exchanges a staff account's username and password for an API token. */
@Stateless
public class Authentication {

    @PersistenceContext
    EntityManager em;

    @Inject
    PasswordHashing passwords;

    @Inject
    TokenIssuer tokens;

    /** Empty when the username is unknown, disabled or the password wrong: callers cannot tell which. */
    public Optional<IssuedToken> token(String username, String password) {
        return em.createNamedQuery("Account.findByUsername", Account.class)
                .setParameter("username", username)
                .getResultStream()
                .findFirst()
                .filter(Account::enabled)
                .filter(account -> passwords.matches(password, account.passwordHash()))
                .map(account -> tokens.issue(account.username(),
                        account.roles().stream().map(Role::name).collect(Collectors.toSet())));
    }
}
