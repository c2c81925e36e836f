"""The word lists and templates of the labelled event corpus (`corpus/events.py`): outlets,
kinds, names, roles, organisations, topics, and the sentences each report is made of."""

from __future__ import annotations

from datetime import timedelta

EVENTS_PER_DAY = 25  # the span of days grows with the corpus beyond a year at this density
REPORTS = (1, 2, 3, 4, 5)
REPORT_WEIGHTS = (30, 25, 20, 15, 10)
LOOKALIKE_SHARE = 0.25
LOOKALIKE_LAG = timedelta(days=6)  # a look-alike follows a series whose latest is this recent
OUTLETS = ("VNA", "VOV", "VNS", "Reuters", "Xinhua")
KINDS = ("meeting", "call", "negotiation", "agreement", "tariff measure", "announcement")
SURNAMES = (
    "Nguyen", "Tran", "Le", "Pham", "Hoang", "Vu", "Vo", "Dang", "Bui", "Do", "Ho", "Ngo",
    "Duong", "Ly", "Phan", "Trinh",
)  # fmt: skip
MIDDLES = ("Van", "Thi", "Minh", "Duc", "Hong", "Quoc", "Thanh", "Hoang", "Anh", "Ngoc")
GIVEN = (
    "An", "Binh", "Cuong", "Dung", "Hai", "Hung", "Khanh", "Lan", "Long", "Mai", "Nam", "Phong",
    "Quang", "Son", "Tam", "Thang", "Trung", "Tuan", "Viet", "Vinh", "Hieu", "Thao", "Linh", "Huy",
)  # fmt: skip
VN_ROLES = (
    "Deputy Minister of Industry and Trade", "Deputy Minister of Finance",
    "Deputy Minister of Agriculture and Environment", "Director of the Trade Remedies Authority",
    "Vice President of VCCI", "Deputy Governor of the State Bank of Vietnam",
    "Chairman of the Ho Chi Minh City People's Committee", "Deputy Foreign Minister",
)  # fmt: skip
US_FIRST = (
    "John", "Mary", "David", "Sarah", "Michael", "Linda", "Robert", "Karen", "James", "Susan",
    "Mark", "Emily",
)  # fmt: skip
US_LAST = (
    "Carter", "Hughes", "Bennett", "Foster", "Reed", "Brooks", "Porter", "Hayes", "Coleman",
    "Ward", "Price", "Fisher", "Graham", "Sullivan", "Turner", "Palmer",
)  # fmt: skip
US_ROLES = (
    "Deputy US Trade Representative", "US Assistant Secretary of Commerce",
    "US Under Secretary of Agriculture", "US Senator", "Deputy US Treasury Secretary",
)  # fmt: skip
VN_ORGS = (
    "Vietnam Airlines", "PetroVietnam", "Vinamilk", "Hoa Phat Group", "Vingroup",
    "Vietnam Textile and Apparel Association", "Vietnam Steel Association", "VCCI",
    "Vietnam Association of Seafood Exporters and Producers",
    "Vietnam Cotton and Spinning Association",
    "Vietnam Electricity", "Vietnam Feed Association", "Vietjet", "Masan Group",
)  # fmt: skip
US_ORGS = (
    "Boeing", "Cargill", "US Grains Council", "US Soybean Export Council", "AmCham Vietnam",
    "US-ASEAN Business Council", "General Electric", "ExxonMobil", "Intel", "US Wheat Associates",
    "Office of the US Trade Representative", "US Department of Commerce",
)  # fmt: skip
TOPICS = (
    "rules of origin", "reciprocal tariffs", "digital trade", "intellectual property",
    "market economy status", "export controls on high technology", "customs procedures",
    "anti-dumping duties", "food safety standards", "energy imports", "aviation cooperation",
    "supply chains", "illegal transshipment", "currency policy", "investment facilitation",
    "agricultural market access", "labour standards", "semiconductor investment",
)  # fmt: skip
PLACES = ("Hanoi", "Washington", "Ho Chi Minh City", "New York", "Da Nang")
# Each kind, several ways of telling it; {A} Vietnamese side, {B} US side, {O} a company or
# association, {W} the date, {T} the topic, {G}/{H} goods, {N} an ordinal, {P} a place.
LEADS: dict[str, tuple[str, ...]] = {
    "meeting": (
        "{A} met {B} in {P} {W} to discuss {T} and trade in {G}.",
        "{A} received {B} in {P} {W}, with talks centred on {T} and US {G}.",
        "At a meeting in {P} {W}, {A} and {B} reviewed {T} and purchases of {G}.",
    ),
    "call": (
        "{A} held phone talks with {B} {W} on {T} and exports of {G}.",
        "{A} spoke by phone with {B} {W}, discussing {T} and {G}.",
        "In a phone call {W}, {A} and {B} exchanged views on {T} and {G}.",
    ),
    "negotiation": (
        "{A} and {B} opened the {N} round of negotiations on a reciprocal trade agreement "
        "in {P} {W}, focusing on {T} and {G}.",
        "The {N} round of trade talks between delegations led by {A} and {B} began in {P} "
        "{W}, with {T} and {G} on the agenda.",
        "Negotiators led by {A} and {B} held the {N} round of talks in {P} {W} on {T} and "
        "tariffs on {G}.",
    ),
    "agreement": (
        "{O} signed an agreement with {B} in {P} {W} to buy US {G} and {H}, covering {T}.",
        "{O} and {B} signed a memorandum of understanding on {G} and {H} in {P} {W}, in the "
        "presence of {A}.",
        "A deal on {G} and {H} was signed by {O} and {B} in {P} {W}, {A} said, citing {T}.",
    ),
    "tariff measure": (
        "{B} imposed new tariffs on Vietnamese {G} {W}, citing {T}.",
        "The US raised duties on {G} from Vietnam {W}, {B} said, over {T}.",
        "Tariffs on Vietnamese {G} were raised {W} by {B}, who cited {T}; {A} voiced concern.",
    ),
    "announcement": (
        "{A} announced {W} a plan to raise imports of US {G} and {H}, addressing {T}.",
        "{A} unveiled {W} measures on {T} and on imports of {G} from the US.",
        "A plan on {T} and US {G} purchases was announced by {A} {W}.",
    ),
}  # fmt: skip
FOLLOWS = (
    "Both sides agreed to keep working together on {T}.",
    "{a} stressed that trade between the two countries should be balanced and sustainable.",
    "Officials said further technical meetings would follow.",
    "{b} welcomed the efforts and said the relationship had great potential.",
    "Businesses on both sides were urged to make use of the new opportunities in {G}.",
    "Two-way trade has grown strongly in recent years, according to the customs department.",
)
CATEGORIES = {"LNG": "energy", "crude oil": "energy", "ethanol": "energy", "aircraft": "aviation"}
# Reports that tell an event with another kind's words: a meeting "announced", talks a
# "report" (the pipeline gives them another kind; clustering must still find them).
RENAMED: dict[str, tuple[str, ...]] = {
    "meeting": (
        "{A} announced {W}, after talks with {B} in {P}, that both sides would work on {T} "
        "and trade in {G}.",
    ),
    "call": (
        "{A} announced {W} new steps on {T} and {G}, after a phone conversation with {B}.",
    ),
    "negotiation": (
        "{A} said {W} that the {N} round with {B} in {P} had made progress on {T} and {G}.",
    ),
    "agreement": (
        "{O} and {B} announced {W} a purchase of US {G} and {H} in {P}, covering {T}.",
    ),
    "tariff measure": (
        "{B} announced {W} higher duties on Vietnamese {G}, citing {T}.",
    ),
    "announcement": (
        "{A} met {B} {W} and presented a plan on {T} and on imports of US {G}.",
    ),
}  # fmt: skip
