"""`vntrade compare`: who is quoted in which report of one event, and whether the words agree
(issue 25): the same words quoted are verbatim, the same said in other words paraphrased,
and a report that leaves the speaker out is listed as missing."""

from __future__ import annotations

import json

VNA = (
    "Published: 2025-07-16\n\n"
    "HANOI — Deputy Prime Minister Bui Thanh Son received US Ambassador Marc Knapper in Hanoi "
    "on July 15 to discuss the reciprocal trade agreement.\n"
    '"Vietnam stands ready to buy more American aircraft and farm products," Son said.\n'
)
VOV = (
    "Published: 2025-07-16\n\n"
    "HANOI — Deputy Prime Minister Bui Thanh Son hosted US Ambassador Marc Knapper in Hanoi on "
    "July 15, the two sides discussing the reciprocal trade agreement.\n"
    '"Vietnam stands ready to buy more American aircraft and farm products," Son told the '
    "ambassador.\n"
)
VNS = (
    "Published: 2025-07-16\n\n"
    "HÀ NỘI — Deputy Prime Minister Bui Thanh Son met US Ambassador Marc Knapper in Hà Nội on "
    "July 15 on the reciprocal trade agreement between the two countries.\n"
)


def test_who_is_quoted_in_which_report(cli, tmp_path):
    for name, text in {"vna.txt": VNA, "vov.txt": VOV, "vns.txt": VNS}.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    result = cli("compare", str(tmp_path), "--format", "json")
    assert result.exit_code == 0, result.stderr
    [cluster] = json.loads(result.stdout)["clusters"]
    assert sorted(cluster["articles"]) == ["vna", "vns", "vov"]
    [son] = [q for q in cluster["quoted"] if q["speaker"] == "Bui Thanh Son"]
    assert sorted(son["articles"]) == ["vna", "vov"]
    assert {s["agreement"] for s in son["articles"]["vna"]} == {"verbatim"}
    assert son["missing"] == ["vns"]
    table = cli("compare", str(tmp_path), "--format", "table")
    assert "Quoted: Bui Thanh Son: " in table.stdout and "not by vns" in table.stdout


def test_the_seeds_pair_quotes_the_prime_minister_in_both_reports(cli, seeds):
    result = cli("compare", str(seeds), "--format", "json")
    assert result.exit_code == 0, result.stderr
    cluster = json.loads(result.stdout)["clusters"][0]
    [chinh] = [q for q in cluster["quoted"] if q["speaker"] == "Pham Minh Chinh"]
    assert len(chinh["articles"]) == 2 and chinh["missing"] == []
    agreements = {s["agreement"] for said in chinh["articles"].values() for s in said}
    assert "paraphrased" in agreements
