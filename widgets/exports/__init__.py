"""The book's exercises as files a learning platform imports.

``python -m widgets.exports data _build/qti`` (``make qti``) writes three files:

- ``integraal-samenwerken-qti.zip``: QTI 1.2, one question bank (objectbank) per chapter, for
  Canvas and Blackboard (``qti.py``);
- ``integraal-samenwerken.imscc``: an IMS Common Cartridge 1.1 with one test per chapter, for
  Brightspace and Moodle's course import (``cartridge.py``);
- ``integraal-samenwerken.gift.txt``: GIFT, for trainers who paste questions into Moodle
  (``gift.py``).

Which kinds go where (``chapters/trainers/leeromgeving.md`` says it for trainers):
quiz and casus questions everywhere; a sort as a matching question in QTI and GIFT (Common
Cartridge 1.1 has no matching type); a reflection as an essay question everywhere; a scan
nowhere, because it has no right answer, only the learner's own profile. ``book.py`` walks the
book once for all of them, in the order of ``_toc.yml``.
"""
