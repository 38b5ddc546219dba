"""Models of the transparency app: one module per part."""
