"""Load and validate the exercise files in data/ against the schema, with messages an
author can act on.

A bad file raises DataError naming the file, the line, the item ids and the field; never a
bare traceback from pydantic. Reading the file as text and YAML is _yaml_text's job.
"""

from __future__ import annotations

import datetime
import functools
import os
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from ._schema import Exercise, Illustration, exercise_file, kinds
from ._yaml_text import README, DataError, StrictLoader, decode, fail_at, kind_of, parse_yaml, read_text, shown_path

__all__ = ["DataError", "data_dir", "decode", "exercise_files", "find", "load_all", "load_file", "load_illustration"]

DATA_ENV = "INTEGRAAL_DATA"


def data_dir() -> Path:
    """The book's data/ folder: $INTEGRAAL_DATA, else the nearest one above the working folder."""
    if os.environ.get(DATA_ENV):
        return Path(os.environ[DATA_ENV]).resolve()
    for folder in [Path.cwd(), *Path.cwd().parents, Path(__file__).resolve().parents[1]]:
        if (folder / "_config.yml").is_file() and (folder / "data").is_dir():
            return folder / "data"
    raise DataError("geen map data/ gevonden; zet INTEGRAAL_DATA op het pad ervan")


_FIELDS = "hier horen velden (naam: waarde), gevonden: {found}"
_WHOLE = "hier hoort een heel getal (er staat {wrote})"
# pydantic's error types in Dutch; {wrote} is what the author wrote, {found} what kind of thing.
_SCHEMA_PROBLEMS = {
    "missing": f"dit veld ontbreekt; voeg het toe (zie {README})",
    "extra_forbidden": f"onbekend veld (een tikfout?); de velden staan in {README}",
    "union_tag_invalid": "onbekende soort oefening '{tag}'; kies uit {kinds}",
    "union_tag_not_found": "het veld 'kind' ontbreekt; kies uit {kinds}",
    "dict_type": _FIELDS,
    "model_type": _FIELDS,
    "model_attributes_type": _FIELDS,
    "list_type": "hier hoort een lijst (regels die beginnen met '- '), gevonden: {found}",
    "string_type": "hier hoort tekst, gevonden: {found}",
    "not_text": 'YAML leest {wrote} hier als {found}, niet als tekst; zet het tussen aanhalingstekens: "{raw}"',
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


def _schema_message(problem: Any, node: yaml.Node) -> str:
    """pydantic's error in Dutch, with what the author wrote where that helps."""
    kind, value = problem["type"], problem.get("input")
    raw = node.value if isinstance(node, yaml.ScalarNode) else None
    if kind == "string_type" and isinstance(value, (bool, int, float, datetime.date)):
        kind = "not_text"  # yes, no, on, off, numbers and dates: YAML's reading, not the author's
    template = _SCHEMA_PROBLEMS.get(kind)
    if template is None:
        return problem["msg"].removeprefix("Value error, ")
    wrote = f"'{raw}'" if raw is not None else kind_of(value)
    return template.format(
        **problem.get("ctx", {}), wrote=wrote, found=kind_of(value), raw=raw, kinds=", ".join(kinds())
    )


def _node_at(node: Any, loc: tuple[Any, ...]) -> Any:
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


def _data_path(data: Any, loc: tuple[Any, ...]) -> tuple[Any, ...]:
    """pydantic's location without the union tags (like 'quiz') it adds, so it walks the data."""
    path: list[Any] = []
    value = data
    for key in loc:
        if isinstance(value, dict) and key not in value and key in kinds():
            continue
        path.append(key)
        if isinstance(value, dict):
            value = value.get(key)
        elif isinstance(value, list) and isinstance(key, int) and key < len(value):
            value = value[key]
        else:
            value = None
    return tuple(path)


def _describe(data: Any, loc: tuple[Any, ...]) -> tuple[str, str]:
    """Split a pydantic location into the ids of the items it passes and the field path."""
    items: list[str] = []
    field: list[str] = []
    value = data
    for key in loc:
        if (isinstance(value, dict) and key in value) or (
            isinstance(value, list) and isinstance(key, int) and key < len(value)
        ):
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


def _validate(model: Any, path: Path) -> Any:
    text = read_text(path)
    data = parse_yaml(path, text, model)
    try:
        return model.model_validate(data)
    except ValidationError as error:
        root = yaml.compose(text, Loader=StrictLoader)  # only now: the lines of the nodes
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
            lines.append(str(fail_at(path, node.start_mark.line + 1, message)))
        raise DataError("\n".join(lines)) from None


def load_file(path: Path) -> list[Exercise]:
    """The exercises of one file, validated."""
    return list(_validate(exercise_file(), Path(path)).exercises)


def load_illustration(name: str, folder: Path | None = None) -> Illustration:
    """The data behind a chart in the text, from data/illustraties/NAME.yml."""
    path = (folder or data_dir()) / "illustraties" / f"{name}.yml"
    if not path.is_file():
        raise fail_at(path, None, "dit bestand bestaat niet")
    return _validate(Illustration, path)


def exercise_files(folder: Path | None = None) -> list[Path]:
    return sorted((folder or data_dir()).glob("*.yml"))


@functools.lru_cache(maxsize=8)
def _load_all_cached(folder: Path, stamp: tuple[tuple[str, int], ...]) -> dict[str, tuple[Exercise, Path]]:
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
                node = _node_at(yaml.compose(read_text(path), Loader=StrictLoader), ("exercises", index))
                errors.append(
                    str(
                        fail_at(
                            path,
                            node.start_mark.line + 1,
                            f"item '{exercise.id}', veld id: deze id staat ook in "
                            f"{shown_path(found[exercise.id][1])}; geef een van beide een andere id",
                        )
                    )
                )
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
