package io.conversa.application;

import io.conversa.domain.model.job.Job;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;
import java.util.UUID;

/** Jobs as their creators (and admins) follow them. */
@Stateless
public class JobQueries {

    @PersistenceContext
    EntityManager em;

    @Inject
    Accounts accounts;

    public Job get(Caller caller, UUID id) {
        return Optional.ofNullable(em.find(Job.class, id))
                .filter(job -> caller.isAdmin() || job.createdBy() != null && job.createdBy().equals(accounts.idOf(caller).orElse(null)))
                .orElseThrow(() -> new NotFoundException("No job " + id + "."));
    }
}
