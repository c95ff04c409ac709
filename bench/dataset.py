"""A large, realistic visitor register for the search and registration benchmarks.

The database is built once and cached under ``bench/out/`` (git-ignored). Small set-up
(staff, property, ~300 units, ~600 occupants) goes through the services, exactly as at the
counter; the visits themselves are bulk-inserted with SQLAlchemy Core ``executemany`` in big
transactions, after the real migrations (``db.migrate.upgrade``) created the schema. Every
indexed column is filled the way ``VisitorService.register`` fills it (``name_initials`` via
``app.text.pinyin_initials``, ``phone_rev``, ``doc_tail``).

What the data looks like:

* time_in spread over the last three years (about 900 visits a day for 1M rows), business
  hours, busier mid-morning and mid-afternoon; ids grow with time_in as at a real counter;
* visitors from a few hundred surnames and given-name characters, so names repeat (张伟 is
  common); 40 % of visits are by ~2,000 regulars (couriers, cleaners, decorators), the rest
  by a large pool of occasional visitors who come a few times each;
* unique mainland mobiles per person (8 % of visits leave the phone empty), mainland IDs
  (90 %), HK/Macau permits and passports;
* hosts among the ~300 units (A/B/C-FFRR), 3 % hosted by an office (host_note);
* everyone signed out except the last few dozen and a handful of forgotten sign-outs.

No audit rows are written for the bulk visits (they would double the build time and do not
take part in visit searches); ``register`` still writes its audit row in the benchmark.
"""

from __future__ import annotations

import random
import sys
import time as _time
from bisect import bisect
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from itertools import accumulate
from pathlib import Path

OUT_DIR = Path(__file__).resolve().parent / "out"
#: Bump when the generated data changes, so cached databases are rebuilt.
GENERATOR_VERSION = 1

SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程"
    "苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵"
    "万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘"
)
COMPOUND_SURNAMES = ("欧阳", "司马", "上官", "诸葛", "东方", "皇甫")
MALE_CHARS = "伟强磊军洋勇杰涛明超刚平辉鹏华飞鑫波斌宇浩凯健俊帆帅旭宁龙林文博志建国家晨阳峰亮成海东坤锋毅"
FEMALE_CHARS = "芳娜敏静丽艳娟霞秀玲婷雪慧莹洁琳萍颖倩红梅兰燕晶欣怡佳悦思雨涵诗梦瑶蕾薇璐菲丹月"
MOBILE_PREFIXES = (
    "130", "131", "132", "133", "134", "135", "136", "137", "138", "139", "150", "151", "152",
    "153", "155", "156", "157", "158", "159", "166", "177", "180", "181", "182", "183", "185",
    "186", "187", "188", "189", "191", "198", "199",
)
REGIONS = (
    "440305", "440304", "440303", "440306", "440106", "440104", "441900", "445202", "441402",
    "440511", "430104", "430102", "420106", "360102", "350203", "450103", "510107", "110105",
    "310115", "330106", "320106", "370202", "410105", "610113", "500103", "130102", "340104",
)
PURPOSES = (  # purpose, weight, companies, minutes on site
    ("快递", 18, ("顺丰速运", "京东物流", "中通快递", "圆通速递", "韵达快递", "EMS"), (5, 15)),
    ("外卖", 10, ("美团外卖", "饿了么"), (4, 12)),
    ("送货", 12, ("盒马鲜生", "山姆会员店", "宜家家居", "苏宁易购"), (15, 45)),
    ("拜访", 22, ("",), (40, 180)),
    ("装修", 8, ("东易日盛装饰", "业之峰装饰", "个体装修队"), (180, 480)),
    ("维修", 9, ("格力空调售后", "美的售后", "深圳燃气", "中国电信"), (40, 150)),
    ("家政", 6, ("58到家", "管家帮"), (120, 240)),
    ("看房", 5, ("链家地产", "贝壳找房", "中原地产"), (25, 60)),
    ("面试", 3, ("",), (40, 100)),
    ("搬家", 3, ("蚂蚁搬家", "货拉拉"), (120, 300)),
)
BUILDINGS = ("A", "B", "C")
FLOORS = 25
UNITS_PER_FLOOR = 4
BADGES = tuple(f"V{n:03d}" for n in range(1, 61))
OFFICES = ("管理处", "客服中心", "工程部")
#: The benchmark's accounts; argon2 hashes make ``create`` slow, so there are few.
RECEPTIONISTS = (("reception1", "王芳"), ("reception2", "陈静"))
PASSWORD = "bench-pass-1"

