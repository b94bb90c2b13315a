"""A data file as text and as YAML: its encoding, tabs, syntax and duplicate keys, with
messages an author can act on (never a bare traceback from the YAML parser).
"""

from __future__ import annotations

import codecs
import datetime
import re
from collections.abc import Hashable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

README = "data/README.md"


class DataError(ValueError):
    """An exercise file that cannot be used; the message says where, why and what to do."""


def shown_path(path: Path) -> str:
    """The path as an author would type it: relative to the working folder where it can be."""
    try:
        return str(Path(path).resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def fail_at(path: Path, line: int | None, message: str) -> DataError:
    where = f"{shown_path(path)}, regel {line}" if line else shown_path(path)
    return DataError(f"{where}: {message}")


# ---- the file as text: encoding, byte-order mark, tabs, control characters, emptiness ----

_UTF8 = "sla het bestand opnieuw op met de codering UTF-8 (in de meeste editors: Opslaan als > Codering)"
_BOMS = {
    codecs.BOM_UTF32_LE: "UTF-32",
    codecs.BOM_UTF32_BE: "UTF-32",
    codecs.BOM_UTF16_LE: "UTF-16",
    codecs.BOM_UTF16_BE: "UTF-16",
}
_TAB_INDENT = re.compile(r"^[ ]*\t", re.MULTILINE)
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ufeff\ufffe\uffff]")


def decode(path: Path, raw: bytes) -> str:
    """raw as UTF-8 text, or a DataError naming the line of the first byte that is not UTF-8."""
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        raise fail_at(
            path,
            line,
            f"teken 0x{raw[error.start]:02X} is geen UTF-8 (het bestand is waarschijnlijk "
            f"opgeslagen als Windows-1252 of Latin-1); {_UTF8}",
        ) from None


def read_text(path: Path) -> str:
    """The file's text, or a DataError if it is not plain UTF-8 text."""
    try:
        raw = Path(path).read_bytes()
    except OSError as error:
        raise fail_at(path, None, f"kan het bestand niet lezen ({error.strerror})") from None
    for bom, encoding in _BOMS.items():  # UTF-32 first: its BOM begins like UTF-16's
        if raw.startswith(bom):
            raise fail_at(path, 1, f"het bestand is opgeslagen als {encoding}, niet als UTF-8; {_UTF8}")
    if raw.startswith(codecs.BOM_UTF8):
        raise fail_at(
            path,
            1,
            "het bestand begint met een onzichtbaar byte-order-mark (BOM); "
            "sla het op als 'UTF-8' zonder BOM (niet als 'UTF-8 met BOM')",
        )
    text = decode(path, raw)
    if match := _TAB_INDENT.search(text):
        raise fail_at(
            path,
            text.count("\n", 0, match.start()) + 1,
            "deze regel springt in met een tab; YAML kent alleen spaties: vervang de tab door spaties",
        )
    if match := _CONTROL.search(text):
        raise fail_at(
            path,
            text.count("\n", 0, match.start()) + 1,
            f"een onzichtbaar stuurteken (U+{ord(match.group()):04X}) in de tekst; "
            "verwijder het (het komt vaak mee bij kopiëren en plakken)",
        )
    return text


# ---- the file as YAML: syntax, duplicate keys, aliases ----

# libyaml where installed (PyYAML's wheels have it): it parses many times faster.
if TYPE_CHECKING:
    from yaml import SafeLoader as _BaseLoader
else:
    _BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _DuplicateKey(yaml.MarkedYAMLError):
    """A mapping that names the same key twice; YAML itself would keep the last one silently."""


