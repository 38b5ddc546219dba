"""Explained matching: rank mentors for what a mentee asks, and say why each one fits.

A mentor earns ``MENTORING_MATCH_WEIGHTS`` points for each shared topic, each of their skills
named in the mentee's goals, a shared language, knowing the mentee's level of government, and
working in the mentee's region. Mentors who speak none of the languages the mentee gave, are
paused, full (by their own choice or because every place is taken), not verified, already
asked by this mentee or (by
``MENTORING_EXCLUDE_SAME_ORGANISATION``) from the mentee's own organisation are never listed,
nor are mentors with no points. Ties break on free places, then years of experience, then the
oldest profile first, so the same question always gets the same answer.

The cost is a fixed number of queries whatever the number of mentors: one for the candidates'
scalar fields, one each for the rows that match the requested topics, languages and level,
then four to load the few mentors shown. Scoring runs over plain tuples in Python.
"""

from dataclasses import dataclass, field

from django.utils.text import get_text_list
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from civic_wagtail.conf import civic_settings

from .models import OPEN, MentorLanguage, MentorProfile, language_name


@dataclass
class MenteeNeeds:
    """What a mentee asks for. Topic, level and region are primary keys of taxonomy terms."""

    goals: str = ""
    topic_ids: list = field(default_factory=list)
    languages: list = field(default_factory=list)
    level_id: int | None = None
    region_id: int | None = None
    #: The mentee's account: their own profile and open requests are left out.
    user: object = None
    #: The mentee's organisation, for ``MENTORING_EXCLUDE_SAME_ORGANISATION``.
    organisation: str = ""


@dataclass
class Match:
    """A suggested mentor, their score and the reasons shown to the mentee."""

    mentor: MentorProfile
    score: float
    reasons: list
    free_places: int
    capacity: int

    @property
    def explanation(self):
        return "; ".join(self.reasons)


def candidates(needs):
    """Mentors who may be suggested to the mentee, before scoring."""
    queryset = MentorProfile.objects.listed().with_occupied().available()
    user = needs.user
    if user is not None and user.is_authenticated:
        queryset = queryset.exclude(user_id=user.pk).exclude(
            pk__in=MentorProfile.objects.filter(
                mentorships__mentee_id=user.pk, mentorships__status__in=OPEN
            ).values("pk")
        )
    organisation = (needs.organisation or "").strip()
    if organisation and civic_settings.MENTORING_EXCLUDE_SAME_ORGANISATION:
        queryset = queryset.exclude(user__civic_profile__organisation__iexact=organisation)
    return queryset


def _skill_matcher(goals):
    """A function from a mentor's ``skills`` text to the skills named in ``goals``.

    Memoised per call of :func:`rank`: mentors often share the same skills text.
    """
    goals = goals.lower()
    cache = {}

    def match(skills):
        if not goals or not skills:
            return []
        if skills not in cache:
            parts = (part.strip() for part in skills.split(","))
            cache[skills] = [part for part in parts if part and part.lower() in goals]
        return cache[skills]

    return match


def rank(needs, limit=None, weights=None):
    """The best ``limit`` mentors for ``needs``, as :class:`Match` objects, best first."""
    weights = {**civic_settings.MENTORING_MATCH_WEIGHTS, **(weights or {})}
    limit = limit or civic_settings.MENTORING_MATCH_LIMIT
    rows = candidates(needs).values_list(
        "pk", "capacity", "occupied", "years_of_experience", "skills", "region_id"
    )
    topic_ids = set(needs.topic_ids)
    languages = set(needs.languages)

    shared_topics = {}
    if topic_ids:
        through = MentorProfile.topics.through.objects.filter(topic_id__in=topic_ids)
        for mentor_id, topic_id in through.values_list("mentorprofile_id", "topic_id"):
            shared_topics.setdefault(mentor_id, set()).add(topic_id)
    shared_languages = {}
    if languages:
        for mentor_id, code in MentorLanguage.objects.filter(code__in=languages).values_list(
            "mentor_id", "code"
        ):
            shared_languages.setdefault(mentor_id, set()).add(code)
    knows_level = set()
    if needs.level_id:
        knows_level = set(
            MentorProfile.government_levels.through.objects.filter(
                governmentlevel_id=needs.level_id
            ).values_list("mentorprofile_id", flat=True)
        )

    skills_in_goals = _skill_matcher(needs.goals)
    scored = []
    for pk, capacity, occupied, years, skills, region_id in rows:
        if languages and pk not in shared_languages:
            continue  # no language the mentee can use: every other match is moot
        skills_hit = skills_in_goals(skills)
        score = (
            weights["topic"] * len(shared_topics.get(pk, ()))
            + weights["skill"] * len(skills_hit)
            + (weights["language"] if pk in shared_languages else 0)
            + (weights["level"] if pk in knows_level else 0)
            + (weights["region"] if needs.region_id and region_id == needs.region_id else 0)
        )
        if score <= 0:
            continue
        free = capacity - occupied
        scored.append(((-score, -free, -years, pk), score, free, capacity, skills_hit))
    scored.sort(key=lambda item: item[0])
    top = scored[:limit]

    mentors = (
        MentorProfile.objects.with_occupied()
        .select_related("user__civic_profile", "region")
        .prefetch_related("topics", "languages", "government_levels")
        .in_bulk([item[0][3] for item in top])
    )
    matches = []
    for (_key, score, free, capacity, skills_hit) in top:
        mentor = mentors[_key[3]]
        matches.append(
            Match(
                mentor=mentor,
                score=score,
                reasons=explain(mentor, needs, skills_hit, free, capacity),
                free_places=free,
                capacity=capacity,
            )
        )
    return matches


def explain(mentor, needs, skills_hit, free, capacity):
    """The reasons shown for a match, from the mentor's prefetched relations (no queries)."""
    reasons = []
    topics = [topic.name for topic in mentor.topics.all() if topic.pk in set(needs.topic_ids)]
    if topics:
        reasons.append(_("shares %(topics)s") % {"topics": get_text_list(topics, _("and"))})
    if skills_hit:
        reasons.append(
            _("has the skills you mention: %(skills)s") % {"skills": ", ".join(skills_hit)}
        )
    spoken = [
        language_name(code) for code in mentor.language_codes() if code in set(needs.languages)
    ]
    if spoken:
        reasons.append(_("speaks %(languages)s") % {"languages": get_text_list(spoken, _("and"))})
    level = next((lv for lv in mentor.government_levels.all() if lv.pk == needs.level_id), None)
    if level is not None:
        reasons.append(_("works at %(level)s level") % {"level": level.name.lower()})
    if needs.region_id and mentor.region_id == needs.region_id:
        reasons.append(_("based in %(region)s") % {"region": mentor.region.name})
    reasons.append(
        ngettext(
            "%(free)s of %(capacity)s place free",
            "%(free)s of %(capacity)s places free",
            capacity,
        )
        % {"free": free, "capacity": capacity}
    )
    return reasons
