package io.conversa.application;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Reads what the analytics job stored and shapes it for charts: every series is {@code labels}
 * plus {@code series: [{name, data}]} (or a matrix with its row and column labels), so a chart
 * library draws it as it comes. Activity, heatmap, sentiment, sessions and topics per month follow the
 * period asked; reply times, keywords, NLP labels and the whole history's topics cover the whole history.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class AnalyticsReports {

    @Resource(lookup = "jdbc/conversa")
    DataSource dataSource;

    @Inject
    ConversationQueries conversations;

    public JsonObject conversation(Caller caller, UUID id, AnalyticsPeriod period) throws SQLException {
        conversations.get(caller, id);
        try (Connection c = dataSource.getConnection()) {
            Map<Long, String> names = names(c, id);
            JsonObjectBuilder out = Json.createObjectBuilder().add("conversationId", id.toString());
            Timestamp computed = one(c, "SELECT computed_at FROM analytics_state WHERE conversation_id = ?", id);
            if (computed == null) {
                out.addNull("computedAt");
            } else {
                out.add("computedAt", computed.toInstant().toString());
            }
            out.add("period", period(period));
            String window = " FROM analytics_activity WHERE conversation_id = ? AND hour >= ? AND hour < ?";
            Object[] args = {id, Timestamp.valueOf(period.start()), Timestamp.valueOf(period.end())};
            out.add("totals", totals(c, window, args, id, period));
            out.add("activity", activity(c, window, args, period, names));
            out.add("heatmap", heatmap(c, window, args));
            out.add("peaks", peaks(c, window, args));
            out.add("participants", participants(c, window, args, names));
            out.add("sentiment", rows(c, "SELECT to_char(date_trunc('" + period.granularity() + "', hour), 'YYYY-MM-DD\"T\"HH24:MI'),"
                    + " sum(sentiment_sum) / NULLIF(sum(sentiment_count), 0)" + window + " GROUP BY 1 ORDER BY 1", args, "average polarity"));
            out.add("media", rows(c, "SELECT media_type, sum(count) FROM analytics_media WHERE conversation_id = ?"
                    + " GROUP BY 1 ORDER BY 2 DESC, 1", new Object[] {id}, "messages"));
            out.add("sessions", sessions(c, id, period, names));
            out.add("responseTimes", replies(c, id, names));
            out.add("keywords", rows(c, "SELECT term, count FROM analytics_term WHERE conversation_id = ? AND kind = 'word'"
                    + " ORDER BY count DESC, term", new Object[] {id}, "count"));
            out.add("phrases", rows(c, "SELECT term, count FROM analytics_term WHERE conversation_id = ? AND kind = 'phrase'"
                    + " ORDER BY count DESC, term", new Object[] {id}, "count"));
            out.add("emotions", rows(c, "SELECT label, sum(count) FROM analytics_label WHERE conversation_id = ? AND kind = 'emotion'"
                    + " GROUP BY label ORDER BY 2 DESC, 1", new Object[] {id}, "messages"));
            out.add("languages", rows(c, "SELECT label, sum(count) FROM analytics_label WHERE conversation_id = ? AND kind = 'language'"
                    + " GROUP BY label ORDER BY 2 DESC, 1", new Object[] {id}, "messages"));
            out.add("topics", topics(c, id, period));
            return out.build();
        }
    }

    /** Across every conversation the caller may read. */
    public JsonObject overview(Caller caller, AnalyticsPeriod period) throws SQLException {
        List<UUID> readable = conversations.readableIds(caller);
        try (Connection c = dataSource.getConnection()) {
            String scope = readable == null ? "" : " AND a.conversation_id = ANY (?)";
            Object scopeArg = readable == null ? null : c.createArrayOf("uuid", readable.toArray());
            List<Object> base = new ArrayList<>(List.of(Timestamp.valueOf(period.start()), Timestamp.valueOf(period.end())));
            if (scopeArg != null) {
                base.add(scopeArg);
            }
            Object[] args = base.toArray();
            String window = " FROM analytics_activity a WHERE a.hour >= ? AND a.hour < ?" + scope;
            JsonObjectBuilder out = Json.createObjectBuilder().add("period", period(period));
            out.add("totals", object(c, "SELECT count(DISTINCT a.conversation_id) AS conversations, COALESCE(sum(a.messages), 0) AS messages,"
                    + " COALESCE(sum(a.words), 0) AS words, COALESCE(sum(a.emoji), 0) AS emoji, COALESCE(sum(a.media), 0) AS media" + window, args));
            out.add("activity", rows(c, "SELECT to_char(date_trunc('" + period.granularity() + "', a.hour), 'YYYY-MM-DD\"T\"HH24:MI'),"
                    + " sum(a.messages)" + window + " GROUP BY 1 ORDER BY 1", args, "messages"));
            out.add("heatmap", heatmap(c, window, args));
            out.add("conversations", rows(c, "SELECT c.title, sum(a.messages) FROM analytics_activity a JOIN conversation c"
                    + " ON c.id = a.conversation_id WHERE a.hour >= ? AND a.hour < ?" + scope
                    + " GROUP BY c.id, c.title ORDER BY 2 DESC LIMIT 20", args, "messages"));
            out.add("sentiment", rows(c, "SELECT to_char(date_trunc('" + period.granularity() + "', a.hour), 'YYYY-MM-DD\"T\"HH24:MI'),"
                    + " sum(a.sentiment_sum) / NULLIF(sum(a.sentiment_count), 0)" + window + " GROUP BY 1 ORDER BY 1", args, "average polarity"));
            return out.build();
        }
    }

    private static JsonObject period(AnalyticsPeriod p) {
        JsonObjectBuilder b = Json.createObjectBuilder().add("granularity", p.granularity());
        if (p.from() == null) {
            b.addNull("from");
        } else {
            b.add("from", p.from().toString());
        }
        if (p.to() == null) {
            b.addNull("to");
        } else {
            b.add("to", p.to().toString());
        }
        return b.build();
    }

    private static JsonObject totals(Connection c, String window, Object[] args, UUID id, AnalyticsPeriod p) throws SQLException {
        JsonObjectBuilder b = Json.createObjectBuilder(object(c, "SELECT COALESCE(sum(messages), 0) AS messages,"
                + " COALESCE(sum(words), 0) AS words, COALESCE(sum(characters), 0) AS characters, COALESCE(sum(emoji), 0) AS emoji,"
                + " COALESCE(sum(media), 0) AS media, count(DISTINCT participant_id) FILTER (WHERE participant_id <> 0) AS participants"
                + window, args));
        return b.build();
    }

    private static JsonObject activity(Connection c, String window, Object[] args, AnalyticsPeriod p, Map<Long, String> names)
            throws SQLException {
        TreeMap<String, Map<Long, Long>> buckets = new TreeMap<>();
        try (PreparedStatement q = prepare(c, "SELECT to_char(date_trunc('" + p.granularity() + "', hour), 'YYYY-MM-DD\"T\"HH24:MI'),"
                + " participant_id, sum(messages)" + window + " GROUP BY 1, 2", args); ResultSet r = q.executeQuery()) {
            while (r.next()) {
                buckets.computeIfAbsent(r.getString(1), k -> new LinkedHashMap<>()).put(r.getLong(2), r.getLong(3));
            }
        }
        JsonArrayBuilder labels = Json.createArrayBuilder();
        buckets.keySet().forEach(labels::add);
        JsonArrayBuilder series = Json.createArrayBuilder();
        JsonArrayBuilder all = Json.createArrayBuilder();
        buckets.values().forEach(m -> all.add(m.values().stream().mapToLong(Long::longValue).sum()));
        series.add(Json.createObjectBuilder().add("name", "all").add("data", all));
        for (var participant : names.entrySet()) {
            JsonArrayBuilder data = Json.createArrayBuilder();
            buckets.values().forEach(m -> data.add(m.getOrDefault(participant.getKey(), 0L)));
            series.add(Json.createObjectBuilder().add("name", participant.getValue()).add("data", data));
        }
        return Json.createObjectBuilder().add("labels", labels).add("series", series).build();
    }

    /** Messages by ISO weekday (rows, Monday first) and hour (columns). */
    private static JsonObject heatmap(Connection c, String window, Object[] args) throws SQLException {
        long[][] cells = new long[7][24];
        try (PreparedStatement q = prepare(c, "SELECT extract(isodow FROM hour)::int, extract(hour FROM hour)::int, sum(messages)"
                + window + " GROUP BY 1, 2", args); ResultSet r = q.executeQuery()) {
            while (r.next()) {
                cells[r.getInt(1) - 1][r.getInt(2)] = r.getLong(3);
            }
        }
        JsonArrayBuilder rows = Json.createArrayBuilder();
        JsonArrayBuilder data = Json.createArrayBuilder();
        for (int d = 0; d < 7; d++) {
            rows.add(DayOfWeek.of(d + 1).getDisplayName(TextStyle.SHORT, Locale.ENGLISH));
            JsonArrayBuilder row = Json.createArrayBuilder();
            for (int h = 0; h < 24; h++) {
                row.add(cells[d][h]);
            }
            data.add(row);
        }
        JsonArrayBuilder hours = Json.createArrayBuilder();
        for (int h = 0; h < 24; h++) {
            hours.add(h);
        }
        return Json.createObjectBuilder().add("rows", rows).add("columns", hours).add("data", data).build();
    }

    private static JsonObject peaks(Connection c, String window, Object[] args) throws SQLException {
        JsonObjectBuilder b = Json.createObjectBuilder();
        b.add("hour", object(c, "SELECT extract(hour FROM hour)::int AS hour, sum(messages) AS messages" + window
                + " GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 1", args));
        b.add("weekday", object(c, "SELECT trim(to_char(hour, 'Day')) AS weekday, sum(messages) AS messages" + window
                + " GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 1", args));
        b.add("day", object(c, "SELECT to_char(hour, 'YYYY-MM-DD') AS day, sum(messages) AS messages" + window
                + " GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 1", args));
        return b.build();
    }

    private static JsonObject participants(Connection c, String window, Object[] args, Map<Long, String> names) throws SQLException {
        String[] measures = {"messages", "words", "characters", "emoji", "media"};
        JsonArrayBuilder labels = Json.createArrayBuilder();
        List<JsonArrayBuilder> data = new ArrayList<>();
        for (int i = 0; i < measures.length; i++) {
            data.add(Json.createArrayBuilder());
        }
        try (PreparedStatement q = prepare(c, "SELECT participant_id, sum(messages), sum(words), sum(characters), sum(emoji), sum(media)"
                + window + " AND participant_id <> 0 GROUP BY 1 ORDER BY 2 DESC, 1", args); ResultSet r = q.executeQuery()) {
            while (r.next()) {
                labels.add(names.getOrDefault(r.getLong(1), "#" + r.getLong(1)));
                for (int i = 0; i < measures.length; i++) {
                    data.get(i).add(r.getLong(i + 2));
                }
            }
        }
        JsonArrayBuilder series = Json.createArrayBuilder();
        for (int i = 0; i < measures.length; i++) {
            series.add(Json.createObjectBuilder().add("name", measures[i]).add("data", data.get(i)));
        }
        return Json.createObjectBuilder().add("labels", labels).add("series", series).build();
    }

    private static JsonObject sessions(Connection c, UUID id, AnalyticsPeriod p, Map<Long, String> names) throws SQLException {
        Object[] args = {id, Timestamp.valueOf(p.start()), Timestamp.valueOf(p.end())};
        String where = " FROM analytics_session s JOIN conversation c ON c.id = s.conversation_id WHERE s.conversation_id = ?"
                + " AND (s.started_at AT TIME ZONE c.time_zone) >= ? AND (s.started_at AT TIME ZONE c.time_zone) < ?";
        JsonObjectBuilder b = Json.createObjectBuilder(object(c, "SELECT count(*) AS count,"
                + " COALESCE(avg(extract(epoch FROM ended_at - started_at)), 0) AS \"averageSeconds\","
                + " COALESCE(percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM ended_at - started_at)), 0) AS \"medianSeconds\","
                + " COALESCE(avg(messages), 0) AS \"averageMessages\"" + where, args));
        JsonArrayBuilder labels = Json.createArrayBuilder();
        JsonArrayBuilder data = Json.createArrayBuilder();
        try (PreparedStatement q = prepare(c, "SELECT initiator_id, count(*)" + where + " GROUP BY 1 ORDER BY 2 DESC, 1", args);
                ResultSet r = q.executeQuery()) {
            while (r.next()) {
                labels.add(names.getOrDefault(r.getLong(1), "#" + r.getLong(1)));
                data.add(r.getLong(2));
            }
        }
        b.add("initiators", Json.createObjectBuilder().add("labels", labels)
                .add("series", Json.createArrayBuilder().add(Json.createObjectBuilder().add("name", "sessions started").add("data", data))));
        return b.add("gap", AnalyticsRefresh.SESSION_GAP).build();
    }

    /**
     * NLP's topic distribution ({@code conversation_topic}): the whole history's topics, each labelled by
     * its top terms with its share of the content words, and the same per month (months of enough days
     * only, each month modelled on its own, so topic 1 of one month is not topic 1 of the next) inside the period.
     * Empty until NLP has modelled the conversation.
     */
    private static JsonObject topics(Connection c, UUID id, AnalyticsPeriod p) throws SQLException {
        Map<String, JsonArrayBuilder[]> byPeriod = new TreeMap<>();
        String from = p.from() == null ? "0000-00" : p.start().toString().substring(0, 7);
        String to = p.to() == null ? "9999-99" : p.end().minusNanos(1).toString().substring(0, 7);
        try (PreparedStatement q = prepare(c, "SELECT period, topic, weight, array_to_string(terms[1:5], ', ') FROM conversation_topic"
                + " WHERE conversation_id = ? AND (period = 'all' OR period BETWEEN ? AND ?) ORDER BY period, topic",
                new Object[] {id, from, to}); ResultSet r = q.executeQuery()) {
            while (r.next()) {
                JsonArrayBuilder[] chart = byPeriod.computeIfAbsent(r.getString(1),
                        k -> new JsonArrayBuilder[] {Json.createArrayBuilder(), Json.createArrayBuilder()});
                chart[0].add(r.getString(4));
                chart[1].add(Math.round(r.getDouble(3) * 1000) / 1000.0);
            }
        }
        JsonObjectBuilder out = Json.createObjectBuilder();
        JsonArrayBuilder[] all = byPeriod.remove("all");
        out.add("all", topicChart(all));
        JsonArrayBuilder months = Json.createArrayBuilder();
        byPeriod.forEach((month, chart) -> months.add(Json.createObjectBuilder(topicChart(chart)).add("month", month)));
        return out.add("months", months).build();
    }

    private static JsonObject topicChart(JsonArrayBuilder[] chart) {
        JsonArrayBuilder labels = chart == null ? Json.createArrayBuilder() : chart[0];
        JsonArrayBuilder data = chart == null ? Json.createArrayBuilder() : chart[1];
        return Json.createObjectBuilder().add("labels", labels)
                .add("series", Json.createArrayBuilder().add(Json.createObjectBuilder().add("name", "share of words").add("data", data)))
                .build();
    }

    /** Rows: who answered; columns: whom. Cells null where one never answered the other. */
    private static JsonObject replies(Connection c, UUID id, Map<Long, String> names) throws SQLException {
        List<Long> people = new ArrayList<>(names.keySet());
        int n = people.size();
        Double[][] avg = new Double[n][n];
        Double[][] median = new Double[n][n];
        Long[][] count = new Long[n][n];
        JsonArrayBuilder questions = Json.createArrayBuilder();
        try (PreparedStatement q = prepare(c, "SELECT responder_id, to_participant_id, replies, avg_seconds, median_seconds,"
                + " answered_questions FROM analytics_reply WHERE conversation_id = ? ORDER BY replies DESC", new Object[] {id});
                ResultSet r = q.executeQuery()) {
            while (r.next()) {
                int from = people.indexOf(r.getLong(1));
                int to = people.indexOf(r.getLong(2));
                if (from < 0 || to < 0) {
                    continue;
                }
                count[from][to] = r.getLong(3);
                avg[from][to] = r.getDouble(4);
                median[from][to] = r.getDouble(5);
                if (r.getLong(6) > 0) {
                    questions.add(Json.createObjectBuilder().add("answerer", names.get(r.getLong(1)))
                            .add("asker", names.get(r.getLong(2))).add("count", r.getLong(6)));
                }
            }
        }
        JsonArrayBuilder labels = Json.createArrayBuilder();
        people.forEach(p -> labels.add(names.get(p)));
        return Json.createObjectBuilder().add("labels", labels).add("replies", matrix(count)).add("averageSeconds", matrix(avg))
                .add("medianSeconds", matrix(median)).add("questionAnswers", questions).build();
    }

    private static JsonArrayBuilder matrix(Object[][] cells) {
        JsonArrayBuilder rows = Json.createArrayBuilder();
        for (Object[] row : cells) {
            JsonArrayBuilder r = Json.createArrayBuilder();
            for (Object cell : row) {
                if (cell == null) {
                    r.addNull();
                } else if (cell instanceof Long l) {
                    r.add(l);
                } else {
                    r.add(Math.round((Double) cell * 10) / 10.0);
                }
            }
            rows.add(r);
        }
        return rows;
    }

    /** Two-column rows (label, value) as {labels, series: [{name, data}]}. */
    private static JsonObject rows(Connection c, String sql, Object[] args, String name) throws SQLException {
        JsonArrayBuilder labels = Json.createArrayBuilder();
        JsonArrayBuilder data = Json.createArrayBuilder();
        try (PreparedStatement q = prepare(c, sql, args); ResultSet r = q.executeQuery()) {
            while (r.next()) {
                labels.add(r.getString(1));
                double v = r.getDouble(2);
                if (r.wasNull()) {
                    data.addNull();
                } else if (v == Math.rint(v) && Math.abs(v) < 1e15) {
                    data.add((long) v);
                } else {
                    data.add(Math.round(v * 1000) / 1000.0);
                }
            }
        }
        return Json.createObjectBuilder().add("labels", labels)
                .add("series", Json.createArrayBuilder().add(Json.createObjectBuilder().add("name", name).add("data", data))).build();
    }

    /** One row as an object of its columns (numbers stay numbers). */
    private static JsonObject object(Connection c, String sql, Object[] args) throws SQLException {
        JsonObjectBuilder b = Json.createObjectBuilder();
        try (PreparedStatement q = prepare(c, sql, args); ResultSet r = q.executeQuery()) {
            if (r.next()) {
                var meta = r.getMetaData();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    Object v = r.getObject(i);
                    String key = meta.getColumnLabel(i);
                    if (v == null) {
                        b.addNull(key);
                    } else if (v instanceof Number num) {
                        double d = num.doubleValue();
                        if (d == Math.rint(d)) {
                            b.add(key, num.longValue());
                        } else {
                            b.add(key, Math.round(d * 10) / 10.0);
                        }
                    } else {
                        b.add(key, v.toString());
                    }
                }
            }
        }
        return b.build();
    }

    private static <T> T one(Connection c, String sql, Object arg) throws SQLException {
        try (PreparedStatement q = prepare(c, sql, new Object[] {arg}); ResultSet r = q.executeQuery()) {
            @SuppressWarnings("unchecked")
            T value = r.next() ? (T) r.getObject(1) : null;
            return value;
        }
    }

    private static Map<Long, String> names(Connection c, UUID id) throws SQLException {
        Map<Long, String> names = new LinkedHashMap<>();
        try (PreparedStatement q = prepare(c, "SELECT id, display_name FROM participant WHERE conversation_id = ? ORDER BY id",
                new Object[] {id}); ResultSet r = q.executeQuery()) {
            while (r.next()) {
                names.put(r.getLong(1), r.getString(2));
            }
        }
        return names;
    }

    private static PreparedStatement prepare(Connection c, String sql, Object[] args) throws SQLException {
        PreparedStatement q = c.prepareStatement(sql);
        for (int i = 0; i < args.length; i++) {
            q.setObject(i + 1, args[i]);
        }
        return q;
    }
}
