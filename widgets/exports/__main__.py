"""python -m widgets.exports DATA OUT: the QTI zip, the Common Cartridge and the GIFT file."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .._load import DataError
from . import book, cartridge, gift, qti

WRITERS = (
    (qti, "QTI 1.2 (Canvas, Blackboard)"),
    (cartridge, "Common Cartridge 1.1 (Brightspace, Moodle)"),
    (gift, "GIFT (Moodle)"),
)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m widgets.exports", description="Vragenbanken voor leeromgevingen (QTI, Common Cartridge, GIFT)."
    )
    parser.add_argument("data", type=Path, help="de map met de oefeningen (data/)")
    parser.add_argument("out", type=Path, help="de map voor de bestanden")
    args = parser.parse_args(argv)
    if not args.data.is_dir():
        print(f"Fout: de map {args.data} bestaat niet", file=sys.stderr)
        return 1
    try:
        chapters = book.chapters(args.data)
    except DataError as error:
        print(f"Fout in de oefeningen ({args.data}/), er zijn geen vragenbanken gemaakt:\n{error}", file=sys.stderr)
        return 1
    for module, label in WRITERS:
        target = args.out / module.FILENAME
        print(f"{module.write(chapters, target)} vragen geschreven naar {target} ({label})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
