"""Erasmus Without Paper, Interinstitutional Agreements API v7: names and the IIA hash.

The network computes ``iia-hash`` with an XSLT 2.0 sheet (``transform_version_7.xsl`` of
ewp-specs-api-iias, resources/xsltKit) that libxslt cannot run; ``iia_text_to_hash`` follows it
step by step: the ``terminated-as-a-whole`` flag, both partners' ``iia-id`` in order, then for
each mobility specification its leaf elements in document order as
``_grandparent.parent.name=value_`` (contacts, the academic years and ``not-yet-defined``
elements left out, ``v6-value`` replacing an ISCED code), closed by the first and last
academic year. The official example's hash comes out exactly (tests/test_ewp_iia.py).
"""

import hashlib

from lxml import etree

IIAS_NS = "https://github.com/erasmus-without-paper/ewp-specs-api-iias/blob/stable-v7/endpoints/get-response.xsd"
CONTACT_NS = "https://github.com/erasmus-without-paper/ewp-specs-types-contact/tree/stable-v1"
XML_NS = "http://www.w3.org/XML/1998/namespace"
SCHEMA_LOCATION = (
    f"{IIAS_NS} https://raw.githubusercontent.com/erasmus-without-paper/ewp-specs-api-iias/"
    "stable-v7/endpoints/get-response.xsd"
)

# EWP element of each kind of mobility, in the order the schema lists them
SPEC_TAGS = {
    "studies": "student-studies-mobility-spec",
    "traineeship": "student-traineeship-mobility-spec",
    "teaching": "staff-teacher-mobility-spec",
    "training": "staff-training-mobility-spec",
}
TAG_TYPES = {tag: kind for kind, tag in SPEC_TAGS.items()}
STAFF_TYPES = ("teaching", "training")
# studies and staff teaching need at least one recommended language skill
LANGUAGE_REQUIRED_TYPES = ("studies", "teaching")
_CONTACT_TAGS = ("sending-contact", "receiving-contact")
_YEAR_TAGS = ("receiving-first-academic-year-id", "receiving-last-academic-year-id")


def qname(tag, namespace=IIAS_NS):
    return f"{{{namespace}}}{tag}"


def local_name(element):
    return etree.QName(element).localname if isinstance(element.tag, str) else ""


def children(element, name=None):
    """Element children of ``element`` (named ``name`` when given), comments left out."""
    return [child for child in element if isinstance(child.tag, str) and (name is None or local_name(child) == name)]


def text_of(element):
    return "".join(element.itertext()) if element is not None else ""


def _not_yet_defined(element):
    return element.get("not-yet-defined") in ("true", "1")


def iia_text_to_hash(iia):
    """The ``text-to-hash`` of one ``<iia>`` element, as transform_version_7.xsl builds it."""
    out = []
    conditions = children(iia, "cooperation-conditions")
    conditions = conditions[0] if conditions else None
    if conditions is not None and conditions.get("terminated-as-a-whole") in ("true", "1"):
        out.append("_@terminated-as-a-whole@_")
    for position, partner in enumerate(children(iia, "partner"), 1):
        # the sheet dumps the element even when it is absent, with an empty value
        ids = children(partner, "iia-id")
        out.append(f"_iia-id_{position}={text_of(ids[0]) if ids else ''}_")
    for spec in children(conditions) if conditions is not None else []:
        for element in spec.iterdescendants():
            if not isinstance(element.tag, str):
                continue
            ancestors = list(element.iterancestors())
            if any(local_name(a) in _CONTACT_TAGS for a in ancestors) or local_name(element) in _YEAR_TAGS:
                continue
            if _not_yet_defined(element) or any(_not_yet_defined(a) for a in ancestors):
                continue
            parent = element.getparent()
            grandparent = parent.getparent()
            path = f"{local_name(grandparent)}.{local_name(parent)}.{local_name(element)}"
            for name, value in element.attrib.items():
                name = etree.QName(name).localname
                if name not in ("not-yet-defined", "v6-value"):
                    out.append(f"_@{path}.{name}={value}@_")
            if not children(element):
                value = element.get("v6-value") if local_name(element) == "isced-f-code" else None
                out.append(f"_{path}={value or text_of(element)}_")
        for tag in _YEAR_TAGS:
            years = children(spec, tag)
            out.append(f"_{tag}={text_of(years[0]) if years else ''}_")
    return "".join(out)


def iia_hash(iia):
    """SHA-256 (hex) of the ``text-to-hash`` of one ``<iia>`` element."""
    return hashlib.sha256(iia_text_to_hash(iia).encode()).hexdigest()


def decimal_text(value):
    """An EWP decimal (two fraction digits at most), written the same way each time for the hash."""
    return f"{value:.2f}".rstrip("0").rstrip(".")


def parse_response(data):
    """The root of an ``iias-get-response`` document (bytes); ValueError when it is not one."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True, remove_blank_text=True)
    root = etree.fromstring(data, parser)
    if root.tag != qname("iias-get-response"):
        raise ValueError(root.tag)
    return root
