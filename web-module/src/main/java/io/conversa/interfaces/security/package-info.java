/** How callers of the web module authenticate: bearer JWTs for the API, FORM login for the pages. */
package io.conversa.interfaces.security;
