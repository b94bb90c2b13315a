"""QTI 1.2 items, and the zip that Canvas and Blackboard import: one question bank per chapter.

Items follow the shape Canvas itself exports (question_type in the item's metadata, the score
in SCORE from 0 to 100, feedback per option through displayfeedback), which is plain QTI 1.2
ASI and valid against its schema. The Common Cartridge (``cartridge.py``) reuses the items with
its own profile's metadata.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

from .. import _markdown
from .._schema import Exercise, Question, Reflectie, Sort, WithQuestions
from . import book, package

NS = "http://www.imsglobal.org/xsd/ims_qtiasiv1p2"
SCHEMA = f"{NS} http://www.imsglobal.org/xsd/ims_qtiasiv1p2p1.xsd"
FILENAME = "integraal-samenwerken-qti.zip"
# The question types of Canvas's QTI and of the Common Cartridge profile of QTI.
CANVAS = {
    "single": "multiple_choice_question",
    "multiple": "multiple_answers_question",
    "matching": "matching_question",
    "essay": "essay_question",
}
CARTRIDGE = {"single": "cc.multiple_choice.v0p1", "multiple": "cc.multiple_response.v0p1", "essay": "cc.essay.v0p1"}


def sub(parent: ET.Element, tag: str, text: str | None = None, **attributes: str) -> ET.Element:
    """A QTI child element; continue_ stands for the attribute continue, a Python keyword."""
    element = ET.SubElement(parent, tag, {k.rstrip("_"): v for k, v in attributes.items()})
    element.text = text
    return element


def _material(parent: ET.Element, html: str) -> ET.Element:
    material = sub(parent, "material")
    sub(material, "mattext", html, texttype="text/html")
    return material


def metadata(parent: ET.Element, fields: dict[str, str]) -> None:
    metadata = sub(parent, "qtimetadata")
    for label, entry in fields.items():
        field = sub(metadata, "qtimetadatafield")
        sub(field, "fieldlabel", label)
        sub(field, "fieldentry", entry)


def _item(ident: str, title: str, kind: str, profile: str) -> ET.Element:
    item = ET.Element("item", ident=ident, title=title)
    if profile == "cartridge":
        metadata(sub(item, "itemmetadata"), {"cc_profile": CARTRIDGE[kind]})
    else:
        metadata(sub(item, "itemmetadata"), {"question_type": CANVAS[kind], "points_possible": "1"})
    return item


def _outcomes(resprocessing: ET.Element) -> None:
    outcomes = sub(resprocessing, "outcomes")
    sub(outcomes, "decvar", varname="SCORE", vartype="Decimal", minvalue="0", maxvalue="100")


def _feedback(item: ET.Element, ident: str, html: str) -> None:
    feedback = sub(item, "itemfeedback", ident=ident)
    _material(sub(feedback, "flow_mat"), html)


def choice_item(exercise: WithQuestions, question: Question, profile: str) -> ET.Element:
    """A multiple-choice question; several right answers score only when exactly those are ticked,
    as on the site. Each option shows its own feedback when chosen."""
    ident = f"{exercise.id}--{question.id}"
    item = _item(ident, book.question_name(exercise, question), "multiple" if question.multiple else "single", profile)
    presentation = sub(item, "presentation")
    _material(presentation, book.question_html(exercise, question))
    response = sub(
        presentation, "response_lid", ident="response1", rcardinality="Multiple" if question.multiple else "Single"
    )
    choices = sub(response, "render_choice", shuffle="Yes")
    idents = [f"{ident}-{n}" for n in range(1, len(question.options) + 1)]
    for option_ident, option in zip(idents, question.options, strict=True):
        _material(sub(choices, "response_label", ident=option_ident), _markdown.inline(option.text))
    processing = sub(item, "resprocessing")
    _outcomes(processing)
    for option_ident in idents:
        condition = sub(processing, "respcondition", continue_="Yes")
        sub(sub(condition, "conditionvar"), "varequal", option_ident, respident="response1")
        sub(condition, "displayfeedback", feedbacktype="Response", linkrefid=f"{option_ident}-fb")
    right = sub(processing, "respcondition", continue_="No")
    test = sub(right, "conditionvar")
    if question.multiple:
        test = sub(test, "and")
    for option_ident, option in zip(idents, question.options, strict=True):
        if option.correct:
            sub(test, "varequal", option_ident, respident="response1")
        elif question.multiple:
            sub(sub(test, "not"), "varequal", option_ident, respident="response1")
    sub(right, "setvar", "100", action="Set", varname="SCORE")
    for option_ident, option in zip(idents, question.options, strict=True):
        _feedback(item, f"{option_ident}-fb", _markdown.inline(option.feedback))
    return item


def matching_item(sort: Sort) -> ET.Element:
    """A sort as Canvas's matching question: every item a list of the categories. Canvas has no
    feedback per pair, so the items' explanations come together in the general feedback."""
    item = _item(sort.id, book.question_name(sort), "matching", "canvas")
    presentation = sub(item, "presentation")
    _material(presentation, book.sort_html(sort))
    names = {category.id: _markdown.inline(category.name) for category in sort.categories}
    for entry in sort.items:
        response = sub(presentation, "response_lid", ident=f"{sort.id}--{entry.id}")
        _material(response, _markdown.inline(entry.text))
        choices = sub(response, "render_choice")
        for category in sort.categories:
            _material(sub(choices, "response_label", ident=f"{sort.id}--{entry.id}--{category.id}"), names[category.id])
    processing = sub(item, "resprocessing")
    _outcomes(processing)
    always = sub(processing, "respcondition", continue_="Yes")
    sub(sub(always, "conditionvar"), "other")
    sub(always, "displayfeedback", feedbacktype="Response", linkrefid="general_fb")
    for entry in sort.items:
        condition = sub(processing, "respcondition", continue_="Yes")  # every pair adds its share
        sub(
            sub(condition, "conditionvar"),
            "varequal",
            f"{sort.id}--{entry.id}--{entry.category}",
            respident=f"{sort.id}--{entry.id}",
        )
        sub(condition, "setvar", f"{100 / len(sort.items):.4f}", action="Add", varname="SCORE")
    _feedback(item, "general_fb", book.sort_feedback(sort))
    return item


