"""What happens to each simulated dossier: who files it where, when, and every step after,
with the time of each. Pure: a day's plans depend only on the world, the seed and the day, so a
run can stop and resume, and the same plans can be written through the services or in bulk.
"""

from __future__ import annotations

import datetime as dt
import itertools
import random
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from haicap.dossiers.validation import Applicant
from haicap.simulate.profile import Profile
from haicap.simulate.world import Offer, Place, World
from haicap.workdays.calendar import CUTOFF, VN, WorkCalendar, due_at

FAMILY = [
    "Nguyễn",
    "Trần",
    "Lê",
    "Phạm",
    "Hoàng",
    "Huỳnh",
    "Phan",
    "Vũ",
    "Võ",
    "Đặng",
    "Bùi",
    "Đỗ",
    "Hồ",
    "Ngô",
    "Dương",
    "Lý",
]
MIDDLE = ["Văn", "Thị", "Minh", "Ngọc", "Thanh", "Hoàng", "Quốc", "Thu", "Đức", "Anh"]
GIVEN = [
    "An",
    "Bình",
    "Châu",
    "Dũng",
    "Giang",
    "Hà",
    "Hải",
    "Hoa",
    "Hùng",
    "Hương",
    "Khang",
    "Lan",
    "Linh",
    "Long",
    "Mai",
    "Nam",
    "Ngân",
    "Phúc",
    "Quân",
    "Tâm",
    "Thảo",
    "Trang",
    "Tuấn",
    "Vy",
    "Yến",
]
STREETS = [
    "Nguyễn Trãi",
    "Lê Lợi",
    "Trần Hưng Đạo",
    "Hai Bà Trưng",
    "Lý Thường Kiệt",
    "Cách Mạng Tháng Tám",
    "Điện Biên Phủ",
    "Nguyễn Văn Cừ",
    "Phan Đăng Lưu",
    "Lê Văn Sỹ",
]
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


class _CachedCalendar:
    """A WorkCalendar whose answers are remembered (planning asks the same days again and
    again)."""

    def __init__(self, cal: WorkCalendar) -> None:
        self.cal = cal
        self._working: dict[dt.date, bool] = {}
        self._next: dict[tuple[dt.date, bool], dt.date] = {}
        self._add: dict[tuple[dt.date, int], dt.date] = {}
        self._between: dict[tuple[dt.date, dt.date], int] = {}

    def is_working_day(self, day: dt.date) -> bool:
        found = self._working.get(day)
        if found is None:
            found = self._working[day] = self.cal.is_working_day(day)
        return found

    def next_working_day(self, day: dt.date, *, include: bool = False) -> dt.date:
        key = (day, include)
        found = self._next.get(key)
        if found is None:
            found = self._next[key] = self.cal.next_working_day(day, include=include)
        return found

    def add_working_days(self, day: dt.date, count: int) -> dt.date:
        key = (day, count)
        found = self._add.get(key)
        if found is None:
            found = self._add[key] = self.cal.add_working_days(day, count)
        return found

    def working_days_between(self, start: dt.date, end: dt.date) -> int:
        key = (start, end)
        found = self._between.get(key)
        if found is None:
            found = self._between[key] = self.cal.working_days_between(start, end)
        return found


