"""Parse and validate a village registry CSV in the NBS 统计用区划代码 format. Pure: no database."""

from __future__ import annotations

import _csv
import csv
import io
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

PACKAGED_REGISTRY = Path(__file__).parents[1] / "data" / "haidong_villages.csv"

HEADER = (
    "county_code",
    "county_name",
    "town_code",
    "town_name",
    "village_code",
    "village_name",
    "urban_rural_code",
)

# Optional trailing columns: the village's position and its datum (gcj02 from WeChat maps, wgs84 from GPS).
COORDINATE_COLUMNS = ("lat", "lng", "datum")
DATUMS = frozenset({"gcj02", "wgs84"})

# ASCII digits only: str.isdigit() and \d would also accept full-width and other Unicode digits.
_CODE = re.compile(r"[0-9]{12}")
_URBAN_RURAL = re.compile(r"[0-9]{3}")


@dataclass(frozen=True)
class RegistryRow:
    line: int
    county_code: str
    county_name: str
    town_code: str
    town_name: str
    village_code: str
    village_name: str
    urban_rural_code: str | None
    lat: float | None = None
    lng: float | None = None
    datum: str | None = None

    @property
    def is_village(self) -> bool:
        """NBS puts industrial-park units under virtual towns numbered 400-499: no villagers there."""
        return not 400 <= int(self.town_code[6:9]) <= 499


@dataclass(frozen=True)
class BadRow:
    line: int
    reason: str


@dataclass(frozen=True)
class ParsedRegistry:
    rows: tuple[RegistryRow, ...]
    bad: tuple[BadRow, ...]


def read_registry(path: Path) -> ParsedRegistry:
    return parse_registry(path.read_bytes())


def parse_registry(data: bytes) -> ParsedRegistry:
    try:
        # utf-8-sig drops a BOM when present (Excel adds one) and is plain UTF-8 otherwise.
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        # A file in another encoding (GBK, usually) would garble every name: refuse it whole.
        line = data[: exc.start].count(b"\n") + 1
        return ParsedRegistry((), (BadRow(line, "file is not UTF-8 text (GBK?); save it as UTF-8"),))
    reader = csv.reader(io.StringIO(text, newline=""))
    header = next(reader, None)
    if header is None:
        return ParsedRegistry((), (BadRow(1, "file is empty; expected a header line"),))
    columns = tuple(cell.strip() for cell in header)
    if columns not in (HEADER, HEADER + COORDINATE_COLUMNS):
        expected = ",".join(HEADER)
        reason = f"wrong header {','.join(header)!r}; expected {expected!r}, optionally followed by ,lat,lng,datum"
        return ParsedRegistry((), (BadRow(1, reason),))
    return _Validator(len(columns)).run(reader)


class _Validator:
    """Checks rows one by one, remembering what earlier rows said about each code."""

    def __init__(self, width: int) -> None:
        self.width = width
        self.rows: list[RegistryRow] = []
        self.bad: list[BadRow] = []
        self.counties: dict[str, tuple[str, int]] = {}  # code -> (name, first line)
        self.towns: dict[str, tuple[str, int]] = {}
        self.villages: dict[str, RegistryRow] = {}

    def run(self, reader: _csv.Reader) -> ParsedRegistry:
        line = reader.line_num + 1
        for cells in reader:
            if cells and any(cell.strip() for cell in cells):
                problem, row = self._check(line, [cell.strip() for cell in cells])
                if problem is not None:
                    self.bad.append(BadRow(line, problem))
                elif row is not None:
                    self.rows.append(row)
            # line_num counts physical lines, so a quoted newline inside a cell keeps numbers right.
            line = reader.line_num + 1
        return ParsedRegistry(tuple(self.rows), tuple(self.bad))

    def _check(self, line: int, cells: list[str]) -> tuple[str | None, RegistryRow | None]:
        if len(cells) != self.width:
            return f"expected {self.width} fields, found {len(cells)}", None
        county, county_name, town, town_name, village, village_name, urban = cells[: len(HEADER)]
        position, problem = _position(cells[len(HEADER) :])
        if problem is not None:
            return problem, None
        lat, lng, datum = position
        row = RegistryRow(
            line, county, county_name, town, town_name, village, village_name, urban or None, lat, lng, datum
        )
        problem = _check_fields(row) or self._check_conflicts(row)
        if problem is not None:
            return problem, None
        if row.village_code in self.villages:
            return None, None  # an exact repeat of an earlier row: harmless, keep the first
        self.villages[row.village_code] = row
        self.counties.setdefault(row.county_code, (row.county_name, line))
        self.towns.setdefault(row.town_code, (row.town_name, line))
        return None, row

    def _check_conflicts(self, row: RegistryRow) -> str | None:
        for level, code, name, seen in (
            ("county", row.county_code, row.county_name, self.counties),
            ("town", row.town_code, row.town_name, self.towns),
        ):
            first = seen.get(code)
            if first is not None and first[0] != name:
                return f"{level} {code} is {first[0]!r} on line {first[1]} but {name!r} here"
        earlier = self.villages.get(row.village_code)
        if earlier is not None and _payload(earlier) != _payload(row):
            return f"village_code {row.village_code} repeats line {earlier.line} with different values"
        return None


def _position(cells: list[str]) -> tuple[tuple[float | None, float | None, str | None], str | None]:
    """The optional lat,lng,datum cells: all empty, or a valid point with its datum."""
    none: tuple[float | None, float | None, str | None] = (None, None, None)
    if not any(cells):
        return none, None
    lat_text, lng_text, datum = cells
    try:
        lat, lng = float(lat_text), float(lng_text)
    except ValueError:
        return none, f"lat/lng must be numbers, got {lat_text!r}, {lng_text!r}"
    if not (-90 <= lat <= 90 and -180 <= lng <= 180):
        return none, f"lat/lng out of range: {lat}, {lng}"
    if datum.lower() not in DATUMS:
        return none, f"datum must be gcj02 or wgs84, got {datum!r}"
    return (lat, lng, datum.lower()), None


def _payload(row: RegistryRow) -> tuple[str | None, ...]:
    return (row.town_code, row.village_name, row.urban_rural_code)


def _check_fields(row: RegistryRow) -> str | None:
    for field in ("county_code", "town_code", "village_code"):
        value = getattr(row, field)
        if not _CODE.fullmatch(value):
            return f"{field} {value!r} is not 12 digits"
    for field in ("county_name", "town_name", "village_name"):
        value = getattr(row, field)
        if not value:
            return f"{field} is empty"
        if any(unicodedata.category(ch).startswith("C") for ch in value):
            return f"{field} {value!r} contains a line break or control character"
    # NBS pads higher levels with zeros: county 6 digits + 000000, town 9 digits + 000.
    if not row.county_code.endswith("000000"):
        return f"county_code {row.county_code} must end in 000000"
    if not row.town_code.endswith("000"):
        return f"town_code {row.town_code} must end in 000"
    if row.town_code[:6] != row.county_code[:6]:
        return f"town_code {row.town_code} is not in county_code {row.county_code} (first 6 digits differ)"
    if row.village_code[:9] != row.town_code[:9]:
        return f"village_code {row.village_code} is not in town_code {row.town_code} (first 9 digits differ)"
    if row.village_code == row.town_code:
        return f"village_code {row.village_code} is the town's own code"
    if row.urban_rural_code is not None and not _URBAN_RURAL.fullmatch(row.urban_rural_code):
        return f"urban_rural_code {row.urban_rural_code!r} is not 3 digits"
    return None
