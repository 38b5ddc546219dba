"""Models of the library: indicators, outcome rows, practice, case-study and resource pages."""

from .indicators import Direction, Indicator
from .mixins import (
    BestPracticeMixin,
    CaseStudyMixin,
    CostBand,
    EvidenceStrength,
    LibraryPageMixin,
    adoption_count_expression,
    last_reviewed_expression,
)
from .outcomes import AbstractOutcome, relative_change
from .pages import (
    BestPracticePage,
    CaseStudyOutcome,
    CaseStudyPage,
    LibraryIndexPage,
    PracticeOutcome,
)
from .resources import (
    DownloadTally,
    ResourceIndexPage,
    ResourceMixin,
    ResourcePage,
    ResourceType,
)

__all__ = [
    "AbstractOutcome",
    "BestPracticeMixin",
    "BestPracticePage",
    "CaseStudyMixin",
    "CaseStudyOutcome",
    "CaseStudyPage",
    "CostBand",
    "Direction",
    "DownloadTally",
    "EvidenceStrength",
    "Indicator",
    "LibraryIndexPage",
    "LibraryPageMixin",
    "PracticeOutcome",
    "ResourceIndexPage",
    "ResourceMixin",
    "ResourcePage",
    "ResourceType",
    "adoption_count_expression",
    "last_reviewed_expression",
    "relative_change",
]
