"""What a widget needs in the browser (its props) and the readable markup the page carries.

The props are plain JSON with every text already turned into safe HTML, so the browser code
never renders Markdown or sees raw author input. The markup shows the exercise as readable
text (and as a printable handout) until the browser code replaces it.
"""

from __future__ import annotations

import json
from pathlib import Path

import jinja2

from . import _markdown as md
from ._published import page_url
from ._schema import BAND_FLOORS, BANDS, Casus, Exercise, Quiz, Reflectie, Scan, Sort

SCALE = ("helemaal niet", "nauwelijks", "een beetje", "grotendeels", "helemaal wel")
"""The five points of a self-scan, from 1 to 5."""

BAND_NAMES = {"laag": "Nog in ontwikkeling", "midden": "Op weg", "hoog": "Sterk ontwikkeld"}

_templates = jinja2.Environment(
    loader=jinja2.FileSystemLoader(Path(__file__).parent / "templates"),
    autoescape=True,
    trim_blocks=True,
    lstrip_blocks=True,
    undefined=jinja2.StrictUndefined,
)


def _questions(questions) -> list[dict]:
    return [
        {
            "id": q.id,
            "html": md.inline(q.text),
            "multiple": q.multiple,
            "read_more": q.read_more,
            "options": [
                {"html": md.inline(o.text), "correct": o.correct, "feedback": md.inline(o.feedback)}
                for o in q.options
            ],
        }
        for q in questions
    ]


def _scan_chart(scan: Scan) -> dict:
    from ._charts import scan_chart  # Altair loads only in notebooks that draw a chart

    return scan_chart(scan)


def props(exercise: Exercise) -> dict:
    """The JSON the browser code renders from; the same live in Jupyter and on the site."""
    common = {"id": exercise.id, "kind": exercise.kind, "title": exercise.title}
    if isinstance(exercise, Quiz):
        return common | {
            "intro": md.blocks(exercise.intro or ""),
            "questions": _questions(exercise.questions),
            "page_url": page_url(exercise.id),
        }
    if isinstance(exercise, Casus):
        return common | {
            "intro": md.blocks(exercise.story),
            "questions": _questions(exercise.questions),
            "page_url": page_url(exercise.id),
        }
    if isinstance(exercise, Scan):
        return common | {
            "intro": md.blocks(exercise.intro or ""),
            "scale": list(SCALE),
            "bands": [{"id": b, "name": BAND_NAMES[b], "floor": BAND_FLOORS[b]} for b in BANDS],
            "dimensions": [
                {"id": d.id, "name": d.name} | {b: md.inline(getattr(d, b)) for b in BANDS}
                for d in exercise.dimensions
            ],
            "statements": [
                {"id": s.id, "html": md.inline(s.text), "dimension": s.dimension}
                for s in exercise.statements
            ],
            "chart": _scan_chart(exercise),
        }
    if isinstance(exercise, Sort):
        return common | {
            "intro": md.blocks(exercise.intro or ""),
            "categories": [{"id": c.id, "name": c.name} for c in exercise.categories],
            "items": [
                {"id": i.id, "html": md.inline(i.text), "category": i.category, "feedback": md.inline(i.feedback)}
                for i in exercise.items
            ],
        }
    if isinstance(exercise, Reflectie):
        return common | {"intro": md.blocks(exercise.prompt)}
    raise TypeError(f"unknown exercise kind: {exercise!r}")


def props_json(data: dict) -> str:
    """Stable JSON: the same exercise always gives the same bytes, so nbval can compare."""
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def render_template(name: str, **context) -> str:
    return _templates.get_template(name).render(**context)


def markup(data: dict) -> str:
    """The element the site's loader hydrates; readable as it stands."""
    return render_template("exercise.html.j2", p=data, props_json=props_json(data))
