"""Settings of the continuous-improvement app (``CIVIC_WAGTAIL_IMPROVEMENT_*``), read via
``civic_settings``."""

DEFAULTS = {
    #: A team lead sees the team's results only when at least this many members have
    #: answered an assessment of the framework (never an individual's results).
    "IMPROVEMENT_TEAM_MIN_RESPONSES": 5,
    #: What the results page recommends for a gap, by kind: ``app_label.Model`` of the content
    #: that competency tags may point at. Kinds whose app is not installed are skipped.
    "IMPROVEMENT_RECOMMENDATION_MODELS": {
        "practice": "civic_wagtail_library.BestPracticePage",
        "resource": "civic_wagtail_library.ResourcePage",
        "event": "civic_wagtail_events.EventPage",
        "mentor": "civic_wagtail_mentoring.MentorProfile",
    },
    #: How many items of each kind are recommended per gap.
    "IMPROVEMENT_RECOMMENDATIONS_PER_KIND": 3,
    #: A goal is "at risk" when its progress lags the time elapsed by more than this share
    #: (0.15 = 15 points), or its latest check-in has low confidence.
    "IMPROVEMENT_AT_RISK_MARGIN": 0.15,
    #: Sender of reminder emails; ``None`` uses ``DEFAULT_FROM_EMAIL``.
    "IMPROVEMENT_FROM_EMAIL": None,
}