class Clock:
    """Working-time arithmetic for planning (seconds resolution), and due dates cached by the
    only things they depend on for day-based periods: the day and whether after 15:00."""

    def __init__(self, cal: WorkCalendar) -> None:
        self.cal = _CachedCalendar(cal)
        self._due: dict[tuple, dt.datetime] = {}

    def due(self, moment: dt.datetime, value: int, unit: str) -> dt.datetime:
        local = moment.astimezone(VN)
        key = (local.date(), local.time() >= CUTOFF, value, unit)
        found = self._due.get(key)
        if found is None:
            found = self._due[key] = due_at(moment, value, unit, self.cal.cal)
        return found

    def working_time(
        self, rng: random.Random, day: dt.date, after: dt.time | None = None
    ) -> dt.datetime:
        """A random moment of the working hours of `day` (after `after`)."""
        start = (
            7 * 3600 + 1800
            if after is None
            else after.hour * 3600 + after.minute * 60 + after.second + 1
        )
        start = max(start, 7 * 3600 + 1800)
        end = 17 * 3600 - 60
        if start >= end:
            start = end - 1
        second = rng.randrange(start, end)
        if 11 * 3600 + 1800 <= second < 13 * 3600:  # lunch: the afternoon
            second += 5400 if second + 5400 < end else 0
        return dt.datetime.combine(
            day, dt.time(second // 3600, second // 60 % 60, second % 60), tzinfo=VN
        )

    def later(self, rng: random.Random, moment: dt.datetime, low: int, high: int) -> dt.datetime:
        """`low`..`high` minutes later, moved to the next working morning if past closing."""
        local = moment.astimezone(VN) + dt.timedelta(
            minutes=rng.randint(low, high), seconds=rng.randint(0, 59)
        )
        if self.cal.is_working_day(local.date()) and dt.time(7, 30) <= local.time() < dt.time(17):
            return local
        day = local.date() if local.time() < dt.time(7, 30) else local.date() + dt.timedelta(days=1)
        day = self.cal.next_working_day(day, include=True)
        return dt.datetime.combine(day, dt.time(7, 30), tzinfo=VN) + dt.timedelta(
            minutes=rng.randint(0, 90)
        )

    def days_later(
        self, rng: random.Random, moment: dt.datetime, low: int, high: int
    ) -> dt.datetime:
        day = self.cal.add_working_days(moment.astimezone(VN).date(), rng.randint(low, high))
        return self.working_time(rng, day)


def _applicant(rng: random.Random, place: Place) -> Applicant:
    name = f"{rng.choice(FAMILY)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}"
    century = rng.choice("0123") if rng.random() < 0.3 else rng.choice("01")
    year = rng.randint(0, 24) if century in "23" else rng.randint(40, 99)
    id_number = f"0{place.unit.province_code}{century}{year:02d}{rng.randrange(10**6):06d}"
    phone = f"0{rng.choice('3579')}{rng.randrange(10**8):08d}"
    address = f"{rng.randint(1, 399)} {rng.choice(STREETS)}, {place.unit.full_name}"
    return Applicant(name, id_number, phone, address)


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
        offer = _pick(
            rng,
            world.offers_commune if commune_level else world.offers_province,
            self._offer_weights[commune_level],
        )
        if commune_level:
            competent = home
            receiving = (
                _pick(rng, world.communes, self._commune_weights)
                if rng.random() < p.boundary_free
                else home
            )
        else:
            competent, receiving = world.province, home
        online = not working or rng.random() < online_share
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
            applicant=_applicant(rng, home),
            applicant_commune=home.unit.code,
            return_method="online" if online and rng.random() < p.return_online else "counter",
        )
        self._life(rng, plan)
        plan.steps = [s for s in plan.steps if s[1] < self.end_at]
        if plan.rating and plan.rating[0] >= self.end_at:
            plan.rating = None
        return plan

    def _life(self, rng: random.Random, plan: DossierPlan) -> None:
        p, clock, steps = self.profile, self.clock, plan.steps
        roll = rng.random()
        # intake
        if plan.channel == "online":
            accept_at = clock.later(rng, plan.at, 20, 240)
            if roll < p.refused:
                steps.append(("refuse", accept_at, "counter", {"reason": rng.choice(REFUSALS)}))
                return
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
                return
            if roll < p.refused + p.intake_supplement:
                plan.outcome, plan.missing = "supplement", [rng.choice(MISSING)]
                accept_at = clock.days_later(rng, plan.at, 1, 3)
                steps.append(("accept", accept_at, "counter", {}))
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
            return
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
        late = rng.random() < plan.competent.p_late
        finish = self._finish(rng, last, due, late)
        if late:
            self._apology(rng, plan, last, due, finish)
        if settings.fee_vnd:
            asked = max(
                clock.later(rng, finish - dt.timedelta(hours=3), 0, 60),
                steps[-1][1] + dt.timedelta(seconds=1),
            )
            steps.append(("request_payment", asked, "officer", {}))
            paid = asked + dt.timedelta(minutes=rng.randint(5, 90))
            steps.append(("payment_received", paid, "officer", {}))
            finish = max(finish, paid + dt.timedelta(seconds=1))
        steps.append(("complete", finish, "officer", {}))
        if plan.return_method == "online":
            returned = finish + dt.timedelta(minutes=rng.randint(1, 120))
        else:
            returned = clock.days_later(rng, finish, 0, 3)
            returned = max(returned, finish + dt.timedelta(minutes=5))
        steps.append(("return", returned, "counter", {}))
        if rng.random() < p.rated:
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


Progress = Callable[[str], None]
