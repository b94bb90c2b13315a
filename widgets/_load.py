"""Load and validate the exercise files in data/, with messages an author can act on.

A bad file raises DataError naming the file, the line, the item ids and the field; never a
bare traceback from the YAML parser or from pydantic.
"""

from __future__ import annotations

import codecs
import functools
import os
import re
from pathlib import Path

import yaml
from pydantic import ValidationError

from ._schema import KINDS, Exercise, ExerciseFile, Illustration

DATA_ENV = "INTEGRAAL_DATA"
README = "data/README.md"


class DataError(ValueError):
    """An exercise file that cannot be used; the message says where, why and what to do."""


def data_dir() -> Path:
    """The book's data/ folder: $INTEGRAAL_DATA, else the nearest one above the working folder."""
    if os.environ.get(DATA_ENV):
        return Path(os.environ[DATA_ENV]).resolve()
    for folder in [Path.cwd(), *Path.cwd().parents, Path(__file__).resolve().parents[1]]:
        if (folder / "_config.yml").is_file() and (folder / "data").is_dir():
            return folder / "data"
    raise DataError("geen map data/ gevonden; zet INTEGRAAL_DATA op het pad ervan")


def _shown(path: Path) -> str:
    """The path as an author would type it: relative to the working folder where it can be."""
    try:
        return str(Path(path).resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def _fail(path: Path, line: int | None, message: str) -> DataError:
    where = f"{_shown(path)}, regel {line}" if line else _shown(path)
    return DataError(f"{where}: {message}")


# ---- the file as text: encoding, byte-order mark, tabs, control characters, emptiness ----

_UTF8 = "sla het bestand opnieuw op met de codering UTF-8 (in de meeste editors: Opslaan als > Codering)"
_BOMS = {codecs.BOM_UTF32_LE: "UTF-32", codecs.BOM_UTF32_BE: "UTF-32",
         codecs.BOM_UTF16_LE: "UTF-16", codecs.BOM_UTF16_BE: "UTF-16"}
_TAB_INDENT = re.compile(r"^[ ]*\t", re.MULTILINE)
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ufeff\ufffe\uffff]")


def decode(path: Path, raw: bytes) -> str:
    """raw as UTF-8 text, or a DataError naming the line of the first byte that is not UTF-8."""
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        raise _fail(path, line, f"teken 0x{raw[error.start]:02X} is geen UTF-8 (het bestand is waarschijnlijk "
                                f"opgeslagen als Windows-1252 of Latin-1); {_UTF8}") from None


def _read(path: Path) -> str:
    """The file's text, or a DataError if it is not plain UTF-8 text."""
    try:
        raw = Path(path).read_bytes()
    except OSError as error:
        raise _fail(path, None, f"kan het bestand niet lezen ({error.strerror})") from None
    for bom, encoding in _BOMS.items():  # UTF-32 first: its BOM begins like UTF-16's
        if raw.startswith(bom):
            raise _fail(path, 1, f"het bestand is opgeslagen als {encoding}, niet als UTF-8; {_UTF8}")
    if raw.startswith(codecs.BOM_UTF8):
        raise _fail(path, 1, "het bestand begint met een onzichtbaar byte-order-mark (BOM); "
                             "sla het op als 'UTF-8' zonder BOM (niet als 'UTF-8 met BOM')")
    text = decode(path, raw)
    if match := _TAB_INDENT.search(text):
        raise _fail(path, text.count("\n", 0, match.start()) + 1,
                    "deze regel springt in met een tab; YAML kent alleen spaties: vervang de tab door spaties")
    if match := _CONTROL.search(text):
        raise _fail(path, text.count("\n", 0, match.start()) + 1,
                    f"een onzichtbaar stuurteken (U+{ord(match.group()):04X}) in de tekst; "
                    "verwijder het (het komt vaak mee bij kopiëren en plakken)")
    return text


# ---- the file as YAML: syntax, duplicate keys, aliases ----

# libyaml where installed (PyYAML's wheels have it): it parses many times faster.
_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _DuplicateKey(yaml.MarkedYAMLError):
    """A mapping that names the same key twice; YAML itself would keep the last one silently."""


