"""Generators of hostile and broken documents, Python standard library only."""
import io
import struct
import zipfile
import zlib

TENDER_LINES = ["一、资格要求", "投标人注册资本不低于1000万元。", "投标人须为国有企业。", "投标人成立时间不少于5年。"]
TENDER = "\n".join(TENDER_LINES) + "\n"


def pdf(objects, root=1, trailer_extra=""):
    """A PDF from numbered object bodies (1-based, as strings or bytes) with a correct xref table."""
    out = io.BytesIO()
    out.write(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for i, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % i)
        out.write(body if isinstance(body, bytes) else body.encode("latin-1"))
        out.write(b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for off in offsets:
        out.write(b"%010d 00000 n \n" % off)
    out.write(("trailer\n<< /Size %d /Root %d 0 R %s >>\nstartxref\n%d\n%%%%EOF\n"
               % (len(objects) + 1, root, trailer_extra, xref)).encode("latin-1"))
    return out.getvalue()


def stream(data, extra=""):
    if isinstance(data, str):
        data = data.encode("latin-1")
    return b"<< /Length %d %s >>\nstream\n" % (len(data), extra.encode()) + data + b"\nendstream"


def text_pdf(pages):
    """A PDF of `pages` pages, each one line of ASCII text (Helvetica)."""
    objs = ["<< /Type /Catalog /Pages 2 0 R >>", None, "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
    kids = []
    for n in range(pages):
        page_no = len(objs) + 1
        kids.append("%d 0 R" % page_no)
        objs.append("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >>"
                    " /Contents %d 0 R >>" % (page_no + 1))
        objs.append(stream("BT /F1 12 Tf 72 720 Td (Page %d: bidders must have registered capital) Tj ET" % (n + 1)))
    objs[1] = "<< /Type /Pages /Kids [%s] /Count %d >>" % (" ".join(kids), pages)
    return pdf(objs)


def huge_image_pdf(side=30000):
    """One page holding a side x side 1-bit image that inflates to side^2/8 bytes, and no text."""
    row = b"\x00" * (side // 8)
    comp = zlib.compressobj(9)
    parts = [comp.compress(row * 1000) for _ in range(side // 1000)]
    parts.append(comp.flush())
    data = b"".join(parts)
    objs = ["<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /XObject << /Im1 5 0 R >> >> /Contents 4 0 R >>",
            stream("q 612 0 0 792 0 0 cm /Im1 Do Q"),
            stream(data, "/Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceGray /BitsPerComponent 1"
                   " /Filter /FlateDecode" % (side, side))]
    return pdf(objs)


def page_tree_loop():
    """A page tree whose Pages node lists itself among its kids."""
    return pdf(["<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >>",
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>"])


def deep_page_tree(depth=50000):
    objs = ["<< /Type /Catalog /Pages 2 0 R >>"]
    for i in range(depth):
        n = len(objs) + 1
        objs.append("<< /Type /Pages /Kids [%d 0 R] /Count 1 >>" % (n + 1))
    n = len(objs) + 1
    objs.append("<< /Type /Page /Parent %d 0 R /MediaBox [0 0 612 792] >>" % (n - 1))
    return pdf(objs)


def encrypted_pdf():
    """A PDF under the standard security handler whose user password is not empty (random O and U)."""
    body = text_pdf(1)
    objs = ["<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>", stream("\x13\x88\x01\x99"),
            "<< /Filter /Standard /V 1 /R 2 /Length 40 /P -44 /O <%s> /U <%s> >>" % ("a5" * 32, "3c" * 32)]
    del body
    return pdf(objs, trailer_extra="/Encrypt 5 0 R /ID [<00112233445566778899aabbccddeeff> <00112233445566778899aabbccddeeff>]")


def blank_pages_pdf(pages=2900):
    objs = ["<< /Type /Catalog /Pages 2 0 R >>", None]
    kids = []
    for _ in range(pages):
        kids.append("%d 0 R" % (len(objs) + 1))
        objs.append("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>")
    objs[1] = "<< /Type /Pages /Kids [%s] /Count %d >>" % (" ".join(kids), pages)
    return pdf(objs)


def zip_of(entries, compression=zipfile.ZIP_DEFLATED):
    """A ZIP from (name, bytes) pairs; names are written exactly as given (../ and / included)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression) as z:
        for name, data in entries:
            info = zipfile.ZipInfo(name)
            info.compress_type = compression
            z.writestr(info, data)
    return out.getvalue()


def encrypted_zip():
    """A ZIP whose entry claims traditional PKWARE encryption (flag bit 0) over random-looking bytes."""
    data = bytearray(zip_of([("tender.txt", TENDER.encode("utf-8"))], zipfile.ZIP_STORED))
    i = 0
    while True:
        i = data.find(b"PK\x03\x04", i)
        if i < 0:
            break
        data[i + 6] |= 1
        i += 4
    i = 0
    while True:
        i = data.find(b"PK\x01\x02", i)
        if i < 0:
            break
        data[i + 8] |= 1
        i += 4
    return bytes(data)


def zip_bomb(gib=2):
    """One entry of `gib` GiB of zeros, deflated to a few MB."""
    comp = zlib.compressobj(9, zlib.DEFLATED, -15)
    chunk = b"\x00" * (1 << 24)
    parts = [comp.compress(chunk) for _ in range(gib * 64)]
    parts.append(comp.flush())
    raw = b"".join(parts)
    size = gib << 30
    crc = 0  # not computed: a reader has to inflate everything before it could notice
    name = b"zeros.txt"
    size32 = size & 0xFFFFFFFF  # a lie past 4 GiB is part of the attack anyway
    local = struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, 8, 0, 0, crc, len(raw), size32, len(name), 0) + name
    central = struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0, 8, 0, 0, crc, len(raw), size32, len(name),
                          0, 0, 0, 0, 0, 0) + name
    end = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, 1, 1, len(central), len(local) + len(raw), 0)
    return local + raw + central + end


def docx(document_xml, extra=()):
    ct = ('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
          '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
          '<Default Extension="xml" ContentType="application/xml"/>'
          '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
          '</Types>')
    rels = ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
            '</Relationships>')
    return zip_of([("[Content_Types].xml", ct.encode()), ("_rels/.rels", rels.encode()),
                   ("word/document.xml", document_xml.encode("utf-8"))] + list(extra))


W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def docx_paragraphs(texts):
    body = "".join("<w:p><w:r><w:t>%s</w:t></w:r></w:p>" % t for t in texts)
    return docx('<?xml version="1.0" encoding="UTF-8"?><w:document %s><w:body>%s</w:body></w:document>' % (W, body))


def docx_xml_bomb():
    ents = '<!ENTITY a0 "投标人注册资本不低于1000万元">' + "".join(
        '<!ENTITY a%d "%s">' % (i, ("&a%d;" % (i - 1)) * 10) for i in range(1, 10))
    return docx('<?xml version="1.0"?><!DOCTYPE w:document [%s]><w:document %s><w:body><w:p><w:r><w:t>&a9;</w:t>'
                '</w:r></w:p></w:body></w:document>' % (ents, W))


def docx_xxe():
    return docx('<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY x SYSTEM "file:///etc/passwd">]><w:document %s>'
                '<w:body><w:p><w:r><w:t>&x;</w:t></w:r></w:p></w:body></w:document>' % W)


def docx_inflating(gib=2):
    """A DOCX whose document.xml inflates to about `gib` GiB (one huge run of spaces inside a text element)."""
    head = ('<?xml version="1.0"?><w:document %s><w:body><w:p><w:r><w:t>' % W).encode()
    tail = b"</w:t></w:r></w:p></w:body></w:document>"
    base = docx_paragraphs(["x"])
    with zipfile.ZipFile(io.BytesIO(base)) as z:
        entries = [(n, z.read(n)) for n in z.namelist() if n != "word/document.xml"]
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        for n, d in entries:
            z.writestr(n, d)
        with z.open("word/document.xml", "w", force_zip64=True) as f:
            f.write(head)
            chunk = b" " * (1 << 24)
            for _ in range(gib * 64):
                f.write(chunk)
            f.write(tail)
    return out.getvalue()


def ofd_zipslip(escape_name):
    """An OFD package with a normal OFD.xml and one entry whose name climbs out of the unpack folder."""
    ofd_xml = ('<?xml version="1.0" encoding="UTF-8"?><ofd:OFD xmlns:ofd="http://www.ofdspec.org/2016" Version="1.0" DocType="OFD">'
               '<ofd:DocBody><ofd:DocInfo><ofd:DocID>x</ofd:DocID></ofd:DocInfo><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot>'
               '</ofd:DocBody></ofd:OFD>')
    return zip_of([("OFD.xml", ofd_xml.encode()), (escape_name, b"written by the hostile suite\n")])
