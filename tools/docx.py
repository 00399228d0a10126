"""A minimal Word document (Office Open XML ``.docx``) from a title and paragraphs.

The model agreements DIC keeps are Word documents the institutes edit into their
drafts; the demo writes its models with this (Kazakh, Russian and English text,
UTF-8 throughout), and Word, LibreOffice and Odoo's viewer open them.
"""
import io
import zipfile
from xml.sax.saxutils import escape

_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
    '</Types>'
)
_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" '
    'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
    'Target="word/document.xml"/>'
    '</Relationships>'
)
_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MIMETYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _paragraph(text, bold=False, center=False):
    props = '<w:pPr><w:jc w:val="center"/></w:pPr>' if center else ""
    run_props = "<w:rPr><w:b/></w:rPr>" if bold else ""
    return (f'<w:p>{props}<w:r>{run_props}<w:t xml:space="preserve">{escape(text)}</w:t></w:r></w:p>')


def make_docx(title, paragraphs):
    """The bytes of a ``.docx`` whose first line is ``title`` (bold, centred), then ``paragraphs``."""
    body = _paragraph(title, bold=True, center=True) + "".join(_paragraph(text) for text in paragraphs)
    document = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                f'<w:document xmlns:w="{_W}"><w:body>{body}<w:sectPr/></w:body></w:document>')
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", _CONTENT_TYPES)
        archive.writestr("_rels/.rels", _RELS)
        archive.writestr("word/document.xml", document)
    return buffer.getvalue()
