"""The Newspapers tab's printouts: PDF bytes from app/printing, shown in the print preview."""

from __future__ import annotations

from datetime import date

from app.printing.mail_register import render_mail_register, render_parcel_daily_log
from app.printing.newspaper_register import (
    render_newspaper_delivery_list,
    render_newspaper_register,
)
from app.services import Services


def _who(services: Services) -> tuple[str, str]:
    profile = services.property.profile()
    op = services.ctx.operator
    return (profile.name if profile else ""), (op.display_name if op else "")


def delivery_list_pdf(services: Services, day: date) -> bytes:
    """The day's delivery list: per building, unit and title (no names); titles that do not
    come that day and were not counted are left off."""
    name, by = _who(services)
    return render_newspaper_delivery_list(services.newspapers.delivery_plan(day, due_only=True), day=day, property_name=name,
                                          printed_by=by)


def newspaper_register_pdf(services: Services, date_from: date, date_to: date) -> bytes:
    name, by = _who(services)
    return render_newspaper_register(list(services.newspapers.deliveries(date_from, date_to)), date_from=date_from,
                                     date_to=date_to, property_name=name, printed_by=by)


def mail_register_pdf(services: Services, date_from: date, date_to: date) -> bytes:
    name, by = _who(services)
    return render_mail_register(list(services.mail_register.rows(date_from, date_to)), date_from=date_from,
                                date_to=date_to, property_name=name, printed_by=by)


def parcel_daily_log_pdf(services: Services, day: date) -> bytes:
    name, by = _who(services)
    return render_parcel_daily_log(services.mail_register.daily_log(day), property_name=name, printed_by=by)
