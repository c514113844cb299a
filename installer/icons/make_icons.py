#!/usr/bin/env python3
"""Draws the Sluice icon (a gate over flowing water) and writes PNG, ICO and ICNS files.

Pure standard library, so anyone can regenerate the icons: python3 installer/icons/make_icons.py
"""
import math
import os
import struct
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))
SS = 4  # supersampling for smooth edges

BG = (15, 61, 86)
GATE = (236, 239, 241)
WATER = (79, 195, 247)


def inside_rounded_square(x, y, size, radius):
    cx = min(max(x, radius), size - radius)
    cy = min(max(y, radius), size - radius)
    return (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2


def colour_at(x, y, size):
    """x, y in [0, size); returns RGBA."""
    u, v = x / size, y / size
    if not inside_rounded_square(x, y, size, size * 0.18):
        return (0, 0, 0, 0)
    # gate: two posts and a lintel
    if 0.22 <= u <= 0.30 and 0.16 <= v <= 0.80:
        return GATE + (255,)
    if 0.70 <= u <= 0.78 and 0.16 <= v <= 0.80:
        return GATE + (255,)
    if 0.22 <= u <= 0.78 and 0.16 <= v <= 0.25:
        return GATE + (255,)
    # the raised gate panel
    if 0.33 <= u <= 0.67 and 0.29 <= v <= 0.44:
        return GATE + (255,)
    # three waves flowing out under the gate
    for i, base in enumerate((0.55, 0.66, 0.77)):
        wave = base + 0.025 * math.sin((u * 3.2 + i * 0.5) * 2 * math.pi)
        if abs(v - wave) <= 0.028 and 0.12 <= u <= 0.88:
            return WATER + (255,)
    return BG + (255,)


def render(size):
    big = size * SS
    rows = []
    for y in range(size):
        row = bytearray()
        for x in range(size):
            acc = [0, 0, 0, 0]
            for sy in range(SS):
                for sx in range(SS):
                    r, g, b, a = colour_at(x * SS + sx + 0.5, y * SS + sy + 0.5, big)
                    acc[0] += r * a
                    acc[1] += g * a
                    acc[2] += b * a
                    acc[3] += a
            n = SS * SS
            alpha = acc[3] / n
            if acc[3]:
                row += bytes((round(acc[0] / acc[3]), round(acc[1] / acc[3]), round(acc[2] / acc[3]), round(alpha)))
            else:
                row += b"\0\0\0\0"
        rows.append(bytes(row))
    return rows


def png(size):
    rows = render(size)
    raw = b"".join(b"\0" + r for r in rows)

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b""))


def ico(pngs):
    """ICO with PNG-compressed images (Windows Vista and later)."""
    header = struct.pack("<HHH", 0, 1, len(pngs))
    offset = 6 + 16 * len(pngs)
    entries, blobs = b"", b""
    for size, data in pngs:
        dim = 0 if size >= 256 else size
        entries += struct.pack("<BBBBHHII", dim, dim, 0, 0, 1, 32, len(data), offset + len(blobs))
        blobs += data
    return header + entries + blobs


def icns(pngs):
    kinds = {32: b"ic11", 64: b"ic12", 128: b"ic07", 256: b"ic08", 512: b"ic09"}
    body = b"".join(kinds[s] + struct.pack(">I", len(d) + 8) + d for s, d in pngs if s in kinds)
    return b"icns" + struct.pack(">I", len(body) + 8) + body


def main():
    pngs = [(s, png(s)) for s in (32, 64, 128, 256)]
    by_size = dict(pngs)
    with open(os.path.join(HERE, "sluice.png"), "wb") as f:
        f.write(by_size[256])
    with open(os.path.join(HERE, "sluice.ico"), "wb") as f:
        f.write(ico(pngs))
    with open(os.path.join(HERE, "sluice.icns"), "wb") as f:
        f.write(icns(pngs))


if __name__ == "__main__":
    main()
