/** S3-compatible object storage through the MinIO client. */
package io.conversa.infrastructure.storage;
