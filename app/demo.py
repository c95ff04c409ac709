"""A realistic demo property (``reception demo``): for trying the program and for screenshots.

Everything goes through the services, so the demo database looks exactly like one filled at
the counter: validated, with an audit row for every change. The same seed gives the same
data (apart from dates, which are counted back from today).
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from app.context import Operator
from app.errors import ConflictError
from app.services import Services
from app.services.occupant_import import ImportRow
from app.services.occupants import MemberInput, OccupantInput
from app.services.visitors import PastVisit, VisitInput, VisitQuery
from app.validation import id_check_char
from db.models import now

PROFILE = ("阳光花园", "深圳市南山区科技园北区松坪山路88号", "0755-86001234")
BUILDINGS = (("A", "A栋"), ("B", "B栋"), ("C", "C栋"))
FLOORS = 25
UNITS_PER_FLOOR = 4
DAYS = 14


@dataclass(frozen=True)
class DemoAccount:
    username: str
    display_name: str
    role: str
    password: str


#: The demo's staff accounts. The passwords are public: a demo database is not for real use.
ACCOUNTS = (
    DemoAccount("admin", "系统管理员", "admin", "demo-admin"),
    DemoAccount("reception1", "王芳", "receptionist", "demo-front1"),
    DemoAccount("reception2", "陈静", "receptionist", "demo-front2"),
    DemoAccount("supervisor", "李强", "supervisor", "demo-super"),
    DemoAccount("manager", "赵敏", "manager", "demo-manager"),
)


@dataclass(frozen=True)
class DemoSummary:
    """What ``fill_demo`` created, including the accounts and their passwords."""

    property_name: str
    buildings: int
    units: int
    occupants: int
    members: int
    visits: int
    on_site: int
    amendments: int
    first_day: date
    last_day: date
    accounts: tuple[DemoAccount, ...] = field(default=ACCOUNTS)

    @property
    def login_hint(self) -> str:
        """The demo accounts as ``user / password`` pairs (no words: the UI adds its own)."""
        return "  ·  ".join(f"{a.username} / {a.password}" for a in self.accounts)


class DemoRefused(ConflictError):
    """The database already holds accounts (real data or an earlier demo): nothing was added."""


# -- names, numbers, documents ---------------------------------------------------------

# Common surnames, most frequent first; weights roughly follow their real frequency.
_SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程"
    "苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵"
)
_COMPOUND_SURNAMES = ("欧阳", "司马", "上官", "诸葛")
_MALE_CHARS = "伟强磊军洋勇杰涛明超刚平辉鹏华飞鑫波斌宇浩凯健俊帆帅旭宁龙林文博志建国家晨阳"
_FEMALE_CHARS = "芳娜敏静丽艳娟霞秀玲婷雪慧莹洁琳萍颖倩红梅兰燕晶欣怡佳悦思雨涵诗梦瑶"
_FEMALE_NAMES2 = ("秀英", "桂英", "玉兰", "丽娟", "雅琴", "晓燕", "婉婷", "欣怡", "梓涵", "雨桐")
_MALE_NAMES2 = ("建华", "志强", "国庆", "德明", "永红", "子轩", "浩然", "宇航", "俊杰", "文博")

# Region codes (first six digits of an ID number) of places people here come from.
_REGIONS = (
    "440305", "440304", "440303", "440306", "440106", "440104", "441900", "445202", "441402",
    "440511", "430104", "430102", "420106", "360102", "350203", "450103", "510107", "110105",
    "310115", "330106", "320106", "370202", "410105", "610113", "500103", "130102", "340104",
)
_MOBILE_PREFIXES = (
    "130", "131", "132", "133", "134", "135", "136", "137", "138", "139", "150", "151", "152",
    "153", "155", "156", "157", "158", "159", "166", "177", "180", "181", "182", "183", "185",
    "186", "187", "188", "189", "191", "198", "199",
)
_PLATE_LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ"  # no I or O on a mainland plate
_OTHER_PROVINCES = (("湘", "A"), ("赣", "C"), ("桂", "A"), ("闽", "D"), ("粤", "S"), ("粤", "A"))

_NOTES = (
    "有宠物犬，已登记", "老人独居，请多关照", "行动不便，需要时协助", "车位B2-035", "车位B1-112",
    "快递代收：放前台", "装修中，预计下月完工", "长期出差，家人代管", "",
)
_RELATIONS_ADULT = ("配偶", "父亲", "母亲", "兄弟", "姐妹")
_RELATIONS_CHILD = ("儿子", "女儿")


class _Faker:
    """Deterministic Chinese names, mobiles, ID numbers and plates from one ``random.Random``."""

    def __init__(self, rng: random.Random):
        self.rng = rng
        self._phones: set[str] = set()
        self._surname_weights = [max(1.0, 30.0 - i * 0.35) for i in range(len(_SURNAMES))]

    def surname(self) -> str:
        if self.rng.random() < 0.015:
            return self.rng.choice(_COMPOUND_SURNAMES)
        return self.rng.choices(_SURNAMES, weights=self._surname_weights)[0]

    def name(self, female: bool | None = None, surname: str | None = None) -> tuple[str, bool]:
        """A full name and whether it is a woman's (so an ID number can agree)."""
        if female is None:
            female = self.rng.random() < 0.5
        r = self.rng.random()
        if r < 0.12:
            given = self.rng.choice(_FEMALE_NAMES2 if female else _MALE_NAMES2)
        elif r < 0.45:
            given = self.rng.choice(_FEMALE_CHARS if female else _MALE_CHARS)
        else:
            pool = _FEMALE_CHARS if female else _MALE_CHARS
            first, second = self.rng.sample(pool, 2)  # two different characters
            given = first + second
        return (surname or self.surname()) + given, female

    def mobile(self) -> str:
        while True:
            number = self.rng.choice(_MOBILE_PREFIXES) + f"{self.rng.randrange(10**8):08d}"
            if number not in self._phones:
                self._phones.add(number)
                return number

    def mainland_id(self, female: bool, born_from: int = 1958, born_to: int = 2004) -> str:
        """A valid 18-character ID number: region, birth date, sequence (odd = male), check."""
        born = date(born_from, 1, 1) + timedelta(days=self.rng.randrange((born_to - born_from) * 365))
        seq = self.rng.randrange(0, 500) * 2 + (0 if female else 1)
        first17 = f"{self.rng.choice(_REGIONS)}{born:%Y%m%d}{seq:03d}"
        return first17 + id_check_char(first17)

    def hk_macau_permit(self) -> str:
        return self.rng.choice("HHHM") + f"{self.rng.randrange(10**8):08d}"

    def passport(self) -> str:
        # Chinese e-passports are E + 8 digits; a few foreign ones have two letters.
        if self.rng.random() < 0.6:
            return "E" + f"{self.rng.randrange(10**8):08d}"
        return "".join(self.rng.choice(_PLATE_LETTERS) for _ in range(2)) + f"{self.rng.randrange(10**7):07d}"

    def plate(self) -> str:
        if self.rng.random() < 0.8:
            province, city = "粤", "B"
        else:
            province, city = self.rng.choice(_OTHER_PROVINCES)
        if self.rng.random() < 0.25:  # new-energy plate: D or F plus five digits
            return f"{province}{city}{self.rng.choice('DF')}{self.rng.randrange(10**5):05d}"
        tail = "".join(self.rng.choice(_PLATE_LETTERS + "0123456789" * 3) for _ in range(4))
        return f"{province}{city}{tail}{self.rng.randrange(10)}"