class _Loader(_BaseLoader):
    """The safe loader, refusing duplicate keys."""

    def construct_mapping(self, node, deep=False):
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
_INDENT = ("de inspringing klopt niet: deze regel springt anders in dan de regels eromheen; "
           "zet de velden van één onderdeel precies onder elkaar, met spaties")
# What the YAML parser says (a phrase of it) -> what it means for an author, and what to do.
_YAML_PROBLEMS = (
    ("undefined alias", "een waarde die met * begint, leest YAML als verwijzing (alias), maar '*{token}' "
                        "verwijst naar een anker '&{token}' dat niet (eerder in het bestand) bestaat; is het "
                        "tekst, " + _QUOTE + "; anders zet '&{token}' bij de waarde die je wilt hergebruiken"),
    ("while scanning an alias", "een waarde die met * begint, leest YAML als verwijzing (alias); " + _QUOTE),
    ("while scanning an anchor", "een waarde die met & begint, leest YAML als anker; " + _QUOTE),
    ("duplicate anchor", "het anker '&{token}' staat twee keer in het bestand; geef het tweede een andere naam"),
    ("single document", "het bestand bevat een tweede YAML-document (een regel met alleen '---'); "
                        "haal die regel weg"),
    ("mapping values are not allowed", "een dubbele punt (': ') op een plek waar YAML die niet verwacht: "
                                       "staat er een dubbele punt in een tekst, zet de tekst dan tussen "
                                       "aanhalingstekens; anders springt de regel verkeerd in"),
    ("did not find expected key", _INDENT),
    ("expected <block end>", _INDENT),
    ("expected '-' indicator", _INDENT),
    ("could not find expected ':'", "hier ontbreekt de dubbele punt na een veldnaam ('naam: waarde'), "
                                    "of een tekst loopt door over meer regels zonder inspringing"),
    ("quoted scalar", "een aanhalingsteken wordt hier geopend maar niet gesloten; sluit de tekst af met "
                      "hetzelfde teken (' of \")"),
    ("unknown escape character", "tussen dubbele aanhalingstekens heeft een backslash (\\) een speciale "
                                 "betekenis; gebruik enkele aanhalingstekens of schrijf \\\\"),
    ("flow mapping", "een '{' wordt niet gesloten met '}'; " + _QUOTE + " als de accolade tekst is"),
    ("flow sequence", "een '[' wordt niet gesloten met ']'; " + _QUOTE + " als de haak tekst is"),
    ("cannot start any token", "een waarde begint met een teken dat YAML hier niet toestaat (zoals @ of `); "
                               + _QUOTE),
)
# Where the parser points at the end of the file, its context (the opening quote, bracket…) is
# the place to look.
_USE_CONTEXT = ("quoted scalar", "flow mapping", "flow sequence")


def _token_at(text: str, mark) -> str:
    """The anchor or alias name at a parser mark (libyaml's message does not name it)."""
    line = text.splitlines()[mark.line] if mark.line < len(text.splitlines()) else ""
    found = re.match(r"[*&]?([^\s,\[\]{}]+)", line[mark.column:])
    return found.group(1) if found else "?"


def _yaml_message(error: yaml.YAMLError, text: str) -> tuple[int | None, str]:
    said = f"{getattr(error, 'context', '') or ''} {getattr(error, 'problem', '') or ''}"
    mark = getattr(error, "problem_mark", None)
    if isinstance(error, _DuplicateKey):
        return mark.line + 1, error.problem
    for phrase, meaning in _YAML_PROBLEMS:
        if phrase in said:
            if phrase in _USE_CONTEXT and getattr(error, "context_mark", None):
                mark = error.context_mark
            token = _token_at(text, mark) if mark and "{token}" in meaning else ""
            return (mark.line + 1 if mark else None), meaning.format(token=token)
    problem = getattr(error, "problem", None) or str(error)
    return (mark.line + 1 if mark else None), (
        f"geen geldige YAML ({problem}); kijk naar de inspringing en zet tekst met bijzondere "
        "tekens (: # * & @ ` { [) tussen aanhalingstekens")


