package io.conversa.application;

import java.util.Locale;

/** The two shapes a WhatsApp export arrives in, told apart by file name. */
public enum ExportFileType {
    TEXT("text/plain"),
    ZIP("application/zip");

    private final String contentType;

    ExportFileType(String contentType) {
        this.contentType = contentType;
    }

    public String contentType() {
        return contentType;
    }

    public static ExportFileType of(String fileName) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".zip")) {
            return ZIP;
        }
        if (lower.endsWith(".txt")) {
            return TEXT;
        }
        throw new InvalidRequestException(
                "Only WhatsApp exports can be imported: a .txt chat or a .zip with media, not '" + fileName + "'.");
    }
}
