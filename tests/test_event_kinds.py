"""Event kinds through `vntrade extract`: from the trigger and its frame in the parse, as the
table `nlp/data/events/kinds.jsonl` defines them, whose examples are tests too (issue 21,
item 4)."""

from __future__ import annotations

import pytest

from conftest import extract_one
from vntrade.nlp.events.kind_words import kinds_table
from vntrade.nlp.events.kinds import KINDS

HEADER = "Published: 2025-07-20\n\n"

# One sentence per case, of this file's own wording: (sentence, the kind of its event).
CASES = [
    # a phone conversation is a call, whatever verb tells it
    ("The foreign minister spoke with the Australian trade minister by phone on July 3.", "call"),
    # a ministry's press conference is a briefing, not a meeting
    ("The trade ministry held its monthly press conference on July 4.", "briefing"),
    # letters or an order setting tariff rates are a tariff measure
    ("The president sent letters to ten governments setting tariff rates from August 1.",
     "tariff measure"),
    ("The White House published an executive order setting higher tariff rates on July 2.",
     "tariff measure"),
    # an order signed is a decision, an agreement signed an agreement
    ("The president signed an order on July 5 on the management of rice exports.", "decision"),
    ("The two ministers signed a memorandum on farm trade on July 6.", "agreement"),
    # a pause that ends is a deadline
    ("Both sides want a deal within the 60-day pause, which ends on August 12.", "deadline"),
    # agreements signed at a forum are agreements
    ("Six contracts worth $900 million were signed at a business forum in Ohio on July 8.",
     "agreement"),
    # going and coming back are visits
    ("The delegation returned to Hanoi on July 9.", "visit"),
    ("The ambassador leaves Hanoi on July 24 at the end of his term.", "visit"),
    ("The deputy minister led a delegation to Ottawa on July 10.", "visit"),
    # a court's ruling is a decision, whatever it rules on; its hearing a meeting
    ("A federal court in New York blocked the president's import duties on July 15.",
     "decision"),
    ("The appeals panel upheld the duties on July 18, overturning the trade court.", "decision"),
    ("Judges heard arguments in the tariff case on July 10.", "meeting"),
    # opening a case, an authority's finding and a numbered official paper are decisions
    ("The Commerce Department initiated an anti-circumvention inquiry into quartz on July 15.",
     "decision"),
    ("Customs and Border Protection said on July 16 it had found that an importer evaded "
     "duties on plywood.", "decision"),
    ("The provincial People's Committee issued Official Letter No. 4410/UBND-KT on July 9 on "
     "origin checks.", "decision"),
    ("A panel of the trade court said on July 18 that the law gave the president no such "
     "power.", "decision"),
    # a survey's finding stays a report
    ("A survey by the chamber found on July 12 that most firms expected orders to fall.",
     "report"),
    # a tariff's rate rising, or standing in place, is the measure, not a trade figure
    ("The tariff on kitchen cabinets will rise to 50% on January 1 under the proclamation.",
     "tariff measure"),
    ("The 19% rate on Malaysian goods has been in place since July 7.", "tariff measure"),
    # a happening that only frames a clause without a date of its own: the clause's kind
    ("During a trade mission to Iowa on July 14, the companies signed letters of intent to "
     "buy corn.", "agreement"),
    # the terms of a deal told by a speaker are the deal; a rate alone is what was said
    ("The president said on July 14 that Thailand will pay a 19% tariff under a deal with "
     "Bangkok.", "agreement"),
    # settling a deal's details is agreeing on it
    ("The two presidents settled the details of their tariff deal on July 17.", "agreement"),
    # answering legislators is a meeting
    ("The minister answered questions from National Assembly deputies on July 11.", "meeting"),
    # taking firms off a list is a decision, and so is what takes effect
    ("The Commerce Department removed two Thai firms from its entity list on July 12.",
     "decision"),
    ("The new decree takes effect on September 1.", "decision"),
    ("The higher tariffs take effect on August 30.", "tariff measure"),
    # a statistics release is a report; a statement, spoken or written, is a briefing (the
    # issue: "briefing = a ministry's statement on what happened"), a plan announced an
    # announcement
    ("The statistics office said on July 13 that exports to Japan rose 9% in June.", "report"),
    ("The carmaker said in a statement on July 14 that it would keep its plant open.",
     "briefing"),
    ("The carmaker announced on July 14 a plan to open a second plant.", "announcement"),
    ("The spokesperson told reporters on July 15 that talks were going well.", "briefing"),
    ("Negotiators began a fifth round of talks in Geneva on July 16.", "negotiation"),
    ("The prime minister met the visiting senator in Hanoi on July 17.", "meeting"),
    ("The agriculture ministry proposed scrapping duties on US almonds on July 18.",
     "announcement"),
    # talks held online or by video are a call, not a negotiation or a meeting
    ("The two trade ministers held online talks on July 19.", "call"),
    ("The prime minister called the US president on July 20 to discuss the deal.", "call"),
    # negotiators who meet hold a negotiation; days of talks are talks
    ("Negotiators from both countries will meet again in Seoul on July 21.", "negotiation"),
    ("The two delegations held three days of talks in Tokyo from July 22 to 24.",
     "negotiation"),
    # telling reporters is a briefing, even when what is told is a figure
    ("The planning minister told reporters on July 25 that exports could rise 10%.",
     "briefing"),
    # said in a filing is said in writing
    ("The steelmaker said in a stock exchange filing on July 26 that it would cut output.",
     "announcement"),
    # an order or a decision whose clause sets tariffs is a tariff measure
    ("The president signed an order on July 27 raising duties on imported steel.",
     "tariff measure"),
    ("Officials welcomed the president's decision on July 28 to pause the new duties.",
     "tariff measure"),
    # a regulator allowing imports by a rule is a decision; organising a workshop a meeting
    ("The plant health agency allowed imports of fresh longan in a rule issued on July 29.",
     "decision"),
    ("The department will organise a training workshop for growers on July 30.", "meeting"),
    # what the speaker itself did, told in a perfect, is the event; a plan or a denial is not
    ("The customs agency said on August 1 that it had seized 40 containers of fake goods.",
     "decision"),
    ("The carmaker said on August 2 that it would raise prices in the autumn.", "briefing"),
    ("The ministry said on August 3 that the deal had not been signed.", "briefing"),
    # telling legislators is a hearing; breaking ground a ceremony; a deal that sets tariffs
    # stays a deal, and a decree that is the means of a tariff cut is a tariff measure
    ("The trade representative told the Senate Finance Committee on August 4 that talks "
     "were close.", "meeting"),
    ("The steelmaker broke ground on its new mill on August 5.", "meeting"),
    ("The trade deal was announced on August 6 by the president, which sets a 20% tariff.",
     "agreement"),
    ("The country cut import duties on cars by a decree signed on August 7.",
     "tariff measure"),
    ("The president announced a 46% rate and suspended it on August 8.", "tariff measure"),
    ("The two governments issued a joint statement on a trade framework on August 9.",
     "agreement"),
    ("Eleven firms signed memoranda of understanding to buy cotton on August 10.",
     "agreement"),
    # a courtesy or farewell call is paid in person; notifying countries of tariff rates
    # sets them
    ("The ambassador paid a farewell call on the party chief on August 11.", "meeting"),
    ("The administration on August 12 notified seven countries of new tariff rates.",
     "tariff measure"),
    # talking or meeting by phone or video, or online, is a call
    ("The farm minister had talked by video with his Brazilian counterpart on August 13.",
     "call"),
    ("Regional finance ministers will hold an emergency meeting by video conference on "
     "August 14.", "call"),
    # a draft is proposed, not decided; what a statement welcomes is not the event
    ("The finance ministry posted a draft circular on customs valuation on August 15.",
     "announcement"),
    ("The shrimp farmers' group welcomed the ruling in a statement on August 16.",
     "briefing"),
    # an analysts' note is a report, and so is what a bank estimates
    ("The bank lowered its growth outlook for Thailand in a research note on August 17.",
     "report"),
    ("A consultancy estimated on August 18 that a tenth of furniture exports were at risk.",
     "report"),
    # detaining goods and charging people are decisions
    ("Border officers detained 12 trucks of relabelled aluminium on August 19.", "decision"),
    ("Two traders were charged with customs fraud in a Texas court on August 20.",
     "decision"),
    # tariff cuts that take effect are a tariff measure, and rates that apply to goods
    # entering a market too
    ("The tariff cuts take effect on August 21.", "tariff measure"),
    ("The new rates apply to goods entering the country on August 22.", "tariff measure"),
    # summit talks are a meeting of leaders
    ("The two presidents will hold summit talks in Seoul on August 23.", "meeting"),
    # a numbered document is what its name says; a letter requesting something a request
    ("The finance ministry issued Circular No. 12/2025/TT-BTC on August 24 on customs "
     "valuation.", "decision"),
    ("The cashew association sent a letter to the ministry on August 25 requesting lower "
     "fees.", "decision"),
    # the results of a trade-remedy review are a ruling, as the 22 event sets mostly have it
    ("The Commerce Department published the final results of its review on August 26.",
     "decision"),
    # an online meeting of two counterparts is a call; one a leader chairs is a meeting
    ("The farm minister held an online meeting with his Chilean counterpart on August 27.",
     "call"),
    ("The prime minister chaired an online meeting with provinces on August 28.", "meeting"),
    # launching an investigation is a decision; a plan asking departments to act too
    ("The ministry launched an anti-dumping investigation into steel wire on August 29.",
     "decision"),
    ("The provincial People's Committee issued a plan on August 30 asking departments to "
     "cut fees.", "decision"),
    # what delays, pauses or removes tariffs, however many of them, is a tariff measure
    ("Exporters welcomed the decision on August 31 to pause most of the new duties.",
     "tariff measure"),
    ("The president signed an order on September 1 delaying the start of the higher "
     "tariffs.", "tariff measure"),
    ("The new order, which applies from September 2, removes the 20% duty on cocoa.",
     "tariff measure"),
    # an order for goods is a purchase; a pledge to lower duties a tariff measure
    ("The carrier finalised an order for 40 Airbus jets on September 3.", "agreement"),
    ("The government on September 4 pledged to lower import duties on US farm goods.",
     "tariff measure"),
    # a case's final determinations and an injury determination are rulings
    ("The department issued final affirmative determinations in the rebar case on "
     "September 5.", "decision"),
    ("The commission made its final injury determination on September 6.", "decision"),
    # what an unsigned notice tells is the event, not the notice
    ("Commerce has set duties of up to 40% on Vietnamese wire, according to a notice "
     "published on September 7.", "tariff measure"),
    # directing or instructing bodies to act is a directive; an authority issuing a plan
    # adopts it; an inspection campaign is an inspection
    ("On September 8 the prime minister directed the provinces to speed up land clearance "
     "for new industrial parks.", "decision"),
    ("The ministry instructed its trade office in Jakarta on September 9 to monitor rice "
     "prices.", "decision"),
    ("The city People's Committee issued a plan on September 10 to support garment "
     "exporters.", "decision"),
    ("Port authorities launched an inspection campaign on September 11 against mislabelled "
     "goods.", "decision"),
    # an order or an act that exempts goods from tariffs is a tariff measure
    ("The president signed an order on September 12 exempting bananas and cocoa from "
     "reciprocal tariffs.", "tariff measure"),
    ("The administration exempted laptops and phones from the new tariffs on September 13.",
     "tariff measure"),
    # a leader saying a deal was reached tells the deal; talks with a named person are a
    # meeting; the talks on whose sidelines people meet are not the event; a petition filed
    # is a formal request
    ("The president said on September 14 that his country had reached a trade deal with "
     "Chile.", "agreement"),
    ("The foreign minister held talks with Secretary of State Marco Rubio in Washington on "
     "September 16.", "meeting"),
    ("The deputy minister met the US trade envoy on September 17 on the sidelines of the "
     "negotiations.", "meeting"),
    ("A group of US catfish farmers filed a petition with the Commerce Department on "
     "September 18.", "decision"),
    # leading people somewhere is a visit; a reaction is the saying of it, not what it
    # reacts to; writing on a platform is an announcement; judges hearing arguments meet
    ("The cashew association will lead 30 exporters to a food fair in Chicago on September "
     "19.", "visit"),
    ("On September 20 the spokeswoman welcomed the president's decision to pause the new "
     "duties at a news briefing.", "briefing"),
    ("The president wrote on his social media platform on September 21 that the call had "
     "gone well.", "announcement"),
    ("The appeals court heard arguments on the emergency tariffs on September 22.", "meeting"),
    # a doubling of tariffs, or a decree told as cutting duties, that takes effect sets
    # tariffs; handing over a certificate is a decision
    ("A doubling of the duties on imported aluminium to 50% took effect on September 23.",
     "tariff measure"),
    ("The city will hand the electronics maker an amended investment certificate on "
     "September 24.", "decision"),
    # an analysts' note is a report, a diplomatic note an announcement
    ("Standard Chartered economists said in a note dated July 14 that orders would slow.",
     "report"),
    ("In a note on July 15, Mirae Asset cut its forecast for the steelmaker.", "report"),
    ("The embassy sent a diplomatic note on July 16 asking for consultations.", "announcement"),
    # negotiating teams talking online hold a negotiation; two ministers online, a call
    ("The two negotiating teams held a round of talks online on July 17.", "negotiation"),
    ("Technical teams of both sides held online talks on July 18 on the rules of origin.",
     "negotiation"),
    ("The deputy minister held online talks with the Canadian trade minister on July 19.",
     "call"),
    # a deal said to be struck is the deal, whatever it sets
    ("The president said on July 13 that his country had struck a trade deal with Chile "
     "that will set a 15% tariff on Chilean goods.", "agreement"),
    # a round of talks on an agreement is the round, wherever the parser hangs its date
    ("The fifth round of talks on a free trade agreement, scheduled to take place in Lima "
     "on July 21-24, will cover services.", "negotiation"),
    # telling a meeting or a conference something is a briefing; telling legislators a hearing
    ("The chairwoman told an investor meeting in Hanoi on July 22 that orders had slowed.",
     "briefing"),
    ("The deputy prime minister told a conference of diplomats on July 23 that the surplus "
     "remained a sensitive issue.", "briefing"),
    # what a meeting approved or passed is the decision; a shareholders' meeting is the event
    ("The city council approved the merger at a meeting on July 25.", "decision"),
    ("The shareholders approved the merger at an extraordinary meeting on July 25.",
     "meeting"),
    ("The two governments agreed to a ceasefire at talks in Geneva on July 26.", "agreement"),
    ("Six firms signed supply contracts at a trade forum in Da Nang on July 27.", "agreement"),
    # a festival or an expo is a meeting
    ("The third Lam Dong Tea Festival will take place on July 28-30 in Bao Loc.", "meeting"),
    # a rate set out in a letter or set in an order is a tariff measure; a plan in a letter not
    ("The 24% rate is above the 18% that Washington had set out in a letter to Manila on "
     "July 29.", "tariff measure"),
    ("The new rate was set in an executive order signed on July 30.", "tariff measure"),
    ("The association set out its proposals in a letter on July 31.", "announcement"),
    # a warning is said: a briefing, whatever it warns against
    ("The commerce ministry warned trading partners on August 1 against striking deals at "
     "its expense.", "briefing"),
    ("In a note released on August 2, the brokerage said garment exporters would gain.",
     "report"),
    # a numbered plan an authority issues is its decision
    ("The Provincial People's Committee issued Plan No. 412/KH-UBND on August 3 on "
     "attracting investment.", "decision"),
]  # fmt: skip


