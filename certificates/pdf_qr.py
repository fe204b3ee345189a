"""The certificate's QR code as a PNG written here, which WeasyPrint embeds without recoding.

segno's own PNG is one bit a pixel; WeasyPrint turns any such image into RGB, writes it as a new
PNG while laying out, then decodes and encodes it once more while writing the PDF: three PNG
codings of the same 164 x 164 pixels per certificate. Here the PNG is 8-bit grey with no row
filters, written once with zlib, so its compressed image data is also exactly what the PDF needs
(FlateDecode with PNG predictors, which WeasyPrint declares for every PNG image): `QRImage` hands
WeasyPrint those bytes as they are. Same pixels, same place on the page, same resource name.
"""

from __future__ import annotations

import base64
import io
import struct
import zlib
from dataclasses import dataclass
from hashlib import md5

import segno
from PIL import Image
from weasyprint import DEFAULT_OPTIONS
from weasyprint.images import RasterImage

LIGHT, DARK = 255, 0


@dataclass(frozen=True)
class QRCodePNG:
    png: bytes
    image_data: bytes  # the zlib stream of the PNG's IDAT chunks: its rows, filter byte first
    size: int  # pixels a side

    @property
    def data_uri(self) -> str:
        return "data:image/png;base64," + base64.b64encode(self.png).decode("ascii")


def qr_code_png(url: str, *, mask: int, scale: int = 4, border: int = 2) -> QRCodePNG:
    """`url` as a QR code (error correction M, `mask` fixed): `scale` pixels a module, a quiet
    zone of `border` modules, dark modules black on white."""
    matrix = segno.make(url, error="m", micro=False, mask=mask).matrix
    modules = len(matrix) + 2 * border
    size = modules * scale
    pixel = {0: bytes([LIGHT]) * scale, 1: bytes([DARK]) * scale}
    quiet = pixel[0] * border
    blank_row = b"\x00" + pixel[0] * modules
    rows = [blank_row] * (border * scale)
    for row in matrix:
        line = b"\x00" + quiet + b"".join(pixel[module & 1] for module in row) + quiet
        rows.extend([line] * scale)
    rows.extend([blank_row] * (border * scale))
    image_data = zlib.compress(b"".join(rows), 6)  # (9 is twenty times slower for 1% less)
    header = struct.pack(">IIBBBBB", size, size, 8, 0, 0, 0, 0)  # 8-bit grey, no interlace
    png = b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", header) + _chunk(b"IDAT", image_data) + _chunk(b"IEND", b"")
    return QRCodePNG(png=png, image_data=image_data, size=size)


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


class QRImage(RasterImage):
    """WeasyPrint's raster image of a `QRCodePNG`, for its image cache under the code's data URI
    (the key WeasyPrint looks images up by), so it is neither fetched nor decoded."""

    def __init__(self, qr: QRCodePNG, cache: dict, options=DEFAULT_OPTIONS):
        self._image_data = qr.image_data
        image_id = md5(qr.data_uri.encode(), usedforsecurity=False).hexdigest()  # as WeasyPrint's
        # Image.open reads the header only: mode L, PNG, so WeasyPrint keeps the PNG as it is.
        super().__init__(Image.open(io.BytesIO(qr.png)), image_id, qr.png, cache=cache,
                         orientation="none", options=options)

    def _get_png_data(self, pillow_image) -> bytes:
        """The image data for the PDF: what WeasyPrint would get by encoding the pixels again."""
        if pillow_image.size != (self.width, self.height):  # resampled (the `dpi` option)
            return super()._get_png_data(pillow_image)
        return self._image_data
