/** Jobs: long-running work (imports, later exports and reindexing) whose progress callers follow. */
package io.conversa.domain.model.job;