def _parse(path: Path, text: str, model):
    try:
        data = yaml.load(text, Loader=_Loader)
    except yaml.YAMLError as error:
        line, message = _yaml_message(error, text)
        raise _fail(path, line, message) from None
    fields = " en ".join(f"'{name}:'" for name, f in model.model_fields.items() if f.is_required())
    if data is None:
        raise _fail(path, 1, f"het bestand is leeg (of bevat alleen commentaar); schrijf er {fields} in "
                             f"(zie {README}), of verwijder het")
    if not isinstance(data, dict):
        raise _fail(path, 1, f"het bestand begint met {_kind_of(data)}, maar moet beginnen met {fields} "
                             f"(zie {README}); staat die regel er wel, spring dan de regels eronder in")
    return data


# ---- the data against the schema ----


def _kind_of(value) -> str:
    """What an author wrote, in their words: 'een lijst', 'tekst', ..."""
    if value is None:
        return "niets (een lege waarde)"
    if isinstance(value, bool):
        return "een ja/nee-waarde"
    if isinstance(value, (int, float)):
        return "een getal"
    if isinstance(value, list):
        return "een lijst (regels met '- ')"
    if isinstance(value, dict):
        return "velden (naam: waarde)"
    return "tekst"


_FIELDS = "hier horen velden (naam: waarde), gevonden: {found}"
_WHOLE = "hier hoort een heel getal (er staat {wrote})"
# pydantic's error types in Dutch; {wrote} is what the author wrote, {found} what kind of thing.
_SCHEMA_PROBLEMS = {
    "missing": f"dit veld ontbreekt; voeg het toe (zie {README})",
    "extra_forbidden": f"onbekend veld (een tikfout?); de velden staan in {README}",
    "union_tag_invalid": "onbekende soort oefening '{tag}'; kies uit " + ", ".join(KINDS),
    "union_tag_not_found": "het veld 'kind' ontbreekt; kies uit " + ", ".join(KINDS),
    "dict_type": _FIELDS,
    "model_type": _FIELDS,
    "model_attributes_type": _FIELDS,
    "list_type": "hier hoort een lijst (regels die beginnen met '- '), gevonden: {found}",
    "string_type": "hier hoort tekst, gevonden: {found}",
    "not_text": "YAML leest {wrote} hier als {found}, niet als tekst; zet het tussen aanhalingstekens: \"{raw}\"",
    "bool_type": "kies true of false (er staat {wrote})",
    "bool_parsing": "kies true of false (er staat {wrote})",
    "int_type": _WHOLE,
    "int_parsing": _WHOLE,
    "int_from_float": _WHOLE,
    "greater_than_equal": "moet minstens {ge} zijn (er staat {wrote})",
    "less_than_equal": "mag hoogstens {le} zijn (er staat {wrote})",
    "string_pattern_mismatch": "een id bestaat uit kleine letters, cijfers en streepjes (er staat {wrote})",
    "string_too_short": "mag niet leeg zijn",
    "string_too_long": "te lang: hoogstens {max_length} tekens",
    "too_short": "te weinig onderdelen: minstens {min_length}, er staan er {actual_length}",
    "too_long": "te veel onderdelen: hoogstens {max_length}, er staan er {actual_length}",
}


def _schema_message(problem: dict, node) -> str:
    """pydantic's error in Dutch, with what the author wrote where that helps."""
    kind, value = problem["type"], problem.get("input")
    raw = node.value if isinstance(node, yaml.ScalarNode) else None
    if kind == "string_type" and isinstance(value, (bool, int, float)):
        kind = "not_text"  # yes, no, on, off and numbers: YAML's reading, not the author's
    template = _SCHEMA_PROBLEMS.get(kind)
    if template is None:
        return problem["msg"].removeprefix("Value error, ")
    wrote = f"'{raw}'" if raw is not None else _kind_of(value)
    return template.format(**problem.get("ctx", {}), wrote=wrote, found=_kind_of(value), raw=raw)


def _node_at(node, loc: tuple):
    """The deepest YAML node that loc reaches (for its line and what the author wrote there)."""
    for key in loc:
        if isinstance(node, yaml.MappingNode):
            child = next((v for k, v in node.value if k.value == key), None)
        elif isinstance(node, yaml.SequenceNode) and isinstance(key, int) and key < len(node.value):
            child = node.value[key]
        else:
            child = None
        if child is None:
            break
        node = child
    return node


