/// The PNG pixel statistics script, run with `python3 -c` (kept in Swift so that the test
/// target has no unhandled resource files). Standard library only: zlib and struct.
enum PNGColoursScript {
    static let source = #"""
#!/usr/bin/env python3
"""Reads a PNG screenshot (8-bit RGB or RGBA, non-interlaced, as Chromium writes them) with the
standard library only and prints one JSON object: width, height, the number of distinct
colours, the fraction of pixels that differ from the most common (background) colour, and
how many pixels are close to each colour given as RRGGBB arguments.

Usage: png_colours.py FILE.png [RRGGBB ...]
"""
import json
import struct
import sys
import zlib


def read_png(path):
    with open(path, "rb") as handle:
        data = handle.read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError("not a PNG file")
    offset = 8
    width = height = 0
    depth = colour_type = interlace = 0
    idat = b""
    while offset < len(data):
        length, kind = struct.unpack(">I4s", data[offset:offset + 8])
        body = data[offset + 8:offset + 8 + length]
        offset += 12 + length
        if kind == b"IHDR":
            width, height, depth, colour_type, _, _, interlace = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat += body
        elif kind == b"IEND":
            break
    if depth != 8 or colour_type not in (2, 6) or interlace != 0:
        raise ValueError(f"unsupported PNG: depth {depth}, colour type {colour_type}, interlace {interlace}")
    channels = 3 if colour_type == 2 else 4
    raw = zlib.decompress(idat)
    stride = width * channels
    rows = []
    previous = bytearray(stride)
    position = 0
    for _ in range(height):
        kind = raw[position]
        line = bytearray(raw[position + 1:position + 1 + stride])
        position += 1 + stride
        for i in range(stride):
            left = line[i - channels] if i >= channels else 0
            up = previous[i]
            corner = previous[i - channels] if i >= channels else 0
            if kind == 1:
                line[i] = (line[i] + left) & 0xFF
            elif kind == 2:
                line[i] = (line[i] + up) & 0xFF
            elif kind == 3:
                line[i] = (line[i] + ((left + up) >> 1)) & 0xFF
            elif kind == 4:
                estimate = left + up - corner
                pa, pb, pc = abs(estimate - left), abs(estimate - up), abs(estimate - corner)
                predictor = left if pa <= pb and pa <= pc else (up if pb <= pc else corner)
                line[i] = (line[i] + predictor) & 0xFF
        rows.append(bytes(line))
        previous = line
    return width, height, channels, rows


def main():
    path = sys.argv[1]
    wanted = [tuple(int(text[i:i + 2], 16) for i in (0, 2, 4)) for text in sys.argv[2:]]
    width, height, channels, rows = read_png(path)
    counts = {}
    near = [0] * len(wanted)
    for row in rows:
        for x in range(0, width * channels, channels):
            pixel = (row[x], row[x + 1], row[x + 2])
            counts[pixel] = counts.get(pixel, 0) + 1
    for pixel, count in counts.items():
        for index, colour in enumerate(wanted):
            if all(abs(a - b) <= 12 for a, b in zip(pixel, colour)):
                near[index] += count
    background = max(counts.values()) if counts else 0
    total = width * height
    print(json.dumps({
        "width": width, "height": height, "distinct": len(counts),
        "non_background": (total - background) / total if total else 0.0,
        "near": {text: count for text, count in zip(sys.argv[2:], near)},
    }))


if __name__ == "__main__":
    main()
"""#
}
