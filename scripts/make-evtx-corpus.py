#!/usr/bin/env python3
"""Builds one large EVTX file for benchmarks from the chunks of the sample files (chunks are self-contained: each
holds its own string and template tables), repeated until the file reaches the requested size. The file header is
rewritten (chunk count, last chunk, CRC32) so that readers see a clean file.
Usage: scripts/make-evtx-corpus.py OUT.evtx SIZE_MB [DIR of .evtx] [--skip NAME-SUBSTRING ...]"""
import os, struct, sys, zlib

def main():
    out, size_mb = sys.argv[1], int(sys.argv[2])
    rest = sys.argv[3:]
    skip = [rest[i + 1] for i in range(len(rest)) if rest[i] == "--skip"]
    rest = [a for i, a in enumerate(rest) if a != "--skip" and (i == 0 or rest[i - 1] != "--skip")]
    src = rest[0] if rest else os.path.join(os.path.dirname(__file__), "..", "..", "shared", "data", "samples", "evtx")
    files = sorted(os.path.join(d, f) for d, _, fs in os.walk(src) for f in fs if f.endswith(".evtx"))
    files = [f for f in files if not any(s in f for s in skip)]
    chunks = []
    header = None
    for f in files:
        data = open(f, "rb").read()
        if data[:8] != b"ElfFile\0":
            continue
        header = header or bytearray(data[:4096])
        for off in range(4096, len(data) - 65535, 65536):
            chunk = data[off:off + 65536]
            if chunk[:8] == b"ElfChnk\0":
                chunks.append(chunk)
    if not chunks:
        sys.exit("no chunks found")
    count = max(1, size_mb * 1024 * 1024 // 65536)
    with open(out, "wb") as o:
        struct.pack_into("<QQ", header, 8, 0, count - 1)          # first and last chunk number
        struct.pack_into("<H", header, 0x2A, min(count, 0xFFFF))  # number of chunks (16 bits; readers scan the file)
        struct.pack_into("<I", header, 0x78, 0)                   # flags: clean
        struct.pack_into("<I", header, 0x7C, zlib.crc32(bytes(header[:120])))
        o.write(header)
        for i in range(count):
            o.write(chunks[i % len(chunks)])
    print(f"{out}: {count} chunks from {len(chunks)} distinct ({len(files)} files)")

main()
