"""All tables. Import from here so every model is registered on ``Base.metadata``."""

from db.models.audit import AuditEntry, Counter
from db.models.base import Base, Money, now
from db.models.keys import (
    KeyEmergency,
    KeyEvent,
    KeyIntake,
    KeyLoan,
    KeyLoanEvent,
    KeyLoanSignature,
    KeyOutstanding,
    KeyOutstandingNote,
    KeySet,
    KeySpotCheck,
    KeySpotItem,
    KeySpotScan,
)
from db.models.newspapers import (
    NewspaperClaim,
    NewspaperClaimEvent,
    NewspaperDelivery,
    NewspaperReceipt,
    NewspaperSubscription,
    NewspaperTitle,
)
from db.models.occupants import Occupant, OccupantMember
from db.models.parcels import (
    Parcel,
    ParcelBatch,
    ParcelBatchLine,
    ParcelContact,
    ParcelEvent,
    ParcelPickup,
    ParcelPickupSignature,
)
from db.models.printing import PrintJob
from db.models.permits import (
    ContractorPass,
    ContractorPassEvent,
    ContractorPassPhoto,
    RenovationPermit,
    RenovationPermitEvent,
)
from db.models.property import Building, PropertyProfile, Setting, Unit
from db.models.repairs import Complaint, ComplaintEvent, RepairEvent, RepairPhoto, RepairRequest
from db.models.receipts import CashShift, CashShiftTotal, FeeItem, Receipt, ReceiptLine, ReceiptRefund, ReceiptVoid
from db.models.staff import Staff
from db.models.visitors import Visit, VisitAmendment

__all__ = [
    "AuditEntry",
    "Base",
    "Building",
    "Complaint",
    "ComplaintEvent",
    "CashShift",
    "CashShiftTotal",
    "ContractorPass",
    "ContractorPassEvent",
    "ContractorPassPhoto",
    "Counter",
    "FeeItem",
    "KeyEmergency",
    "KeyEvent",
    "KeyIntake",
    "KeyLoan",
    "KeyLoanEvent",
    "KeyLoanSignature",
    "KeyOutstanding",
    "KeyOutstandingNote",
    "KeySet",
    "KeySpotCheck",
    "KeySpotItem",
    "KeySpotScan",
    "Money",
    "NewspaperClaim",
    "NewspaperClaimEvent",
    "NewspaperDelivery",
    "NewspaperReceipt",
    "NewspaperSubscription",
    "NewspaperTitle",
    "Occupant",
    "OccupantMember",
    "Parcel",
    "ParcelBatch",
    "ParcelBatchLine",
    "ParcelContact",
    "ParcelEvent",
    "ParcelPickup",
    "ParcelPickupSignature",
    "PrintJob",
    "PropertyProfile",
    "RepairEvent",
    "RepairPhoto",
    "RepairRequest",
    "Receipt",
    "ReceiptLine",
    "ReceiptRefund",
    "ReceiptVoid",
    "RenovationPermit",
    "RenovationPermitEvent",
    "Setting",
    "Staff",
    "Unit",
    "Visit",
    "VisitAmendment",
    "now",
]
