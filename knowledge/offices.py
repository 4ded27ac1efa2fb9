"""找谁 by county (issue #19 §5): the offices villagers of a county go to, one data file per county
(knowledge/county_offices/<6-digit code>.yaml). Office names are structure; a phone number or an
address is kept only with its published source, and an office without one reads 未收录电话."""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from knowledge.loader import PACKAGE_DIR, LoadProblem

OFFICES_DIR = PACKAGE_DIR / "county_offices"
NO_PHONE = "未收录电话"
# Each kind of office and the words by which an entry's 找谁 part names it (县民政局, 县医疗保障局 ...).
KINDS: dict[str, tuple[str, ...]] = {
    "agriculture": ("农业农村局", "乡村振兴局"),
    "civil-affairs": ("民政局",),
    "medical-insurance": ("医疗保障局", "医保局"),
    "human-resources": ("人力资源和社会保障局", "人社局"),
    "discipline": ("纪委监委",),
    "petitions": ("信访局",),
    "hotline": ("12345",),
}
_CODE = re.compile(r"\d{6}")
_PHONE = re.compile(r"\d[\d -]{2,19}")
_OFFICE_KEYS = {"kind", "name", "phone", "address", "source"}
_SOURCE_KEYS = {"name", "number", "date", "url"}


@dataclass(frozen=True)
class Source:
    name: str
    date: dt.date
    number: str = ""
    url: str = ""


@dataclass(frozen=True)
class Office:
    kind: str
    name: str
    phone: str = ""
    address: str = ""
    source: Source | None = None

    def line(self) -> str:
        """乐都区民政局（未收录电话）, or the name with the published phone and address."""
        if not self.phone and not self.address:
            return f"{self.name}（{NO_PHONE}）"
        known = [f"电话{self.phone}" if self.phone else NO_PHONE]
        if self.address:
            known.append(f"地址：{self.address}")
        return f"{self.name}（{'，'.join(known)}）"


@dataclass(frozen=True)
class CountyOffices:
    code: str
    name: str
    offices: tuple[Office, ...]

    def named_in(self, text: str) -> list[Office]:
        """The county's offices that `text` (an entry's 找谁 part) names, in the file's order."""
        return [o for o in self.offices if any(word in text for word in KINDS[o.kind])]


def _source(raw: Any, where: str, problems: list[str]) -> Source | None:
    if not isinstance(raw, dict):
        problems.append(f"{where}: source must be a mapping with name, date and a url or a number")
        return None
    unknown = set(raw) - _SOURCE_KEYS
    if unknown:
        problems.append(f"{where}: unknown source fields {sorted(unknown)}")
    name, number, url, date = (raw.get(k) for k in ("name", "number", "url", "date"))
    if not isinstance(name, str) or not name.startswith("《") or not name.endswith("》"):
        problems.append(f"{where}: the source needs its name in 《》")
    if not isinstance(date, dt.date):
        problems.append(f"{where}: the source needs its date (YYYY-MM-DD)")
    if not number and not (isinstance(url, str) and url.startswith(("https://", "http://"))):
        problems.append(f"{where}: the source needs a document number or an http(s) url")
    if problems:
        return None
    return Source(str(name), date if isinstance(date, dt.date) else dt.date.min, str(number or ""), str(url or ""))


def _office(raw: Any, where: str, problems: list[str]) -> Office | None:
    if not isinstance(raw, dict):
        problems.append(f"{where}: each office must be a mapping")
        return None
    unknown = set(raw) - _OFFICE_KEYS
    if unknown:
        problems.append(f"{where}: unknown fields {sorted(unknown)}")
    kind, name = raw.get("kind"), raw.get("name")
    phone, address = str(raw.get("phone") or "").strip(), str(raw.get("address") or "").strip()
    if kind not in KINDS:
        problems.append(f"{where}: kind {kind!r} is not one of {', '.join(KINDS)}")
    if not isinstance(name, str) or not name.strip():
        problems.append(f"{where}: the office needs a name")
    if phone and not _PHONE.fullmatch(phone):
        problems.append(f"{where}: {phone!r} is not a phone number (digits, hyphens, spaces)")
    source = None
    mine: list[str] = []
    if raw.get("source") is not None:
        source = _source(raw["source"], where, mine)
        if not phone and not address:
            mine.append(f"{where}: a source without a phone or an address")
    elif phone or address:
        mine.append(f"{where}: a phone or an address only with its published source; never invent one")
    problems.extend(mine)
    if problems:
        return None
    return Office(str(kind), str(name).strip(), phone, address, source)


def parse_county(path: Path) -> tuple[CountyOffices | None, list[str]]:
    """One county's file, or the problems found in it."""
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        return None, [f"cannot read: {exc}"]
    if not isinstance(raw, dict):
        return None, ["expected a mapping with county, name and offices"]
    problems: list[str] = []
    code = str(raw.get("county", ""))
    if not _CODE.fullmatch(code) or code != path.stem:
        problems.append(f"county {code!r} must be the file's 6-digit name {path.stem!r}")
    if not isinstance(raw.get("name"), str) or not raw["name"].strip():
        problems.append("the county needs its name")
    items = raw.get("offices")
    if not isinstance(items, list):
        return None, [*problems, "offices must be a list"]
    offices: list[Office] = []
    for number, item in enumerate(items, 1):
        mine: list[str] = []
        office = _office(item, f"office {number}", mine)
        problems.extend(mine)
        if office is not None:
            offices.append(office)
    kinds = [o.kind for o in offices]
    doubled = sorted({k for k in kinds if kinds.count(k) > 1})
    if doubled:
        problems.append(f"more than one office of kind {', '.join(doubled)}")
    missing = [k for k in KINDS if k not in kinds]
    if missing and not problems:
        problems.append(f"no office of kind {', '.join(missing)} (name it even without a phone)")
    if problems:
        return None, problems
    return CountyOffices(code, str(raw["name"]).strip(), tuple(offices)), []


def check_offices(directory: Path = OFFICES_DIR) -> list[LoadProblem]:
    """kb check's rules for the county files."""
    problems: list[LoadProblem] = []
    for path in sorted(directory.glob("*.yaml")):
        problems.extend(LoadProblem(path, message) for message in parse_county(path)[1])
    return problems


def load_offices(directory: Path = OFFICES_DIR) -> dict[str, CountyOffices]:
    """The counties whose files pass the check, by 6-digit code (a broken file is left out: kb check says why)."""
    found = {}
    for path in sorted(directory.glob("*.yaml")):
        county, _ = parse_county(path)
        if county is not None:
            found[county.code] = county
    return found


@functools.cache
def packaged_offices() -> dict[str, CountyOffices]:
    return load_offices(OFFICES_DIR)


def local_offices_line(whom: str, county_code: str | None) -> str:
    """当地：… for the offices of the villager's county that an entry's 找谁 part names ("" if none)."""
    county = packaged_offices().get((county_code or "")[:6])
    if county is None:
        return ""
    named = county.named_in(whom)
    return f"{county.name}：" + "；".join(o.line() for o in named) if named else ""
