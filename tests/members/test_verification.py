import pytest

from civic_wagtail.members.verification import domain_is_allowed

PATTERNS = ["*.gov", "*.gc.ca", "council.example.org"]


@pytest.mark.parametrize(
    ("email", "allowed"),
    [
        ("ana@city.gov", True),
        ("ana@dept.state.gov", True),
        ("ANA@City.GOV", True),
        ("ana@tbs-sct.gc.ca", True),
        ("ana@council.example.org", True),
        ("ana@gov", False),  # the bare suffix is not a sub-domain
        ("ana@city.gov.example.com", False),
        ("ana@evilgov", False),
        ("ana@sub.council.example.org", False),  # exact domains match exactly
        ("not-an-address", False),
        ("", False),
        (None, False),
    ],
)
def test_domain_allow_list(email, allowed):
    assert domain_is_allowed(email, PATTERNS) is allowed
