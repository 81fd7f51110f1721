#!/usr/bin/env python3
"""Writes an Android chat export zip with N pictures of its own: N small PNGs (16 x 16, distinct pixels,
so distinct SHA-256s) beside "WhatsApp Chat with Bench.txt", each attached by one message, spread evenly
among TEXTS plain messages (default 0). For measuring the per-file cost of a zip import's media (detection,
hashing, storage, linking each file to its message in a long chat).
Usage: bench/media-zip.py N OUT.zip [TEXTS]   then: NAME=media.zip bench/import.sh OUT.zip [BASE_URL] [PASSWORD]"""
import struct
import sys
import zipfile
import zlib
from datetime import datetime, timedelta


def png(seed):
    width = height = 16
    rows = b''.join(b'\x00' + bytes((seed * 7 + x * 13 + y * 31 + (seed >> 8)) % 256 for x in range(width * 3))
                    for y in range(height))

    def chunk(kind, data):
        return struct.pack('>I', len(data)) + kind + data + struct.pack('>I', zlib.crc32(kind + data))
    return (b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', struct.pack('>IIBBBBB', width, height, 8, 2, 0, 0, 0))
            + chunk(b'IDAT', zlib.compress(rows)) + chunk(b'IEND', b''))


def main(count, out, texts):
    start = datetime(2024, 1, 1, 9, 0)
    lines = []
    texts_per_picture = texts // count if count else 0
    minute = 0
    with zipfile.ZipFile(out, 'w', zipfile.ZIP_DEFLATED) as archive:
        for i in range(count):
            for t in range(texts_per_picture):
                at = start + timedelta(minutes=minute)
                minute += 1
                lines.append(f'{at:%d/%m/%Y, %H:%M} - {"Ben" if t % 2 else "Ana"}: message {minute} before picture {i}')
            at = start + timedelta(minutes=minute)
            minute += 1
            name = f'IMG-{at:%Y%m%d}-WA{i:05d}.png'
            author = 'Ana' if i % 2 == 0 else 'Ben'
            lines.append(f'{at:%d/%m/%Y, %H:%M} - {author}: {name} (file attached)\nphoto {i}')
            archive.writestr(name, png(i))
        archive.writestr('WhatsApp Chat with Bench.txt', '\n'.join(lines) + '\n')


if __name__ == '__main__':
    main(int(sys.argv[1]), sys.argv[2], int(sys.argv[3]) if len(sys.argv) > 3 else 0)
