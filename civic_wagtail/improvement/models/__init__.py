"""Models of the continuous-improvement app, one module per part."""

from .assessments import (
    Assessment,
    AssessmentGroupObjectPermission,
    AssessmentUserObjectPermission,
    Rating,
)
from .frameworks import Competency, CompetencyTag, Framework, FrameworkLevel
from .goals import (
    CheckIn,
    Goal,
    GoalComment,
    GoalGroupObjectPermission,
    GoalUserObjectPermission,
    Milestone,
    ReminderSetting,
)
from .teams import Team, TeamMember
from .trackers import AdoptionTracker, Measurement, TrackerIndicator

__all__ = [
    "AdoptionTracker",
    "Assessment",
    "AssessmentGroupObjectPermission",
    "AssessmentUserObjectPermission",
    "CheckIn",
    "Competency",
    "CompetencyTag",
    "Framework",
    "FrameworkLevel",
    "Goal",
    "GoalComment",
    "GoalGroupObjectPermission",
    "GoalUserObjectPermission",
    "Measurement",
    "Milestone",
    "Rating",
    "ReminderSetting",
    "Team",
    "TeamMember",
    "TrackerIndicator",
]

# The page type lives in its own module; importing it here registers it with the app.
from ..pages import ImprovementPage  # noqa: E402

__all__ += ["ImprovementPage"]
