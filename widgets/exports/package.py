"""Packaging shared by the QTI zip and the Common Cartridge: XML bytes, manifest, zip."""

from __future__ import annotations

import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

XSI = "http://www.w3.org/2001/XMLSchema-instance"
SCHEMA_LOCATION = f"{{{XSI}}}schemaLocation"
CP = "http://www.imsglobal.org/xsd/imscp_v1p1"
ET.register_namespace("xsi", XSI)


def xml_bytes(root: ET.Element, namespace: str) -> bytes:
    """root as a UTF-8 XML document, its unprefixed elements in namespace. (An xmlns attribute:
    ElementTree's default_namespace refuses the unprefixed attributes every format here has.)"""
    root.set("xmlns", namespace)
    ET.indent(root)
    return ET.tostring(root, encoding="UTF-8", xml_declaration=True)


def ident(text: str) -> str:
    """An XML ID (a manifest identifier) made of one of our ids: it must not start with a digit."""
    return f"i-{text}"


def qti_manifest(files: dict[str, tuple[str, bytes]]) -> bytes:
    """An IMS Content Packaging 1.1 manifest that lists each QTI file as a resource."""
    manifest = ET.Element("manifest", identifier=ident("integraal-samenwerken-qti"))
    manifest.set(SCHEMA_LOCATION, f"{CP} http://www.imsglobal.org/xsd/imscp_v1p1.xsd")
    metadata = ET.SubElement(manifest, "metadata")
    ET.SubElement(metadata, "schema").text = "IMS Content"
    ET.SubElement(metadata, "schemaversion").text = "1.1.3"
    ET.SubElement(manifest, "organizations")
    resources = ET.SubElement(manifest, "resources")
    for path in files:
        resource = ET.SubElement(
            resources, "resource", identifier=ident(Path(path).stem), type="imsqti_xmlv1p2", href=path
        )
        ET.SubElement(resource, "file", href=path)
    return xml_bytes(manifest, CP)


def write_zip(target: Path, manifest: bytes, files: dict[str, tuple[str, bytes]]) -> None:
    """The package: imsmanifest.xml first, then every file it names."""
    target.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("imsmanifest.xml", manifest)
        for path, (_, content) in files.items():
            archive.writestr(path, content)
