"""Check-out and check-in service time on a large key cabinet (``bench.keys_dataset``).

``services.keys.check_out``, ``check_in`` and ``scan`` as the Keys tab calls them, as the
receptionist ``reception1``, on a copy of the cached cabinet (so the cache stays as built):
each call validates, writes the loan or its return, the key set's new state and an audit
row in one transaction (SQLite, WAL, ``synchronous=FULL``: every call waits for the disk)
and returns the loan's or key's view.

The operations, interleaved as at a counter (a key goes out, one lent a little earlier
comes back):

* ``check_out(key_id, LoanInput)`` of ``ops`` different key sets that are in the cabinet,
  spread over the whole cabinet: owners' spare keys to their owner (picked from the
  directory), equipment, store and unit keys to an engineer or a cleaner (a typed name),
  signed on the slip, due at the end of the day (an engineering repair with an explicit due
  time in the last minutes before midnight, where the default due time is no longer valid);
* their return ``lag`` operations later, alternately by ``check_in(key_id)`` (the check-in
  dialog) and by ``scan(tag)`` (a tag that is out checks in);
* ``scan(tag)`` of a key in the cabinet (``needs_checkout``: the look-up before the
  check-out form opens);
* apart, ``public_ops`` check-outs of public-area keys with the manager's approval, whose
  password check (argon2, deliberately slow) runs before the transaction.

Five warm-up operations are not counted. The baseline is the same on a small cabinet built
the same way (``BASE_KEYS`` key sets, ``BASE_LOANS`` loans), measured in the same run.
"""

from __future__ import annotations

import random
import time
from datetime import datetime, timedelta
from pathlib import Path

from bench.dataset import PASSWORD, log
from bench.register import _copy
from bench.stats import summary

TARGET_MS = 20.0
BASE_KEYS = 1_000
BASE_LOANS = 10_000
_ENGINEERS = ("刘建军", "黄志强", "周国庆", "吴德明")


def loan_input(key, at: datetime | None = None):
    """What the check-out form would send for ``key`` (no approval needed: not public)."""
    from app.services.keys import LoanInput

    at = at or datetime.now()
    late = at.hour == 23 and at.minute >= 55  # the default due time (end of day/before midnight) is gone
    extra = {"engineering_repair": True, "due_at": at + timedelta(hours=2)} if late else {}
    if key.category == "unit" and key.occupant_id is not None:
        return LoanInput(purpose="业主忘带钥匙", borrower_kind="occupant", borrower_occupant_id=key.occupant_id,
                         signed_on_slip=True, **extra)
    if key.category == "store":
        return LoanInput(purpose="领取保洁用品", borrower_kind="staff", borrower_name="何丽",
                         borrower_company="保洁部", signed_on_slip=True, **extra)
    return LoanInput(purpose="设备巡检", borrower_kind="staff", borrower_name=random.choice(_ENGINEERS),
                     borrower_company="工程部", signed_on_slip=True, **extra)


def contractor_input():
    from app.services.keys import LoanInput
    from app.validation import id_check_char

    first17 = "44030519880612301"
    return LoanInput(purpose="天台防水维修", borrower_kind="contractor", borrower_name="刘伟",
                     borrower_company="深圳市安居防水工程有限公司", borrower_phone="13912345678",
                     borrower_doc_type="mainland_id", borrower_doc_number=first17 + id_check_char(first17),
                     consent_by="工程部 黄志强", signed_on_slip=True)


def sign_in(services, username: str = "reception1") -> None:
    """Act as ``username`` (no password hashing: the measured calls never sign in)."""
    from app.context import Operator
    from db.models import Staff

    with services.ctx.db.read() as s:
        st = s.query(Staff).filter(Staff.username == username).one()
        services.ctx.operator = Operator(st.id, st.username, st.display_name, st.role)


