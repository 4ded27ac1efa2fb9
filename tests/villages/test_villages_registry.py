"""Registry CSV validation: pure, no database."""

from __future__ import annotations

import pytest

from villages.places.registry import HEADER, PACKAGED_REGISTRY, parse_registry, read_registry

HEAD = ",".join(HEADER)
TUGUAN = "630223000000,互助土族自治县,630223106000,五十镇,630223106213,土观村委会,"
BANYAN = "630223000000,互助土族自治县,630223106000,五十镇,630223106201,班彦村委会,"


def csv_bytes(*lines: str, bom: bool = False) -> bytes:
    data = "\n".join((HEAD, *lines)).encode() + b"\n"
    return b"\xef\xbb\xbf" + data if bom else data


def test_packaged_file_is_clean() -> None:
    parsed = read_registry(PACKAGED_REGISTRY)
    assert parsed.bad == ()
    assert len(parsed.rows) == 1665
    assert len({r.village_code for r in parsed.rows}) == 1665
    assert len({r.town_code for r in parsed.rows}) == 98
    assert len({r.county_code for r in parsed.rows}) == 6
    parks = sorted(r.village_code for r in parsed.rows if not r.is_village)
    assert parks == ["630202400400", "630202400401", "630203400498", "630223400498"]


def test_good_row_is_typed_and_numbered() -> None:
    parsed = parse_registry(csv_bytes(TUGUAN, BANYAN))
    assert parsed.bad == ()
    first, second = parsed.rows
    assert (first.line, second.line) == (2, 3)
    assert first.village_code == "630223106213"
    assert first.village_name == "土观村委会"
    assert first.town_name == "五十镇"
    assert first.county_name == "互助土族自治县"
    assert first.urban_rural_code is None
    assert first.is_village is True


@pytest.mark.parametrize("bom", [False, True])
def test_utf8_with_or_without_bom(bom: bool) -> None:
    parsed = parse_registry(csv_bytes(TUGUAN, bom=bom))
    assert parsed.bad == ()
    assert [r.county_code for r in parsed.rows] == ["630223000000"]


def test_crlf_line_endings() -> None:
    parsed = parse_registry(csv_bytes(TUGUAN, BANYAN).replace(b"\n", b"\r\n"))
    assert parsed.bad == ()
    assert [r.line for r in parsed.rows] == [2, 3]


def test_gbk_file_is_refused_with_the_line_of_the_first_bad_byte() -> None:
    data = "\n".join((HEAD, TUGUAN)).encode("gbk")
    parsed = parse_registry(data)
    assert parsed.rows == ()
    assert len(parsed.bad) == 1
    assert parsed.bad[0].line == 2
    assert "UTF-8" in parsed.bad[0].reason


def test_wrong_header_rejects_the_file() -> None:
    data = ("county,county_name,town_code,town_name,village_code,village_name,urban_rural_code\n" + TUGUAN).encode()
    parsed = parse_registry(data)
    assert parsed.rows == ()
    assert [b.line for b in parsed.bad] == [1]
    assert "header" in parsed.bad[0].reason


def test_empty_file() -> None:
    parsed = parse_registry(b"")
    assert parsed.rows == ()
    assert [b.line for b in parsed.bad] == [1]


def test_blank_lines_are_skipped_but_counted() -> None:
    parsed = parse_registry(csv_bytes("", TUGUAN, "", BANYAN))
    assert parsed.bad == ()
    assert [r.line for r in parsed.rows] == [3, 5]


def row(**changes: str) -> str:
    values = dict(zip(HEADER, TUGUAN.split(","), strict=True))
    values.update(changes)
    return ",".join(values[h] for h in HEADER)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (row(village_code="63022310621"), "village_code '63022310621' is not 12 digits"),
        (row(village_code="6302231062130"), "is not 12 digits"),
        (row(town_code="63022310600x"), "town_code '63022310600x' is not 12 digits"),
        (row(county_code=""), "county_code '' is not 12 digits"),
        # Full-width digits look right on screen but are not NBS codes.
        (row(village_code="６３０２２３１０６２１３"), "is not 12 digits"),
        (row(village_name=""), "village_name is empty"),
        (row(town_name=" "), "town_name is empty"),
        (row(county_name=""), "county_name is empty"),
        (row(village_code="630223107213"), "not in town_code 630223106000 (first 9 digits differ)"),
        (
            row(town_code="630222106000", village_code="630222106213"),
            "not in county_code 630223000000 (first 6 digits differ)",
        ),
        (row(county_code="630223000001"), "must end in 000000"),
        (row(town_code="630223106001"), "must end in 000"),
        (row(village_code="630223106000"), "is the town's own code"),
        (row(urban_rural_code="12"), "urban_rural_code '12' is not 3 digits"),
        (TUGUAN + ",extra", "expected 7 fields, found 8"),
        ("630223000000,互助土族自治县", "expected 7 fields, found 2"),
    ],
)
def test_each_rule_reports_the_row_and_keeps_the_good_ones(line: str, expected: str) -> None:
    parsed = parse_registry(csv_bytes(BANYAN, line))
    assert [r.village_code for r in parsed.rows] == ["630223106201"]
    assert len(parsed.bad) == 1
    assert parsed.bad[0].line == 3
    assert expected in parsed.bad[0].reason


def test_urban_rural_code_kept_when_present() -> None:
    parsed = parse_registry(csv_bytes(row(urban_rural_code="220")))
    assert parsed.rows[0].urban_rural_code == "220"


def test_exact_duplicate_is_harmless() -> None:
    parsed = parse_registry(csv_bytes(TUGUAN, TUGUAN))
    assert parsed.bad == ()
    assert [r.line for r in parsed.rows] == [2]


def test_conflicting_duplicate_village_points_at_the_first_line() -> None:
    parsed = parse_registry(csv_bytes(TUGUAN, BANYAN, row(village_name="土关村委会")))
    assert [r.village_name for r in parsed.rows] == ["土观村委会", "班彦村委会"]
    assert [(b.line, b.reason) for b in parsed.bad] == [
        (4, "village_code 630223106213 repeats line 2 with different values")
    ]


def test_conflicting_town_and_county_names() -> None:
    parsed = parse_registry(
        csv_bytes(
            TUGUAN,
            BANYAN.replace("五十镇", "五十乡"),
            BANYAN.replace("互助土族自治县", "互助县"),
        )
    )
    assert [r.line for r in parsed.rows] == [2]
    assert [b.line for b in parsed.bad] == [3, 4]
    assert "town 630223106000 is '五十镇' on line 2 but '五十乡' here" in parsed.bad[0].reason
    assert "county 630223000000 is '互助土族自治县' on line 2 but '互助县' here" in parsed.bad[1].reason


def test_quoted_newline_is_bad_and_later_line_numbers_stay_right() -> None:
    parsed = parse_registry(csv_bytes(row(village_name='"土观\n村委会"'), BANYAN, row(village_name="")))
    assert [r.line for r in parsed.rows] == [4]
    assert [b.line for b in parsed.bad] == [2, 5]
    assert "line break" in parsed.bad[0].reason


@pytest.mark.parametrize(
    ("town_code", "is_village"),
    [("630202400000", False), ("630203499000", False), ("630203399000", True), ("630203500000", True)],
)
def test_industrial_park_towns_are_not_villages(town_code: str, is_village: bool) -> None:
    line = f"{town_code[:6]}000000,某县,{town_code},某园区,{town_code[:9]}498,某社区,"
    parsed = parse_registry(csv_bytes(line))
    assert parsed.bad == ()
    assert parsed.rows[0].is_village is is_village
