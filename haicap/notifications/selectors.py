"""Reads of the outbox for the system administrator: messages newest first, searchable by
recipient (any part of the phone number or address, spaces and dots ignored) or by the code of
the dossier or report, with the recipient masked and confirmation codes hidden."""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.db.models import Q, QuerySet

from haicap.core.personal import mask_phone
from haicap.core.text import fold
from haicap.notifications.models import Kind, Message, MessageChannel, MessageStatus

SECRET = re.compile(r"\b\d{6}\b")


def messages_list(query: str = "", status: str = "") -> QuerySet[Message]:
    messages = Message.objects.all()
    if status in MessageStatus.values:
        messages = messages.filter(status=status)
    query = fold(query.strip())
    if query:
        digits = re.sub(r"[\s.\-]", "", query)
        messages = messages.filter(
            Q(recipient__icontains=digits if digits.isdigit() else query)
            | Q(object_code__iexact=query)
        )
    return messages.order_by("-created_at", "-pk")


def mask_email(address: str) -> str:
    name, _, domain = address.partition("@")
    return (name[:1] + "***@" + domain) if domain else "***"


@dataclass(frozen=True)
class MessageRow:
    """A message as the administrator sees it."""

    message: Message
    recipient: str
    body: str


def message_row(message: Message) -> MessageRow:
    recipient = (
        mask_email(message.recipient)
        if message.channel == MessageChannel.EMAIL
        else mask_phone(message.recipient)
    )
    body = message.body
    if message.kind == Kind.CONTACT_CODE:  # the code is the author's, not the administrator's
        body = SECRET.sub("••••••", body)
    return MessageRow(message, recipient, body)
