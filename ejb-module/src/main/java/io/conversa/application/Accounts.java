package io.conversa.application;

import io.conversa.domain.model.account.Account;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;

/** Finds the account behind an authenticated caller. */
@Stateless
public class Accounts {

    @PersistenceContext
    EntityManager em;

    public Optional<Long> idOf(Caller caller) {
        return em.createNamedQuery("Account.findByUsername", Account.class)
                .setParameter("username", caller.name())
                .getResultStream()
                .findFirst()
                .map(Account::id);
    }
}
