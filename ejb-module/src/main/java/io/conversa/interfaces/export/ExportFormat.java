package io.conversa.interfaces.export;

import java.util.Objects;

/**
 * What the first pass learned about an export and the second pass needs to read it.
 *
 * @param layout      the header shape of the file's messages
 * @param dateOrder   the order of day, month and year in its dates
 * @param orderSource whether the file decided the order or it was requested or assumed
 * @param orderReason the evidence for the order, in words (e.g. the first date that decided it)
 * @param headerLines how many message headers the first pass counted
 */
public record ExportFormat(HeaderLayout layout, DateOrder dateOrder, OrderSource orderSource,
        String orderReason, long headerLines) {

    public ExportFormat {
        Objects.requireNonNull(layout, "layout");
        Objects.requireNonNull(dateOrder, "dateOrder");
        Objects.requireNonNull(orderSource, "orderSource");
        Objects.requireNonNull(orderReason, "orderReason");
    }

    public Platform platform() {
        return layout.platform();
    }

    /** Whether a text read in this format is read as in {@code other}: the same layout and date order. */
    public boolean readsLike(ExportFormat other) {
        return layout == other.layout && dateOrder == other.dateOrder;
    }

    /** True when the file's own dates fixed the order; false when it was requested or assumed. */
    public boolean orderDecided() {
        return orderSource == OrderSource.FILE_DATES;
    }
}
