/** The Java virtual machine the server runs in, as far as Conversa tunes it. */
package io.conversa.infrastructure.runtime;
