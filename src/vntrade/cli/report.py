"""`vntrade report`: the corpus as one self-contained HTML page."""

from __future__ import annotations

import contextlib
import os
import sys
import tempfile
from collections.abc import Iterable
from typing import TYPE_CHECKING, BinaryIO

import click

from vntrade import __version__
from vntrade.cli.output import warn
from vntrade.cli.sources import reads_store, source_options

if TYPE_CHECKING:
    from vntrade.store import Store


@click.command()
@source_options
@click.option(
    "-o",
    "--output",
    required=True,
    metavar="FILE",
    help="Where to write the page (an .html file), or - for standard output.",
)
@reads_store
def report(store: Store, output: str) -> None:
    """Write an HTML report of PATH... (or --db FILE) that opens offline in any browser.

    The page shows the timeline (filters, zoom, details on hover), the articles that report
    the same event side by side with their conflicts, each fact linked to its sentence, the
    directives with past deadlines marked, and which actors and goods appear together and
    when. It reads the same store tables and clusters as `timeline` and `compare` (PATH...
    through a temporary store), and only the records of the articles it cites.
    """
    from vntrade.batch import PipelineSpec
    from vntrade.report.data import build_report
    from vntrade.report.page import render_page

    pipeline = click.get_current_context().params  # the fingerprint the page names
    spec = PipelineSpec(pipeline["model"], pipeline["actors_file"], pipeline["commodities_file"])
    data = build_report(store, version=__version__, fingerprint=spec.fingerprint())
    page = render_page(data)
    if output == "-":
        for piece in page:
            sys.stdout.write(piece)
    else:
        try:
            size = write_whole(output, page)
        except OSError as error:
            reason = error.strerror or str(error)
            raise click.ClickException(f"cannot write {output}: {reason}.") from None
        articles = data["corpus"]["articles"]
        warn(f"wrote {output}: {articles:,} articles, {size:,} bytes.")


def write_whole(path: str, pieces: Iterable[str]) -> int:
    """Write the text of `pieces` to `path` whole or not at all, and return its size in
    bytes: into a temporary file beside it, renamed over it once complete, so that a full
    disk, an error or an interruption leaves no partial page and an older file as it was. A
    device or a pipe (/dev/stdout) is written to directly."""
    target = os.path.realpath(path)  # through a symbolic link, as open() would
    if os.path.exists(target) and not os.path.isfile(target):
        with open(target, "wb") as handle:
            return _write(handle, pieces)
    directory, name = os.path.split(target)
    mode = _mode(target)
    fd, temporary = tempfile.mkstemp(dir=directory, prefix=f".{name}.", suffix=".part")
    try:
        with open(fd, "wb") as handle:
            size = _write(handle, pieces)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temporary, mode)
        os.replace(temporary, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
    return size


def _write(handle: BinaryIO, pieces: Iterable[str]) -> int:
    size = 0
    for piece in pieces:
        data = piece.encode("utf-8")
        handle.write(data)
        size += len(data)
    return size


def _mode(path: str) -> int:
    """The permissions of the file being replaced, or those open() would give a new one
    (a temporary file is private to its owner)."""
    try:
        return os.stat(path).st_mode & 0o7777
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask
