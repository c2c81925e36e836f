"""Print a results file (default benchmarks/results.json) as the README's Markdown table."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from report import Figure

DEFAULT = Path(__file__).resolve().parent / "results.json"


def main() -> None:
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT
    results = json.loads(path.read_text(encoding="utf-8"))
    host, corpus, settings = results["machine"], results["corpus"], results["settings"]
    print(
        f"Measured {results['date'][:10]} on {host['cpu']} ({host['usable_cores']} cores, "
        f"{host['ram_gb']} GB RAM), {host['os']}, Python {host['python']}, spaCy "
        f"{host['spacy']}, model {settings['model']} {host['model']}, vntrade {host['vntrade']} "
        f"(git {host['git']}); load average before/after {results['load_before']} / "
        f"{results['load_after']}. Corpus: {corpus['words']:,} words in {corpus['articles']:,} "
        f"articles (seed {corpus['seed']}); {settings['rounds']} rounds of raw and ingest "
        f"({settings['rounds_with_workers_2']} with --workers 2).\n"
    )
    print("| Figure | Value | Target | |")
    print("|---|---:|---|---|")
    for fields in results["figures"].values():
        figure = Figure(**fields)
        verdict = "" if figure.ok is None else ("PASS" if figure.ok else "**FAIL**")
        print(f"| {figure.label} | {figure.shown()} | {figure.target or ''} | {verdict} |")
    components = results.get("components")
    if components:
        parts = ", ".join(f"{name} {share:.1%}" for name, share in components["share"].items())
        print(f"\nTime per pipeline component ({components['words']:,} words): {parts}.")


if __name__ == "__main__":
    main()
