"""The kinds of exercise, each registered in one place: its schema model, its props, what its
fingerprint covers and its static template.

The built-in kinds register in _props.py. Another module adds a kind with `register_kind`
alone, without editing any other module (ARCHITECTURE.md, "Adding a kind of exercise").
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ._schema import ExerciseBase, add_model, kind_name

TEMPLATES = Path(__file__).parent / "templates" / "kinds"


@dataclass(frozen=True)
class Kind:
    """What the build needs of a kind besides its model."""

    props: Callable[[Any], dict[str, Any]]
    """The props this kind adds to the common ones (id, kind, title, answers_fingerprint)."""
    answered: Callable[[Any], object]
    """The parts a reader's saved answers refer to: when they change, old answers no longer apply."""
    template: str
    """Its static form (readable without JavaScript, printable), in `folder`."""
    folder: Path = TEMPLATES


_KINDS: dict[str, Kind] = {}


def register_kind(
    model: type[ExerciseBase],
    *,
    props: Callable[[Any], dict[str, Any]],
    answered: Callable[[Any], object],
    template: str,
    folder: Path = TEMPLATES,
) -> None:
    """Add a kind: its model joins the schema, and props, fingerprint and markup follow it."""
    add_model(model)
    _KINDS[kind_name(model)] = Kind(props, answered, template, folder)


def kind_named(name: str) -> Kind:
    """The registered parts of the kind called `name`."""
    try:
        return _KINDS[name]
    except KeyError:
        raise TypeError(f"unknown exercise kind: {name!r}") from None


def kind_of(exercise: ExerciseBase) -> Kind:
    """The registered parts of an exercise's kind."""
    return kind_named(exercise.kind)
