"""Demo content of the transparency app, one seeder per part.

``TRANSLATIONS`` maps each demo text to its French and Spanish versions, for ``seed_demo``
to translate the demo tree.
"""

from . import consultation_demo, policy_demo
from .consultation_demo import ConsultationSeeder
from .policy_demo import PolicySeeder
from .projects import demo as projects_demo
from .projects.demo import ProjectsSeeder

SEEDERS = [ConsultationSeeder, PolicySeeder, ProjectsSeeder]


def _merged(*modules):
    merged = {}
    for module in modules:
        for language, texts in module.TRANSLATIONS.items():
            merged.setdefault(language, {}).update(texts)
    return merged


TRANSLATIONS = _merged(policy_demo, consultation_demo, projects_demo)
