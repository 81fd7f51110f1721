package it.io.conversa;

import static org.assertj.core.api.Assertions.assertThat;

import io.conversa.application.Caller;
import io.conversa.application.ConversationQueries;
import io.conversa.application.ImportAccepted;
import io.conversa.application.ImportService;
import io.conversa.application.JobQueries;
import io.conversa.domain.model.conversation.Message;
import io.conversa.domain.model.job.Job;
import io.conversa.domain.model.job.JobStatus;
import jakarta.annotation.Resource;
import org.assertj.core.api.Assertions;
import jakarta.inject.Inject;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;
import jakarta.jms.TextMessage;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.Testable;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs inside Liberty (Arquillian): the import service stores rows with JPA and queues the job on
 * JMS; the ingest consumer takes it from the queue and fills the conversation; a message the
 * consumer cannot handle ends on the dead-letter queue after three deliveries; an import a stop
 * interrupted runs again, from scratch, when its message is delivered again, and one interrupted twice
 * ends FAILED with its reason instead.
 */
@ExtendWith(ArquillianExtension.class)
class IngestInServerIT {

    private static final Caller ADMIN = new Caller("admin", Set.of("admin"));
    private static final String CHAT = """
            06/03/2017, 00:45 - Messages to this group are now secured with end-to-end encryption.
            06/03/2017, 00:46 - Ana: Bom dia!
            06/03/2017, 00:47 - Ben: Good morning
            a second line
            06/03/2017, 00:48 - Ana: 👋
            """;

    /**
     * The built EAR with this class in its web module. The web module moves from "/" to a
     * context root named after it, where Arquillian's Liberty container looks for its test runner.
     */
    @Deployment
    static EnterpriseArchive conversa() throws IOException {
        EnterpriseArchive ear = ShrinkWrap.createFromZipFile(EnterpriseArchive.class, new File("target/conversa.ear"));
        WebArchive web = ear.getAsType(WebArchive.class, "web-module.war");
        web.addClass(IngestInServerIT.class)
                .addAsLibrary(new File(Assertions.class.getProtectionDomain().getCodeSource().getLocation().getPath()));
        ear.delete("web-module.war");
        String applicationXml;
        try (InputStream in = ear.get("META-INF/application.xml").getAsset().openStream()) {
            applicationXml = new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replace("<context-root>/</context-root>", "<context-root>/web-module</context-root>");
        }
        ear.delete("META-INF/application.xml");
        return ear.addAsModule(Testable.archiveToTest(web)).setApplicationXML(new StringAsset(applicationXml));
    }

    @Inject
    ImportService imports;

    @Inject
    JobQueries jobs;

    @Inject
    ConversationQueries conversations;

    @Resource(lookup = "jdbc/conversa")
    DataSource dataSource;

    @Resource(lookup = "jms/conversa")
    ConnectionFactory jms;

    @Resource(lookup = "jms/ingest")
    Queue ingest;

    @Resource(lookup = "jms/dlq")
    Queue deadLetters;