class StrictLoader(_BaseLoader):
    """The safe loader, refusing duplicate keys."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Hashable, Any]:
        seen: dict[str, int] = {}
        for key, _ in node.value:
            if not isinstance(key, yaml.ScalarNode) or key.tag == "tag:yaml.org,2002:merge":
                continue
            if key.value in seen:
                raise _DuplicateKey(
                    problem=f"het veld '{key.value}' staat twee keer in hetzelfde onderdeel "
                    f"(ook op regel {seen[key.value]}); haal er één weg, anders telt alleen de "
                    "laatste, zonder dat iemand het merkt",
                    problem_mark=key.start_mark,
                )
            seen[key.value] = key.start_mark.line + 1
        return super().construct_mapping(node, deep)


_QUOTE = "zet de tekst tussen aanhalingstekens"
_INDENT = (
    "de inspringing klopt niet: deze regel springt anders in dan de regels eromheen; "
    "zet de velden van één onderdeel precies onder elkaar, met spaties"
)
# What the YAML parser says (a phrase of it) -> what it means for an author, and what to do.
_YAML_PROBLEMS = (
    (
        "undefined alias",
        "een waarde die met * begint, leest YAML als verwijzing (alias), maar '*{token}' "
        "verwijst naar een anker '&{token}' dat niet (eerder in het bestand) bestaat; is het "
        "tekst, " + _QUOTE + "; anders zet '&{token}' bij de waarde die je wilt hergebruiken",
    ),
    ("while scanning an alias", "een waarde die met * begint, leest YAML als verwijzing (alias); " + _QUOTE),
    ("while scanning an anchor", "een waarde die met & begint, leest YAML als anker; " + _QUOTE),
    ("duplicate anchor", "het anker '&{token}' staat twee keer in het bestand; geef het tweede een andere naam"),
    ("single document", "het bestand bevat een tweede YAML-document (een regel met alleen '---'); haal die regel weg"),
    (
        "mapping values are not allowed",
        "een dubbele punt (': ') op een plek waar YAML die niet verwacht: "
        "staat er een dubbele punt in een tekst, zet de tekst dan tussen "
        "aanhalingstekens; anders springt de regel verkeerd in",
    ),
    ("did not find expected key", _INDENT),
    ("expected <block end>", _INDENT),
    ("expected '-' indicator", _INDENT),
    (
        "could not find expected ':'",
        "hier ontbreekt de dubbele punt na een veldnaam ('naam: waarde'), "
        "of een tekst loopt door over meer regels zonder inspringing",
    ),
    (
        "quoted scalar",
        "een aanhalingsteken wordt hier geopend maar niet gesloten; sluit de tekst af met hetzelfde teken (' of \")",
    ),
    (
        "unknown escape character",
        "tussen dubbele aanhalingstekens heeft een backslash (\\) een speciale "
        "betekenis; gebruik enkele aanhalingstekens of schrijf \\\\",
    ),
    ("flow mapping", "een '{' wordt niet gesloten met '}'; " + _QUOTE + " als de accolade tekst is"),
    ("flow sequence", "een '[' wordt niet gesloten met ']'; " + _QUOTE + " als de haak tekst is"),
    ("cannot start any token", "een waarde begint met een teken dat YAML hier niet toestaat (zoals @ of `); " + _QUOTE),
)
# Where the parser points at the end of the file, its context (the opening quote, bracket…) is
# the place to look.
_USE_CONTEXT = ("quoted scalar", "flow mapping", "flow sequence")


def _token_at(text: str, mark: Any) -> str:
    """The anchor or alias name at a parser mark (libyaml's message does not name it)."""
    line = text.splitlines()[mark.line] if mark.line < len(text.splitlines()) else ""
    found = re.match(r"[*&]?([^\s,\[\]{}]+)", line[mark.column :])
    return found.group(1) if found else "?"


def _yaml_message(error: yaml.YAMLError, text: str) -> tuple[int | None, str]:
    said = f"{getattr(error, 'context', '') or ''} {getattr(error, 'problem', '') or ''}"
    mark: Any = getattr(error, "problem_mark", None)
    if isinstance(error, _DuplicateKey):
        return mark.line + 1, str(error.problem)
    for phrase, meaning in _YAML_PROBLEMS:
        if phrase in said:
            if phrase in _USE_CONTEXT and getattr(error, "context_mark", None):
                mark = getattr(error, "context_mark", None)
            token = _token_at(text, mark) if mark and "{token}" in meaning else ""
            return (mark.line + 1 if mark else None), meaning.format(token=token)
    problem = getattr(error, "problem", None) or str(error)
    return (mark.line + 1 if mark else None), (
        f"geen geldige YAML ({problem}); kijk naar de inspringing en zet tekst met bijzondere "
        "tekens (: # * & @ ` { [) tussen aanhalingstekens"
    )


def parse_yaml(path: Path, text: str, model: Any) -> dict[str, Any]:
    try:
        data = yaml.load(text, Loader=StrictLoader)
    except yaml.YAMLError as error:
        line, message = _yaml_message(error, text)
        raise fail_at(path, line, message) from None
    fields = " en ".join(f"'{name}:'" for name, f in model.model_fields.items() if f.is_required())
    if data is None:
        raise fail_at(
            path,
            1,
            f"het bestand is leeg (of bevat alleen commentaar); schrijf er {fields} in "
            f"(zie {README}), of verwijder het",
        )
    if not isinstance(data, dict):
        raise fail_at(
            path,
            1,
            f"het bestand begint met {kind_of(data)}, maar moet beginnen met {fields} "
            f"(zie {README}); staat die regel er wel, spring dan de regels eronder in",
        )
    return data


# ---- what an author wrote, in their words ----


IN_WORDS: tuple[tuple[type | tuple[type, ...], str], ...] = (
    (type(None), "niets (een lege waarde)"),
    (bool, "een ja/nee-waarde"),  # before int: a bool is an int to Python
    ((int, float), "een getal"),
    (datetime.date, "een datum"),
    (list, "een lijst (regels met '- ')"),
    (dict, "velden (naam: waarde)"),
)


def kind_of(value: object) -> str:
    """What an author wrote, in their words: 'een lijst', 'tekst', ..."""
    return next((words for types, words in IN_WORDS if isinstance(value, types)), "tekst")