def kinds_of(cli, tmp_path, sentences: list[str]) -> dict[str, str]:
    """The kind of each sentence's first event, extracted from one article of them all."""
    record = extract_one(cli, tmp_path, HEADER + "\n\n".join(sentences) + "\n")
    found: dict[str, str] = {}
    for event in record["events"]:
        found.setdefault(event["sentence"], event["kind"])
    return found


def test_each_kind_and_each_error_class_from_its_frame(cli, tmp_path):
    found = kinds_of(cli, tmp_path, [sentence for sentence, _kind in CASES])
    wrong = {s: (found.get(s), kind) for s, kind in CASES if found.get(s) != kind}
    assert not wrong, wrong
    assert {kind for _s, kind in CASES} == set(KINDS) - {"deadline"} | {"deadline"}


def test_the_table_has_every_kind_a_definition_and_examples():
    table = kinds_table()
    assert [entry.kind for entry in table] == sorted(KINDS, key=[e.kind for e in table].index)
    assert {entry.kind for entry in table} == set(KINDS)
    for entry in table:
        assert entry.definition and len(entry.examples) >= 2, entry.kind


@pytest.mark.parametrize("entry", kinds_table(), ids=lambda entry: entry.kind)
def test_the_examples_of_each_kind_get_that_kind(cli, tmp_path, entry):
    found = kinds_of(cli, tmp_path, list(entry.examples))
    assert {s: found.get(s) for s in entry.examples} == dict.fromkeys(entry.examples, entry.kind)


