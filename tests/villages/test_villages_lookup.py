"""Fuzzy place lookup and QR scene parsing: pure, on the real registry."""

from __future__ import annotations

import time

import pytest

from storage.repos.villages import Place
from villages.places.lookup import PlaceIndex, find_places
from villages.places.registry import PACKAGED_REGISTRY, read_registry
from villages.places.scene import Scene, parse_scene

TUGUAN = "630223106213"


@pytest.fixture(scope="module")
def places() -> tuple[Place, ...]:
    rows = read_registry(PACKAGED_REGISTRY).rows
    return tuple(
        Place(r.village_code, r.village_name, r.town_code, r.town_name, r.county_code, r.county_name, r.is_village)
        for r in rows
    )


@pytest.fixture(scope="module")
def index(places: tuple[Place, ...]) -> PlaceIndex:
    return PlaceIndex(places)


@pytest.mark.parametrize(
    "text",
    [
        "土观村",
        "土观",
        "土观村委会",
        "五十镇土观",
        "五十 土观",
        "互助 土观",
        "互助五十镇土观村",
        "互助土族自治县 五十镇 土观村委会",
    ],
)
def test_tuguan_comes_first(index: PlaceIndex, text: str) -> None:
    matches = index.find(text)
    assert matches[0].place.code == TUGUAN
    assert matches[0].score == 100.0


def test_homophone_finds_tuguan_below_an_exact_score(index: PlaceIndex) -> None:
    # 土关村 is not in Haidong (PROVENANCE.txt); villagers who mean 土观 type it.
    first = index.find("土关村")[0]
    assert first.place.code == TUGUAN
    assert 80 <= first.score < 100
    assert index.find("tuguan")[0].place.code == TUGUAN


def test_duplicate_names_carry_their_town_and_county(index: PlaceIndex) -> None:
    matches = index.find("李家村", limit=10)
    exact = [m.place for m in matches if m.score == 100.0]
    assert len(exact) == 6  # grep -c ',李家村委会,' in the registry
    assert {p.name for p in exact} == {"李家村委会"}
    assert len({p.town_code for p in exact}) == 6
    assert {p.full_name for p in exact} >= {"乐都区 高庙镇 李家村委会", "平安区 巴藏沟乡 李家村委会"}


def test_county_narrows_a_repeated_name(index: PlaceIndex) -> None:
    matches = index.find("平安 李家")
    assert matches[0].place.full_name == "平安区 巴藏沟乡 李家村委会"
    assert matches[0].score == 100.0
    assert all(m.score < 100.0 for m in matches[1:])


def test_town_name_inside_a_village_name_is_not_a_qualifier(index: PlaceIndex) -> None:
    # 李家乡 is a town; 李家村 must still mean the villages, and 高庙镇社区 is one village's full name.
    assert index.find("李家村")[0].place.name == "李家村委会"
    assert index.find("高庙镇社区")[0].place.full_name == "乐都区 高庙镇 高庙镇社区"


def test_exact_code_wins(index: PlaceIndex) -> None:
    assert [m.place.code for m in index.find(TUGUAN)] == [TUGUAN]
    assert [m.place.code for m in index.find(" ６３０２２３１０６２１３ ")] == [TUGUAN]  # full-width


def test_code_prefix_and_padded_town_code(index: PlaceIndex) -> None:
    by_prefix = index.find("630223106", limit=50)
    assert len(by_prefix) == 20  # 五十镇 has 20 village-level units
    assert all(m.place.town_name == "五十镇" for m in by_prefix)
    assert [m.place.code for m in by_prefix] == sorted(m.place.code for m in by_prefix)
    assert [m.place.code for m in index.find("630223106000", limit=50)] == [m.place.code for m in by_prefix]


@pytest.mark.parametrize("text", ["", "   ", "xyz", "99999", "6302231062130", "？？"])
def test_junk_finds_nothing(index: PlaceIndex, text: str) -> None:
    assert index.find(text) == []


def test_limit(index: PlaceIndex) -> None:
    assert len(index.find("李家村", limit=3)) == 3
    assert index.find("李家村", limit=0) == []


def test_lookup_costs_about_a_millisecond(index: PlaceIndex) -> None:
    queries = ["土观村", "五十镇土观", "互助 土观", "李家村", "土关村"] * 20
    started = time.perf_counter()
    for q in queries:
        index.find(q)
    per_query = (time.perf_counter() - started) / len(queries)
    assert per_query < 0.005, f"{per_query * 1000:.2f} ms per lookup"


def test_find_places_reuses_the_index_for_the_same_places(places: tuple[Place, ...]) -> None:
    assert find_places(places, "土观村")[0].place.code == TUGUAN
    started = time.perf_counter()
    assert find_places(places, "互助 土观")[0].place.code == TUGUAN
    assert time.perf_counter() - started < 0.05  # building the index again would cost ~100 ms
    # A different list gets its own index, not the cached one.
    subset = places[:10]
    assert {m.place.code for m in find_places(subset, "土观村")} <= {p.code for p in subset}


@pytest.mark.parametrize(
    ("scene", "expected"),
    [
        ("630223106213", Scene("630223106213", None)),
        (" 630223106213-3\n", Scene("630223106213", 3)),
        ("630223106213-120", Scene("630223106213", 120)),
    ],
)
def test_scene_valid(scene: str, expected: Scene) -> None:
    assert parse_scene(scene) == expected


@pytest.mark.parametrize(
    "scene",
    [
        "",
        "63022310621",
        "6302231062130",
        "630223106213-0",
        "630223106213-01",
        "630223106213--1",
        "630223106213-",
        "630223106213-1234567",
        "630223106213-3-4",
        "６３０２２３１０６２１３",
        "qrscene_630223106213",
        "630223106213 -3",
        "abc",
    ],
)
def test_scene_junk(scene: str) -> None:
    assert parse_scene(scene) is None
