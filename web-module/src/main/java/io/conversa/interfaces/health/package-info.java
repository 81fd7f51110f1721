/** MicroProfile Health checks of the backing services. */
package io.conversa.interfaces.health;
