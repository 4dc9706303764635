"""What happens to each simulated dossier: who files it where, when, and every step after,
with the time of each. Pure: a day's plans depend only on the world, the seed and the day, so a
run can stop and resume, and the same plans can be written through the services or in bulk.
"""

from __future__ import annotations

import datetime as dt
import itertools
import random
from dataclasses import dataclass, field
from typing import Any

from haicap.dossiers.validation import Applicant
from haicap.procedures.models import OnlineLevel
from haicap.simulate.clock import Clock  # also imported from here (simulate.bulk)
from haicap.simulate.people import applicant
from haicap.simulate.profile import Profile
from haicap.simulate.world import Offer, Place, World
from haicap.workdays.calendar import VN, WorkCalendar

MISSING = [
    {"name": "Bản sao giấy khai sinh", "kind": "certified", "reason": "chưa nộp"},
    {"name": "Tờ khai theo mẫu", "kind": "original", "reason": "khai thiếu thông tin"},
    {"name": "Giấy tờ chứng minh nơi cư trú", "kind": "copy", "reason": "đã hết hạn"},
]
REFUSALS = ["Hồ sơ không thuộc thẩm quyền giải quyết", "Người nộp không đủ điều kiện theo quy định"]
LATE_REASONS = [
    "Chờ ý kiến cơ quan liên quan",
    "Cán bộ xử lý nghỉ ốm, đơn vị thiếu người",
    "Hồ sơ phức tạp cần xác minh thực địa",
    "Số lượng hồ sơ tăng đột biến sau sắp xếp đơn vị hành chính",
]
UNHAPPY = ["Chờ lâu", "Cán bộ hướng dẫn chưa rõ", "Phải đi lại nhiều lần", "Trả kết quả trễ hẹn"]
WITHDRAW = ["Công dân đề nghị rút hồ sơ để bổ sung sau"]

Step = tuple[str, dt.datetime, str, dict[str, Any]]  # action, when, who (counter|leader|officer)


@dataclass
class DossierPlan:
    offer: Offer
    receiving: Place
    competent: Place
    channel: str
    outcome: str  # intake: accept | supplement | refuse | register
    at: dt.datetime
    applicant: Applicant
    return_method: str
    applicant_commune: str
    missing: list[dict[str, str]] = field(default_factory=list)
    refusal: str = ""
    officer: Any = None
    steps: list[Step] = field(default_factory=list)
    rating: tuple[dt.datetime, bool, str] | None = None

    @property
    def settings(self) -> Any:
        return self.offer.settings[self.channel]


def _pick(rng: random.Random, items: list, cumulative: list[float]) -> Any:
    """rng.choices(items, weights)[0] with the cumulative weights computed once (the same
    draw: choices accumulates the weights the same way)."""
    return rng.choices(items, cum_weights=cumulative)[0]


