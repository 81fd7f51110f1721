/** Faces backing beans of the admin pages, and their login. */
package io.conversa.interfaces.faces;
