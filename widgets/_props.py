"""What a widget needs in the browser (its props) and the readable markup the page carries.

The props are plain JSON with every text already turned into safe HTML, so the browser code
never renders Markdown or sees raw author input. The markup shows the exercise as readable
text (and as a printable handout) until the browser code replaces it.
"""

from __future__ import annotations

import functools
import hashlib
import json
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup

from . import _contract
from . import _markdown as md
from ._contract import BANDS, CONFIDENCE, SCALE, SCALE_MAX, SCALE_MIN, bands
from ._kinds import kind_named, kind_of, register_kind
from ._published import page_url
from ._schema import Casus, Exercise, Question, Quiz, Reflectie, Scan, Sort

TEMPLATES = Path(__file__).parent / "templates"


@functools.lru_cache(maxsize=8)
def _environment(folder: Path) -> jinja2.Environment:
    """Templates from one folder, autoescaped, strict about names they do not know."""
    environment = jinja2.Environment(
        loader=jinja2.FileSystemLoader(folder),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
    )
    environment.globals["contract"] = _contract  # the names the browser shares (ARCHITECTURE.md, "The contract")
    return environment


def _digest(value: object) -> str:
    """A short, stable hash of what a reader answers; equal content gives an equal hash."""
    text = json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(text.encode()).hexdigest()[:12]


def question_fingerprint(q: Question) -> str:
    """Changes when a question's text or options (their text or which are right) change, so an
    answer saved for the old question is never applied to the new one. Feedback is left out:
    improving an explanation does not change what the reader answered."""
    return _digest([q.text, [[o.text, o.correct] for o in q.options]])


def answers_fingerprint(exercise: Exercise) -> str:
    """The same for a whole exercise: the parts a reader's saved answers refer to. The site
    keeps it with the saved answers and does not apply them once it differs."""
    return _digest(kind_of(exercise).answered(exercise))


def _questions(questions: list[Question]) -> list[dict[str, Any]]:
    return [
        {
            "id": q.id,
            "fingerprint": question_fingerprint(q),
            "html": md.inline(q.text),
            "multiple": q.multiple,
            "read_more": q.read_more,
            "options": [
                {"html": md.inline(o.text), "correct": o.correct, "feedback": md.inline(o.feedback)} for o in q.options
            ],
        }
        for q in questions
    ]


def _scan_chart(scan: Scan) -> dict[str, Any]:
    """The chart's spec, and the named data set the browser fills with the reader's profile."""
    from ._charts import PROFILE, scan_chart  # Altair loads only in notebooks that draw a chart

    return {"spec": scan_chart(scan), "data": PROFILE.json()}


def fingerprint(scan: Scan) -> str:
    """Six characters that change when the scan's dimensions (their ids, in order) do.

    Result codes carry it, so the team page refuses a code made before the dimensions were
    reordered, added or removed, instead of putting its scores under the wrong names.
    """
    ids = ",".join(dimension.id for dimension in scan.dimensions)
    return hashlib.sha256(ids.encode()).hexdigest()[:6]


def scan_identity(scan: Scan) -> dict[str, Any]:
    """What the team page needs to read a result code of this scan."""
    return {
        "title": scan.title,
        "dimensions": [d.name for d in scan.dimensions],
        "fingerprint": fingerprint(scan),
        "scale_min": SCALE_MIN,
        "scale_max": SCALE_MAX,
    }


def props(exercise: Exercise) -> dict[str, Any]:
    """The JSON the browser code renders from; the same live in Jupyter and on the site."""
    common = {
        "id": exercise.id,
        "kind": exercise.kind,
        "title": exercise.title,
        "answers_fingerprint": answers_fingerprint(exercise),
    }
    return common | kind_of(exercise).props(exercise)


# ---- the book's own kinds: their props, what their answers refer to, their static form ----


def _with_questions(exercise: Any) -> dict[str, Any]:
    return {
        "intro": md.blocks(exercise.story if isinstance(exercise, Casus) else exercise.intro or ""),
        "questions": _questions(exercise.questions),
        "confidence": list(CONFIDENCE),
        "page_url": page_url(exercise.id),
    }


def _scan(exercise: Any) -> dict[str, Any]:
    return {
        "intro": md.blocks(exercise.intro or ""),
        "scale": list(SCALE),
        "scale_min": SCALE_MIN,
        "scale_max": SCALE_MAX,
        "fingerprint": fingerprint(exercise),
        "bands": bands(),
        "dimensions": [
            {"id": d.id, "name": d.name} | {b: md.inline(getattr(d, b)) for b in BANDS} for d in exercise.dimensions
        ],
        "statements": [{"id": s.id, "html": md.inline(s.text), "dimension": s.dimension} for s in exercise.statements],
        "chart": _scan_chart(exercise),
    }


def _sort(exercise: Any) -> dict[str, Any]:
    return {
        "intro": md.blocks(exercise.intro or ""),
        "categories": [{"id": c.id, "name": c.name} for c in exercise.categories],
        "items": [
            {"id": i.id, "html": md.inline(i.text), "category": i.category, "feedback": md.inline(i.feedback)}
            for i in exercise.items
        ],
    }


for _model in (Quiz, Casus):
    register_kind(
        _model,
        props=_with_questions,
        template="questions.html.j2",
        answered=lambda e: [question_fingerprint(q) for q in e.questions],
    )
register_kind(
    Scan, props=_scan, template="scan.html.j2", answered=lambda e: [[s.id, s.text, s.dimension] for s in e.statements]
)
register_kind(
    Sort,
    props=_sort,
    template="sort.html.j2",
    answered=lambda e: [[i.id, i.text, i.category] for i in e.items] + [c.id for c in e.categories],
)
register_kind(
    Reflectie, props=lambda e: {"intro": md.blocks(e.prompt)}, template="reflectie.html.j2", answered=lambda e: e.prompt
)


def props_json(data: dict[str, Any]) -> str:
    """Stable JSON: the same exercise always gives the same bytes, so nbval can compare."""
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def render_template(name: str, **context: Any) -> str:
    return _environment(TEMPLATES).get_template(name).render(**context)


def markup(data: dict[str, Any]) -> str:
    """The element the site's loader hydrates; readable as it stands."""
    kind = kind_named(data["kind"])
    part = _environment(kind.folder).get_template(kind.template).render(p=data)
    return render_template("exercise.html.j2", p=data, props_json=props_json(data), kind_html=Markup(part))
