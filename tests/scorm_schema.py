"""The SCORM 1.2 manifest's schema for tests/unit/test_scorm.py and tests/browser/test_scorm.py."""

from __future__ import annotations

from pathlib import Path

from lxml import etree

from widgets.exports import scorm

SCHEMAS = Path(__file__).parent / "schemas" / "scorm12"


def manifest_schema() -> etree.XMLSchema:
    """IMS CP 1.1.2 with ADL's SCORM 1.2 extensions: one schema that imports both, as the
    manifest uses both namespaces."""
    imports = "".join(
        f'<xsd:import namespace="{ns}" schemaLocation="{(SCHEMAS / name).as_uri()}"/>'
        for ns, name in ((scorm.CP, "imscp_rootv1p1p2.xsd"), (scorm.ADLCP, "adlcp_rootv1p2.xsd"))
    )
    return etree.XMLSchema(
        etree.fromstring(f'<xsd:schema xmlns:xsd="http://www.w3.org/2001/XMLSchema">{imports}</xsd:schema>')
    )
