"""Property: any sequence of receipts, voids, refunds and shift closes keeps the books straight.

Numbers stay contiguous (a void or a refused receipt leaves no gap), and every closed shift's
cash-up equals, to the fen, what was issued in it less what was voided and refunded.
"""

from __future__ import annotations

from decimal import Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.receipt_rules import PAYMENT_METHODS
from app.services.receipts import Approval, LineInput, Payer, ReceiptInput, RefundInput
from tests.unit._receipts import act_as
from tests.unit._seeded import clone_services

fen = st.integers(min_value=1, max_value=500_000).map(lambda f: (Decimal(f) / 100).quantize(Decimal("0.01")))
op = st.one_of(
    st.tuples(st.just("issue"), fen, st.sampled_from(PAYMENT_METHODS), st.booleans()),
    st.tuples(st.just("void"), st.integers(0, 50)),
    st.tuples(st.just("refund"), st.integers(0, 50), st.integers(1, 100), st.sampled_from(PAYMENT_METHODS)),
    st.tuples(st.just("close"), fen.map(lambda d: d % 7)),  # a small variance, sometimes none
)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(op, min_size=1, max_size=25))
def test_numbers_contiguous_and_cashup_equals_issued(seeded_template, tmp_path_factory, ops):
    svc = clone_services(seeded_template, tmp_path_factory.mktemp("prop") / "p.sqlite")
    try:
        act_as(svc, "reception")
        deposit = next(f for f in svc.fees.list() if f.refundable)
        svc.receipts.open_shift("100.00")
        expected: dict[int, dict[str, Decimal]] = {}  # shift id -> method -> net
        shift = svc.receipts.current_shift().id
        issued: list = []  # (view, shift)
        voided: set[int] = set()
        refunded: dict[int, Decimal] = {}
        for step in ops:
            if step[0] == "issue":
                _, amount, method, is_deposit = step
                line = LineInput(deposit.id, unit_price=amount) if is_deposit else LineInput(None, "服务", amount)
                r = svc.receipts.issue(ReceiptInput(Payer("other", name="甲"), (line,), method))
                issued.append((r, shift))
                book = expected.setdefault(shift, {})
                book[method] = book.get(method, Decimal(0)) + amount
            elif step[0] == "void" and issued:
                r, sh = issued[step[1] % len(issued)]
                if sh == shift and r.id not in voided and r.id not in refunded:
                    svc.receipts.void(r.id, "错", Approval("super", "super-pass"))
                    voided.add(r.id)
                    expected[sh][r.method] -= r.total
            elif step[0] == "refund" and issued:
                r, _ = issued[step[1] % len(issued)]
                left = r.total - refunded.get(r.id, Decimal(0))
                if r.lines[0].refundable and r.id not in voided and left > 0:
                    amount = max((left * step[2] / 100).quantize(Decimal("0.01")), Decimal("0.01"))
                    svc.receipts.refund(r.id, RefundInput(amount, step[3]))
                    refunded[r.id] = refunded.get(r.id, Decimal(0)) + amount
                    book = expected.setdefault(shift, {})
                    book[step[3]] = book.get(step[3], Decimal(0)) - amount
            elif step[0] == "close":
                preview = svc.receipts.cashup()
                counted = preview.expected_cash + step[1] if preview.expected_cash + step[1] >= 0 else Decimal("0")
                z = svc.receipts.close_shift(counted, "点错" if counted != preview.expected_cash else "")
                assert z.shift.variance == counted - z.expected_cash
                svc.receipts.open_shift("100.00")
                shift = svc.receipts.current_shift().id
        numbers = [int(r.number[-6:]) for r, _ in issued]
        assert numbers == list(range(1, len(issued) + 1))
        for sh in svc.receipts.shifts(limit=1000):
            z = svc.receipts.cashup(sh.id)
            got = {t.method: t.net for t in z.totals}
            want = expected.get(sh.id, {})
            assert {m: got[m] for m in PAYMENT_METHODS} == {m: want.get(m, Decimal("0")) for m in PAYMENT_METHODS}
            assert z.expected_cash == Decimal("100.00") + want.get("cash", Decimal("0"))
            if not sh.open:
                assert z.shift.expected_cash == z.expected_cash
        total_refunds = sum(refunded.values(), Decimal(0))
        issued_net = sum((r.total for r, _ in issued if r.id not in voided), Decimal(0)) - total_refunds
        assert sum((svc.receipts.cashup(sh.id).takings for sh in svc.receipts.shifts(limit=1000)), Decimal(0)) == issued_net
    finally:
        svc.ctx.db.dispose()
