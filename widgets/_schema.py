"""The schema of the exercise files in data/: what authors may write, checked by pydantic.

Every model forbids unknown fields, so a misspelt field name is an error, not a silent default.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import TYPE_CHECKING, Annotated, Any, ClassVar, Literal, Self, TypeAlias, Union, get_args

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, create_model, model_validator

Id = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$", max_length=60)]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
Goals = Annotated[list[Id], Field(default_factory=list)]
"""Ids of the learning goals an item assesses, marked {leerdoel}`id` in a chapter's Leerdoelen.

Optional here; the build refuses an unknown id and the content test wants one on every item.
"""

BANDS = ("laag", "midden", "hoog")
"""Score bands of a self-scan, with the lowest mean score of each band."""
BAND_FLOORS = {"laag": 1.0, "midden": 2.5, "hoog": 3.75}


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


def _unique(items: list[Any], what: str) -> None:
    seen: set[str] = set()
    for item in items:
        if item.id in seen:
            raise ValueError(f"{what} '{item.id}' komt twee keer voor")
        seen.add(item.id)


@dataclass(frozen=True)
class Reference:
    """Items that each name one of an exercise's groups by id (a statement its dimension)."""

    items: str  # the exercise's field with the items, e.g. "statements"
    field: str  # the item's field that names a group, e.g. "dimension"
    groups: str  # the exercise's field with the groups, e.g. "dimensions"
    words: tuple[str, str, str]  # an item, items, a group: as a message names them
    at_least: int = 0  # items each group needs

    def check(self, exercise: BaseModel) -> None:
        item, items_word, group = self.words
        items, groups = getattr(exercise, self.items), getattr(exercise, self.groups)
        _unique(groups, f"{group}-id")
        _unique(items, f"{item}-id")
        known = [g.id for g in groups]
        for one in items:
            if getattr(one, self.field) not in known:
                raise ValueError(
                    f"{item} '{one.id}' noemt {group} '{getattr(one, self.field)}', "
                    f"die niet bestaat (wel: {', '.join(sorted(known))})"
                )
        for group_id in known:
            if sum(getattr(one, self.field) == group_id for one in items) < self.at_least:
                raise ValueError(f"{group} '{group_id}' heeft minder dan {self.at_least} {items_word}")


class Option(Strict):
    text: Text
    correct: bool = False
    feedback: Text


class Question(Strict):
    id: Id
    text: Text
    read_more: Id  # the label of the section that explains it, on the same page
    goals: Goals
    options: list[Option] = Field(min_length=2, max_length=6)

    @model_validator(mode="after")
    def _has_correct_option(self) -> Question:
        if not any(option.correct for option in self.options):
            raise ValueError(f"vraag '{self.id}' heeft geen optie met correct: true")
        return self

    @property
    def multiple(self) -> bool:
        return sum(option.correct for option in self.options) > 1


class ExerciseBase(Strict):
    """What every exercise has: a link-safe id, its kind (the Literal of each subclass) and a title.

    A subclass lists in `references` which of its items name which of its groups.
    """

    id: Id
    kind: str
    title: Text
    references: ClassVar[tuple[Reference, ...]] = ()

    @model_validator(mode="after")
    def _references_resolve(self) -> Self:
        for reference in self.references:
            reference.check(self)
        return self


class WithQuestions(ExerciseBase):
    """An exercise made of multiple-choice questions (quiz, casus): scored, exported to Moodle."""

    questions: list[Question] = Field(min_length=1)

    @model_validator(mode="after")
    def _unique_questions(self) -> Self:
        _unique(self.questions, "vraag-id")
        return self


class WithIntro(ExerciseBase):
    """An exercise with an optional text above it."""

    intro: Text | None = None


class AssessedWhole(ExerciseBase):
    """An exercise that assesses its goals as a whole (scan, sort, reflectie); quiz and casus
    name them per question."""

    goals: Goals


class Quiz(WithQuestions, WithIntro):
    kind: Literal["quiz"]


class Casus(WithQuestions):
    kind: Literal["casus"]
    story: Text


class Named(Strict):
    """A group that items are sorted into: a scan's dimension, a sort's category."""

    id: Id
    name: Text


class Item(Strict):
    """A line a reader responds to: a scan's statement, a sort's item."""

    id: Id
    text: Text


class Dimension(Named):
    laag: Text
    midden: Text
    hoog: Text


class Statement(Item):
    dimension: Id


class Scan(WithIntro, AssessedWhole):
    kind: Literal["scan"]
    dimensions: list[Dimension] = Field(min_length=1)
    statements: list[Statement] = Field(min_length=2)
    references = (Reference("statements", "dimension", "dimensions", ("stelling", "stellingen", "dimensie"), 2),)


class Category(Named):
    pass


class SortItem(Item):
    category: Id
    feedback: Text


class Sort(WithIntro, AssessedWhole):
    kind: Literal["sort"]
    categories: list[Category] = Field(min_length=2)
    items: list[SortItem] = Field(min_length=2)
    references = (Reference("items", "category", "categories", ("item", "items", "categorie")),)


class Reflectie(AssessedWhole):
    kind: Literal["reflectie"]
    prompt: Text


EXERCISE_MODELS = (Quiz, Casus, Scan, Sort, Reflectie)
"""The book's own kinds of exercise. Another module may add one with _kinds.register_kind."""

if TYPE_CHECKING:
    Exercise: TypeAlias = ExerciseBase
else:
    Exercise = Annotated[Union[EXERCISE_MODELS], Field(discriminator="kind")]  # noqa: UP007 (a tuple of types)
"""An exercise of any kind: for the type checker their base, for pydantic the union of the kinds."""

_models: list[type[ExerciseBase]] = list(EXERCISE_MODELS)


def kind_name(model: type[ExerciseBase]) -> str:
    """The value of `kind` a model accepts (its Literal)."""
    return str(get_args(model.model_fields["kind"].annotation)[0])


def add_model(model: type[ExerciseBase]) -> None:
    """One more kind an author may write (_kinds.register_kind calls this)."""
    if model not in _models:
        _models.append(model)


def kinds() -> tuple[str, ...]:
    """The values of `kind` an author may write, as the schema defines them."""
    return tuple(kind_name(model) for model in _models)


KINDS: tuple[str, ...] = kinds()
"""The book's own kinds (kinds() also names any kind added since)."""


@functools.lru_cache(maxsize=4)
def _file_model(models: tuple[type[ExerciseBase], ...]) -> Any:
    union: Any = Annotated[Union[models], Field(discriminator="kind")]  # noqa: UP007 (a union made at run time)
    return create_model("ExerciseFile", __base__=Strict, exercises=(list[union], Field(min_length=1)))


def exercise_file() -> Any:
    """The model of a whole data file: a list of exercises of any kind there is now."""
    return _file_model(tuple(_models))


class IllustrationPoint(Strict):
    vraag: Text
    complexiteit: int = Field(ge=1, le=5)
    intensiteit: int = Field(ge=1, le=5)
    vorm: Text


class Illustration(Strict):
    """Data behind a chart in the course text (data/illustraties/)."""

    caption: Text
    points: list[IllustrationPoint] = Field(min_length=2)
