"""English for the Vietnamese strings of the service index (merged by `make messages`)."""

EN = {
    # what would measure an indicator left out of a card (metrics.measures.NEEDS)
    "cần hồ sơ hoàn thành hoặc đến hạn trong kỳ": "needs dossiers finished or due in the period",
    "cần hồ sơ của thủ tục có dịch vụ công trực tuyến": (
        "needs dossiers of procedures with an online service"
    ),
    "cần hồ sơ nộp phí, lệ phí trong kỳ": "needs dossiers with a fee paid in the period",
    "cần hồ sơ đã trả kết quả trong kỳ": "needs dossiers whose result was returned in the period",
    "cần phản ánh đã trả lời hoặc đến hạn trả lời trong kỳ": (
        "needs citizen reports answered or due in the period"
    ),
    "cần phản ánh được người gửi đánh giá": "needs citizen reports rated by their senders",
    "cần hồ sơ hoàn thành và được người nộp đánh giá": (
        "needs dossiers finished and rated by their applicants"
    ),
    "cần số liệu của Cổng Dịch vụ công quốc gia (haicap chưa kết nối)": (
        "needs the National Public Service Portal's data (haicap is not connected)"
    ),
    "cần số liệu số hóa, kho dữ liệu, CSDL dân cư (haicap chưa kết nối)": (
        "needs digitisation, data store and population database figures (haicap is not connected)"
    ),
    "haicap chưa có nguồn số liệu cho chỉ số này": "haicap has no data source for this indicator",
    # the ranking and the unit's card
    "Điểm nhóm: điểm đạt trên điểm tối đa của các chỉ số đo được (chỉ số chưa đo không tính, "
    "xem trang từng xã). Xã, phường có dưới %(m)s hồ sơ trong kỳ (tiếp nhận hoặc hoàn thành) "
    "được ghi «chưa đủ dữ liệu», không xếp hạng và không tô màu trên bản đồ.": (
        "Group score: points earned over the maximum of the indicators measured (those not "
        "measured are left out; see each commune's page). Communes with fewer than %(m)s "
        "dossiers in the period (received or finished) are marked “not enough data”, not "
        "ranked and not coloured on the map."
    ),
    "Kỳ này: %(n)s xã, phường chưa đủ dữ liệu.": (
        "This period: %(n)s communes without enough data."
    ),
    "%(n)s hồ sơ trong kỳ, cần ít nhất %(m)s": "%(n)s dossiers in the period, at least %(m)s needed",
    "chưa đủ dữ liệu": "not enough data",
    "chưa đủ dữ liệu để xếp hạng: %(n)s hồ sơ trong kỳ, cần ít nhất %(m)s": (
        "not enough data to rank: %(n)s dossiers in the period, at least %(m)s needed"
    ),
    "chưa đo được chỉ số nào (0/%(p)s điểm)": "no indicator measured (0/%(p)s points)",
    "%(s)s/%(m)s điểm đo được (đo được %(m)s/%(p)s điểm)": (
        "%(s)s/%(m)s measured points (%(m)s of %(p)s points measured)"
    ),
}
