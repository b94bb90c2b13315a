"""An IMS Common Cartridge 1.1 with one test per chapter, for Brightspace and Moodle's import.

A cartridge may hold only one question bank, so each chapter comes as an assessment (a test)
of the Common Cartridge profile of QTI 1.2; importing it puts its questions in the platform's
question bank as well. That profile knows multiple choice, multiple response and essay, not
matching: the sorts stay out of the cartridge.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

from . import book, package, qti

NS = "http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1"
SCHEMA = f"{NS} http://www.imsglobal.org/profile/cc/ccv1p1/ccv1p1_imscp_v1p2_v1p0.xsd"
QTI_SCHEMA = f"{qti.NS} http://www.imsglobal.org/profile/cc/ccv1p1/ccv1p1_qtiasiv1p2p1_v1p0.xsd"
LOM = "http://ltsc.ieee.org/xsd/imsccv1p1/LOM/manifest"
ET.register_namespace("lomimscc", LOM)
ASSESSMENT = "imsqti_xmlv1p2/imscc_xmlv1p1/assessment"
FILENAME = "integraal-samenwerken.imscc"


def assessment(chapter: book.Chapter, found: list[ET.Element]) -> bytes:
    """The chapter's items as one test of the cartridge's QTI profile."""
    test = ET.Element("assessment", ident=package.ident(chapter.stem), title=chapter.title)
    fields = {"cc_profile": "cc.exam.v0p1", "qmd_assessmenttype": "Examination", "cc_maxattempts": "unlimited"}
    qti.metadata(test, fields)
    section = qti.sub(test, "section", ident=package.ident(f"{chapter.stem}-vragen"))
    section.extend(found)
    top = ET.Element("questestinterop")
    top.set(package.SCHEMA_LOCATION, QTI_SCHEMA)
    top.append(test)
    return package.xml_bytes(top, qti.NS)


def manifest(tests: dict[str, tuple[str, bytes]]) -> bytes:
    """The cartridge's manifest: the chapters in reading order, each leading to its test."""
    root = ET.Element("manifest", identifier=package.ident("integraal-samenwerken-cc"))
    root.set(package.SCHEMA_LOCATION, SCHEMA)
    metadata = ET.SubElement(root, "metadata")
    ET.SubElement(metadata, "schema").text = "IMS Common Cartridge"
    ET.SubElement(metadata, "schemaversion").text = "1.1.0"
    course_title = ET.SubElement(
        ET.SubElement(ET.SubElement(metadata, f"{{{LOM}}}lom"), f"{{{LOM}}}general"), f"{{{LOM}}}title"
    )
    ET.SubElement(course_title, f"{{{LOM}}}string", language="nl").text = book.COURSE
    organization = ET.SubElement(
        ET.SubElement(root, "organizations"), "organization", identifier="organisatie", structure="rooted-hierarchy"
    )
    top = ET.SubElement(organization, "item", identifier="boek")
    resources = ET.SubElement(root, "resources")
    for path, (title, _) in tests.items():
        stem = Path(path).parent.name
        entry = ET.SubElement(top, "item", identifier=package.ident(f"{stem}-item"), identifierref=package.ident(stem))
        ET.SubElement(entry, "title").text = title
        resource = ET.SubElement(resources, "resource", identifier=package.ident(stem), type=ASSESSMENT)
        ET.SubElement(resource, "file", href=path)
    return package.xml_bytes(root, NS)


def write(chapters: list[book.Chapter], target: Path) -> int:
    """The cartridge at target; returns the number of items."""
    tests, count = {}, 0
    for chapter in chapters:
        found = qti.items(chapter.exercises, "cartridge")
        if found:
            tests[f"{chapter.stem}/assessment.xml"] = (chapter.title, assessment(chapter, found))
            count += len(found)
    package.write_zip(target, manifest(tests), tests)
    return count
