"""The QTI zip and the Common Cartridge: valid against the IMS schemas, complete, and every
exercise of the book read back with its options, key and feedback.

The reading here is written from the QTI 1.2 specification, not from the writer: it finds items
by their title, follows displayfeedback to the feedback, and scores answers by running the
item's response processing (respcondition, varequal, and/or/not, setvar, continue). PyPI has
no QTI 1.2 reader that can do this (pyslet 0.7 stops on a bank's metadata, qti2latex takes every
varequal for a right answer).
"""

from __future__ import annotations

import itertools
import zipfile
from pathlib import Path

import pytest
import yaml
from helpers import ROOT
from lxml import etree
from test_moodle import DATA_SETS, plain

from widgets import exports
from widgets.exports import cartridge, qti
from widgets.exports.__main__ import main

SCHEMAS = Path(__file__).parents[1] / "schemas"
NS = {"q": "http://www.imsglobal.org/xsd/ims_qtiasiv1p2"}
CP = {"cp": "http://www.imsglobal.org/xsd/imscp_v1p1"}
CC = {"cp": "http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1"}
PACKAGES = {  # file, manifest namespace, manifest schema, QTI schema
    "qti": (qti.FILENAME, CP, "imscp_v1p2.xsd", "qti/ims_qtiasiv1p2.xsd"),
    "cartridge": (cartridge.FILENAME, CC, "ccv1p1_imscp_v1p2_v1p0.xsd", "ccv1p1_qtiasiv1p2p1_v1p0.xsd"),
}


def schema(name: str) -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(SCHEMAS / name))


def yaml_exercises(folder: Path) -> list[dict]:
    return [e for p in sorted(folder.glob("*.yml")) for e in yaml.safe_load(p.read_text(encoding="utf-8"))["exercises"]]


@pytest.fixture(scope="module", params=sorted(DATA_SETS))
def out(request, tmp_path_factory) -> tuple[Path, Path]:
    folder, target = DATA_SETS[request.param], tmp_path_factory.mktemp("qti")
    assert main([str(folder), str(target)]) == 0
    return folder, target


def unpack(path: Path) -> tuple[etree._Element, dict[str, etree._Element]]:
    """The manifest and every other XML file of a package, parsed."""
    with zipfile.ZipFile(path) as archive:
        names = archive.namelist()
        assert names[0] == "imsmanifest.xml"
        files = {name: etree.fromstring(archive.read(name)) for name in names}
    return files.pop("imsmanifest.xml"), files


@pytest.mark.parametrize("kind", sorted(PACKAGES))
def test_package_validates_and_names_exactly_its_files(out, kind):
    name, ns, manifest_xsd, qti_xsd = PACKAGES[kind]
    manifest, files = unpack(out[1] / name)
    manifest_schema, qti_schema = schema(manifest_xsd), schema(qti_xsd)
    manifest_schema.assertValid(manifest)
    named = manifest.xpath("//cp:resource/cp:file/@href", namespaces=ns)
    assert sorted(named) == sorted(files), "the manifest names every file, and only those"
    for path, document in files.items():
        assert qti_schema.validate(document), f"{path}: {qti_schema.error_log.last_error}"


def test_schemas_do_refuse_a_broken_file(out):
    _, files = unpack(out[1] / qti.FILENAME)
    document = next(iter(files.values()))
    qti_schema = schema("qti/ims_qtiasiv1p2.xsd")
    assert qti_schema.validate(document)
    etree.SubElement(document.find(".//q:item", NS), f"{{{NS['q']}}}antwoord")  # no such element
    assert not qti_schema.validate(document)


def items_by_title(files: dict[str, etree._Element]) -> dict[str, etree._Element]:
    return {item.get("title"): item for doc in files.values() for item in doc.iterfind(".//q:item", NS)}


def _holds(test: etree._Element, chosen: dict[str, set[str]]) -> bool:
    tag = etree.QName(test).localname
    if tag == "varequal":
        return test.text in chosen.get(test.get("respident"), set())
    if tag == "not":
        return not _holds(test[0], chosen)
    if tag == "or":
        return any(_holds(child, chosen) for child in test)
    if tag == "other":
        return True
    return all(_holds(child, chosen) for child in test)  # and, conditionvar


def respond(item: etree._Element, chosen: dict[str, set[str]]) -> tuple[float, list[str]]:
    """QTI 1.2 response processing: the SCORE and the feedback shown for the chosen answers."""
    score, shown = 0.0, []
    for condition in item.iterfind("q:resprocessing/q:respcondition", NS):
        if not _holds(condition.find("q:conditionvar", NS), chosen):
            continue
        for setvar in condition.iterfind("q:setvar", NS):
            score = float(setvar.text) + (score if setvar.get("action") == "Add" else 0)
        for show in condition.iterfind("q:displayfeedback", NS):
            feedback = item.find(f"q:itemfeedback[@ident='{show.get('linkrefid')}']", NS)
            shown.append(plain(feedback.findtext(".//q:mattext", namespaces=NS)))
        if condition.get("continue", "No") == "No":
            break
    return score, shown


