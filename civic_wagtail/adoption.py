"""Where a practice has been put to work, gathered from every app that knows.

The library counts the published case studies that adopted a practice. Other apps know of
more adoptions: a project tracker that adopts a practice, a team measuring its effect in an
adoption tracker. Each implements the hook ``civic_wagtail_practice_adoptions``:

    @hooks.register("civic_wagtail_practice_adoptions")
    def project_adoptions(practice_ids):
        # one query for all the ids; only what the public may see
        return [Adoption(practice_id=..., place=..., title=..., url=..., measuring=False)]

and the practice page says "adopted in 3 places, 2 more measuring now". Places are counted
once whatever the number of records there (a case study and a project in the same city are
one place).
"""

from collections import defaultdict
from dataclasses import dataclass

from wagtail import hooks

HOOK = "civic_wagtail_practice_adoptions"


@dataclass(frozen=True)
class Adoption:
    """One place that adopted a practice, as one app knows it."""

    practice_id: int
    #: Where, as people write it ("Lyon, France"); places are compared case-insensitively.
    place: str
    #: What to call the record in a list (a case study's or a project's title).
    title: str
    #: A public link to the record, or "" when it has none (a member's private tracker).
    url: str = ""
    #: True while the place is still measuring the effect (not yet evidence).
    measuring: bool = False


@dataclass(frozen=True)
class AdoptionSummary:
    """The places that adopted a practice and those still measuring it."""

    adoptions: tuple = ()

    @property
    def places(self):
        """Distinct places with evidence of adoption."""
        return _places(a for a in self.adoptions if not a.measuring)

    @property
    def measuring_places(self):
        """Distinct places still measuring, not counted among :attr:`places`."""
        adopted = {place.casefold() for place in self.places}
        return [
            p
            for p in _places(a for a in self.adoptions if a.measuring)
            if p.casefold() not in adopted
        ]

    @property
    def adopted_count(self):
        return len(self.places)

    @property
    def measuring_count(self):
        return len(self.measuring_places)


def _places(adoptions):
    seen = {}
    for adoption in adoptions:
        key = (adoption.place or adoption.title).strip().casefold()
        if key and key not in seen:
            seen[key] = (adoption.place or adoption.title).strip()
    return list(seen.values())


def adoptions_by_practice(practice_ids):
    """``{practice_id: AdoptionSummary}`` for every id (empty summaries included), one call
    (and so a bounded number of queries) per registered app whatever the number of ids."""
    ids = [int(pk) for pk in practice_ids]
    found = defaultdict(list)
    if ids:
        for implementation in hooks.get_hooks(HOOK):
            for adoption in implementation(ids):
                found[adoption.practice_id].append(adoption)
    return {pk: AdoptionSummary(tuple(found.get(pk, ()))) for pk in ids}


def adoption_summary(practice_id):
    """The :class:`AdoptionSummary` of one practice."""
    return adoptions_by_practice([practice_id])[int(practice_id)]
