package io.conversa.interfaces.export;

/** Why an export's date order was chosen, so the caller can tell the user when it was only assumed. */
public enum OrderSource {
    /** A date in the file is only valid in this order (a field above 12, or a leading year). */
    FILE_DATES,
    /** The file could not decide and the import request named the order. */
    REQUESTED,
    /** The file could not decide and nobody named an order: {@link ExportParser#DEFAULT_ORDER} was assumed. */
    DEFAULT
}
