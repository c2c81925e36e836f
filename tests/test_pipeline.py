"""The pipeline as a whole: its fingerprint, and a saved pipeline reloaded by spaCy."""

from __future__ import annotations

from importlib import resources

from vntrade.nlp.pipeline import _package_files


def test_fingerprint_reads_every_file_under_nlp():
    names = [relative for relative, _ in _package_files(resources.files("vntrade.nlp"))]
    assert names == sorted(names)
    assert "pipeline.py" in names
    assert any(name.startswith("data/") and name.endswith(".jsonl") for name in names)
    assert not any(name.endswith(".pyc") for name in names)
