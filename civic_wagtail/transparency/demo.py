"""Demo content of the transparency app, one seeder per part."""

SEEDERS = []
