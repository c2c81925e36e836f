"""News agencies: the short names vntrade reports, and the spellings and sites they hide behind."""

from __future__ import annotations

import re

# Lower-cased spelling -> the short name in records. Vietnamese outlets first, then the wire
# services their English pages credit.
AGENCY_NAMES: dict[str, str] = {
    "vna": "VNA",
    "vietnam news agency": "VNA",
    "viet nam news agency": "VNA",
    "ttxvn": "VNA",
    "vietnamplus": "VNA",
    "vietnam+": "VNA",
    "vov": "VOV",
    "vov.vn": "VOV",
    "vovworld": "VOV",
    "vov world": "VOV",
    "voice of vietnam": "VOV",
    "voice of viet nam": "VOV",
    "vns": "VNS",
    "viet nam news": "VNS",
    "vietnam news": "VNS",
    "vietnamnews": "VNS",
    "vllf": "VLLF",
    "vietnam law & legal forum": "VLLF",
    "vietnam law and legal forum": "VLLF",
    "vgp": "VGP",
    "vgp news": "VGP",
    "ndo": "NDO",
    "nhan dan": "NDO",
    "nhân dân": "NDO",
    "sggp": "SGGP",
    "vnexpress": "VnExpress",
    "tuoi tre": "Tuoi Tre",
    "vir": "VIR",
    "bizhub": "Bizhub",
    "the hanoi times": "The Hanoi Times",
    "hanoi times": "The Hanoi Times",
    "hanoitimes": "The Hanoi Times",
    "vneconomy": "VnEconomy",
    "vietnam economic times": "VnEconomy",
    "lao dong": "Lao Dong",
    "lao động": "Lao Dong",
    "laodong": "Lao Dong",
    "saigon giai phong": "SGGP",
    "sggp news": "SGGP",
    "sggpo": "SGGP",
    "sggp online": "SGGP",
    "vietnamnet": "VietNamNet",
    "thanh nien": "Thanh Nien",
    "the investor": "The Investor",
    "vnexpress international": "VnExpress",
    "the nation": "The Nation",
    "cna": "CNA",
    "channel newsasia": "CNA",
    "channelnewsasia": "CNA",
    "the straits times": "The Straits Times",
    "bangkok post": "Bangkok Post",
    "nikkei": "Nikkei",
    "nikkei asia": "Nikkei",
    "voa": "VOA",
    "voice of america": "VOA",
    "xinhua": "Xinhua",
    "reuters": "Reuters",
    "afp": "AFP",
    "ap": "AP",
    "bloomberg": "Bloomberg",
    "kyodo": "Kyodo",
    "kyodo news": "Kyodo",
    "associated press": "AP",
    "the associated press": "AP",
    "yonhap": "Yonhap",
    "bernama": "Bernama",
    "pti": "PTI",
    "press trust of india": "PTI",
    "ani": "ANI",
    "antara": "Antara",
    "pna": "PNA",
    "philippine news agency": "PNA",
}

# Site -> agency, for `url` fields and `source` fields that are addresses.
AGENCY_DOMAINS: dict[str, str] = {
    "vnanet.vn": "VNA",
    "vietnamplus.vn": "VNA",
    "vov.vn": "VOV",
    "vovworld.vn": "VOV",
    "vietnamnews.vn": "VNS",
    "vietnamlawmagazine.vn": "VLLF",
    "baochinhphu.vn": "VGP",
    "chinhphu.vn": "VGP",
    "nhandan.vn": "NDO",
    "sggpnews.org.vn": "SGGP",
    "vnexpress.net": "VnExpress",
    "tuoitrenews.vn": "Tuoi Tre",
    "vir.com.vn": "VIR",
    "hanoitimes.vn": "The Hanoi Times",
    "vneconomy.vn": "VnEconomy",
    "laodong.vn": "Lao Dong",
    "vietnamnet.vn": "VietNamNet",
    "thanhnien.vn": "Thanh Nien",
    "theinvestor.vn": "The Investor",
    "nationthailand.com": "The Nation",
    "channelnewsasia.com": "CNA",
    "straitstimes.com": "The Straits Times",
    "bangkokpost.com": "Bangkok Post",
    "asia.nikkei.com": "Nikkei",
    "reuters.com": "Reuters",
    "apnews.com": "AP",
    "xinhuanet.com": "Xinhua",
    "news.cn": "Xinhua",
    "voanews.com": "VOA",
}

# One credit token as written in datelines and trailers: "VNA", "VOV.VN", "Vietnam+", "NDO".
_TOKEN = r"[A-Z][\w.&+]{0,15}(?:\s[A-Z][\w.&+]{0,15}){0,3}"
# A credit: tokens joined by slashes, "VNA/VLLF", "Bizhub/VNS".
CREDIT = rf"{_TOKEN}(?:\s*/\s*{_TOKEN})*"
_DOMAIN = re.compile(r"^(?:[a-z]+://)?(?:www\.|en\.|english\.)?([\w.-]+\.[a-z]{2,})", re.I)


def known_agency(value: str | None) -> str | None:
    """The short name of a known agency written as `value` ("VOV.VN", "VNA/VLLF", a URL)."""
    if not value:
        return None
    value = value.strip().strip("()[]").strip()
    if "://" in value or value.lower().startswith("www."):
        return agency_from_url(value)
    for part in value.split("/"):
        name = AGENCY_NAMES.get(" ".join(part.split()).lower().rstrip("."))
        if name:
            return name
    return agency_from_url(value) if "." in value and " " not in value else None


def agency_from_url(url: str | None) -> str | None:
    """The agency whose site `url` is on, or None."""
    match = _DOMAIN.match((url or "").strip())
    if not match:
        return None
    host = match.group(1).lower()
    for domain, name in AGENCY_DOMAINS.items():
        if host == domain or host.endswith("." + domain):
            return name
    return None
