/** Accounts and their roles: staff who log in with a password, users identified by their WhatsApp number. */
package io.conversa.domain.model.account;
