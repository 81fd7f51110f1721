package io.conversa.application;

import io.conversa.interfaces.export.UnreadableExportException;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Refuses zip archives that would unpack into far more than they weigh (zip bombs) or that name
 * files outside themselves, before anything of them is stored.
 */
final class ArchiveLimits {

    /** Media compress little; text compresses about 10:1. Far beyond that is an attack. */
    static final long MAX_RATIO = 200;

    private ArchiveLimits() {
    }

    static void check(ZipFile zip, long maxUnpackedBytes) throws UnreadableExportException {
        long total = 0;
        for (ZipEntry entry : zip.stream().toList()) {
            String name = entry.getName();
            if (name.startsWith("/") || name.startsWith("\\") || name.contains("../") || name.contains("..\\")) {
                throw new UnreadableExportException("The zip names a file outside itself ('" + name + "'): refused.");
            }
            long size = entry.getSize();
            long compressed = entry.getCompressedSize();
            if (size < 0 || compressed < 0) {
                throw new UnreadableExportException("The zip does not state the size of '" + name + "': refused.");
            }
            if (compressed > 0 && size / compressed > MAX_RATIO) {
                throw new UnreadableExportException("The zip entry '" + name + "' unpacks to " + size / compressed
                        + " times its size: refused as a zip bomb.");
            }
            total += size;
            if (total > maxUnpackedBytes) {
                throw new UnreadableExportException("The zip unpacks to more than " + maxUnpackedBytes
                        + " bytes (CONVERSA_IMPORT_MAX_UNPACKED_BYTES): refused.");
            }
        }
    }
}