def check_choice(item: etree._Element, exercise: dict, question: dict) -> None:
    text = plain(item.findtext("q:presentation/q:material/q:mattext", namespaces=NS))
    assert text.endswith(plain(question["text"], markdown=True))
    if exercise["kind"] == "casus":
        assert text.startswith(plain(exercise["story"], markdown=True))
    labels = item.findall(".//q:response_lid/q:render_choice/q:response_label", NS)
    assert [plain(label.findtext(".//q:mattext", namespaces=NS)) for label in labels] == [
        plain(o["text"], markdown=True) for o in question["options"]
    ]
    idents = [label.get("ident") for label in labels]
    response = item.find(".//q:response_lid", NS)
    respident = response.get("ident")
    assert response.get("rcardinality") == (
        "Multiple" if len([o for o in question["options"] if o.get("correct")]) > 1 else "Single"
    )
    for ident, option in zip(idents, question["options"], strict=True):
        _, shown = respond(item, {respident: {ident}})
        assert plain(option["feedback"], markdown=True) in shown
    key = {i for i, o in zip(idents, question["options"], strict=True) if o.get("correct")}
    assert respond(item, {respident: key})[0] == 100
    most = len(idents) if response.get("rcardinality") == "Multiple" else 1
    for size in range(1, most + 1):
        for answer in map(set, itertools.combinations(idents, size)):
            if answer != key:
                assert respond(item, {respident: answer})[0] == 0, f"{question['id']}: {answer} scores"


@pytest.mark.parametrize("kind", sorted(PACKAGES))
def test_every_exercise_reads_back(out, kind):
    folder, target = out
    items = items_by_title(unpack(target / PACKAGES[kind][0])[1])
    expected = set()
    for exercise in yaml_exercises(folder):
        if exercise["kind"] in ("quiz", "casus"):
            for question in exercise["questions"]:
                title = f"{exercise['id']} / {question['id']}"
                expected.add(title)
                check_choice(items[title], exercise, question)
        elif exercise["kind"] == "reflectie":
            expected.add(exercise["id"])
            item = items[exercise["id"]]
            assert plain(item.findtext(".//q:mattext", namespaces=NS)) == plain(exercise["prompt"], markdown=True)
            assert item.find(".//q:response_str/q:render_fib", NS) is not None
        elif exercise["kind"] == "sort" and kind == "qti":
            expected.add(exercise["id"])
            check_matching(items[exercise["id"]], exercise)
    assert expected and set(items) == expected, "every question, reflection (and in QTI every sort), nothing else"


def check_matching(item: etree._Element, sort: dict) -> None:
    names = {c["id"]: plain(c["name"], markdown=True) for c in sort["categories"]}
    responses = item.findall(".//q:response_lid", NS)
    assert [plain(r.findtext("q:material/q:mattext", namespaces=NS)) for r in responses] == [
        plain(i["text"], markdown=True) for i in sort["items"]
    ]
    right, wrong = {}, {}
    for response, entry in zip(responses, sort["items"], strict=True):
        labels = {
            plain(label.findtext(".//q:mattext", namespaces=NS)): label.get("ident")
            for label in response.iterfind(".//q:response_label", NS)
        }
        assert sorted(labels) == sorted(names.values())
        right[response.get("ident")] = {labels[names[entry["category"]]]}
        wrong[response.get("ident")] = {i for n, i in labels.items() if n != names[entry["category"]]}
    score, shown = respond(item, right)
    assert score == pytest.approx(100, abs=0.01)
    assert respond(item, wrong)[0] == 0
    for entry in sort["items"]:
        assert plain(entry["feedback"], markdown=True) in shown[0]


def test_banks_and_tests_follow_the_table_of_contents(out):
    folder, target = out
    toc = (folder.parent / "_toc.yml").read_text(encoding="utf-8") if folder == ROOT / "data" else ""
    manifest, _ = unpack(target / cartridge.FILENAME)
    stems = [Path(h).parent.name for h in manifest.xpath("//cp:file/@href", namespaces=CC)]
    if toc:
        assert stems == sorted(stems, key=toc.index)
    titles = manifest.xpath("//cp:item/cp:title/text()", namespaces=CC)
    assert len(titles) == len(stems) and all(t.strip() for t in titles)


def test_scans_stay_out(out):
    folder, target = out
    scans = {e["id"] for e in yaml_exercises(folder) if e["kind"] == "scan"}
    for name in (qti.FILENAME, cartridge.FILENAME):
        assert not scans & set(items_by_title(unpack(target / name)[1]))


def test_bad_data_gives_a_message_not_a_traceback(tmp_path, capsys):
    (tmp_path / "h9-kapot.yml").write_text("exercises: []\n", encoding="utf-8")
    assert main([str(tmp_path), str(tmp_path / "out")]) == 1
    error = capsys.readouterr().err
    assert "h9-kapot.yml" in error and "Traceback" not in error
    assert not (tmp_path / "out").exists()


def test_the_package_docstring_lists_every_writer():
    from widgets.exports.__main__ import WRITERS

    assert all(module.__name__.rsplit(".", 1)[1] + ".py" in exports.__doc__ for module, _ in WRITERS)