    @Test
    void anAcceptedImportIsQueuedConsumedAndStored() {
        ImportAccepted accepted = imports.accept(ADMIN, "WhatsApp Chat with Ana.txt",
                new ByteArrayInputStream(CHAT.getBytes(StandardCharsets.UTF_8)), ZoneId.of("Europe/Lisbon"), null, null);

        await(() -> jobs.get(ADMIN, accepted.jobId()).isFinished());
        Job job = jobs.get(ADMIN, accepted.jobId());
        assertThat(job.status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(job.messagesDone()).isEqualTo(4);
        assertThat(conversations.get(ADMIN, accepted.conversationId()).title()).isEqualTo("Ana");

        List<Message> messages = conversations.messages(ADMIN, accepted.conversationId(), null, 10).messages();
        assertThat(messages).extracting(Message::body)
                .containsExactly("Messages to this group are now secured with end-to-end encryption.",
                        "Bom dia!", "Good morning\na second line", "👋");
        assertThat(messages.get(1).sentAt()).isEqualTo(Instant.parse("2017-03-06T00:46:00Z"));
    }

    @Test
    void anImportAStopInterruptedRunsAgainFromItsUploadWhenItsMessageComesAgain() throws SQLException {
        // A name of its own: under the other test's name this would merge into its conversation and add nothing.
        ImportAccepted accepted = imports.accept(ADMIN, "WhatsApp Chat with Ana (restarted).txt",
                new ByteArrayInputStream(CHAT.getBytes(StandardCharsets.UTF_8)), ZoneId.of("Europe/Lisbon"), null, null);
        await(() -> jobs.get(ADMIN, accepted.jobId()).isFinished());
        assertThat(jobs.get(ADMIN, accepted.jobId()).messagesNew()).isEqualTo(4);
        stoppedInTheMiddle(accepted.jobId(), 1);

        await(() -> jobs.get(ADMIN, accepted.jobId()).isFinished());
        Job job = jobs.get(ADMIN, accepted.jobId());
        assertThat(job.status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(job.messagesNew()).isEqualTo(4);
        assertThat(conversations.messages(ADMIN, accepted.conversationId(), null, 10).messages()).extracting(Message::body)
                .containsExactly("Messages to this group are now secured with end-to-end encryption.",
                        "Bom dia!", "Good morning\na second line", "👋");
    }

    @Test
    void anImportAStopInterruptedTwiceFailsWithItsReasonInsteadOfRunningAgain() throws SQLException {
        ImportAccepted accepted = imports.accept(ADMIN, "WhatsApp Chat with Ana (stopped twice).txt",
                new ByteArrayInputStream(CHAT.getBytes(StandardCharsets.UTF_8)), ZoneId.of("Europe/Lisbon"), null, null);
        await(() -> jobs.get(ADMIN, accepted.jobId()).isFinished());
        stoppedInTheMiddle(accepted.jobId(), 2);

        await(() -> jobs.get(ADMIN, accepted.jobId()).isFinished());
        Job job = jobs.get(ADMIN, accepted.jobId());
        assertThat(job.status()).isEqualTo(JobStatus.FAILED);
        assertThat(job.error()).contains("interrupted this import 2 times").contains("nothing of it was kept");
        assertThat(job.runs()).isEqualTo(3);
        try (Connection db = dataSource.getConnection();
                PreparedStatement left = db.prepareStatement("SELECT COUNT(*) FROM message WHERE conversation_id = ?")) {
            left.setObject(1, accepted.conversationId());
            try (ResultSet count = left.executeQuery()) {
                count.next();
                assertThat(count.getLong(1)).isZero();
            }
        }
    }

    @Test
    void aMessageThatFailsThreeDeliveriesLandsOnTheDeadLetterQueue() {
        String poison = "not-a-job-" + UUID.randomUUID();
        try (JMSContext context = jms.createContext()) {
            context.createProducer().send(ingest, poison);
        }
        await(() -> deadLetterTexts().contains(poison));
        assertThat(deadLetterTexts()).contains(poison);
    }

    /**
     * Leaves the job as a server killed in the middle of its run number {@code runs} would: RUNNING, two
     * of its four messages written, and its ingest message unacknowledged, which the messaging engine
     * delivers again at the next start (sent again here).
     */
    private void stoppedInTheMiddle(UUID jobId, int runs) throws SQLException {
        try (Connection db = dataSource.getConnection();
                PreparedStatement running = db.prepareStatement(
                        "UPDATE job SET status = 'RUNNING', finished_at = NULL, runs = ? WHERE id = ?");
                PreparedStatement partly = db.prepareStatement("DELETE FROM message WHERE import_job_id = ? AND sequence_no > 1")) {
            running.setInt(1, runs);
            running.setObject(2, jobId);
            running.executeUpdate();
            partly.setObject(1, jobId);
            assertThat(partly.executeUpdate()).isEqualTo(2);
        }
        assertThat(jobs.get(ADMIN, jobId).status()).isEqualTo(JobStatus.RUNNING);

        try (JMSContext context = jms.createContext()) {
            context.createProducer().send(ingest, jobId.toString());
        }
    }

    private List<String> deadLetterTexts() {
        try (JMSContext context = jms.createContext(); QueueBrowser browser = context.createBrowser(deadLetters)) {
            return Collections.list(browser.getEnumeration()).stream()
                    .map(m -> {
                        try {
                            return ((TextMessage) m).getText();
                        } catch (JMSException e) {
                            return "";
                        }
                    }).toList();
        } catch (JMSException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void await(BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
