"""civic_wagtail: a knowledge-sharing platform for public-sector professionals, for Wagtail."""

__version__ = "0.1.0"
