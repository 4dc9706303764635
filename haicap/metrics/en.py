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
    # messages and labels through the catalogue (ADR 19)
    'Sớm và đúng hạn ÷ (hoàn thành + quá hạn chưa xong)': 'Early and on time ÷ (finished + overdue not finished)',
    'Nộp trực tuyến ÷ hồ sơ của thủ tục có DVC trực tuyến': 'Filed online ÷ dossiers of procedures offered online',
    'Nộp phí qua ngân hàng (khớp tự động hoặc thủ công) ÷ hồ sơ đã nộp phí': (
        'Fees paid through the bank (matched automatically or by hand) ÷ dossiers with a fee '
        'paid'
    ),
    'Trả kết quả trực tuyến ÷ hồ sơ đã trả': 'Results returned online ÷ dossiers returned',
    'Trả lời đúng hạn ÷ (đã trả lời + quá hạn chưa trả lời)': 'Answered on time ÷ (answered + overdue unanswered)',
    'Hài lòng ÷ phản ánh được đánh giá': 'Satisfied ÷ reports rated',
    '100% − tỷ lệ trễ hạn − tỷ lệ không hài lòng': '100% − late rate − dissatisfaction rate',
    'Ngày «{value}» không hợp lệ: dùng dạng YYYY-MM-DD.': 'The date «{value}» is not valid: use YYYY-MM-DD.',
    'Kỳ «{start} – {end}» không hợp lệ: ngày đầu phải trước ngày cuối, tối đa 3 năm.': (
        'The period «{start} – {end}» is not valid: the first day must be before the last, '
        'at most 3 years.'
    ),
    'chưa có kỳ gốc hoặc chưa có hồ sơ hoàn thành': 'no baseline period yet, or no dossier finished',
    'Chỉ tiêu «{code}» phải là phần trăm từ 1 đến 100 (nhận được «{value}»).': (
        'The target «{code}» must be a percentage from 1 to 100 (received «{value}»).'
    ),
    'Kỳ gốc phải có ngày đầu và ngày cuối (YYYY-MM-DD), ngày đầu trước ngày cuối.': (
        'The baseline needs a first and a last day (YYYY-MM-DD), the first before the last.'
    ),
    'Không có tỉnh/thành phố mã «{code}».': 'There is no province or city with code «{code}».',
    'Không có xã/phường/tỉnh mã «{code}».': 'There is no commune, ward or province with code «{code}».',
    'Loại danh sách «{kind}» không tồn tại.': 'There is no list kind «{kind}».',
    'kỳ gốc {start:%d/%m/%Y}–{end:%d/%m/%Y} chưa có số liệu': (
        'the baseline period {start:%d/%m/%Y}–{end:%d/%m/%Y} has no figures'
    ),
    'Không có danh sách «{what}».': 'There is no list «{what}».',
}
