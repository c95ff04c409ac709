"""Visitor search as the register view runs it, one keystroke at a time, on a large register.

Each keystroke of the search box costs ``services.visitors.page(VisitQuery(text=…),
limit=200)`` plus ``services.visitors.count(VisitQuery(text=…))``; the registration form's
returning-visitor suggestions cost ``services.visitors.suggest_returning(text)``.
"""

from __future__ import annotations

import statistics
import time
from dataclasses import dataclass
from datetime import date, timedelta

from bench.stats import summary

TARGET_MS = 50.0


@dataclass(frozen=True)
class Sample:
    text: str
    dates: str
    page_ms: float
    count_ms: float
    rows: int
    matches: int

    @property
    def total_ms(self) -> float:
        return self.page_ms + self.count_ms


def typed(word: str) -> list[str]:
    """What the search box holds after each keystroke of ``word``."""
    return [word[:i] for i in range(1, len(word) + 1)]


def sequences(services) -> dict[str, list[str]]:  # noqa: ANN001
    """The typed sequences: the fixed ones of the brief plus some taken from the data."""
    from sqlalchemy import select

    from db.models import Visit

    seqs = {
        "name 张伟": ["张", "张伟"],
        "initials zw": ["z", "zw"],
        "phone prefix 13800": typed("13800"),
        "phone tail 5678": typed("5678"),
        "unit A-1203": ["A", "A-", "A-1", "A-12", "A-120", "A-1203"],
        "unit C-0501": typed("C-0501"),  # "c" is also the initials of 陈, 曹, 程, 崔 …
        "unit 3栋": ["3", "3栋"],
    }
    with services.ctx.db.read() as s:
        newest_id, phone, name, initials = s.execute(
            select(Visit.id, Visit.phone, Visit.visitor_name, Visit.name_initials)
            .where(Visit.phone != "").order_by(Visit.id.desc()).limit(1)
        ).one()
        digit_tail = s.execute(
            select(Visit.doc_tail).where(Visit.doc_type == "mainland_id", Visit.id < newest_id // 3,
                                         Visit.doc_tail.not_like("%X"))
            .order_by(Visit.id.desc()).limit(1)
        ).scalar_one()
        x_tail = s.execute(
            select(Visit.doc_tail).where(Visit.doc_tail.like("%X"), Visit.id < newest_id // 2)
            .order_by(Visit.id.desc()).limit(1)
        ).scalar_one_or_none()
        badge = s.execute(
            select(Visit.badge_number).where(Visit.badge_number != "").order_by(Visit.id.desc()).limit(1)
        ).scalar_one_or_none()
        rare = s.execute(
            select(Visit.visitor_name).where(Visit.visitor_name >= "欧阳", Visit.visitor_name < "欧阴")
            .order_by(Visit.id).limit(1)
        ).scalar_one_or_none()
    seqs[f"ID tail {digit_tail}"] = typed(digit_tail)
    if x_tail:
        seqs[f"ID tail {x_tail}"] = typed(x_tail)
    seqs[f"whole phone {phone}"] = typed(phone)
    seqs[f"name {name}"] = typed(name)
    seqs[f"initials {initials}"] = typed(initials)
    if badge:
        seqs[f"badge {badge}"] = typed(badge)
    if rare:
        seqs[f"rare name {rare}"] = typed(rare)
    return {k: v for k, v in seqs.items() if v}


def date_modes(today: date) -> dict[str, tuple[date | None, date | None]]:
    return {
        "all dates": (None, None),
        "today": (today, today),
        "last 7 days": (today - timedelta(days=6), today),
        "a month last year": (today - timedelta(days=400), today - timedelta(days=370)),
    }


def _single_or(f):  # noqa: ANN001, ANN202
    """The search as one ``WHERE a OR b OR …`` (how db/repositories/visitors.py did it before
    docs/PERFORMANCE.md's changes): the baseline, measured in the same run."""
    from sqlalchemy import or_, select

    from db.models import Unit, Visit
    from db.repositories.common import starts_with

    t, conds, ors = f.terms, [], []
    if t.name:
        ors.append(starts_with(Visit.visitor_name, t.name))
    if t.initials:
        ors.append(starts_with(Visit.name_initials, t.initials))
    if t.phone_prefix:
        ors.append(starts_with(Visit.phone, t.phone_prefix))
    if t.phone_tail_rev:
        ors.append(starts_with(Visit.phone_rev, t.phone_tail_rev))
    if t.doc_tail:
        ors.append(Visit.doc_tail == t.doc_tail)
    if t.badge:
        ors.append(Visit.badge_number == t.badge)
    if t.unit:
        ors.append(Visit.host_unit_id.in_(select(Unit.id).where(starts_with(Unit.code, t.unit))))
    if ors:
        conds.append(or_(*ors))
    if f.time_from is not None:
        conds.append(Visit.time_in >= f.time_from)
    if f.time_to is not None:
        conds.append(Visit.time_in <= f.time_to)
    return conds


def compare_with_single_or(services, texts: list[str], modes: dict) -> dict:  # noqa: ANN001
    """Ids of one page plus the count, as the repository does it and as one OR query."""
    from sqlalchemy import func, select

    from app.services.visitors import VisitQuery, to_filter
    from db.models import Visit
    from db.repositories.visitors import VisitorRepository

    now_ms: list[float] = []
    before_ms: list[float] = []
    worst: list[tuple[float, str, str]] = []
    with services.ctx.db.read() as s:
        repo = VisitorRepository(s)
        for mode, (d0, d1) in modes.items():
            for text in texts:
                f = to_filter(VisitQuery(text=text, date_from=d0, date_to=d1))
                t0 = time.perf_counter()
                ids = repo.page_ids(f, 201)
                n = repo.count(f)
                t1 = time.perf_counter()
                conds = _single_or(f)
                old_ids = [tuple(r) for r in s.execute(
                    select(Visit.id, Visit.time_in).where(*conds)
                    .order_by(Visit.time_in.desc(), Visit.id.desc()).limit(201)).all()]
                old_n = s.execute(select(func.count()).select_from(Visit).where(*conds)).scalar_one()
                t2 = time.perf_counter()
                if old_ids != ids or old_n != n:
                    raise AssertionError(f"search results differ for {text!r} ({mode})")
                now_ms.append((t1 - t0) * 1000)
                before_ms.append((t2 - t1) * 1000)
                worst.append(((t2 - t1) * 1000, text, mode))
    worst.sort(reverse=True)
    return {
        "note": "ids of one page + count only (no rows loaded); same results checked",
        "repository_ms": summary(now_ms),
        "single_or_query_ms": summary(before_ms),
        "single_or_worst": [{"text": t, "dates": m, "ms": round(ms, 1)} for ms, t, m in worst[:5]],
    }


def run(services, *, repeats: int = 3, baseline: bool = True) -> dict:  # noqa: ANN001
    from sqlalchemy import func, select

    from app.services.visitors import VisitQuery
    from db.models import Visit

    v = services.visitors
    seqs = sequences(services)
    # "Today" is the day of the newest visit, so a database cached days ago still has one.
    with services.ctx.db.read() as s:
        newest = s.execute(select(func.max(Visit.time_in))).scalar_one()
    modes = date_modes(newest.date() if newest else date.today())
    texts = [t for seq in seqs.values() for t in seq]

    def one(text: str, mode: str) -> Sample:
        d0, d1 = modes[mode]
        q = VisitQuery(text=text, date_from=d0, date_to=d1)
        t0 = time.perf_counter()
        page = v.page(q, limit=200)
        t1 = time.perf_counter()
        n = v.count(q)
        t2 = time.perf_counter()
        return Sample(text, mode, (t1 - t0) * 1000, (t2 - t1) * 1000, len(page.rows), n)

    # Warm-up pass (page cache, SQLAlchemy's statement cache), not measured.
    for text in texts:
        one(text, "all dates")
    samples: list[Sample] = []
    for _ in range(repeats):
        for mode in modes:
            for text in texts:
                samples.append(one(text, mode))

    suggest: list[tuple[str, float, int]] = []
    for _ in range(repeats):
        for text in texts:
            t0 = time.perf_counter()
            got = v.suggest_returning(text)
            suggest.append((text, (time.perf_counter() - t0) * 1000, len(got)))

    # The tab's other list: everyone on site (loaded at start and after every change).
    on_site = []
    for _ in range(repeats * 3):
        t0 = time.perf_counter()
        v.page(VisitQuery(on_site_only=True), limit=500)
        on_site.append((time.perf_counter() - t0) * 1000)

    before = compare_with_single_or(services, texts, modes) if baseline else None

    per_query: dict[tuple[str, str], list[Sample]] = {}
    for smp in samples:
        per_query.setdefault((smp.text, smp.dates), []).append(smp)
    worst = sorted(
        (
            {
                "text": text, "dates": mode,
                "keystroke_ms": round(statistics.median(x.total_ms for x in xs), 1),
                "page_ms": round(statistics.median(x.page_ms for x in xs), 1),
                "count_ms": round(statistics.median(x.count_ms for x in xs), 1),
                "matches": xs[0].matches,
            }
            for (text, mode), xs in per_query.items()
        ),
        key=lambda r: -r["keystroke_ms"],
    )[:10]
    by_mode = {
        mode: summary([x.total_ms for x in samples if x.dates == mode]) for mode in modes
    }
    return {
        "sequences": seqs,
        "keystrokes_measured": len(samples),
        "keystroke_ms": summary([x.total_ms for x in samples]),
        "page_ms": summary([x.page_ms for x in samples]),
        "count_ms": summary([x.count_ms for x in samples]),
        "keystroke_ms_by_dates": by_mode,
        "worst": worst,
        "suggest_returning_ms": summary([x[1] for x in suggest]),
        "suggest_worst": [
            {"text": t, "ms": round(ms, 1), "suggestions": n}
            for t, ms, n in sorted(suggest, key=lambda x: -x[1])[:5]
        ],
        "on_site_page_ms": summary(on_site),
        "baseline": before,
        "target_p95_ms": TARGET_MS,
        "meets_target": summary([x.total_ms for x in samples])["p95"] <= TARGET_MS
        and summary([x[1] for x in suggest])["p95"] <= TARGET_MS,
    }