_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK = "10X98765432"


@dataclass(frozen=True)
class Person:
    name: str
    initials: str
    doc_type: str
    doc_number: str
    phone: str
    company: str
    plate: str
    purpose: int  # index into PURPOSES


class People:
    """Deterministic visitors; names are drawn from weighted surnames and given characters."""

    def __init__(self, rng: random.Random):
        self.rng = rng
        weights = [1.0 / (i + 1) ** 0.9 for i in range(len(SURNAMES))]
        self._surname_cum = list(accumulate(weights))
        self._phones: set[str] = set()
        self._initials: dict[str, str] = {}
        self._purpose_cum = list(accumulate(p[1] for p in PURPOSES))
        from app.text import pinyin_initials

        self._pinyin = pinyin_initials

    def surname(self) -> str:
        if self.rng.random() < 0.01:
            return self.rng.choice(COMPOUND_SURNAMES)
        return SURNAMES[bisect(self._surname_cum, self.rng.random() * self._surname_cum[-1])]

    def name(self) -> tuple[str, bool]:
        rng = self.rng
        female = rng.random() < 0.45
        pool = FEMALE_CHARS if female else MALE_CHARS
        # 张伟, 王芳 … single-character given names are the ones that repeat a lot.
        given = pool[int(rng.random() ** 2 * len(pool))] if rng.random() < 0.35 else "".join(rng.sample(pool, 2))
        return self.surname() + given, female

    def initials(self, name: str) -> str:
        got = self._initials.get(name)
        if got is None:
            got = self._initials[name] = self._pinyin(name)
        return got

    def mobile(self) -> str:
        while True:
            number = self.rng.choice(MOBILE_PREFIXES) + f"{self.rng.randrange(10**8):08d}"
            if number not in self._phones:
                self._phones.add(number)
                return number

    def mainland_id(self, female: bool) -> str:
        born = date(1958, 1, 1) + timedelta(days=self.rng.randrange(46 * 365))
        seq = self.rng.randrange(500) * 2 + (0 if female else 1)
        first17 = f"{self.rng.choice(REGIONS)}{born:%Y%m%d}{seq:03d}"
        total = sum(int(d) * w for d, w in zip(first17, _ID_WEIGHTS))
        return first17 + _ID_CHECK[total % 11]

    def person(self) -> Person:
        rng = self.rng
        name, female = self.name()
        r = rng.random()
        if r < 0.90:
            doc_type, doc = "mainland_id", self.mainland_id(female)
        elif r < 0.96:
            doc_type, doc = "hkmt_permit", rng.choice("HM") + f"{rng.randrange(10**8):08d}"
        else:
            doc_type, doc = "passport", "E" + f"{rng.randrange(10**8):08d}"
        purpose = bisect(self._purpose_cum, rng.random() * self._purpose_cum[-1])
        company = rng.choice(PURPOSES[purpose][2])
        plate = f"粤B{rng.randrange(10**5):05d}" if rng.random() < 0.2 else ""
        return Person(name, self.initials(name), doc_type, doc, self.mobile(), company, plate, purpose)


def _business_second(rng: random.Random) -> int:
    centre = rng.choice((10.5 * 3600, 15 * 3600, 15 * 3600, 11.5 * 3600, 18.5 * 3600))
    while True:
        s = int(rng.gauss(centre, 75 * 60))
        if 8 * 3600 <= s < 20 * 3600:
            return s


def schema_tag() -> str:
    """The schema the program expects: its head revision and a digest of the migration
    files, so a new or edited migration gives cached databases a new name (and a rebuild)."""
    import hashlib

    from db.migrate import MIGRATIONS_DIR, head_revision

    digest = hashlib.sha256()
    for f in sorted((MIGRATIONS_DIR / "versions").glob("*.py")):
        digest.update(f.read_bytes())
    return f"r{head_revision()}-{digest.hexdigest()[:8]}"


def db_path(rows: int) -> Path:
    """The cached database's file: named by size, generator version and schema."""
    return OUT_DIR / f"visits-{rows}-g{GENERATOR_VERSION}-{schema_tag()}.sqlite"


def log(msg: str) -> None:
    sys.stderr.write(f"[bench] {msg}\n")
    sys.stderr.flush()


