"""python -m widgets.exports DATA OUT: the QTI zip, the Common Cartridge and the GIFT file."""

from __future__ import annotations

import sys

from . import book, cartridge, gift, qti

WRITERS = (
    (qti, "QTI 1.2 (Canvas, Blackboard)"),
    (cartridge, "Common Cartridge 1.1 (Brightspace, Moodle)"),
    (gift, "GIFT (Moodle)"),
)


def main(argv: list[str] | None = None) -> int:
    given = book.command_line(
        argv,
        "python -m widgets.exports",
        "Vragenbanken voor leeromgevingen (QTI, Common Cartridge, GIFT).",
        "de map voor de bestanden",
        "er zijn geen vragenbanken gemaakt",
        book.chapters,
    )
    if given is None:
        return 1
    chapters, out = given
    for module, label in WRITERS:
        target = out / module.FILENAME
        print(f"{module.write(chapters, target)} vragen geschreven naar {target} ({label})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
