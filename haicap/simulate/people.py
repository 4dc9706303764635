"""The simulated applicants: made-up names, identity numbers, phones and street addresses."""

from __future__ import annotations

import random

from haicap.dossiers.validation import Applicant
from haicap.simulate.world import Place

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

def applicant(rng: random.Random, place: Place) -> Applicant:
    name = f"{rng.choice(FAMILY)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}"
    century = rng.choice("0123") if rng.random() < 0.3 else rng.choice("01")
    year = rng.randint(0, 24) if century in "23" else rng.randint(40, 99)
    id_number = f"0{place.unit.province_code}{century}{year:02d}{rng.randrange(10**6):06d}"
    phone = f"0{rng.choice('3579')}{rng.randrange(10**8):08d}"
    address = f"{rng.randint(1, 399)} {rng.choice(STREETS)}, {place.unit.full_name}"
    return Applicant(name, id_number, phone, address)
