package io.conversa.interfaces.batch;

import jakarta.annotation.Resource;
import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Named;
import java.io.Serializable;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Deque;
import javax.sql.DataSource;

/**
 * Reads the ids of the messages of ready conversations in id order, a page at a time (keyset), so
 * the checkpoint is just the last id read.
 */
@Named
@Dependent
public class MessageIdReader extends AbstractItemReader {

    private static final int PAGE = 5000;

    @Resource(lookup = "jdbc/conversa")
    DataSource dataSource;

    private final Deque<Long> page = new ArrayDeque<>();
    private long last;
    private boolean exhausted;

    @Override
    public void open(Serializable checkpoint) {
        last = checkpoint == null ? 0 : (Long) checkpoint;
    }

    @Override
    public Object readItem() throws SQLException {
        if (page.isEmpty() && !exhausted) {
            fill();
        }
        Long id = page.poll();
        if (id != null) {
            last = id;
        }
        return id;
    }

    @Override
    public Serializable checkpointInfo() {
        return last;
    }

    private void fill() throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement q = c.prepareStatement("SELECT m.id FROM message m JOIN conversation c ON c.id = m.conversation_id"
                        + " WHERE c.status = 'READY' AND m.id > ? ORDER BY m.id LIMIT " + PAGE)) {
            q.setLong(1, page.isEmpty() ? last : page.getLast());
            try (ResultSet rows = q.executeQuery()) {
                while (rows.next()) {
                    page.add(rows.getLong(1));
                }
            }
        }
        exhausted = page.size() < PAGE;
    }
}
