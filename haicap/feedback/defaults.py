"""The default feedback categories every province starts with (editable per province). Bodies
and answer times are this project's reading of HCMC 1022 practice (unverified): data, not law."""

from __future__ import annotations

# code, name, English name, body kind, body name, SLA in working days
DEFAULT_CATEGORIES: list[tuple[str, str, str, str, str, int]] = [
    ("roads", "Giao thông, đường sá", "Roads and traffic", "commune", "", 5),
    (
        "lighting",
        "Chiếu sáng công cộng",
        "Street lighting",
        "utility",
        "Đơn vị quản lý chiếu sáng công cộng",
        3,
    ),
    (
        "drainage",
        "Thoát nước, ngập úng",
        "Drainage and flooding",
        "commune",
        "",
        5,
    ),
    ("waste", "Rác thải, vệ sinh môi trường", "Waste and environment", "commune", "", 3),
    ("construction", "Trật tự xây dựng", "Construction order", "commune", "", 5),
    ("land", "Đất đai", "Land", "commune", "", 10),
    ("public-order", "An ninh trật tự, tiếng ồn", "Public order and noise", "commune", "", 3),
    ("trees", "Cây xanh", "Trees", "utility", "Đơn vị quản lý công viên, cây xanh", 5),
    ("water", "Cấp nước", "Water supply", "utility", "Đơn vị cấp nước", 3),
    (
        "procedures",
        "Thủ tục hành chính, thái độ cán bộ",
        "Administrative procedures and officials' conduct",
        "department",
        "Sở Nội vụ",
        5,
    ),
    ("other", "Khác", "Other", "commune", "", 5),
]
