/** PostgreSQL plumbing: schema migrations and bulk writers that bypass the ORM for speed. */
package io.conversa.infrastructure.persistence;