class Planner:
    def __init__(self, world: World, profile: Profile, clock: Clock, end: dt.date) -> None:
        self.world, self.profile, self.clock = world, profile, clock
        self.end_at = dt.datetime.combine(end + dt.timedelta(days=1), dt.time(), tzinfo=VN)
        self._commune_weights = list(itertools.accumulate(p.weight for p in world.communes))
        self._offer_weights = {
            True: list(itertools.accumulate(o.weight for o in world.offers_commune)),
            False: list(itertools.accumulate(o.weight for o in world.offers_province)),
        }

    def day(self, seed: int, day: dt.date, count: int, online_share: float) -> list[DossierPlan]:
        rng = random.Random(f"{seed}-{self.world.province.unit.code}-{day.isoformat()}")
        working = self.clock.cal.is_working_day(day)
        plans = [self._one(rng, day, working, online_share) for _ in range(count)]
        plans.sort(key=lambda p: p.at)  # filed in time order: codes follow it
        return plans

    def _one(
        self, rng: random.Random, day: dt.date, working: bool, online_share: float
    ) -> DossierPlan:
        p, world = self.profile, self.world
        home = _pick(rng, world.communes, self._commune_weights)
        commune_level = rng.random() >= p.province_level
        offers = world.offers_commune if commune_level else world.offers_province
        for _ in range(20):  # on a day off only what can be filed online is filed
            offer = _pick(rng, offers, self._offer_weights[commune_level])
            online_ok = offer.settings["online"].online_level != OnlineLevel.NONE  # ADR 13
            if working or online_ok:
                break
        if commune_level:
            competent = home
            receiving = (
                _pick(rng, world.communes, self._commune_weights)
                if rng.random() < p.boundary_free
                else home
            )
        else:
            competent, receiving = world.province, home
        online = online_ok and (not working or rng.random() < online_share)
        channel = "online" if online else "in_person"
        if online:
            at = dt.datetime.combine(
                day, dt.time(rng.randrange(24), rng.randrange(60), rng.randrange(60)), tzinfo=VN
            )
        else:
            at = self.clock.working_time(rng, day)
        plan = DossierPlan(
            offer=offer,
            receiving=receiving,
            competent=competent,
            channel=channel,
            outcome="register" if online else "accept",
            at=at,
            applicant=applicant(rng, home),
            applicant_commune=home.unit.code,
            return_method="online" if online and rng.random() < p.return_online else "counter",
        )
        self._life(rng, plan)
        plan.steps = [s for s in plan.steps if s[1] < self.end_at]
        if plan.rating and plan.rating[0] >= self.end_at:
            plan.rating = None
        return plan

    def _life(self, rng: random.Random, plan: DossierPlan) -> None:
        accept_at = self._intake(rng, plan)
        if accept_at is None:
            return
        appraised = self._appraisal(rng, plan, accept_at)
        if appraised is None:
            return
        last, due = appraised
        late = rng.random() < plan.competent.p_late
        finish = self._finish(rng, last, due, late)
        if late:
            self._apology(rng, plan, last, due, finish)
        if plan.settings.fee_vnd:
            finish = self._payment(rng, plan, finish)
        plan.steps.append(("complete", finish, "officer", {}))
        self._return_and_rating(rng, plan, finish)

    def _intake(self, rng: random.Random, plan: DossierPlan) -> dt.datetime | None:
        """Accepted (when), or refused (None): online after the counter looks at it, in person
        on the spot; either may first be asked for a missing paper."""
        p, clock, steps = self.profile, self.clock, plan.steps
        roll = rng.random()
        if plan.channel == "online":
            accept_at = clock.later(rng, plan.at, 20, 240)
            if roll < p.refused:
                steps.append(("refuse", accept_at, "counter", {"reason": rng.choice(REFUSALS)}))
                return None
            if roll < p.refused + p.intake_supplement:
                steps.append(
                    ("request_supplement", accept_at, "counter", {"items": [rng.choice(MISSING)]})
                )
                accept_at = clock.days_later(rng, accept_at, 1, 3)
            steps.append(("accept", accept_at, "counter", {}))
        else:
            accept_at = plan.at
            if roll < p.refused:
                plan.outcome, plan.refusal = "refuse", rng.choice(REFUSALS)
                return None
            if roll < p.refused + p.intake_supplement:
                plan.outcome, plan.missing = "supplement", [rng.choice(MISSING)]
                accept_at = clock.days_later(rng, plan.at, 1, 3)
                steps.append(("accept", accept_at, "counter", {}))
        return accept_at

    def _appraisal(
        self, rng: random.Random, plan: DossierPlan, accept_at: dt.datetime
    ) -> tuple[dt.datetime, dt.datetime] | None:
        """Transfer, assignment and the officer's request for more papers: the last step's time
        and the due time (None if the applicant withdraws)."""
        p, clock, steps = self.profile, self.clock, plan.steps
        settings = plan.settings
        due = clock.due(accept_at, settings.time_value, settings.time_unit)
        transfer_at = clock.later(rng, accept_at, 5, 120)
        steps.append(("transfer", transfer_at, "counter", {}))
        officers = plan.competent.officers
        plan.officer = officers[rng.randrange(len(officers))]
        last = clock.later(rng, transfer_at, 10, 240)
        steps.append(("assign", last, "leader", {"officer_id": plan.officer.pk}))
        if rng.random() < p.withdrawn:
            last = clock.later(rng, last, 60, 600)
            steps.append(("withdraw", last, "counter", {"reason": WITHDRAW[0]}))
            steps.append(
                ("stop", clock.later(rng, last, 30, 600), "leader", {"reason": WITHDRAW[0]})
            )
            return None
        if rng.random() < p.appraisal_supplement:
            asked = clock.later(rng, last, 30, 300)
            received_day = accept_at.astimezone(VN).date()
            if clock.cal.working_days_between(received_day, asked.astimezone(VN).date()) <= 3:
                steps.append(
                    (
                        "request_supplement_appraisal",
                        asked,
                        "officer",
                        {"items": [rng.choice(MISSING)]},
                    )
                )
                last = clock.days_later(rng, asked, 1, 4)
                steps.append(("supplement_received", last, "officer", {}))
                due = clock.due(last, settings.time_value, settings.time_unit)
        return last, due

    def _payment(self, rng: random.Random, plan: DossierPlan, finish: dt.datetime) -> dt.datetime:
        """The fee asked for and paid before the result; the finish moved after the payment."""
        steps = plan.steps
        asked = max(
            self.clock.later(rng, finish - dt.timedelta(hours=3), 0, 60),
            steps[-1][1] + dt.timedelta(seconds=1),
        )
        steps.append(("request_payment", asked, "officer", {}))
        paid = asked + dt.timedelta(minutes=rng.randint(5, 90))
        steps.append(("payment_received", paid, "officer", {}))
        return max(finish, paid + dt.timedelta(seconds=1))

    def _return_and_rating(
        self, rng: random.Random, plan: DossierPlan, finish: dt.datetime
    ) -> None:
        if plan.return_method == "online":
            returned = finish + dt.timedelta(minutes=rng.randint(1, 120))
        else:
            returned = self.clock.days_later(rng, finish, 0, 3)
            returned = max(returned, finish + dt.timedelta(minutes=5))
        plan.steps.append(("return", returned, "counter", {}))
        if rng.random() < self.profile.rated:
            happy = rng.random() < plan.competent.p_satisfied
            plan.rating = (
                returned + dt.timedelta(minutes=rng.randint(10, 4000)),
                happy,
                "" if happy else rng.choice(UNHAPPY),
            )

    def _finish(
        self, rng: random.Random, last: dt.datetime, due: dt.datetime, late: bool
    ) -> dt.datetime:
        cal, clock = self.clock.cal, self.clock
        due_day = due.astimezone(VN).date()
        last_local = last.astimezone(VN)
        if late:
            day = cal.add_working_days(due_day, rng.randint(1, 6))
            return clock.working_time(rng, day)
        start_day = last_local.date()
        candidates = []
        day = start_day
        while day < due_day:
            if cal.is_working_day(day):
                candidates.append(day)
            day += dt.timedelta(days=1)
        if candidates and rng.random() < 0.75:  # early: a working day before the due day
            day = rng.choice(candidates)
            moment = clock.working_time(rng, day, last_local.time() if day == start_day else None)
            if moment > last:
                return moment
        after = last_local.time() if due_day == start_day else None
        moment = clock.working_time(rng, due_day, after)
        if moment <= last:
            moment = last + dt.timedelta(seconds=1)
        return min(moment, due) if last < due else moment

    def _apology(
        self,
        rng: random.Random,
        plan: DossierPlan,
        last: dt.datetime,
        due: dt.datetime,
        finish: dt.datetime,
    ) -> None:
        if rng.random() >= self.profile.apologize:
            return
        cal = self.clock.cal
        due_day = due.astimezone(VN).date()
        day = due_day
        for _ in range(rng.randint(1, 2)):
            day = day - dt.timedelta(days=1)
            while not cal.is_working_day(day):
                day -= dt.timedelta(days=1)
        moment = self.clock.working_time(rng, day)
        if moment <= last or cal.working_days_between(day, due_day) < 1:
            return
        new_day = cal.add_working_days(
            max(finish.astimezone(VN).date(), due_day), rng.randint(0, 2)
        )
        if new_day <= due_day:
            new_day = cal.next_working_day(due_day)
        plan.steps.append(
            (
                "apologize",
                moment,
                "officer",
                {"reason": rng.choice(LATE_REASONS), "new_due": new_day.isoformat()},
            )
        )


def day_counts(seed: int, days: list[dt.date], total: int, cal: WorkCalendar) -> dict[dt.date, int]:
    """How many dossiers are filed each day: working days alike, days off a sixth (online)."""
    rng = random.Random(f"days-{seed}")
    weights = [1.0 if cal.is_working_day(d) else 1 / 6 for d in days]
    counts = dict.fromkeys(days, 0)
    # exact total, spread by weight with a deterministic remainder
    share = sum(weights)
    for d, w in zip(days, weights, strict=True):
        counts[d] = int(total * w / share)
    rest = total - sum(counts.values())
    for d in rng.choices(days, weights=weights, k=rest):
        counts[d] += 1
    return counts


def working_online_share(profile: Profile, counts: dict[dt.date, int], cal: WorkCalendar) -> float:
    """The online share on working days that gives the profile's share overall (days off are
    all online)."""
    off = sum(n for d, n in counts.items() if not cal.is_working_day(d))
    working = sum(counts.values()) - off
    return max(0.0, min(1.0, (profile.online * sum(counts.values()) - off) / max(1, working)))