def test_what_is_unveiled_gives_the_kind(cli, tmp_path):
    events = extract_one(
        cli,
        tmp_path,
        "Published: 2025-07-20\n\nThe European Commission unveiled new duties on Chinese "
        "steel on July 14. On July 16, the trade ministry unveiled a plan to court more "
        "buyers in Canada.",
    )["events"]
    kinds = {e["value"]: e["kind"] for e in events}
    assert kinds == {"2025-07-14": "tariff measure", "2025-07-16": "announcement"}


def test_what_a_happening_is_about_does_not_give_its_kind(cli, tmp_path):
    events = extract_one(
        cli,
        tmp_path,
        "Published: 2025-07-20\n\nThe two delegations held a second round of talks on a "
        "reciprocal trade agreement with the Commerce Department on July 16.",
    )["events"]
    assert [e["kind"] for e in events] == ["negotiation"]


def test_a_speaker_telling_the_press_without_a_date_is_a_briefing_on_the_article_s_day(
    cli, tmp_path
):
    record = extract_one(
        cli,
        tmp_path,
        "Published: 2025-08-12\n\nThe new tariff took effect on August 7.\n\n"
        "Economist Le Dang Doanh told CNA that exporters would adapt. The weather was hot.",
    )
    briefings = [e for e in record["events"] if e["kind"] == "briefing"]
    assert [(e["value"], e["actors"][0]) for e in briefings] == [("2025-08-12", "Le Dang Doanh")]
    assert briefings[0]["summary"].startswith("Economist Le Dang Doanh told CNA")


