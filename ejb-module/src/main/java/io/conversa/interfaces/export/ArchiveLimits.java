package io.conversa.interfaces.export;

import java.io.IOException;
import java.io.InputStream;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Refuses zip archives that would unpack into far more than they weigh (zip bombs) or that name
 * files outside themselves, before anything of them is stored; and reads entries no further than the
 * size the archive states for them, which {@link #check} judged: an archive can state any size.
 */
public final class ArchiveLimits {

    /** Media compress little; text compresses about 10:1. Far beyond that is an attack. */
    static final long MAX_RATIO = 200;

    /** The default of CONVERSA_IMPORT_MAX_UNPACKED_BYTES: 8 GiB. */
    public static final long DEFAULT_MAX_UNPACKED_BYTES = 8L << 30;

    /**
     * With '\' read as '/': a ".." segment, a file named "." (which no storage takes as a name), an absolute
     * path or a Windows drive ("C:").
     */
    private static final Pattern ESCAPE = Pattern.compile("(^|/)\\.\\.(/|$)|(^|/)\\.$|^/|^[A-Za-z]:");

    private ArchiveLimits() {
    }

    public static void check(ZipFile zip, long maxUnpackedBytes) throws UnreadableExportException {
        long total = 0;
        for (ZipEntry entry : zip.stream().toList()) {
            String name = entry.getName();
            if (ESCAPE.matcher(name.replace('\\', '/')).find()) {
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

    /** The entry's bytes; a {@link RefusedContentException} once they run past the size the archive states. */
    public static InputStream open(ZipFile zip, ZipEntry entry) throws IOException {
        return new StatedSize(zip.getInputStream(entry), entry);
    }

    private static final class StatedSize extends LimitedInput {

        private final ZipEntry entry;

        StatedSize(InputStream in, ZipEntry entry) {
            super(in, entry.getSize());
            this.entry = entry;
        }

        @Override
        protected void passedLimit() throws RefusedContentException {
            throw new RefusedContentException("The zip entry '" + entry.getName() + "' unpacks to more than the "
                    + entry.getSize() + " bytes the zip states for it: refused as a zip bomb.");
        }
    }
}