def _data_path(data, loc: tuple) -> tuple:
    """pydantic's location without the union tags (like 'quiz') it adds, so it walks the data."""
    path, value = [], data
    for key in loc:
        if isinstance(value, dict) and key not in value and key in KINDS:
            continue
        path.append(key)
        if isinstance(value, dict):
            value = value.get(key)
        elif isinstance(value, list) and isinstance(key, int) and key < len(value):
            value = value[key]
        else:
            value = None
    return tuple(path)


def _describe(data, loc: tuple) -> tuple[str, str]:
    """Split a pydantic location into the ids of the items it passes and the field path."""
    items, field, value = [], [], data
    for key in loc:
        if isinstance(value, dict) and key in value:
            value = value[key]
        elif isinstance(value, list) and isinstance(key, int) and key < len(value):
            value = value[key]
        else:
            value = None
        if isinstance(value, dict) and isinstance(value.get("id"), str):
            items.append(f"'{value['id']}'")
            field = []
        elif isinstance(key, int):
            field.append(f"[{key}]")
        else:
            field.append(f".{key}" if field else str(key))
    return " > ".join(items), "".join(field)


def _validate(model, path: Path):
    text = _read(path)
    data = _parse(path, text, model)
    try:
        return model.model_validate(data)
    except ValidationError as error:
        root = yaml.compose(text, Loader=_Loader)  # only now: the lines of the nodes
        lines = []
        for problem in error.errors():
            loc = _data_path(data, problem["loc"])
            if problem["type"] == "union_tag_invalid":  # pydantic points at the item, not its kind
                loc = (*loc, "kind")
            node = _node_at(root, loc)
            items, field = _describe(data, loc)
            where = [f"item {items}"] if items else []
            where += [f"veld {field}"] if field else []
            message = ": ".join(filter(None, [", ".join(where), _schema_message(problem, node)]))
            lines.append(str(_fail(path, node.start_mark.line + 1, message)))
        raise DataError("\n".join(lines)) from None


def load_file(path: Path) -> list[Exercise]:
    """The exercises of one file, validated."""
    return list(_validate(ExerciseFile, Path(path)).exercises)


def load_illustration(name: str, folder: Path | None = None) -> Illustration:
    """The data behind a chart in the text, from data/illustraties/NAME.yml."""
    path = (folder or data_dir()) / "illustraties" / f"{name}.yml"
    if not path.is_file():
        raise _fail(path, None, "dit bestand bestaat niet")
    return _validate(Illustration, path)


def exercise_files(folder: Path | None = None) -> list[Path]:
    return sorted((folder or data_dir()).glob("*.yml"))


@functools.lru_cache(maxsize=8)
def _load_all_cached(folder: Path, stamp: tuple) -> dict[str, tuple[Exercise, Path]]:
    found: dict[str, tuple[Exercise, Path]] = {}
    errors = []
    for path in exercise_files(folder):
        try:
            exercises = load_file(path)
        except DataError as error:
            errors.append(str(error))
            continue
        for index, exercise in enumerate(exercises):
            if exercise.id in found:
                node = _node_at(yaml.compose(_read(path), Loader=_Loader), ("exercises", index))
                errors.append(str(_fail(
                    path, node.start_mark.line + 1, f"item '{exercise.id}', veld id: deze id staat ook in "
                    f"{_shown(found[exercise.id][1])}; geef een van beide een andere id"
                )))
            found[exercise.id] = (exercise, path)
    if errors:
        raise DataError("\n".join(errors))
    return found


def load_all(folder: Path | None = None) -> dict[str, tuple[Exercise, Path]]:
    """Every exercise in data/, by id, with the file it comes from; all files validated."""
    folder = (folder or data_dir()).resolve()
    stamp = tuple((p.name, p.stat().st_mtime_ns) for p in exercise_files(folder))
    return _load_all_cached(folder, stamp)


def find(exercise_id: str, folder: Path | None = None) -> Exercise:
    exercises = load_all(folder)
    if exercise_id not in exercises:
        raise DataError(f"oefening '{exercise_id}' bestaat niet in {folder or data_dir()}")
    return exercises[exercise_id][0]
