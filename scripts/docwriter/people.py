"""Invented people: one ``Person`` record, the name pools and a generator that never repeats a surname."""

from __future__ import annotations

import random
from dataclasses import dataclass


@dataclass(frozen=True)
class Person:
    """Someone in a document. ``role`` as printed in the document's language (None: a member, not
    printed), ``role_norm`` its vocabulary form, ``title`` the job title in lower case."""

    first: str
    last: str
    role: str | None = None
    role_norm: str = "jasen"
    title: str | None = None

    def name(self, surname_first: bool = False) -> str:
        return f"{self.last} {self.first}" if surname_first else f"{self.first} {self.last}"

    def printed(self, surname_first: bool = False) -> str:
        """'Hanna Lahtinen, puheenjohtaja' as attendee lists print it: name, title, role."""
        return ", ".join([self.name(surname_first)] + [p for p in (self.title, self.role) if p])

    def attendee(self) -> dict:
        """The attendee entry of the gold format (../shared/corpus/README.md)."""
        entry = {"name": self.name(), "role": self.role or "jäsen", "role_norm": self.role_norm}
        if self.title:
            entry["title"] = self.title
        return entry


FI_FIRST = ("Anna", "Mikko", "Sari", "Jari", "Tiina", "Pekka", "Heli", "Antti", "Minna", "Juha", "Kirsi",
            "Timo", "Paula", "Ville", "Outi", "Harri", "Leena", "Markus", "Johanna", "Esa", "Satu", "Kari",
            "Riitta", "Janne", "Elina", "Tero", "Maarit", "Olli", "Hanna", "Vesa")
FI_LAST = ("Korhonen", "Mäkinen", "Nieminen", "Hämäläinen", "Laine", "Heikkinen", "Koskinen", "Järvinen",
           "Lehtonen", "Saarinen", "Salminen", "Heinonen", "Niemi", "Kettunen", "Tuominen", "Rantala",
           "Ylönen", "Väisänen", "Karjalainen", "Pesonen", "Ahonen", "Lindroos", "Hirvonen", "Vainio",
           "Mattila", "Rinne", "Kauppinen", "Leppänen", "Räsänen", "Kivelä")
SV_FIRST = ("Mats", "Lena", "Johan", "Camilla", "Patrik", "Sofia", "Henrik", "Maria", "Kim", "Eva",
            "Anders", "Karin", "Mikael", "Annika", "Stefan", "Jessica")
SV_LAST = ("Backlund", "Granqvist", "Sjöholm", "Nyholm", "Ehrs", "Mård", "Lindén", "Söderberg", "Lassus",
           "Storbacka", "Rönnqvist", "Holmström", "Westerlund", "Björkqvist", "Åström", "Forsman")


def invent_person(rng: random.Random, lang: str, used: set[str], **fields: object) -> Person:
    """A person whose surname no one else in the document has (``used`` collects them).

    Once every surname of the list is taken (a large Swedish board with several preparers), the
    surname is a double one ('Backlund-Nyholm'), as real names are; the search always ends.
    """
    firsts, lasts = (SV_FIRST, SV_LAST) if lang == "sv" else (FI_FIRST, FI_LAST)
    while not used.issuperset(lasts):
        p = Person(rng.choice(firsts), rng.choice(lasts), **fields)  # type: ignore[arg-type]
        if p.last not in used:
            used.add(p.last)
            return p
    free = [f"{a}-{b}" for a in lasts for b in lasts if a != b and f"{a}-{b}" not in used]
    p = Person(rng.choice(firsts), rng.choice(free), **fields)  # type: ignore[arg-type]
    used.add(p.last)
    return p


def fi_genitive_surname(last: str) -> str:
    """The genitive of a surname of the pools ('Salminen' -> 'Salmisen', 'Niemi' -> 'Niemin'): the
    regular forms only, -nen -> -sen, vowel -> +n, consonant -> +in."""
    if last.endswith("nen"):
        return last[:-3] + "sen"
    return last + ("n" if last[-1] in "aeiouyäö" else "in")
