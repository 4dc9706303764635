"""edXML (QCVN 102:2016/BTTTT): the national format for exchanging official documents.

A pure library: `parse_package` reads a package, `build_package` writes one.
"""

from haicap.documents.edxml.build import build_package
from haicap.documents.edxml.model import NS, EdxmlError, Package
from haicap.documents.edxml.parse import parse_package

__all__ = ["NS", "EdxmlError", "Package", "build_package", "parse_package"]
