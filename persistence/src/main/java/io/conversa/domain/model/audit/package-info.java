/** The append-only audit trail: who read or changed what, chained by hashes. */
package io.conversa.domain.model.audit;
