"""The spaCy side of vntrade: pipeline assembly and one module per component."""
