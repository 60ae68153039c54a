#!/usr/bin/env python3
"""Writes hostile PDFs for the PDF reader's robustness tests (standard library only).

usage: make-hostile-pdfs.py OUTDIR

  zero-pages.pdf       a valid file whose page tree is empty
  ten-thousand.pdf     10,000 pages, each with the same title and a line of its own
  three-hundred.pdf    the same with 300 pages
  huge-page.pdf        one 200-inch page whose content stream is 10 MB of text, 12,000 lines of it on the page
  bomb.pdf             one page whose Flate stream inflates to 1 GiB of spaces (~1 MB on disk)
  encrypted.pdf        RC4 40-bit standard security handler with a user password ("rahasia")
  no-text.pdf          three pages with only vector drawing (what a scanned page gives: no words)
"""
import hashlib
import os
import sys
import zlib

PAD = bytes.fromhex("28BF4E5E4E758A4164004E56FFFA01082E2E00B6D0683E802F0CA9FE6453697A")


def rc4(key, data):
    s = list(range(256))
    j = 0
    for i in range(256):
        j = (j + s[i] + key[i % len(key)]) % 256
        s[i], s[j] = s[j], s[i]
    out = bytearray()
    i = j = 0
    for byte in data:
        i = (i + 1) % 256
        j = (j + s[i]) % 256
        s[i], s[j] = s[j], s[i]
        out.append(byte ^ s[(s[i] + s[j]) % 256])
    return bytes(out)


def write_pdf(path, objects, trailer_extra=b"", encrypt=None):
    """objects: list of bytes (object bodies, numbered from 1). encrypt: (key) to encrypt streams/strings."""
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R %s>>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, trailer_extra, xref)
    with open(path, "wb") as f:
        f.write(out)


def stream(data, compress=False, extra=b""):
    if compress:
        data = zlib.compress(data, 9)
        extra += b" /Filter /FlateDecode"
    return b"<< /Length %d%s >>\nstream\n" % (len(data), extra) + data + b"\nendstream"


FONT = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"


def simple(path, page_count, content, compress=False, media_box=b"[0 0 595 842]"):
    # 1 catalog, 2 pages, 3 font, 4 content, then the pages.
    kids = b" ".join(b"%d 0 R" % (5 + i) for i in range(page_count))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, page_count),
        FONT,
        stream(content, compress),
    ]
    for _ in range(page_count):
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox %s /Resources << /Font << /F1 3 0 R >> >> /Contents 4 0 R >>"
            % media_box
        )
    write_pdf(path, objects)


def main():
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    text = b"BT /F1 11 Tf 72 760 Td (SKEMA SERTIFIKASI UJI) Tj ET"
    simple(os.path.join(out, "zero-pages.pdf"), 0, text)
    for name, count in [("ten-thousand.pdf", 10_000), ("three-hundred.pdf", 300)]:
        # Each page has a line of its own beside the title every page repeats.
        kids = b" ".join(b"%d 0 R" % (4 + 2 * i) for i in range(count))
        objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, count), FONT]
        for i in range(count):
            objects.append(
                b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents %d 0 R >>"
                % (5 + 2 * i))
            objects.append(stream(text + b" BT /F1 11 Tf 72 700 Td (Isi halaman %d kode N.78SPS02.%03d.1) Tj ET" % (i + 1, i % 1000)))
        write_pdf(os.path.join(out, name), objects)
    lines = []
    size = 0
    while size < 10_000_000:
        # Every line differs (poppler drops text it takes for a repeated overprint).
        n = len(lines)
        lines.append(b"(%d N.78SPS02.%03d.1 Menilai Kemajuan Kompetensi Peserta %d) Tj T* " % (n, n % 1000, n * 7))
        size += len(lines[-1])
    huge = b"BT /F1 1 Tf 1.2 TL 10 14390 Td " + b"".join(lines) + b"ET"
    simple(os.path.join(out, "huge-page.pdf"), 1, huge, compress=True, media_box=b"[0 0 14400 14400]")
    # Inflates to 1 GiB: a reader that inflates without bound runs out of memory.
    compressor = zlib.compressobj(9)
    chunk = b" " * (1 << 20)
    bomb = b"".join(compressor.compress(chunk) for _ in range(1024)) + compressor.flush()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [5 0 R] /Count 1 >>",
        FONT,
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(bomb) + bomb + b"\nendstream",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents 4 0 R >>",
    ]
    write_pdf(os.path.join(out, "bomb.pdf"), objects)
    # Standard security handler, revision 2 (RC4 40-bit), user password "rahasia".
    user = (b"rahasia" + PAD)[:32]
    owner_key = hashlib.md5((b"pemilik" + PAD)[:32]).digest()[:5]
    o_value = rc4(owner_key, user)
    file_id = hashlib.md5(b"skkni-hostile").digest()
    p_value = -44
    key = hashlib.md5(user + o_value + p_value.to_bytes(4, "little", signed=True) + file_id).digest()[:5]
    u_value = rc4(key, PAD)
    def object_key(number):
        return hashlib.md5(key + number.to_bytes(3, "little") + (0).to_bytes(2, "little")).digest()[:10]
    content = rc4(object_key(4), text)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [5 0 R] /Count 1 >>",
        FONT,
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents 4 0 R >>",
        b"<< /Filter /Standard /V 1 /R 2 /O <%s> /U <%s> /P %d >>" % (o_value.hex().encode(), u_value.hex().encode(), p_value),
    ]
    write_pdf(
        os.path.join(out, "encrypted.pdf"), objects,
        trailer_extra=b"/Encrypt 6 0 R /ID [<%s> <%s>] " % (file_id.hex().encode(), file_id.hex().encode()))
    simple(os.path.join(out, "no-text.pdf"), 3, b"0 0 1 rg 100 100 300 300 re f")


if __name__ == "__main__":
    main()
