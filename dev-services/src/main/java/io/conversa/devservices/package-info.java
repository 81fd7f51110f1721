/**
 * Real PostgreSQL, Redis and S3-compatible storage started from Maven artifacts, so the run command
 * and the tests need no Docker and no installed servers.
 */
package io.conversa.devservices;
