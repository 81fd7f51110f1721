/**
 * Reading WhatsApp chat exports (Android and iOS, in many locales) as a stream of messages.
 *
 * <p>Plain Java with no dependency beyond the JDK. {@link io.conversa.interfaces.export.ExportParser}
 * reads an export twice, streaming both times in constant memory. {@code detect} reads the whole
 * file to decide its header layout and date order, because one date late in a file can settle the
 * order of all the earlier ones; an import's {@code firstLook} reads only until they are clear. {@code parse}
 * then yields {@link io.conversa.interfaces.export.ParsedMessage}s, and counts every header as {@code detect}
 * does, so that it tells at the end whether the whole file decides the format it was read in. {@link io.conversa.interfaces.export.ChatArchive}
 * finds the chat text inside a zipped export. Lines are read as bytes and scanned as such while they
 * are ASCII; only the text a message keeps is decoded, once ({@code LineReader}, {@code HeaderMatcher},
 * {@code AuthorSplit}).
 *
 * <p>Headers: {@code date, time - } (Android), {@code [date, time] } (iOS), {@code [time, date] }
 * (Vietnamese iOS); dates in d/m/y, m/d/y or y/m/d with {@code / . -} or 年月日, 2- or 4-digit,
 * Buddhist-era and Japanese-era years; 12- or 24-hour times with or without seconds, with localized
 * AM/PM markers before or after the time and a possible final dot; any script's decimal digits.
 * Bidi marks, a byte-order mark, CRLF line ends and a missing final newline make no difference.
 * System lines never get an author, whether Android writes them without one or iOS writes them
 * under the chat's name. Placeholders (media omitted, attachments, deleted, edited, polls,
 * locations, contact cards, view-once) are recognized in the languages listed in
 * {@code Placeholders} and {@code SystemMessages}.
 */
package io.conversa.interfaces.export;
