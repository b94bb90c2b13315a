"""The schema of the exercise files in data/: what authors may write, checked by pydantic.

Every model forbids unknown fields, so a misspelt field name is an error, not a silent default.
"""

from __future__ import annotations

from typing import Annotated, Literal, Union, get_args

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

Id = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$", max_length=60)]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]

BANDS = ("laag", "midden", "hoog")
"""Score bands of a self-scan, with the lowest mean score of each band."""
BAND_FLOORS = {"laag": 1.0, "midden": 2.5, "hoog": 3.75}


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


def _unique(items: list, what: str) -> None:
    seen: set[str] = set()
    for item in items:
        if item.id in seen:
            raise ValueError(f"{what} '{item.id}' komt twee keer voor")
        seen.add(item.id)


class Option(Strict):
    text: Text
    correct: bool = False
    feedback: Text


class Question(Strict):
    id: Id
    text: Text
    read_more: Id  # the label of the section that explains it, on the same page
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
    """What every exercise has: a link-safe id, its kind (the Literal of each subclass) and a title."""

    id: Id
    kind: str
    title: Text


class WithQuestions(ExerciseBase):
    """An exercise made of multiple-choice questions (quiz, casus): scored, exported to Moodle."""

    questions: list[Question] = Field(min_length=1)

    @model_validator(mode="after")
    def _unique_questions(self):
        _unique(self.questions, "vraag-id")
        return self


class Quiz(WithQuestions):
    kind: Literal["quiz"]
    intro: Text | None = None


class Casus(WithQuestions):
    kind: Literal["casus"]
    story: Text


class Dimension(Strict):
    id: Id
    name: Text
    laag: Text
    midden: Text
    hoog: Text


class Statement(Strict):
    id: Id
    text: Text
    dimension: Id


class Scan(ExerciseBase):
    kind: Literal["scan"]
    intro: Text | None = None
    dimensions: list[Dimension] = Field(min_length=1)
    statements: list[Statement] = Field(min_length=2)

    @model_validator(mode="after")
    def _statements_fit_dimensions(self) -> Scan:
        _unique(self.dimensions, "dimensie-id")
        _unique(self.statements, "stelling-id")
        known = {dimension.id for dimension in self.dimensions}
        for statement in self.statements:
            if statement.dimension not in known:
                raise ValueError(
                    f"stelling '{statement.id}' noemt dimensie '{statement.dimension}', "
                    f"die niet bestaat (wel: {', '.join(sorted(known))})"
                )
        for dimension in self.dimensions:
            if sum(s.dimension == dimension.id for s in self.statements) < 2:
                raise ValueError(f"dimensie '{dimension.id}' heeft minder dan twee stellingen")
        return self


class Category(Strict):
    id: Id
    name: Text


class SortItem(Strict):
    id: Id
    text: Text
    category: Id
    feedback: Text


class Sort(ExerciseBase):
    kind: Literal["sort"]
    intro: Text | None = None
    categories: list[Category] = Field(min_length=2)
    items: list[SortItem] = Field(min_length=2)

    @model_validator(mode="after")
    def _items_fit_categories(self) -> Sort:
        _unique(self.categories, "categorie-id")
        _unique(self.items, "item-id")
        known = {category.id for category in self.categories}
        for item in self.items:
            if item.category not in known:
                raise ValueError(f"item '{item.id}' noemt categorie '{item.category}', die niet bestaat")
        return self


class Reflectie(ExerciseBase):
    kind: Literal["reflectie"]
    prompt: Text


EXERCISE_MODELS = (Quiz, Casus, Scan, Sort, Reflectie)
"""Every kind of exercise; the only list of them. Add a kind here and everything follows."""

Exercise = Annotated[Union[EXERCISE_MODELS], Field(discriminator="kind")]

KINDS: tuple[str, ...] = tuple(get_args(m.model_fields["kind"].annotation)[0] for m in EXERCISE_MODELS)
"""The values of `kind` an author may write, as the schema defines them."""


class ExerciseFile(Strict):
    exercises: list[Exercise] = Field(min_length=1)


class IllustrationPoint(Strict):
    vraag: Text
    complexiteit: int = Field(ge=1, le=5)
    intensiteit: int = Field(ge=1, le=5)
    vorm: Text


class Illustration(Strict):
    """Data behind a chart in the course text (data/illustraties/)."""

    caption: Text
    points: list[IllustrationPoint] = Field(min_length=2)
