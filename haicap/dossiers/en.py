"""English for the one-stop shop's Vietnamese strings added in this app (merged by make messages)."""

EN = {
    "Hẹn trả (ban đầu → hẹn lại)": "Due (original → new date)",
    "đã hẹn lại": "rescheduled",
    "chưa phân công": "not assigned",
    "Đơn vị chưa có cán bộ xử lý nào đang làm việc": "The unit has no active processing officer",
    "giấy tờ đã nhận": "papers received",
    "Giấy tờ phải nộp": "Papers to hand in",
    "Giấy tờ phải xuất trình (đối chiếu rồi trả lại)": "Papers to show (checked, then handed back)",
    "Giấy tờ theo trường hợp (chỉ đánh dấu khi có)": (
        "Papers needed in some cases (tick only when handed in)"
    ),
    "Danh mục quốc gia không ghi rõ giấy tờ của thủ tục này: ghi vào «Nội dung yêu cầu» những gì đã nhận.": (
        "The national catalogue names no papers for this procedure: write what was received under «Request»."
    ),
    "Đã nhận": "Received",
    "Giấy tờ": "Paper",
    "Bản chính": "Originals",
    "Bản sao có chứng thực": "Certified copies",
    "Bản sao": "Copies",
    "Mẫu": "Form",
    "nộp trực tuyến bằng biểu mẫu điện tử": "filed online as an e-form",
    "Lưu ý": "Note",
    "Hướng dẫn của danh mục": "The catalogue's guidance",
    (
        "Danh mục này do hệ thống đọc từ cơ sở dữ liệu quốc gia, chưa được rà soát; đối "
        "chiếu với quy định khi cần."
    ): (

            "This checklist was read by the system from the national database and has not "
            "been reviewed; check it against the regulations when in doubt."

    ),
    "Đã tiếp nhận. Phiếu tiếp nhận và hẹn trả kết quả đã mở để in; giao một liên cho người nộp.": (
        "Accepted. The receipt and appointment slip is open for printing; give one copy to the applicant."
    ),
    "In phiếu hẹn": "Print the slip",
    "Phiếu tiếp nhận và hẹn trả kết quả": "Receipt and appointment slip",
    "Giấy tờ đã nhận": "Papers received",
    "bản sao có chứng thực": "certified copies",
    "Chọn thủ tục để hiện danh mục giấy tờ.": "Choose the procedure to see its checklist.",
    "Đủ (đã đánh dấu mọi giấy tờ bắt buộc): tiếp nhận, in phiếu hẹn (Alt+1)": (
        "Complete (every required paper ticked): accept, print the slip (Alt+1)"
    ),
    "Thiếu: phiếu yêu cầu bổ sung ghi đúng các giấy tờ bắt buộc chưa đánh dấu (Alt+2)": (
        "Incomplete: the supplement request lists exactly the required papers not ticked (Alt+2)"
    ),
    (
        "Giấy tờ cần bổ sung khác (khi mọi giấy tờ bắt buộc đã có nhưng chưa hợp lệ), mỗi "
        "dòng: tên; bản chính / bản sao / bản sao có chứng thực; lý do"
    ): (

            "Other papers to supplement (when every required paper is there but one is not "
            "valid), one a line: name; bản chính / bản sao / bản sao có chứng thực; reason"

    ),
    # online filing (dossiers.eforms, slots, mine, profiles)
    # e-forms (dossiers.eforms)
    "Tờ khai đăng ký khai sinh": "Birth registration form",
    "Tờ khai đăng ký kết hôn": "Marriage registration form",
    "Quan hệ của người đi đăng ký với người được khai sinh": "Relationship of the applicant to the child",
    "Họ, chữ đệm, tên người được khai sinh": "Child's full name",
    "Ngày, tháng, năm sinh": "Date of birth",
    "Giới tính": "Sex",
    "Dân tộc": "Ethnicity",
    "Quốc tịch": "Nationality",
    "Nơi sinh": "Place of birth",
    "Quê quán": "Place of origin",
    "Người được khai sinh": "The child",
    "Mẹ": "Mother",
    "Cha (nếu có)": "Father (if any)",
    "Người đi đăng ký": "The applicant",
    "Họ, chữ đệm, tên của mẹ": "Mother's full name",
    "Ngày sinh của mẹ": "Mother's date of birth",
    "Dân tộc của mẹ": "Mother's ethnicity",
    "Quốc tịch của mẹ": "Mother's nationality",
    "Nơi cư trú của mẹ": "Mother's residence",
    "Số định danh cá nhân của mẹ": "Mother's personal ID number",
    "Họ, chữ đệm, tên của cha": "Father's full name",
    "Ngày sinh của cha": "Father's date of birth",
    "Dân tộc của cha": "Father's ethnicity",
    "Quốc tịch của cha": "Father's nationality",
    "Nơi cư trú của cha": "Father's residence",
    "Số định danh cá nhân của cha": "Father's personal ID number",
    "Họ, chữ đệm, tên bên nữ": "Bride's full name",
    "Ngày sinh bên nữ": "Bride's date of birth",
    "Dân tộc bên nữ": "Bride's ethnicity",
    "Quốc tịch bên nữ": "Bride's nationality",
    "Nơi cư trú bên nữ": "Bride's residence",
    "Số định danh cá nhân bên nữ": "Bride's personal ID number",
    "Họ, chữ đệm, tên bên nam": "Groom's full name",
    "Ngày sinh bên nam": "Groom's date of birth",
    "Dân tộc bên nam": "Groom's ethnicity",
    "Quốc tịch bên nam": "Groom's nationality",
    "Nơi cư trú bên nam": "Groom's residence",
    "Số định danh cá nhân bên nam": "Groom's personal ID number",
    "Kết hôn lần thứ mấy (bên nữ)": "Bride's marriage number (1st, 2nd…)",
    "Kết hôn lần thứ mấy (bên nam)": "Groom's marriage number (1st, 2nd…)",
    "Bên nữ": "Bride",
    "Bên nam": "Groom",
    # records and rights
    "Đã xoá thông tin đã lưu.": "The saved details were deleted.",
    "người nộp trực tuyến": "filed online by",
    "tờ khai điện tử": "electronic declaration",
    "họ và tên": "full name",
    "đồng ý lưu lúc": "consent to keep given at",
    "thông tin công dân": "citizen's details",
    "Lưu thông tin công dân để điền sẵn": "Save a citizen's details for pre-filling",
    "Xoá thông tin công dân đã lưu": "Delete a citizen's saved details",
    "Xem hồ sơ mình đã nộp trực tuyến": "View one's own online dossiers",
    "Hồ sơ của tôi": "My dossiers",
    # pages
    "khai trực tuyến": "declared online",
    "Hồ sơ bạn đã nộp trực tuyến khi đăng nhập, mới nhất trước.": "Dossiers you filed online while signed in, newest first.",  # noqa: E501
    "Nộp hồ sơ mới": "File a new dossier",
    "Nộp lúc": "Filed at",
    "hẹn trả khi hồ sơ được tiếp nhận": "due date set when the dossier is accepted",
    "Bạn chưa nộp hồ sơ trực tuyến nào khi đăng nhập.": "You have not filed any dossier online while signed in.",
    "Thông tin đã lưu để điền sẵn": "Details saved for pre-filling",
    "Xoá thông tin đã lưu": "Delete the saved details",
    "Nơi nộp": "Filed at",
    "Mã tra cứu khi nộp": "Reference given when filing",
    "Quá trình giải quyết": "Progress",
    "Giấy tờ đã tải lên": "Uploaded papers",
    "Không có tệp nào.": "No files.",
    "Đánh giá hoặc tra cứu bằng mã và số điện thoại": "Rate or track with the code and phone number",
    "Xã, phường của bạn": "Your commune or ward",
    "— cả tỉnh —": "— whole province —",
    "Thủ tục người dân nộp nhiều nhất ở xã, phường đã chọn (12 tháng qua) đứng trước.": "The procedures filed most in the chosen commune (last 12 months) come first.",  # noqa: E501
    "đồng": "VND",
    "Người nộp hồ sơ": "Applicant",
    "Thông tin đã điền sẵn từ lần nộp trước; bạn có thể sửa.": "Filled in from your last filing; you can change it.",
    "Thông tin đã điền sẵn từ tài khoản; bạn có thể sửa.": "Filled in from your account; you can change it.",
    "Khai tờ khai ngay trên trang này; không cần tải lên tờ khai giấy.": "Fill in the form on this page; no paper form needs uploading.",  # noqa: E501
    "bắt buộc": "required",
    "%(types)s; tối đa %(mb)s MB mỗi tệp, 20 tệp mỗi hồ sơ.": "%(types)s; at most %(mb)s MB a file, 20 files a dossier.",  # noqa: E501
    "Tôi thuộc trường hợp này": "This applies to me",
    "đã khai trực tuyến, không bắt buộc": "declared online, not required",
    "nếu thuộc trường hợp": "if this applies",
    "không bắt buộc": "optional",
    "Lưu thông tin người nộp để điền sẵn lần sau (xoá được trong «Hồ sơ của tôi»)": "Save the applicant's details to pre-fill next time (delete them in “My dossiers”)",  # noqa: E501
    "Tải kết quả điện tử (PDF)": "Download the electronic result (PDF)",
    "Tờ khai đăng ký khai tử": "Death registration form",
    "Quan hệ của người đi đăng ký với người đã chết": "Relationship of the applicant to the deceased",
    "Họ, chữ đệm, tên người đã chết": "Full name of the deceased",
    "Ngày sinh người đã chết": "Date of birth of the deceased",
    "Số định danh cá nhân người đã chết": "Personal ID number of the deceased",
    "Nơi cư trú cuối cùng": "Last residence",
    "Ngày chết": "Date of death",
    "Nơi chết": "Place of death",
    "Nguyên nhân chết": "Cause of death",
    "Người đã chết": "The deceased",
    "Việc chết": "The death",
    # the counter form's error summary (core.fielderrors)
    "Giấy tờ cần bổ sung": "Papers to supplement",
    'Thông tin công dân': "Citizen's saved details",
    # the register picker (form 07 for a month or the whole year)
    "Tháng": "Month",
    "Cả năm": "Whole year",
    "Tháng %(m)s": "Month %(m)s",
    # messages and labels through the catalogue (ADR 19)
    'Không tìm thấy xã/phường/tỉnh mã «{code}» đang có hiệu lực.': (
        'No commune, ward or province with code «{code}» is in force.'
    ),
    'Đơn vị {agency} đã tiếp nhận đủ 9.999 hồ sơ trong ngày {day:%d/%m/%Y}.': (
        'The unit {agency} has received the maximum of 9,999 dossiers on {day:%d/%m/%Y}.'
    ),
    'Cần liệt kê đầy đủ các giấy tờ còn thiếu (tên, loại bản, lý do).': (
        'List every missing paper (name, kind of copy, reason).'
    ),
    'Cần ghi rõ lý do.': 'Give the reason.',
    'Đã quá 3 ngày làm việc kể từ khi tiếp nhận ({received:%d/%m/%Y}): không thể yêu cầu bổ sung.': (
        'More than 3 working days have passed since receipt ({received:%d/%m/%Y}): a '
        'supplement can no longer be requested.'
    ),
    'Hồ sơ đã được hẹn lại một lần; chỉ được hẹn lại một lần.': (
        'The dossier was already given a new date once; it can be given a new date only once.'
    ),
    'Phải thông báo chậm muộn ít nhất 1 ngày làm việc trước hạn trả ({due:%d/%m/%Y}).': (
        'A delay must be announced at least 1 working day before the due date '
        '({due:%d/%m/%Y}).'
    ),
    'Ngày hẹn mới phải sau hạn trả hiện tại ({due:%d/%m/%Y}).': (
        'The new date must be after the current due date ({due:%d/%m/%Y}).'
    ),
    'Ngày hẹn mới không được quá một năm sau hạn trả hiện tại ({due:%d/%m/%Y}).': (
        'The new date may not be more than one year after the current due date '
        '({due:%d/%m/%Y}).'
    ),
    'Ngày hẹn mới phải có dạng YYYY-MM-DD.': 'The new date must be written YYYY-MM-DD.',
    'Thời hạn lấy ý kiến phải từ 1 đến 30 ngày làm việc.': 'The consultation period must be 1 to 30 working days.',
    'Số tiền phải lớn hơn 0.': 'The amount must be greater than 0.',
    'Hồ sơ chưa thu phí, lệ phí ({fee} đồng).': 'The fee has not been collected for this dossier ({fee} VND).',
    'Hình thức trả «{method}» không hợp lệ.': 'The return method «{method}» is not valid.',
    'Chọn xã/phường nơi nộp hồ sơ.': 'Choose the commune or ward where the dossier is filed.',
    'Nộp tại trung tâm hoặc chi nhánh: chọn xã, phường giải quyết hồ sơ.': (
        'Filed at a centre or branch: choose the commune or ward that decides the dossier.'
    ),
    'Xã/phường cư trú «{code}» không phải đơn vị đang có hiệu lực.': (
        'The commune or ward of residence «{code}» is not a unit in force.'
    ),
    'Giấy tờ «{key}» không có trong danh mục của thủ tục {code}.': (
        'The paper «{key}» is not in the checklist of procedure {code}.'
    ),
    'Số bản của «{name}» phải là số nguyên từ 0 đến {most}.': (
        'The number of copies of «{name}» must be a whole number from 0 to {most}.'
    ),
    '«{name}»: đánh dấu đã nhận thì phải có ít nhất một bản.': (
        '«{name}»: a paper ticked as received needs at least one copy.'
    ),
    'Giấy tờ đã nhận phải là một danh sách (key, số bản chính, bản sao có chứng thực, bản sao).': (
        'The papers received must be a list (key, originals, certified copies, copies).'
    ),
    'Hồ sơ chưa đủ, chưa thể tiếp nhận: còn thiếu {names}. Chọn «Thiếu» để in phiếu yêu cầu bổ sung.': (
        'The dossier is incomplete and cannot be accepted yet: {names} missing. Choose '
        '«Missing» to print the supplement request.'
    ),
    'Tệp kết quả «{name}» không phải PDF hoàn chỉnh.': 'The result file «{name}» is not a complete PDF.',
    'Tệp kết quả «{name}» quá lớn ({size} MB); tối đa {most} MB.': (
        'The result file «{name}» is too large ({size} MB); at most {most} MB.'
    ),
    'Cần chọn tệp kết quả (PDF).': 'Choose the result file (PDF).',
    'Chỉ đính kèm kết quả khi hồ sơ đang xử lý hoặc đã xử lý xong (hiện: «{status}»).': (
        'A result can be attached only while the dossier is being processed or once '
        'processed (now: «{status}»).'
    ),
    'Hồ sơ chưa có kết quả điện tử.': 'The dossier has no electronic result yet.',
    'Đã đính kèm kết quả điện tử.': 'The electronic result is attached.',
    'Không tìm thấy hồ sơ «{code}».': 'No dossier «{code}» was found.',
    'Hàng đợi «{queue}» không tồn tại; chọn một trong: {allowed}.': (
        'There is no queue «{queue}»; choose one of: {allowed}.'
    ),
    'Chờ tiếp nhận': 'To receive',
    'Chờ chuyển xử lý': 'To transfer',
    'Sắp đến hạn (2 ngày làm việc)': 'Due soon (2 working days)',
    'Chờ trả kết quả': 'To return',
    'Tất cả': 'All',
    'Hồ sơ nộp trực tuyến đã được ghi nhận, đang chờ bộ phận một cửa kiểm tra.': (
        'The online dossier is recorded and waits for the one-stop desk to check it.'
    ),
    'Hồ sơ đã được tiếp nhận.': 'The dossier has been accepted.',
    'Hồ sơ chưa đủ: cần bổ sung giấy tờ (xem phiếu yêu cầu bổ sung).': (
        'The dossier is incomplete: papers must be supplemented (see the supplement request).'
    ),
    'Hồ sơ không được tiếp nhận.': 'The dossier was not accepted.',
    'Hồ sơ đã được chuyển đến cơ quan giải quyết.': 'The dossier has been sent to the deciding body.',
    'Hồ sơ đã được giao cho cán bộ xử lý.': 'The dossier has been assigned to a processing officer.',
    'Cơ quan giải quyết đang lấy ý kiến cơ quan liên quan.': 'The deciding body is consulting the bodies concerned.',
    'Khi thẩm định, hồ sơ cần bổ sung; thời hạn tạm dừng và được tính lại khi nhận đủ.': (
        'On appraisal the dossier needs a supplement; the time limit pauses and restarts '
        'once it is complete.'
    ),
    'Đã nhận giấy tờ bổ sung; hồ sơ tiếp tục được xử lý.': 'The supplement has been received; processing continues.',
    'Hồ sơ bị chậm: cơ quan giải quyết xin lỗi và hẹn lại ngày trả.': (
        'The dossier is late: the deciding body apologises and sets a new date.'
    ),
    'Cần nộp phí, lệ phí (nghĩa vụ tài chính) để tiếp tục.': (
        'The fee must be paid (financial obligation) to continue.'
    ),
    'Đã nhận phí, lệ phí.': 'The fee has been received.',
    'Đã ghi nhận yêu cầu rút hồ sơ.': 'The request to withdraw the dossier is recorded.',
    'Hồ sơ đã dừng xử lý.': 'Processing of the dossier has stopped.',
    'Đã có kết quả; chờ trả kết quả.': 'The result is ready and waits to be returned.',
    'Đã trả kết quả.': 'The result has been returned.',
    'trước hạn': 'early',
    'quá hạn': 'late',
    'Đã giải quyết xong ({outcome}).': 'Decided ({outcome}).',
    'Tỉnh {province} không cung cấp thủ tục {code}.': 'Province {province} does not offer procedure {code}.',
    (
        'Tỉnh {province} chưa cung cấp trực tuyến thủ tục {code}: thời hạn giải quyết chưa '
        'được tỉnh kiểm chứng hoặc tỉnh chưa mở dịch vụ trực tuyến; vui lòng nộp tại bộ phận '
        'một cửa.'
    ): (
        'Province {province} does not offer procedure {code} online yet: its time limit is '
        'not verified by the province or the province has not opened the online service; '
        'please file at the one-stop desk.'
    ),
    'Thủ tục {code} không phi địa giới: hồ sơ phải nộp tại {unit}.': (
        'Procedure {code} is not boundary-free: the dossier must be filed at {unit}.'
    ),
    'Cơ quan giải quyết {unit} ở tỉnh khác; chỉ tiếp nhận phi địa giới trong tỉnh.': (
        'The deciding body {unit} is in another province; boundary-free filing is only '
        'within the province.'
    ),
    'Đơn vị {code} không còn hiệu lực.': 'The unit {code} is no longer in force.',
    (
        'Thủ tục {code} không phi địa giới: {point} chỉ tiếp nhận thủ tục phi địa giới; hồ '
        'sơ phải nộp tại xã, phường có thẩm quyền.'
    ): (
        'Procedure {code} is not boundary-free: {point} receives only boundary-free '
        'procedures; the dossier must be filed at the competent commune or ward.'
    ),
    'Chọn xã, phường (hoặc tỉnh) có thẩm quyền giải quyết hồ sơ.': (
        'Choose the commune or ward (or the province) competent to decide the dossier.'
    ),
    'Hồ sơ đã được đánh giá.': 'The dossier has already been rated.',
    'Chỉ đánh giá được sau khi đã trả kết quả.': 'A dossier can be rated only after its result is returned.',
    'Giá trị «{value}» không hợp lệ cho {label}; chọn một trong: {allowed}.': (
        'The value «{value}» is not valid for {label}; choose one of: {allowed}.'
    ),
    'Số bộ hồ sơ phải là số nguyên từ 1 đến {most}.': 'The number of sets must be a whole number from 1 to {most}.',
    'hình thức trả kết quả': 'return method',
    'Chưa tải lên «{label}» (bắt buộc).': '«{label}» is not uploaded (required).',
    'Bạn chọn «{condition}» nhưng chưa tải lên «{label}».': 'You chose «{condition}» but did not upload «{label}».',
    'Thủ tục {code} không có thành phần hồ sơ «{key}» để tải lên.': (
        'Procedure {code} has no dossier paper «{key}» to upload.'
    ),
    'Cần tải lên ít nhất một thành phần hồ sơ (PDF, JPEG hoặc PNG).': (
        'Upload at least one dossier paper (PDF, JPEG or PNG).'
    ),
    'Họ tên phải có từ 2 đến 120 ký tự chữ.': 'The full name must have 2 to 120 letters.',
    'Thư điện tử «{value}» không hợp lệ.': 'The email address «{value}» is not valid.',
    'Địa chỉ phải có từ 5 đến 300 ký tự.': 'The address must have 5 to 300 characters.',
    'Chọn thủ tục.': 'Choose a procedure.',
    'Không có thủ tục mã «{code}».': 'There is no procedure with code «{code}».',
    'Không tìm thấy tệp đính kèm.': 'The attachment was not found.',
    'Hồ sơ đã có phiếu yêu cầu bổ sung khi tiếp nhận: chỉ yêu cầu một lần, đầy đủ.': (
        'The dossier already had a supplement request at intake: a supplement is requested '
        'once, completely.'
    ),
    (
        'Cán bộ được phân công phải là cán bộ xử lý đang làm việc tại {unit} (không phải tài '
        'khoản mô phỏng, cán bộ cấp tỉnh hay chính người phân công).'
    ): (
        'The assigned officer must be a processing officer working at {unit} (not a '
        'simulated account, a provincial officer or the assigning officer).'
    ),
    'Không có thủ tục mã «{value}».': 'There is no procedure with code «{value}».',
    'Không có đơn vị hành chính mã «{code}».': 'There is no administrative unit with code «{code}».',
    '{message} (mục {i})': '{message} (item {i})',
    '{originals} bản chính': '{originals} originals',
    '{certified} bản sao có chứng thực': '{certified} certified copies',
    '{copies} bản sao': '{copies} copies',
    'Kết quả tiếp nhận «{outcome}» không hợp lệ.': 'The intake outcome «{outcome}» is not valid.',
    'Đã tạo hồ sơ {code}.': 'Dossier {code} created.',
    '«{value}» không phải số.': '«{value}» is not a number.',
    '{label}: đã ghi nhận.': '{label}: recorded.',
    'Năm «{year_text}» không hợp lệ.': 'The year «{year_text}» is not valid.',
    'Tháng «{month}» không hợp lệ: từ 1 đến 12, hoặc để trống cho cả năm.': (
        'The month «{month}» is not valid: 1 to 12, or empty for the whole year.'
    ),
}
