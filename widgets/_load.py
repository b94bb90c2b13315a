"""Load and validate the exercise files in data/, with messages an author can act on.

A bad file raises DataError naming the file, the line, the item ids and the field; never a
bare traceback from the YAML parser or from pydantic.
"""

from __future__ import annotations

import functools
import os
from pathlib import Path

import yaml
from pydantic import ValidationError

from ._schema import KINDS, Exercise, ExerciseFile, Illustration

DATA_ENV = "INTEGRAAL_DATA"

_DUTCH = {
    "missing": "dit veld ontbreekt",
    "extra_forbidden": "onbekend veld (een tikfout?)",
    "union_tag_invalid": f"onbekende soort oefening; kies uit {', '.join(KINDS)}",
    "union_tag_not_found": f"het veld 'kind' ontbreekt (kies uit {', '.join(KINDS)})",
    "string_pattern_mismatch": "een id bestaat uit kleine letters, cijfers en streepjes",
    "too_short": "te weinig onderdelen",
    "too_long": "te veel onderdelen",
    "string_too_short": "mag niet leeg zijn",
}


class DataError(ValueError):
    """An exercise file that cannot be used; the message says where and why."""


def data_dir() -> Path:
    """The book's data/ folder: $INTEGRAAL_DATA, else the nearest one above the working folder."""
    if os.environ.get(DATA_ENV):
        return Path(os.environ[DATA_ENV]).resolve()
    for folder in [Path.cwd(), *Path.cwd().parents, Path(__file__).resolve().parents[1]]:
        if (folder / "_config.yml").is_file() and (folder / "data").is_dir():
            return folder / "data"
    raise DataError("geen map data/ gevonden; zet INTEGRAAL_DATA op het pad ervan")


# libyaml where installed (PyYAML's wheels have it): it parses many times faster.
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _parse(path: Path, text: str):
    try:
        return yaml.load(text, Loader=_Loader)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f", regel {mark.line + 1}" if mark else ""
        problem = getattr(error, "problem", None) or str(error)
        raise DataError(f"{path}{where}: geen geldige YAML: {problem}") from None


def _line_of(node, loc: tuple) -> int | None:
    """The line of the deepest YAML node that loc reaches."""
    line = None
    for key in loc:
        if node is None:
            break
        line = node.start_mark.line + 1
        if isinstance(node, yaml.MappingNode):
            node = next((v for k, v in node.value if k.value == key), None)
        elif isinstance(node, yaml.SequenceNode) and isinstance(key, int) and key < len(node.value):
            node = node.value[key]
        else:
            node = None
    if node is not None:
        line = node.start_mark.line + 1
    return line


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
    return (" > ".join(items) or "-"), ("".join(field) or "-")


def _validate(model, path: Path, text: str):
    data = _parse(path, text)
    try:
        return model.model_validate(data)
    except ValidationError as error:
        node = yaml.compose(text, Loader=_Loader)  # only now: the lines of the nodes
        lines = []
        for problem in error.errors():
            loc = _data_path(data, problem["loc"])
            line = _line_of(node, loc)
            items, field = _describe(data, loc)
            message = _DUTCH.get(problem["type"], problem["msg"].removeprefix("Value error, "))
            where = f"{path}, regel {line}" if line else str(path)
            lines.append(f"{where}: item {items}, veld {field}: {message}")
        raise DataError("\n".join(lines)) from None


def load_file(path: Path) -> list[Exercise]:
    """The exercises of one file, validated."""
    text = Path(path).read_text(encoding="utf-8")
    return list(_validate(ExerciseFile, Path(path), text).exercises)


def load_illustration(name: str, folder: Path | None = None) -> Illustration:
    """The data behind a chart in the text, from data/illustraties/NAME.yml."""
    path = (folder or data_dir()) / "illustraties" / f"{name}.yml"
    if not path.is_file():
        raise DataError(f"{path}: dit bestand bestaat niet")
    return _validate(Illustration, path, path.read_text(encoding="utf-8"))


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
        for exercise in exercises:
            if exercise.id in found:
                errors.append(
                    f"{path}: item '{exercise.id}', veld id: deze id staat ook in {found[exercise.id][1]}"
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
