"""Vocabulary of the library's demo content: indicators, practices, places, resources.

Everything is fictional but plausible; numbers are drawn from ranges seen in public reports
so that comparisons on practice pages look like real ones (mostly improvements, some
setbacks, some reports without a baseline).
"""

#: (slug, name, unit, direction, typical baseline range, typical relative change range)
INDICATORS = [
    ("permit-processing-time", "Permit processing time", "days", "lower", (20, 120), (-0.6, 0.1)),
    (
        "permit-applications-online",
        "Permit applications made online",
        "%",
        "higher",
        (5, 40),
        (0.2, 2.5),
    ),
    ("recycling-rate", "Household recycling rate", "%", "higher", (15, 45), (0.05, 0.6)),
    (
        "residual-waste",
        "Residual waste per resident",
        "kg/year",
        "lower",
        (180, 420),
        (-0.35, 0.05),
    ),
    (
        "ambulance-response-time",
        "Ambulance response time (median)",
        "minutes",
        "lower",
        (7, 18),
        (-0.3, 0.1),
    ),
    ("call-answer-time", "Emergency call answer time", "seconds", "lower", (8, 30), (-0.5, 0.15)),
    ("vaccination-coverage", "Vaccination coverage", "%", "higher", (55, 85), (0.02, 0.25)),
    (
        "service-satisfaction",
        "Resident satisfaction with the service",
        "%",
        "higher",
        (40, 75),
        (0.0, 0.4),
    ),
    ("cost-per-transaction", "Cost per transaction", "EUR", "lower", (8, 45), (-0.7, 0.05)),
    (
        "budget-participation",
        "Residents voting in participatory budget",
        "%",
        "higher",
        (1, 8),
        (0.1, 1.5),
    ),
    (
        "bus-ridership",
        "Public transport trips per resident",
        "trips/year",
        "higher",
        (60, 240),
        (0.0, 0.35),
    ),
    (
        "road-casualties",
        "Serious road casualties",
        "per 100,000 residents",
        "lower",
        (20, 60),
        (-0.45, 0.1),
    ),
    (
        "rough-sleeping",
        "People sleeping rough (count night)",
        "people",
        "lower",
        (30, 400),
        (-0.6, 0.2),
    ),
    (
        "housing-completions",
        "Affordable homes completed",
        "homes/year",
        "higher",
        (50, 900),
        (0.05, 0.8),
    ),
]

#: topic slug -> (practice names, indicator slugs)
PRACTICES = {
    "permits": (
        [
            "One-stop permit desk",
            "Online permit tracker",
            "Pre-application advice service",
            "Risk-based inspection scheduling",
            "Deemed approval after 30 days",
        ],
        ["permit-processing-time", "permit-applications-online", "service-satisfaction"],
    ),
    "waste-management": (
        [
            "Pay-as-you-throw collection",
            "Door-to-door food waste collection",
            "Repair cafés in libraries",
            "Deposit return for drinks containers",
        ],
        ["recycling-rate", "residual-waste", "cost-per-transaction"],
    ),
    "emergency-services": (
        [
            "Computer-aided dispatch with live location",
            "Community first responders",
            "Shared regional call centre",
            "Frequent-caller case management",
        ],
        ["ambulance-response-time", "call-answer-time"],
    ),
    "public-health": (
        [
            "Pharmacy-led vaccination",
            "Text-message appointment reminders",
            "Mobile clinics in rural areas",
            "School-based health checks",
        ],
        ["vaccination-coverage", "service-satisfaction"],
    ),
    "digital-services": (
        [
            "Tell-us-once address change",
            "Plain-language service redesign",
            "Shared digital identity",
            "Open appointment booking API",
        ],
        ["cost-per-transaction", "service-satisfaction", "permit-applications-online"],
    ),
    "budget": (
        [
            "Participatory budgeting with online voting",
            "Open contracting portal",
            "Zero-based budget reviews",
        ],
        ["budget-participation", "cost-per-transaction"],
    ),
    "transport": (
        [
            "Fare-free buses for under-25s",
            "School streets",
            "Demand-responsive rural transit",
            "20 mph residential zones",
        ],
        ["bus-ridership", "road-casualties"],
    ),
    "housing": (
        ["Housing First", "Modular homes on public land", "Empty homes brought back to use"],
        ["rough-sleeping", "housing-completions"],
    ),
}

#: (place, organisation type slug, region slug, level slug)
PLACES = [
    ("Lyon, France", "city-council", "france", "municipal"),
    ("Nantes, France", "city-council", "france", "municipal"),
    ("Occitanie, France", "county-government", "france", "county-regional"),
    ("Leeds, United Kingdom", "city-council", "united-kingdom", "municipal"),
    ("Bristol, United Kingdom", "city-council", "united-kingdom", "municipal"),
    ("Wales, United Kingdom", "national-ministry", "united-kingdom", "national"),
    ("Freiburg, Germany", "city-council", "germany", "municipal"),
    ("Bavaria, Germany", "state-agency", "germany", "state-provincial"),
    ("Toronto, Canada", "city-council", "canada", "municipal"),
    ("British Columbia, Canada", "state-agency", "canada", "state-provincial"),
    ("Austin, United States", "city-council", "united-states", "municipal"),
    ("King County, United States", "county-government", "united-states", "county-regional"),
    ("Colorado, United States", "health-agency", "united-states", "state-provincial"),
    ("Melbourne, Australia", "city-council", "australia", "municipal"),
    ("Queensland, Australia", "emergency-service", "australia", "state-provincial"),
    ("Wellington, New Zealand", "city-council", "new-zealand", "municipal"),
    ("Auckland, New Zealand", "utility", "new-zealand", "municipal"),
    ("Monterrey, Mexico", "city-council", "mexico", "municipal"),
    ("Jalisco, Mexico", "state-agency", "mexico", "state-provincial"),
]

VARIANTS = [
    "",
    "for small towns",
    "for rural counties",
    "at national scale",
    "with partners",
    "pilot",
    "second generation",
    "for large cities",
]

#: (slug, title, type, licence, external url or None for a generated document)
RESOURCES = [
    ("permit-process-map-template", "Permit process map template", "template", "CC BY 4.0", None),
    (
        "service-design-playbook",
        "Service design playbook",
        "guide",
        "OGL v3",
        "https://www.gov.uk/service-manual",
    ),
    (
        "food-waste-business-case",
        "Food waste collection business case",
        "template",
        "CC BY 4.0",
        None,
    ),
    ("dispatch-benchmark-dataset", "Dispatch times benchmark dataset", "dataset", "ODbL", None),
    (
        "participatory-budgeting-toolkit",
        "Participatory budgeting toolkit",
        "tool",
        "CC BY-SA 4.0",
        "https://participedia.net/",
    ),
    (
        "housing-first-evidence-review",
        "Housing First evidence review",
        "research",
        "CC BY 4.0",
        "https://www.oecd.org/",
    ),
    ("plain-language-checklist", "Plain-language checklist", "tool", "CC0", None),
    ("school-streets-guide", "School streets implementation guide", "guide", "OGL v3", None),
    (
        "procurement-clauses",
        "Model procurement clauses (restricted)",
        "template",
        "Members only",
        None,
    ),
]
#: Resource slugs whose document goes in the demo's private collection.
PRIVATE_RESOURCES = {"procurement-clauses"}