def essay_item(reflection: Reflectie, profile: str) -> ET.Element:
    """A reflection as an essay question: the trainer reads and grades the answer."""
    item = _item(reflection.id, book.question_name(reflection), "essay", profile)
    presentation = sub(item, "presentation")
    _material(presentation, _markdown.blocks(reflection.prompt))
    response = sub(presentation, "response_str", ident="response1", rcardinality="Single")
    sub(response, "render_fib", rows="10", prompt="Box")
    processing = sub(item, "resprocessing")
    _outcomes(processing)
    condition = sub(processing, "respcondition", continue_="No")
    sub(sub(condition, "conditionvar"), "other")
    return item


def items(exercises: tuple[Exercise, ...], profile: str) -> list[ET.Element]:
    """The items of a chapter that the profile's format has a type for, in the book's order."""
    found = []
    for exercise in exercises:
        if isinstance(exercise, WithQuestions):
            found += [choice_item(exercise, question, profile) for question in exercise.questions]
        elif isinstance(exercise, Sort) and profile == "canvas":
            found.append(matching_item(exercise))
        elif isinstance(exercise, Reflectie):
            found.append(essay_item(exercise, profile))
    return found


def document(root: ET.Element) -> bytes:
    """A QTI file: questestinterop around root, as UTF-8 XML."""
    top = ET.Element("questestinterop")
    top.set(package.SCHEMA_LOCATION, SCHEMA)
    top.append(root)
    return package.xml_bytes(top, NS)


def objectbank(chapter: book.Chapter, found: list[ET.Element]) -> bytes:
    """The chapter's items as one question bank."""
    bank = ET.Element("objectbank", ident=f"bank-{chapter.stem}")
    metadata(bank, {"bank_title": f"{book.COURSE}: {chapter.title}"})
    bank.extend(found)
    return document(bank)


def write(chapters: list[book.Chapter], target: Path) -> int:
    """The QTI zip at target, one bank per chapter that has items; returns the number of items."""
    files, count = {}, 0
    for chapter in chapters:
        found = items(chapter.exercises, "canvas")
        if found:
            files[f"{chapter.stem}/{chapter.stem}.xml"] = (chapter.title, objectbank(chapter, found))
            count += len(found)
    package.write_zip(target, package.qti_manifest(files), files)
    return count
