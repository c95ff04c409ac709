"""Services: one method = one unit of work (validate, write, audit, commit, return)."""

from __future__ import annotations

from dataclasses import dataclass

from app.context import AppContext


@dataclass
class Services:
    """Every service of one counter, sharing one context (database + operator)."""

    ctx: AppContext

    def __post_init__(self) -> None:
        from app.services.audit import AuditService
        from app.services.complaints import ComplaintService
        from app.services.keys import KeyService
        from app.services.mail_register import MailRegisterService
        from app.services.newspapers import NewspaperService
        from app.services.occupants import OccupantService
        from app.services.parcels import ParcelService
        from app.services.print_log import PrintLogService
        from app.services.permits import PermitService
        from app.services.property import PropertyService
        from app.services.repairs import RepairService
        from app.services.fees import FeeCatalogService
        from app.services.receipts import ReceiptService
        from app.services.settings import SettingsService
        from app.services.staff import StaffService
        from app.services.visitors import VisitorService

        self.audit = AuditService(self.ctx)
        self.staff = StaffService(self.ctx)
        self.property = PropertyService(self.ctx)
        self.settings = SettingsService(self.ctx)
        self.occupants = OccupantService(self.ctx)
        self.visitors = VisitorService(self.ctx)
        self.keys = KeyService(self.ctx)
        self.parcels = ParcelService(self.ctx)
        self.repairs = RepairService(self.ctx)
        self.complaints = ComplaintService(self.ctx)
        self.fees = FeeCatalogService(self.ctx)
        self.receipts = ReceiptService(self.ctx)
        self.print_log = PrintLogService(self.ctx)
        self.newspapers = NewspaperService(self.ctx)
        self.mail_register = MailRegisterService(self.ctx)
        self.permits = PermitService(self.ctx)
