"""cases/ rules without a database: categories, the transition table, identity sealing, validation."""

from __future__ import annotations

import itertools
from datetime import datetime

import pytest

from cases import lifecycle
from cases.categories import by_code, categories
from cases.identity import IdentityKeys, SealBroken, reporter_tag, reporter_tags, seal, unseal
from cases.intake.geo import distance_km
from cases.numbers import code_matches, hash_code, normalise_number
from cases.routing.default_route import default_route
from cases.validation import MAX_DESCRIPTION, EvidenceInput, InvalidReport, LocationInput, ReportInput, check
from storage.models.cases import Case
from storage.types import utcnow


def test_seven_categories_with_routes_and_deadlines() -> None:
    cats = categories()
    assert len(cats) == 7
    assert [c.label for c in cats][5] == "家庭遇到困难、有返贫风险"
    assert {c.route for c in cats} == {"discipline", "revitalization"}
    assert all(c.first_response_days > 0 and c.resolve_days >= c.first_response_days and c.basis for c in cats)


def test_return_poverty_goes_to_monitoring_and_cadre_reports_avoid_the_accused() -> None:
    risk = by_code("poverty_risk")
    funds = by_code("funds")
    assert risk is not None and funds is not None
    route = default_route(risk, county_code="630223", county_name="互助县", cadre_level=None)
    assert route.unit_name == "互助县农业农村局（乡村振兴局）" and "返贫" in route.reason
    route = default_route(funds, county_code="630223", county_name="互助县", cadre_level="town")
    assert route.unit == "630223:jw" and "回避" in route.reason and "乡镇干部" in route.reason


@pytest.mark.parametrize(("current", "target"), list(itertools.product(lifecycle.STATES, repeat=2)))
def test_transition_table_move_by_move(current: str, target: str) -> None:
    case = Case(id=1, status=current)
    expected = target in lifecycle.TRANSITIONS[current]

    class Recorder:
        def __init__(self) -> None:
            self.added: list[object] = []
            self.info: dict[str, object] = {}  # where staff notices wait for the commit (cases/staff/alerts.py)

        def add(self, obj: object) -> None:
            self.added.append(obj)

        def flush(self) -> None:
            pass

        def scalars(self, _statement: object) -> NoRows:
            return NoRows()  # the case-event subscribers a transition announces to: none here

    class NoRows:
        def all(self) -> list[object]:
            return []

    session = Recorder()
    if expected:
        event = lifecycle.transition(session, case=case, to=target, actor="tester", reason="why", now=_now())  # type: ignore[arg-type]
        assert (event.from_status, event.to_status, event.actor, event.reason) == (current, target, "tester", "why")
        assert case.status == target
    else:
        with pytest.raises(lifecycle.IllegalTransition, match="不允许"):
            lifecycle.transition(session, case=case, to=target, actor="tester", reason=None, now=_now())  # type: ignore[arg-type]
        assert case.status == current


def test_every_state_has_a_label_and_an_entry() -> None:
    assert set(lifecycle.TRANSITIONS) == set(lifecycle.STATES) == set(lifecycle.LABELS)
    assert lifecycle.TRANSITIONS[lifecycle.MERGED] == frozenset()


def _now() -> datetime:
    return utcnow()


def test_sealed_identity_survives_key_rotation_and_tags_differ_by_key() -> None:
    old = IdentityKeys("old-key")
    # A long openid: a two-letter one turns up in random ciphertext now and then.
    openid = "oQingfengSealedIdentityTest0001"
    token = seal({"openid": openid, "name": "张三"}, keys=old)
    assert openid not in token and "张三" not in token
    rotated = IdentityKeys("new-key", previous="old-key")
    assert unseal(token, keys=rotated) == {"openid": openid, "name": "张三"}
    with pytest.raises(SealBroken):
        unseal(token, keys=IdentityKeys("other"))
    assert reporter_tags("o1", keys=rotated) == [reporter_tag("o1", key="new-key"), reporter_tag("o1", key="old-key")]
    assert reporter_tag("o1", key="new-key") != reporter_tag("o2", key="new-key")


def test_query_codes_are_hashed_and_numbers_are_recognised() -> None:
    hashed = hash_code("012345")
    assert "012345" not in hashed
    assert code_matches(hashed, "012345") and not code_matches(hashed, "012346")
    assert normalise_number("查 ６３０２２３－２０２６－０００１２３") == "630223-2026-000123"
    assert normalise_number("没有编号") is None


def test_distance() -> None:
    assert 110 < distance_km(36.0, 101.0, 37.0, 101.0) < 112


def _report(**changes: object) -> ReportInput:
    values: dict[str, object] = {
        "category": "funds",
        "description": "村会计把补助截留了",
        "village_code": "630223106213",
        "reporter_openid": "o1",
    }
    values.update(changes)
    return ReportInput(**values)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"description": "   "}, "发生了什么"),
        ({"description": "字" * (MAX_DESCRIPTION + 1)}, "最多 2000 字"),
        ({"anonymous": False, "phone": "1380000111"}, "11 位"),
        ({"location": LocationInput(lat=95.0, lng=101.0, source="message")}, "纬度"),
        ({"evidence": (EvidenceInput(kind="image", media_id=""),)}, "MediaId"),
        ({"evidence": tuple(EvidenceInput(kind="image", media_id=f"m{i}") for i in range(10))}, "最多 9 张"),
        ({"category": "nope"}, "类别"),
    ],
)
def test_bad_values_are_refused_with_a_clear_reason(changes: dict[str, object], message: str) -> None:
    with pytest.raises(InvalidReport) as info:
        check(_report(**changes))
    assert message in str(info.value)


def test_emoji_and_rare_characters_are_valid() -> None:
    check(_report(description="𠮷村 😡 扶贫款被扣 3000 元", anonymous=False, phone="13800001111", name="𠮷三"))