# -- visits ------------------------------------------------------------------------------

# purpose → (weight, companies, minutes on site (min, max), party size range, has car %)
_PURPOSES: dict[str, tuple[int, tuple[str, ...], tuple[int, int], tuple[int, int], float]] = {
    "快递": (18, ("顺丰速运", "京东物流", "中通快递", "圆通速递", "韵达快递", "EMS"), (5, 15), (1, 1), 0.05),
    "外卖": (10, ("美团外卖", "饿了么"), (4, 12), (1, 1), 0.0),
    "送货": (12, ("盒马鲜生", "山姆会员店", "宜家家居", "苏宁易购", "居然之家"), (15, 45), (1, 2), 0.5),
    "拜访": (22, ("",), (40, 180), (1, 3), 0.3),
    "装修": (8, ("东易日盛装饰", "业之峰装饰", "生活家装饰", "个体装修队"), (180, 480), (2, 4), 0.4),
    "维修": (9, ("格力空调售后", "美的售后", "海尔售后", "深圳燃气", "中国电信", "方太售后"), (40, 150), (1, 2), 0.4),
    "家政": (6, ("58到家", "管家帮", "天鹅到家"), (120, 240), (1, 2), 0.0),
    "看房": (5, ("链家地产", "贝壳找房", "中原地产", "乐有家"), (25, 60), (2, 3), 0.3),
    "面试": (3, ("",), (40, 100), (1, 1), 0.1),
    "搬家": (3, ("蚂蚁搬家", "货拉拉"), (120, 300), (2, 4), 0.9),
    "抄表": (2, ("深圳水务", "南方电网"), (60, 180), (1, 1), 0.2),
}
_OFFICE_HOSTS = ("管理处", "客服中心", "工程部")
_BADGES = tuple(f"V{n:03d}" for n in range(1, 61))
_AMEND_REASONS = (
    ("phone", "登记时电话号码录入错误，来访人当场更正"),
    ("company", "来访人补充告知所属单位"),
    ("party_size", "同行人数登记有误，核对后更正"),
)


