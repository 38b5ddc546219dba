"""Views behind the improvement page's routes (see :mod:`..pages`); each takes
``(request, page, ...)``."""

from .assessments import (
    assess,
    assessment_list,
    delete_assessment,
    framework_detail,
    index,
    results,
    share_assessment,
)
from .data import export, my_data
from .goals import (
    check_in,
    comment,
    delete_checkin,
    delete_goal,
    goal_detail,
    goal_list,
    goal_status,
    new_goal,
    reminders,
    share_goal,
)
from .teams import invite, join, team_detail, team_list
from .trackers import (
    case_study,
    delete_tracker,
    measure,
    new_tracker,
    tracker_detail,
    tracker_list,
)

__all__ = [
    "assess",
    "assessment_list",
    "case_study",
    "check_in",
    "comment",
    "delete_assessment",
    "delete_checkin",
    "delete_goal",
    "delete_tracker",
    "export",
    "framework_detail",
    "goal_detail",
    "goal_list",
    "goal_status",
    "index",
    "invite",
    "join",
    "measure",
    "my_data",
    "new_goal",
    "new_tracker",
    "reminders",
    "results",
    "share_assessment",
    "share_goal",
    "team_detail",
    "team_list",
    "tracker_detail",
    "tracker_list",
]
