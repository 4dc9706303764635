"""English for the Vietnamese strings of electronic fee payment (merged by `make messages`)."""

EN = {
    # core role and the dossier's payment fields and steps
    "Cán bộ tài chính, kế toán": "Finance officer",
    "Nộp tại bộ phận một cửa": "Paid at the one-stop desk",
    "Chuyển khoản ngân hàng (VietQR)": "Bank transfer (VietQR)",
    "nộp phí lúc": "fee paid at",
    "hình thức nộp phí": "fee payment method",
    "Đã nộp phí qua ngân hàng": "Fee paid by bank transfer",
    "Ghi nhận nộp phí qua ngân hàng": "Bank transfer of the fee recorded",
    # the app and its records
    "Thu phí, lệ phí điện tử": "Electronic fee payment",
    "Sao kê ngân hàng": "Bank statement",
    "Thông báo của ngân hàng": "Bank notification",
    "Đã khớp tự động": "Matched automatically",
    "Chưa khớp": "Unmatched",
    "Đã khớp thủ công": "Matched by hand",
    "Không thuộc hồ sơ nào": "Belongs to no dossier",
    "Nội dung không có mã thanh toán": "No payment reference in the memo",
    "Mã thanh toán không thuộc hồ sơ nào": "The payment reference names no dossier",
    "Hồ sơ của đơn vị khác": "Another unit's dossier",
    "Nội dung có nhiều mã thanh toán": "Several payment references in the memo",
    "Nộp thiếu": "Paid short",
    "Nộp thừa": "Paid too much",
    "Hồ sơ đã nộp phí (nộp trùng)": "Dossier already paid (duplicate payment)",
    "Hồ sơ không phải nộp phí": "The dossier owes no fee",
    "Hồ sơ đã dừng, rút hoặc bị từ chối": "The dossier was stopped, withdrawn or refused",
    "tệp": "file",
    "số dòng có": "credit lines",
    "giao dịch mới": "new transactions",
    "khớp tự động": "matched automatically",
    "chờ xử lý": "awaiting resolution",
    "lần nhập sao kê": "statement import",
    "các lần nhập sao kê": "statement imports",
    "mã giao dịch ngân hàng": "bank transaction id",
    "ngày giao dịch": "transaction date",
    "số tiền (đồng)": "amount (VND)",
    "nội dung chuyển khoản": "transfer memo",
    "mã thanh toán": "payment reference",
    "tình trạng": "state",
    "lý do chưa khớp": "reason unmatched",
    "số biên lai": "receipt number",
    "nhận lúc": "received at",
    "xử lý lúc": "resolved at",
    "ghi chú xử lý": "resolution note",
    "giao dịch ngân hàng": "bank transaction",
    # rights
    "Nhập sao kê ngân hàng": "Import a bank statement",
    "Nhận thông báo giao dịch từ ngân hàng": "Receive a bank's transaction notification",
    "Khớp giao dịch với hồ sơ": "Match a transaction to a dossier",
    "Khớp thủ công giao dịch chưa khớp": "Match an unmatched transaction by hand",
    "Xác định giao dịch không thuộc hồ sơ nào": "Mark a transaction as belonging to no dossier",
    "Xem giao dịch thu phí": "View fee transactions",
    "Nhập sao kê, nhận thông báo ngân hàng": "Import statements, receive bank notifications",
    "Xử lý giao dịch chưa khớp": "Resolve unmatched transactions",
    "Thu phí": "Fees",
    # the citizen's tracking page
    "Nộp phí bằng chuyển khoản (quét mã VietQR bằng ứng dụng ngân hàng)": (
        "Pay the fee by bank transfer (scan the VietQR code with your bank's app)"
    ),
    "Nội dung chuyển khoản (giữ nguyên để hồ sơ được ghi nhận tự động)": (
        "Transfer memo (keep it as it is, so that the payment is recorded automatically)"
    ),
    # pages
    "Giao dịch": "Transaction",
    "Ngày giao dịch": "Transaction date",
    "Nội dung chuyển khoản": "Transfer memo",
    "Mã thanh toán": "Payment reference",
    "Nguồn": "Source",
    "Tình trạng": "State",
    "phí": "fee",
    "Biên lai": "Receipt",
    "Ghi chú xử lý": "Resolution note",
    "Mã hồ sơ hoặc mã thanh toán": "Dossier code or payment reference",
    "ví dụ: đã thu phần còn thiếu tại quầy": "e.g. the rest was collected at the desk",
    "Khớp với hồ sơ này": "Match to this dossier",
    "Không thuộc hồ sơ nào (hoàn tiền)": "Belongs to no dossier (refund)",
    "← Về danh sách giao dịch": "← Back to the transactions",
    "Tệp Excel (.xlsx) hoặc CSV tải từ ngân hàng, đủ các cột ngày giao dịch, số tiền ghi có, nội dung và mã giao dịch. Giao dịch đã nhập trước đó được bỏ qua; khoản nộp có mã thanh toán và đúng số tiền được khớp với hồ sơ ngay.": (  # noqa: E501
        "An Excel (.xlsx) or CSV file downloaded from the bank, with the columns transaction "
        "date, credit amount, description and transaction id. Transactions imported before are "
        "skipped; a payment with its payment reference and the right amount is matched to its "
        "dossier at once."
    ),
    "Đơn vị có tài khoản thu phí": "Unit that owns the fee account",
    "Tệp sao kê": "Statement file",
    "Nhập và đối chiếu": "Import and match",
    "Thu phí: giao dịch ngân hàng": "Fees: bank transactions",
    "Thu phí, lệ phí qua ngân hàng": "Fees paid through the bank",
    "+ Nhập sao kê ngân hàng": "+ Import a bank statement",
    "Nội dung chuyển khoản, mã giao dịch, mã thanh toán": "Memo, transaction id, payment reference",
    "Tìm giao dịch": "Search transactions",
    "Mã giao dịch": "Transaction id",
    "Không có giao dịch nào.": "No transactions.",
    "Các lần nhập gần đây": "Recent imports",
    "Tệp": "File",
    "Số dòng có": "Credit lines",
    "Giao dịch mới": "New transactions",
    "Khớp tự động": "Matched automatically",
    "Chờ xử lý": "Awaiting resolution",
    "Đã ghi nhận: giao dịch không thuộc hồ sơ nào.": "Recorded: the transaction belongs to no dossier.",
    "Đã khớp với hồ sơ {code}, biên lai {receipt}.": "Matched to dossier {code}, receipt {receipt}.",
    "Tệp sao kê lớn quá 10 MB.": "The statement file is larger than 10 MB.",
    "Hãy chọn tệp sao kê (Excel hoặc CSV).": "Choose a statement file (Excel or CSV).",
    "Hãy chọn đơn vị có tài khoản thu phí.": "Choose the unit that owns the fee account.",
    "Đã nhập {lines} dòng: {new} giao dịch mới, {matched} khớp tự động, {queued} chờ xử lý.": (
        "Imported {lines} lines: {new} new transactions, {matched} matched automatically, "
        "{queued} awaiting resolution."
    ),
    'Sao kê': 'Statement',
    # messages and labels through the catalogue (ADR 19)
    'Hãy ghi account_unit: mã đơn vị có tài khoản nhận (bạn nhận thông báo cho nhiều đơn vị).': (
        'Give account_unit: the code of the unit whose account received it (you receive '
        'notices for several units).'
    ),
    'Không có đơn vị «{code}» trong phạm vi nhận thông báo của bạn.': (
        'There is no unit «{code}» among the units whose notices you receive.'
    ),
    (
        'Mã giao dịch {txn} đã được ghi nhận với số tiền hoặc nội dung khác: một mã giao '
        'dịch chỉ thuộc một giao dịch.'
    ): (
        'Transaction id {txn} was recorded with another amount or description: a transaction '
        'id belongs to one transaction.'
    ),
    'Không có giao dịch số {pk}.': 'There is no transaction number {pk}.',
    'Hãy ghi lý do (ví dụ: đã thu phần còn thiếu tại quầy, sẽ hoàn tiền thừa).': (
        'Give the reason (for example: the rest was collected at the desk, the excess will '
        'be refunded).'
    ),
    'Giao dịch {txn} đã được xử lý («{state}»).': 'Transaction {txn} has already been handled («{state}»).',
    'Không có hồ sơ «{code}» trong phạm vi của bạn.': 'There is no dossier «{code}» within your scope.',
    'Hồ sơ {code} không nhận khoản nộp này: {reason}.': 'Dossier {code} does not take this payment: {reason}.',
}
