/** Jakarta Batch jobs and the bean that starts them. */
package io.conversa.interfaces.batch;
