"""The fixed parts of a simulated province: its units with their weight and staffing, the
officers who act in them, and the mix of procedures (all deterministic for a seed)."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from typing import Any

from django.contrib.auth import get_user_model
from django.db import transaction

from haicap.core.models import Membership
from haicap.core.roles import Role
from haicap.core.ttlcache import clear_all_caches
from haicap.procedures.models import OnlineLevel, Procedure, ProvinceProcedure
from haicap.procedures.selectors import Settings, procedure_settings_cached
from haicap.simulate.profile import Profile
from haicap.units.models import Level, Unit

PROCEDURES_PER_LEVEL = 30
SIM_PASSWORD = "!simulated"  # unusable: simulated officers cannot sign in


@dataclass
class Place:
    unit: Unit
    weight: float
    understaffed: bool
    p_late: float
    p_satisfied: float
    counter: Any = None
    leader: Any = None
    officers: list[Any] = field(default_factory=list)


@dataclass
class Offer:
    procedure: Procedure
    weight: float
    commune: bool  # processed by the commune (else by a province department)
    settings: dict[str, Settings] = field(default_factory=dict)  # per channel


@dataclass
class World:
    province: Place
    communes: list[Place]
    offers_commune: list[Offer]
    offers_province: list[Offer]

    def place(self, unit_code: str) -> Place:
        if unit_code == self.province.unit.code:
            return self.province
        return self._by_code[unit_code]

    def __post_init__(self) -> None:
        self._by_code = {p.unit.code: p for p in self.communes}


def _usable(procedure: Procedure, province: str) -> bool:
    for channel in ("in_person", "online"):
        s = procedure_settings_cached(procedure, province, channel)
        if not s.offered or s.time_unit not in ("working_days", "days") or s.time_value > 30:
            return False
    return True


def _offers(province: str, level: str, rng: random.Random) -> list[Offer]:
    candidates = Procedure.objects.filter(online_available=True, level_codes__contains=level)
    if level == "province":
        candidates = candidates.exclude(level_codes__contains="commune")
    pool = list(candidates.order_by("code"))
    rng.shuffle(pool)
    chosen = []
    for procedure in pool:  # the first usable ones of a shuffled catalogue
        if _usable(procedure, province):
            chosen.append(procedure)
            if len(chosen) == PROCEDURES_PER_LEVEL:
                break
    chosen.sort(key=lambda p: p.code)
    if not chosen:
        raise RuntimeError(
            f"no {level} procedure with an online service in the catalogue: "
            "run 'haicap procedures load' first"
        )
    order = list(range(len(chosen)))
    rng.shuffle(order)  # which procedures are common: a Zipf-like mix
    return [
        Offer(p, 1 / (1 + rank), level == "commune") for p, rank in zip(chosen, order, strict=True)
    ]


def _configure(province: str, offers: list[Offer]) -> None:
    """Offer the simulated procedures as HCMC does: commune procedures boundary-free and fully
    online, their times verified by the simulated province (ADR 13). Only procedures the province
    has not configured are touched: one it configured offline stays offline."""
    existing = set(
        ProvinceProcedure.objects.filter(
            province_code=province, procedure__in=[o.procedure for o in offers]
        ).values_list("procedure_id", flat=True)
    )
    ProvinceProcedure.objects.bulk_create(
        ProvinceProcedure(
            province_code=province,
            procedure=o.procedure,
            offered=True,
            boundary_free=o.commune,
            online_level=OnlineLevel.FULL,
            time_verified=True,
        )
        for o in offers
        if o.procedure.pk not in existing
    )
    clear_all_caches()


def _staff(province: str, places: list[Place]) -> None:
    """The simulated officers of each unit (created once; they cannot sign in)."""
    User = get_user_model()
    wanted: dict[str, tuple[Place, str]] = {}
    for place in places:
        code = place.unit.code
        wanted[f"sim.{code}.motcua"] = (place, Role.COUNTER_OFFICER)
        wanted[f"sim.{code}.lanhdao"] = (place, Role.UNIT_LEADER)
        count = 8 if place.unit.level == Level.PROVINCE else (1 if place.understaffed else 3)
        for i in range(1, count + 1):
            wanted[f"sim.{code}.xuly{i}"] = (place, Role.PROCESSING_OFFICER)
    have = set(User.objects.filter(username__in=list(wanted)).values_list("username", flat=True))
    with transaction.atomic():
        User.objects.bulk_create(
            User(username=name, password=SIM_PASSWORD, is_active=False)
            for name in wanted
            if name not in have
        )
        users = {u.username: u for u in User.objects.filter(username__in=list(wanted))}
        members = set(
            Membership.objects.filter(user__in=users.values(), revoked_at__isnull=True).values_list(
                "user__username", flat=True
            )
        )
        Membership.objects.bulk_create(
            Membership(user=users[name], role=role, unit=place.unit, province_code=province)
            for name, (place, role) in wanted.items()
            if name not in members
        )
    for name, (place, role) in wanted.items():
        user = users[name]
        if role == Role.COUNTER_OFFICER:
            place.counter = user
        elif role == Role.UNIT_LEADER:
            place.leader = user
        else:
            place.officers.append(user)


def build_world(province: str, seed: int, profile: Profile) -> World:
    rng = random.Random(f"world-{province}-{seed}")
    province_unit = Unit.objects.current().get(level=Level.PROVINCE, code=province)
    communes = list(
        Unit.objects.current().filter(level=Level.COMMUNE, province_code=province).order_by("code")
    )
    if not communes:
        raise RuntimeError(f"province {province} has no communes: run 'haicap units load' first")
    places = []
    for unit in communes:
        understaffed = rng.random() < profile.understaffed
        places.append(
            Place(
                unit=unit,
                weight=rng.lognormvariate(0, 0.5),
                understaffed=understaffed,
                p_late=5.0 if understaffed else 1.0,  # relative; scaled below
                p_satisfied=0.0 if understaffed else 1.0,  # marker; set below
            )
        )
    _calibrate(places, profile)
    province_place = Place(province_unit, 0.0, False, 1 - profile.on_time, profile.satisfied)
    offers_commune = _offers(province, "commune", rng)
    offers_province = _offers(province, "province", rng)
    _configure(province, offers_commune + offers_province)
    for offer in offers_commune + offers_province:
        for channel in ("in_person", "online"):
            offer.settings[channel] = procedure_settings_cached(offer.procedure, province, channel)
    _staff(province, [province_place, *places])
    return World(province_place, places, offers_commune, offers_province)


def _calibrate(places: list[Place], profile: Profile) -> None:
    """Late and satisfied probabilities per commune whose weighted means hit the profile."""
    total = sum(p.weight for p in places)
    late_mean = sum(p.weight * p.p_late for p in places) / total
    base_late = (1 - profile.on_time) / late_mean
    # the understaffed are 6 points less satisfied; the rest make up the mean
    share_under = sum(p.weight for p in places if p.understaffed) / total
    good = min(0.995, profile.satisfied + 0.06 * share_under)
    for p in places:
        p.p_late = min(0.5, base_late * p.p_late)
        p.p_satisfied = good - 0.06 if p.understaffed else good