def _setup(services, rng: random.Random) -> tuple[list[int], dict[int, int], list[int], int]:  # noqa: ANN001
    """Staff, property, units and occupants through the services.

    Returns (staff ids of the receptionists, occupant id -> unit id, unit ids, admin id).
    """
    from app.services.occupants import OccupantInput
    from db.models import Occupant

    svc = services
    svc.ctx.operator = svc.staff.system_operator()
    admin = svc.staff.create("benchadmin", "系统管理员", "admin", PASSWORD)
    staff_ids = [svc.staff.create(u, n, "receptionist", PASSWORD).id for u, n in RECEPTIONISTS]
    svc.property.save_profile("阳光花园", "深圳市南山区科技园北区松坪山路88号", "0755-86001234")
    people = People(rng)
    rows = []
    for b in BUILDINGS:
        for floor in range(1, FLOORS + 1):
            for room in range(1, UNITS_PER_FLOOR + 1):
                code = f"{b}-{floor:02d}{room:02d}"
                for kind in ("owner", "tenant")[: 1 + (rng.random() < 0.9)]:
                    name, _ = people.name()
                    rows.append(OccupantInput(unit_code=code, name=name, phone=people.mobile(), kind=kind))
    report = svc.occupants.import_records(rows, skip_invalid=False, create_units=True)
    if not report.committed:
        raise RuntimeError(f"bench occupants did not validate: {report.errors[:3]}")
    with svc.ctx.db.read() as s:
        occ = {oid: uid for oid, uid in s.query(Occupant.id, Occupant.unit_id)}
    units = sorted(set(occ.values()))
    return staff_ids, occ, units, admin.id


