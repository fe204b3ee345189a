"""Baked badges (OB 3.0 § Baked Badge): the signed credential inside the badge image itself, as an
uncompressed PNG iTXt chunk with keyword `openbadgecredential`, or the `verify` attribute of an
`<openbadges:credential>` element directly inside an SVG's root."""

import re
import struct
import zlib
from functools import lru_cache
from pathlib import Path

from django.template.loader import render_to_string

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
KEYWORD = b"openbadgecredential"
SVG_NAMESPACE = "https://purl.imsglobal.org/ob/v3p0"
BADGE_PNG = Path(__file__).with_name("assets") / "badge.png"


@lru_cache(maxsize=1)
def badge_png() -> bytes:
    return BADGE_PNG.read_bytes()


def _chunks(data: bytes):
    """(type, body, start, end) of each chunk of a PNG; ValueError if it is not one."""
    if not data.startswith(PNG_SIGNATURE):
        raise ValueError("not a PNG image")
    offset = len(PNG_SIGNATURE)
    while offset + 12 <= len(data):
        (length,) = struct.unpack(">I", data[offset:offset + 4])
        kind = data[offset + 4:offset + 8]
        end = offset + 12 + length
        if end > len(data):
            raise ValueError("truncated PNG")
        yield kind, data[offset + 8:offset + 8 + length], offset, end
        offset = end
        if kind == b"IEND":
            return


def _chunk(kind: bytes, body: bytes) -> bytes:
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))


def bake_png(jwt: str, image: bytes | None = None) -> bytes:
    """The badge PNG with `jwt` in an iTXt chunk (replacing any credential already baked in)."""
    image = image or badge_png()
    # keyword, NUL, compression flag 0, method 0, empty language tag NUL, empty translated keyword NUL
    itxt = _chunk(b"iTXt", KEYWORD + b"\x00\x00\x00\x00\x00" + jwt.encode())
    out = bytearray(PNG_SIGNATURE)
    for kind, body, start, end in _chunks(image):
        if kind == b"iTXt" and body.startswith(KEYWORD + b"\x00"):
            continue
        out += image[start:end]
        if kind == b"IHDR":
            out += itxt
    return bytes(out)


def unbake_png(data: bytes) -> str | None:
    for kind, body, _start, _end in _chunks(data):
        if kind == b"iTXt" and body.startswith(KEYWORD + b"\x00"):
            rest = body[len(KEYWORD) + 1:]
            if rest[:1] != b"\x00":  # compressed: the specification forbids it
                raise ValueError("compressed credential chunk")
            _flag, _method, rest = rest[0], rest[1], rest[2:]
            _language, rest = rest.split(b"\x00", 1)
            _translated, text = rest.split(b"\x00", 1)
            return text.decode()
    return None


def bake_svg(jwt: str, *, title: str) -> str:
    return render_to_string("credentials/badge.svg", {"jwt": jwt, "title": title, "namespace": SVG_NAMESPACE})


SVG_CREDENTIAL = re.compile(r"<openbadges:credential\b[^>]*?\bverify\s*=\s*([\"'])([A-Za-z0-9_\-.]+)\1")


def unbake_svg(text: str) -> str | None:
    match = SVG_CREDENTIAL.search(text)
    return match.group(2) if match else None
