"""Demo content of the transparency app, one seeder per part."""

from .projects.demo import TRANSLATIONS as PROJECT_TRANSLATIONS
from .projects.demo import ProjectsSeeder

SEEDERS = [ProjectsSeeder]

#: French and Spanish versions of the demo texts, for seed_demo's translation step (the
#: policy and consultation parts merge theirs in).
TRANSLATIONS = {language: dict(texts) for language, texts in PROJECT_TRANSLATIONS.items()}
