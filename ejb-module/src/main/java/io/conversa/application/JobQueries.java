package io.conversa.application;

import io.conversa.domain.model.job.Job;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Jobs as their creators (and admins) follow them. */
@Stateless
public class JobQueries {

    @PersistenceContext
    EntityManager em;

    @Inject
    Accounts accounts;

    /** The latest jobs: all of them for admins, one's own for everyone else. */
    public List<Job> recent(Caller caller, int limit) {
        var query = caller.isAdmin()
                ? em.createQuery("SELECT j FROM Job j ORDER BY j.createdAt DESC", Job.class)
                : em.createQuery("SELECT j FROM Job j WHERE j.createdBy = :me ORDER BY j.createdAt DESC", Job.class)
                        .setParameter("me", accounts.idOf(caller).orElse(-1L));
        return query.setMaxResults(limit).getResultList();
    }

    public Job get(Caller caller, UUID id) {
        return Optional.ofNullable(em.find(Job.class, id))
                .filter(job -> caller.isAdmin() || job.createdBy() != null && job.createdBy().equals(accounts.idOf(caller).orElse(null)))
                .orElseThrow(() -> new NotFoundException("No job " + id + "."));
    }
}