def candidate_keys(services, rng: random.Random, n: int, *, public: bool = False) -> list:
    """``n`` key sets in the cabinet, spread over the whole cabinet (KeyView)."""
    from sqlalchemy import select

    from db.models import KeySet

    with services.ctx.db.read() as s:
        q = select(KeySet.id).where(KeySet.status == "in")
        q = q.where(KeySet.category == "public") if public else q.where(KeySet.category != "public")
        ids = list(s.execute(q.order_by(KeySet.id)).scalars())
    chosen = rng.sample(ids, min(n, len(ids)))
    return [services.keys.get(i) for i in chosen]


def run_on(path: Path, *, ops: int, public_ops: int, lag: int = 20, seed: int = 11) -> dict:
    from app.context import AppContext
    from app.services import Services
    from app.services.keys import Approval
    from app.startup import open_database

    work = path.with_name(path.stem + ".service-copy.sqlite")
    _copy(path, work)
    opened = open_database(f"sqlite:///{work}")
    rng = random.Random(seed)
    random.seed(seed)
    try:
        services = Services(AppContext(opened.db))
        sign_in(services)
        keys = candidate_keys(services, rng, ops + 5)
        public = candidate_keys(services, rng, public_ops + 1, public=True)
        manager = Approval("manager", PASSWORD)
        times: dict[str, list[float]] = {"check_out": [], "check_in": [], "scan_check_in": [],
                                         "scan_lookup": [], "check_out_public": []}

        def timed(name: str | None, fn, *args, **kwargs):
            t0 = time.perf_counter()
            result = fn(*args, **kwargs)
            if name is not None:
                times[name].append((time.perf_counter() - t0) * 1000)
            return result

        # Warm-up (imports, statement caches, the first write after opening).
        for k in keys[:5]:
            services.keys.scan(k.tag_code)
            services.keys.check_out(k.id, loan_input(k))
            services.keys.check_in(k.id)
        keys = keys[5:]
        for i, k in enumerate(keys):
            timed("scan_lookup" if i % 2 == 0 else None, services.keys.scan, k.tag_code)
            loan = timed("check_out", services.keys.check_out, k.id, loan_input(k))
            assert loan.key_id == k.id and loan.returned_at is None
            if i >= lag:
                back = keys[i - lag]
                if i % 2:
                    r = timed("scan_check_in", services.keys.scan, back.tag_code)
                    assert r.action == "checked_in"
                else:
                    v = timed("check_in", services.keys.check_in, back.id)
                    assert v.returned_at is not None
        for j, back in enumerate(keys[len(keys) - lag:]):
            if j % 2:
                timed("scan_check_in", services.keys.scan, back.tag_code)
            else:
                timed("check_in", services.keys.check_in, back.id)
        services.keys.check_out(public[0].id, contractor_input(), manager_approval=manager)  # warm-up
        for k in public[1:]:
            timed("check_out_public", services.keys.check_out, k.id, contractor_input(), manager_approval=manager)
        out_now = len(services.keys.open_loans())
    finally:
        opened.db.dispose()
        for suffix in ("", "-wal", "-shm"):
            Path(f"{work}{suffix}").unlink(missing_ok=True)
    result = {name: summary(v, 2) for name, v in times.items()}
    result["check_in_all"] = summary(times["check_in"] + times["scan_check_in"], 2)
    result["keys_out_at_end"] = out_now
    return result


def run(big: Path, small: Path, *, ops: int = 300, public_ops: int = 20) -> dict:
    log(f"keys service: {ops} check-outs and check-ins on {big.name} …")
    on_big = run_on(big, ops=ops, public_ops=public_ops)
    log(f"keys service: the same on {small.name} (baseline) …")
    on_small = run_on(small, ops=ops, public_ops=public_ops)
    return {
        "operations": ops,
        "large_cabinet_ms": on_big,
        "small_cabinet_ms": on_small,
        "target_ms": TARGET_MS,
        # judged on p95, as registering a visit is
        "meets_target": all(on_big[n]["p95"] <= TARGET_MS for n in ("check_out", "check_in_all")),
    }
