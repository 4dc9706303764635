"""Audit actions and permissions of electronic fee payment (see haicap.core.registry)."""

from django.utils.translation import gettext_lazy as _

from haicap.core.audit_words import audit_words, names_by
from haicap.core.navigation import work_link
from haicap.core.registry import AuditActions, Permissions, grant
from haicap.core.roles import Role


class PaymentAudit(AuditActions):
    STATEMENT_IMPORTED = 800, _("Nhập sao kê ngân hàng")
    NOTIFICATION_RECEIVED = 801, _("Nhận thông báo giao dịch từ ngân hàng")
    MATCHED = 802, _("Khớp giao dịch với hồ sơ")
    RESOLVED = 803, _("Khớp thủ công giao dịch chưa khớp")
    DISMISSED = 804, _("Xác định giao dịch không thuộc hồ sơ nào")


class PaymentPerm(Permissions):
    VIEW = "payments.view", _("Xem giao dịch thu phí")
    IMPORT = "payments.import", _("Nhập sao kê, nhận thông báo ngân hàng")
    RESOLVE = "payments.resolve", _("Xử lý giao dịch chưa khớp")


grant(Role.FINANCE_OFFICER, PaymentPerm.VIEW, PaymentPerm.IMPORT, PaymentPerm.RESOLVE)
grant(Role.UNIT_LEADER, PaymentPerm.VIEW)
grant(Role.PROVINCE_ADMIN, PaymentPerm.VIEW)

work_link(
    order=40,
    label=_("Thu phí"),
    url_name="payments:transactions",
    perm=PaymentPerm.VIEW,
    testid="nav-fees",
    lands={Role.FINANCE_OFFICER: ""},
)

# how the audit log names statement imports and bank transfers (core.audit_words)
audit_words(
    "payments.statementimport",
    noun=_("Sao kê"),
    names=names_by("payments.statementimport", "filename"),
)
audit_words(
    "payments.banktransaction",
    noun=_("Giao dịch"),
    names=names_by("payments.banktransaction", "transaction_id"),
)