def test_a_release_day_makes_the_month_of_its_data_no_event(cli, tmp_path):
    record = extract_one(
        cli,
        tmp_path,
        HEADER + "Exports rose 15% in June, data from the statistics office showed on July 6.",
    )
    assert [(e["value"], e["kind"]) for e in record["events"]] == [("2025-07-06", "report")]


def test_a_clause_dated_on_its_own_leaves_the_happening_around_it_its_kind(cli, tmp_path):
    record = extract_one(
        cli,
        tmp_path,
        HEADER + "The deputy minister met the treasury secretary on July 10 during his working "
        "trip to Washington from July 9 to 12.",
    )
    kinds = {e["value"]: e["kind"] for e in record["events"]}
    assert kinds == {"2025-07-10": "meeting", "2025-07-09": "visit"}


def test_signing_deals_at_a_ceremony_on_a_weekday_is_the_week_s_agreement(cli, tmp_path):
    record = extract_one(
        cli,
        tmp_path,
        HEADER + "Textile firms signed 12 contracts worth about $400 million to buy US cotton "
        "over the next year at a ceremony in Memphis on Thursday.",
    )
    assert [(e["value"], e["kind"]) for e in record["events"]] == [("2025-07-17", "agreement")]


def test_agreeing_to_meet_on_a_day_leaves_that_day_a_meeting(cli, tmp_path):
    record = extract_one(
        cli, tmp_path, HEADER + "The two ministers agreed on Monday to meet again on Thursday."
    )
    kinds = {e["value"]: e["kind"] for e in record["events"]}
    assert kinds == {"2025-07-14": "agreement", "2025-07-24": "meeting"}