def _visit_rows(n: int, rng: random.Random, end: datetime, staff: list[int], occupants: dict[int, int]):
    """Yield ``n`` visit dicts oldest first, over the three years before ``end``."""
    people = People(rng)
    regulars = [people.person() for _ in range(2000)]
    reg_cum = list(accumulate(1.0 / (i + 1) ** 0.7 for i in range(len(regulars))))
    casual_size = max(1000, n // 4)  # each occasional visitor comes ~2.4 times on average
    casual: list[Person | None] = [None] * casual_size
    occ_ids = list(occupants)
    days = 3 * 365
    first_day = end.date() - timedelta(days=days - 1)
    per_day = n / days
    made = 0
    badge_free = dict.fromkeys(BADGES, datetime.min)
    for d in range(days):
        day = first_day + timedelta(days=d)
        target = round(per_day * (d + 1)) - made if d < days - 1 else n - made
        if target <= 0:
            continue
        base = datetime.combine(day, time())
        times = sorted(base + timedelta(seconds=_business_second(rng)) for _ in range(target))
        if day == end.date():
            span = max(60, int((end - base).total_seconds()) - 120)
            times = sorted(base + timedelta(seconds=rng.randrange(span)) for _ in range(target))
        for t_in in times:
            if rng.random() < 0.4:
                p = regulars[bisect(reg_cum, rng.random() * reg_cum[-1])]
            else:
                k = rng.randrange(casual_size)
                p = casual[k]
                if p is None:
                    p = casual[k] = people.person()
            purpose, _w, _c, (lo, hi) = PURPOSES[p.purpose]
            t_out: datetime | None = t_in + timedelta(minutes=rng.randint(lo, hi), seconds=rng.randrange(60))
            forgotten = False
            if t_out > end - timedelta(minutes=1):
                t_out = None  # still on site
            elif rng.random() < 0.0002:
                t_out, forgotten = None, True  # left without signing out (an overstay)
            elif t_out.date() != day:
                t_out = base + timedelta(hours=21)
            badge = ""
            if not forgotten and (purpose not in ("外卖", "快递") or rng.random() < 0.2):
                free = [b for b in BADGES[:20] if badge_free[b] <= t_in] or [
                    b for b in BADGES if badge_free[b] <= t_in]
                if free:
                    badge = rng.choice(free)
                    badge_free[badge] = t_out or datetime.max
            host_occ = host_unit = None
            note = ""
            if purpose == "面试" or rng.random() < 0.03:
                note = rng.choice(OFFICES)
            else:
                host_occ = rng.choice(occ_ids)
                host_unit = occupants[host_occ]
            phone = p.phone if rng.random() < 0.92 else ""
            who = staff[0] if (t_in.hour < 14) == (d % 2 == 0) else staff[1]
            made += 1
            yield {
                "visitor_name": p.name, "name_initials": p.initials, "doc_type": p.doc_type,
                "doc_number": p.doc_number, "doc_tail": p.doc_number[-4:], "phone": phone,
                "phone_rev": phone[::-1], "company": p.company, "host_unit_id": host_unit,
                "host_occupant_id": host_occ, "host_note": note, "purpose": purpose,
                "party_size": 1 if rng.random() < 0.8 else rng.randint(2, 4),
                "vehicle_plate": p.plate, "badge_number": badge, "time_in": t_in, "time_out": t_out,
                "created_by_id": who, "signed_out_by_id": who if t_out is not None else None,
                "amendment_count": 0,
            }


def build(path: Path, rows: int, seed: int = 2026) -> dict:
    """Create the database at ``path`` with ``rows`` visits; returns build statistics."""
    from sqlalchemy import text

    from app.context import AppContext
    from app.services import Services
    from db.engine import Database
    from db.migrate import upgrade
    from db.models import Visit

    t0 = _time.perf_counter()
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.stem + ".building.sqlite")
    for p in (tmp, Path(f"{tmp}-wal"), Path(f"{tmp}-shm")):
        p.unlink(missing_ok=True)
    database = Database.open(f"sqlite:///{tmp}")
    upgrade(database.engine)  # the real migrations
    rng = random.Random(seed)
    services = Services(AppContext(database))
    staff, occupants, _units, _admin = _setup(services, rng)
    database.dispose()
    t_setup = _time.perf_counter() - t0

    # Bulk load: plain engine (no FULL sync, no WAL) so a million rows take about a minute.
    # The visit indexes are dropped first and re-created afterwards with their exact DDL
    # from sqlite_master, so the schema is the migrated one.
    from sqlalchemy import create_engine

    engine = create_engine(f"sqlite:///{tmp}")
    end = datetime.now().replace(microsecond=0)
    with engine.begin() as conn:
        conn.exec_driver_sql("PRAGMA journal_mode=OFF")
        conn.exec_driver_sql("PRAGMA synchronous=OFF")
    with engine.begin() as conn:
        indexes = conn.execute(text(
            "SELECT name, sql FROM sqlite_master WHERE type='index' AND tbl_name='visit' AND sql IS NOT NULL"
        )).all()
        for name, _sql in indexes:
            conn.exec_driver_sql(f'DROP INDEX "{name}"')
    insert = Visit.__table__.insert()
    batch: list[dict] = []
    done = 0
    t1 = _time.perf_counter()
    conn = engine.connect()
    try:
        conn.exec_driver_sql("PRAGMA cache_size=-400000")
        conn.commit()
        trans = conn.begin()
        for row in _visit_rows(rows, rng, end, staff, occupants):
            batch.append(row)
            if len(batch) >= 50_000:
                conn.execute(insert, batch)
                done += len(batch)
                batch.clear()
                if done % 200_000 == 0:
                    log(f"inserted {done:,} visits ({_time.perf_counter() - t1:.0f} s)")
        if batch:
            conn.execute(insert, batch)
            done += len(batch)
        trans.commit()
        t_insert = _time.perf_counter() - t1
        t2 = _time.perf_counter()
        with conn.begin():
            for _name, sql in indexes:
                conn.exec_driver_sql(sql)
        t_index = _time.perf_counter() - t2
    finally:
        conn.close()
    with engine.connect() as c:
        c.exec_driver_sql("PRAGMA journal_mode=WAL")  # as the program leaves it
    engine.dispose()
    tmp.replace(path)
    stats = {
        "rows": done, "setup_s": round(t_setup, 1), "insert_s": round(t_insert, 1),
        "index_s": round(t_index, 1), "total_s": round(_time.perf_counter() - t0, 1),
        "size_mb": round(path.stat().st_size / 1e6, 1),
    }
    log(f"built {path.name}: {stats}")
    return stats


def ensure(rows: int, *, rebuild: bool = False) -> tuple[Path, dict | None]:
    """The cached database with ``rows`` visits, built when missing."""
    path = db_path(rows)
    if path.exists() and not rebuild:
        return path, None
    log(f"building {path.name} ({rows:,} visits) …")
    return path, build(path, rows)