@dataclass
class _Person:
    """A visitor who may come back: the same name, document, phone and car every time."""

    name: str
    doc_type: str
    doc_number: str
    phone: str
    company: str
    plate: str
    purpose: str


def _business_minute(rng: random.Random) -> int:
    """A minute of the day between 08:00 and 20:00, busier mid-morning and mid-afternoon."""
    centre = rng.choice((10 * 60 + 30, 15 * 60, 15 * 60, 11 * 60 + 30, 18 * 60 + 30))
    while True:
        m = int(rng.gauss(centre, 75))
        if 8 * 60 <= m < 20 * 60:
            return m


class _DemoBuilder:
    def __init__(self, services: Services, seed: int):
        self.svc = services
        self.rng = random.Random(seed)
        self.fake = _Faker(self.rng)
        self.ops: dict[str, Operator] = {}

    # -- set-up ------------------------------------------------------------------------

    def staff(self) -> None:
        for acc in ACCOUNTS:
            view = self.svc.staff.create(acc.username, acc.display_name, acc.role, acc.password)
            self.ops[acc.username] = Operator(view.id, view.username, view.display_name, view.role)

    def property(self) -> tuple[int, list[str]]:
        self.svc.property.save_profile(*PROFILE)
        codes: list[str] = []
        for code, name in BUILDINGS:
            b = self.svc.property.add_building(code, name)
            for floor in range(1, FLOORS + 1):
                for room in range(1, UNITS_PER_FLOOR + 1):
                    unit = f"{code}-{floor:02d}{room:02d}"
                    self.svc.property.add_unit(b.id, unit, floor)
                    codes.append(unit)
        return len(BUILDINGS), codes

    def occupants(self, units: list[str], today: date) -> tuple[int, int]:
        """One owner per unit, plus a tenant or a co-owner in most units: about two per unit."""
        rng, fake = self.rng, self.fake
        rows: list[ImportRow] = []
        members = 0

        def person(unit: str, kind: str, moved_in: date) -> OccupantInput:
            nonlocal members
            surname = fake.surname()
            name, female = fake.name(surname=surname)
            household: list[MemberInput] = []
            if kind == "owner" or rng.random() < 0.4:
                if rng.random() < 0.65:
                    spouse, _ = fake.name(female=not female)
                    household.append(MemberInput(spouse, "配偶", fake.mobile() if rng.random() < 0.7 else ""))
                for _ in range(rng.choice((0, 0, 1, 1, 2))):
                    # Children usually take the father's surname; keep it simple: the occupant's.
                    child, f = fake.name(surname=surname)
                    household.append(MemberInput(child, "女儿" if f else "儿子", ""))
                if rng.random() < 0.15:
                    father, _ = fake.name(female=False, surname=surname)
                    household.append(MemberInput(father, "父亲", fake.mobile() if rng.random() < 0.5 else ""))
            members += len(household)
            emergency = ("", "")
            if rng.random() < 0.75:
                ename, _ = fake.name()
                emergency = (ename, fake.mobile())
            note = rng.choice(_NOTES) if rng.random() < 0.2 else ""
            return OccupantInput(
                unit_code=unit, name=name, phone=fake.mobile(), kind=kind, move_in_date=moved_in,
                emergency_name=emergency[0], emergency_phone=emergency[1], note=note,
                members=tuple(household),
            )

        for unit in units:
            handed_over = date(2012 + rng.randrange(0, 4), rng.randrange(1, 13), rng.randrange(1, 28))
            owner_in = min(handed_over + timedelta(days=rng.randrange(0, 2000)), today - timedelta(days=30))
            rows.append(ImportRow(len(rows) + 2, person(unit, "owner", owner_in)))
            r = rng.random()
            if r < 0.45:  # let out: the tenant moved in within the last three years
                rows.append(ImportRow(len(rows) + 2, person(
                    unit, "tenant", today - timedelta(days=rng.randrange(20, 1100)))))
            elif r < 0.97:  # a second owner on the deed (spouse or relative)
                rows.append(ImportRow(len(rows) + 2, person(unit, "owner", owner_in)))
        # The same path as ``reception import occupants``: one transaction, every row audited.
        report = self.svc.occupants.import_records(rows, skip_invalid=False, create_units=False)
        if not report.committed:
            raise RuntimeError(f"demo occupants did not validate: {report.errors[:3]}")
        return report.imported, members

    # -- visits ------------------------------------------------------------------------

    def _visitor_pool(self) -> list[_Person]:
        """Regulars who come back again and again: couriers, decorators, cleaners, friends."""
        pool = []
        for _ in range(45):
            purpose = self._purpose()
            pool.append(self._new_person(purpose))
        return pool

    def _purpose(self) -> str:
        names = list(_PURPOSES)
        return self.rng.choices(names, weights=[_PURPOSES[p][0] for p in names])[0]

    def _new_person(self, purpose: str) -> _Person:
        rng, fake = self.rng, self.fake
        name, female = fake.name()
        r = rng.random()
        if r < 0.90:
            doc_type, doc = "mainland_id", fake.mainland_id(female)
        elif r < 0.96:
            doc_type, doc = "hkmt_permit", fake.hk_macau_permit()
        else:
            doc_type, doc = "passport", fake.passport()
        company = rng.choice(_PURPOSES[purpose][1])
        plate = fake.plate() if rng.random() < _PURPOSES[purpose][4] else ""
        return _Person(name, doc_type, doc, fake.mobile(), company, plate, purpose)

    def visits(self, occupant_ids: list[int], today: date, current: datetime) -> tuple[int, int]:
        """``DAYS`` days of visits ending today, registered by the receptionist on shift."""
        rng = self.rng
        pool = self._visitor_pool()
        total = 0
        first_day = today - timedelta(days=DAYS - 1)
        # Badges still out at the end (today's visitors and the overstays) stay taken.
        badge_free_at = {b: datetime.min for b in _BADGES}
        overstay_days = {today - timedelta(days=1), today - timedelta(days=3)}
        for d in range(DAYS):
            day = first_day + timedelta(days=d)
            count = rng.randint(40, 80)
            if day == today:
                # Only the part of today that has already happened.
                start = datetime.combine(day, time(8, 0))
                if current - start < timedelta(hours=1):
                    start = max(datetime.combine(day, time.min), current - timedelta(hours=3))
                span = max(1, int((current - start).total_seconds() // 60) - 5)
                times = sorted(min(current - timedelta(seconds=1),
                                   start + timedelta(minutes=rng.randrange(span), seconds=rng.randrange(60)))
                               for _ in range(max(6, count * span // (12 * 60))))
            else:
                times = sorted(datetime.combine(day, time()) + timedelta(minutes=_business_minute(rng),
                               seconds=rng.randrange(60)) for _ in range(count))
            # Two shifts a day; which receptionist opens alternates day by day.
            early, late = ("reception1", "reception2") if d % 2 == 0 else ("reception2", "reception1")
            batches: dict[str, list[PastVisit]] = {early: [], late: []}
            overstays_left = 1 if day in overstay_days else 0
            # Today: at least the last two visitors are still in the building.
            still_in = len(times) - 2 if day == today else len(times)
            for i, t_in in enumerate(times):
                overstay = bool(overstays_left) and t_in.hour >= 14
                if overstay:
                    # A decorator who left without signing out: flagged as an overstay.
                    p, overstays_left = self._new_person("装修"), 0
                elif rng.random() < 0.35:
                    p = rng.choice(pool)
                else:
                    p = self._new_person(self._purpose())
                lo, hi = _PURPOSES[p.purpose][2]
                t_out: datetime | None = t_in + timedelta(minutes=rng.randint(lo, hi), seconds=rng.randrange(60))
                if overstay or (day == today and (i >= still_in or t_out > current - timedelta(minutes=1))):
                    t_out = None  # still in the building (or so the register says)
                elif t_out is not None and t_out.date() != day:
                    t_out = datetime.combine(day, time(21, rng.randrange(50)))
                party = rng.randint(*_PURPOSES[p.purpose][3])
                badge = ""
                if p.purpose not in ("外卖", "快递") or rng.random() < 0.2:
                    free = [b for b in _BADGES if badge_free_at[b] <= t_in]
                    if free:
                        badge = rng.choice(free[:12])
                        badge_free_at[badge] = t_out or datetime.max
                host_id, host_note = None, ""
                if p.purpose == "面试" or rng.random() < 0.03:
                    host_note = rng.choice(_OFFICE_HOSTS)
                else:
                    host_id = rng.choice(occupant_ids)
                data = VisitInput(
                    visitor_name=p.name, doc_type=p.doc_type, doc_number=p.doc_number, purpose=p.purpose,
                    phone=p.phone if rng.random() < 0.92 else "", company=p.company,
                    host_occupant_id=host_id, host_note=host_note, party_size=party,
                    vehicle_plate=p.plate, badge_number=badge,
                )
                who = early if t_in.hour < 14 else late
                batches[who].append(PastVisit(data, t_in, t_out))
            for who, entries in batches.items():
                if entries:
                    self.svc.ctx.operator = self.ops[who]
                    self.svc.visitors.register_past(entries)
                    total += len(entries)
        on_site = self.svc.visitors.count(VisitQuery(on_site_only=True))
        return total, on_site

    def amendments(self, today: date) -> int:
        """A few corrections, as a supervisor makes them, so the history view has content."""
        self.svc.ctx.operator = self.ops["supervisor"]
        rows = self.svc.visitors.page(VisitQuery(date_from=today - timedelta(days=DAYS - 1),
                                                 date_to=today - timedelta(days=2)), limit=400).rows
        # amend() re-checks a visit's badge against whoever holds that badge now.
        held = {v.badge_number for v in self.svc.visitors.on_site() if v.badge_number}
        rows = [r for r in rows if r.badge_number not in held and not r.on_site]
        done = 0
        for field_name, reason in _AMEND_REASONS:
            if field_name == "company":
                v = self.rng.choice([r for r in rows if not r.company])
                change: object = self.rng.choice(("腾讯科技（深圳）有限公司", "华润万家", "平安保险"))
            else:
                v = self.rng.choice(rows)
                change = self.fake.mobile() if field_name == "phone" else v.party_size + 1
            self.svc.visitors.amend(v.id, {field_name: change}, reason)
            done += 1
        return done


def fill_demo(services: Services, seed: int = 2026, *, at: datetime | None = None) -> DemoSummary:
    """Fill an empty database with a demo property; refuse (``DemoRefused``) if it has staff.

    Acts as the ``system`` account for set-up and as the demo receptionists for the visits;
    leaves ``services.ctx.operator`` as it found it. The visits end at ``at`` (default: now;
    tests pass other times of day, never a future one).
    """
    if services.staff.has_any(include_system=True):
        # Never mix demo people into a real directory (or run the demo twice).
        raise DemoRefused("demo.database_not_empty")
    previous = services.ctx.operator
    current = (at or now()).replace(microsecond=0)
    today = current.date()
    try:
        services.ctx.operator = services.staff.system_operator()
        b = _DemoBuilder(services, seed)
        b.staff()
        buildings, units = b.property()
        occupants, members = b.occupants(units, today)
        occupant_ids = [o.id for o in services.occupants.search("", limit=10_000)]
        visits, on_site = b.visits(occupant_ids, today, current)
        amended = b.amendments(today)
    finally:
        services.ctx.operator = previous
    return DemoSummary(
        property_name=PROFILE[0], buildings=buildings, units=len(units), occupants=occupants,
        members=members, visits=visits, on_site=on_site, amendments=amended,
        first_day=today - timedelta(days=DAYS - 1), last_day=today,
    )
