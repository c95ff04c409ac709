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
from app.demo_newspapers import fill_newspapers
from app.demo_parcels import fill_parcels
from app.demo_repairs import fill_repairs
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
    DemoAccount("gm", "孙建国", "general_manager", "demo-gm"),
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
    keys: int = 0  # key sets in the register
    key_loans: int = 0
    keys_out: int = 0

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


# -- the key cabinet ---------------------------------------------------------------------

_PUBLIC_PER_BUILDING = ("天台门", "地下室通道门", "大堂后门", "消防楼梯间", "垃圾房", "信报箱总锁", "设备层检修门")
_SHAFTS_PER_BUILDING = ("5层管道井", "10层管道井", "15层管道井", "20层管道井", "25层管道井")
_EQUIPMENT_PER_BUILDING = ("电梯机房", "配电房", "空调机房", "弱电间")
_EQUIPMENT_SHARED = ("生活水泵房", "消防水泵房", "发电机房", "消防控制室", "高压配电室", "中水处理站")
_STORE_ROOMS = ("客服部库房", "工程部库房", "保洁部库房", "安全部库房", "绿化工具房")
_ENGINEERS = ("刘建军", "黄志强", "周国庆", "吴德明")
_CONTRACTOR_FIRMS = (
    ("深圳市安居防水工程有限公司", "天台防水维修"), ("广东华信电梯有限公司", "电梯年检"),
    ("深圳中消消防工程有限公司", "消防设施检测"), ("美洁清洁服务有限公司", "外墙清洗"),
    ("绿源园林绿化有限公司", "绿化修剪"), ("中国电信南山分局", "光纤检修"),
)
_ENGINEERING_PURPOSES = ("设备巡检", "更换灯管", "水泵保养", "配电检修", "空调清洗", "抄表")
_OWNER_PURPOSES = ("业主忘带钥匙", "业主回家取物", "业主委托开门")


def _signature_png(rng: random.Random) -> bytes:
    """A scribbled signature as the counter's signature pad would give it."""
    import io

    from PIL import Image, ImageDraw

    img = Image.new("L", (360, 120), 255)
    draw = ImageDraw.Draw(img)
    x, y = 20, 60 + rng.randint(-10, 10)
    points = [(x, y)]
    for _ in range(14):
        x += rng.randint(12, 26)
        y = max(15, min(105, y + rng.randint(-35, 35)))
        points.append((x, y))
    draw.line(points, fill=0, width=4, joint="curve")
    buf = io.BytesIO()
    img.save(buf, format="PNG", optimize=True)
    return buf.getvalue()


class _CabinetBuilder:
    """A key cabinet with a history: intake, outstanding keys, two weeks of loans, keys out."""

    def __init__(self, demo: _DemoBuilder, units: list[str], today: date, current: datetime):
        from app.services.keys import Approval

        self.d = demo
        self.svc = demo.svc
        self.rng = demo.rng
        self.units = units
        self.today = today
        self.current = current
        self.manager = Approval("manager", next(a.password for a in ACCOUNTS if a.username == "manager"))
        self.gm = Approval("gm", next(a.password for a in ACCOUNTS if a.username == "gm"))

    def run(self) -> tuple[int, int, int]:
        self.svc.ctx.operator = self.d.ops["supervisor"]  # the key administrator
        keys = self.intake()
        self.outstanding()
        loans = self.loans(keys)
        self.events(keys)
        out = len(self.svc.keys.open_loans())
        return len(self.svc.keys.search("", limit=100_000)), loans, out

    def intake(self) -> dict[str, list]:
        from app.services.keys import IntakeInput

        rng = self.rng
        handover = datetime.combine(self.today - timedelta(days=400), time(9, 30))
        developer = "发展商工程部 陈国栋"
        items: list[IntakeInput] = []
        counters = {"P": 0, "E": 0, "S": 0}

        def hook(section: str) -> str:
            counters[section] += 1
            return f"{section}-{counters[section]:03d}"

        for code, name in BUILDINGS:
            for label in _PUBLIC_PER_BUILDING + _SHAFTS_PER_BUILDING:
                items.append(IntakeInput("public", f"{name}{label}", 1, hook("P"), developer, area=name,
                                         sealed_spares=rng.choice((1, 2, 2, 3))))
            for label in _EQUIPMENT_PER_BUILDING:
                items.append(IntakeInput("equipment", f"{name}{label}", rng.choice((1, 2)), hook("E"), developer,
                                         area=name))
        for label in _EQUIPMENT_SHARED:
            items.append(IntakeInput("equipment", label, 2, hook("E"), developer, area="地下室"))
        for label in _STORE_ROOMS:
            items.append(IntakeInput("store", label, 1, hook("S"), developer, area="管理处"))
        # Unit keys the developer handed over before the owners moved in; a few sets short.
        unit_hooks = {code: 0 for code, _ in BUILDINGS}
        short = 0
        for unit in rng.sample(self.units, 24):
            b = unit.split("-")[0]
            unit_hooks[b] += 1
            expected = 3
            got = 2 if short < 4 and rng.random() < 0.3 else 3
            short += got < expected
            items.append(IntakeInput("unit", "入户门", got, f"{b}-{unit_hooks[b]:03d}", developer, unit_code=unit,
                                     area=f"{b}栋", expected_count=expected,
                                     condition="完好" if rng.random() < 0.9 else "钥匙牌磨损"))
        self.svc.keys.intake_batch(items, at=handover)
        # Owners who leave a spare key with the counter, over the last year (a few this month).
        owners = {}
        for o in self.svc.occupants.search("", limit=10_000):
            if o.kind == "owner":
                owners.setdefault(o.unit_code, o)
        taken = {i.unit_code for i in items if i.unit_code}
        candidates = [u for u in self.units if u not in taken and u in owners]
        chosen = rng.sample(candidates, 130)
        days = sorted({rng.randrange(1, 360) for _ in range(12)} | {rng.randrange(0, max(1, self.today.day))})
        per_day = [chosen[i::len(days)] for i in range(len(days))]
        for back, group in zip(reversed(days), per_day):
            at = datetime.combine(self.today - timedelta(days=back), time(10, 0)) + timedelta(minutes=rng.randrange(400))
            at = min(at, self.current - timedelta(minutes=5))
            batch = []
            for unit in group:
                b = unit.split("-")[0]
                unit_hooks[b] += 1
                owner = owners[unit]
                batch.append(IntakeInput("unit", "入户门备用钥匙", rng.choice((1, 1, 2)), f"{b}-{unit_hooks[b]:03d}",
                                         owner.name, unit_code=unit, occupant_id=owner.id, source="owner",
                                         area=f"{b}栋"))
            self.svc.keys.intake_batch(batch, at=at)
        all_keys = self.svc.keys.search("", limit=100_000)
        by_cat: dict[str, list] = {c: [] for c in ("unit", "public", "equipment", "store")}
        for k in all_keys:
            by_cat[k.category].append(k)
        return by_cat

    def outstanding(self) -> None:
        from app.services.keys import OutstandingInput

        notes = ("已电话催发展商工程部，答复下周补交", "发展商称钥匙在厂家返修中")
        for entry in self.svc.keys.outstanding()[:2]:
            self.svc.keys.add_outstanding_note(entry.id, notes[0])
        e = self.svc.keys.add_outstanding(OutstandingInput("C栋设备层检修门备用钥匙", 2, "public",
                                                           note=notes[1]))
        self.svc.keys.add_outstanding_note(e.id, "再次催交，发展商承诺月底前移交")
        self.svc.keys.add_outstanding(OutstandingInput("会所储物间", 1, "store"))

    def _borrower(self, key) -> tuple:  # noqa: ANN001 - KeyView
        """(LoanInput fields, needs manager approval)"""
        rng, fake = self.rng, self.d.fake
        if key.category == "equipment" or (key.category == "store" and rng.random() < 0.5):
            return dict(borrower_kind="staff", borrower_name=rng.choice(_ENGINEERS), borrower_company="工程部",
                        purpose=rng.choice(_ENGINEERING_PURPOSES))
        if key.category == "store":
            return dict(borrower_kind="staff", borrower_name=fake.name()[0], borrower_company="保洁部",
                        purpose="领取保洁用品")
        if key.category == "public":
            firm, purpose = rng.choice(_CONTRACTOR_FIRMS)
            name, female = fake.name()
            return dict(borrower_kind="contractor", borrower_name=name, borrower_company=firm,
                        borrower_phone=fake.mobile(), borrower_doc_type="mainland_id",
                        borrower_doc_number=fake.mainland_id(female), purpose=purpose, consent_by="工程部 黄志强")
        return dict(borrower_kind="occupant", borrower_occupant_id=key.occupant_id,
                    purpose=rng.choice(_OWNER_PURPOSES))

    def loans(self, by_cat: dict[str, list]) -> int:
        from app.services.keys import LoanInput, PastLoan

        rng = self.rng
        pool = by_cat["equipment"] * 4 + by_cat["store"] * 2 + by_cat["public"] + \
            [k for k in by_cat["unit"] if k.occupant_id]
        eod = time(18, 0)
        first = self.today - timedelta(days=DAYS - 1)
        halves: dict[str, list] = {"reception2": [], "reception1": []}
        busy_until: dict[int, datetime] = {}
        signatures = [_signature_png(rng) for _ in range(6)]
        repairs = 0
        for d in range(DAYS):
            day = first + timedelta(days=d)
            who = "reception2" if d < DAYS // 2 else "reception1"
            for _ in range(rng.randint(7, 13)):
                out_at = datetime.combine(day, time(8, 30)) + timedelta(minutes=rng.randrange(8 * 60),
                                                                        seconds=rng.randrange(60))
                if out_at > self.current - timedelta(minutes=10):
                    continue
                key = rng.choice(pool)
                if busy_until.get(key.id, datetime.min) >= out_at:
                    continue
                fields = self._borrower(key)
                # a few overnight repairs, at least one three days ago
                engineering = key.category == "equipment" and (rng.random() < 0.06 or (d == DAYS - 3 and not repairs))
                repairs += engineering
                # an overnight repair, due next morning (under a day: no general manager needed)
                due = min(datetime.combine(day + timedelta(days=1), time(10, 0)),
                          out_at + timedelta(hours=23)) if engineering else None
                back = out_at + timedelta(minutes=rng.randint(20, 240))
                if not engineering:
                    back = min(back, datetime.combine(day, eod) - timedelta(minutes=rng.randint(1, 20))) \
                        if rng.random() < 0.93 else back  # a few come back late
                else:
                    back = datetime.combine(day + timedelta(days=1), time(9, rng.randrange(50)))
                if back <= out_at:
                    back = out_at + timedelta(minutes=15)
                still_out = back >= self.current - timedelta(minutes=2)
                png = rng.choice(signatures) if rng.random() < 0.3 else None
                data = LoanInput(**fields, due_at=due, engineering_repair=engineering, signature_png=png,
                                 signed_on_slip=png is None)
                halves[who].append(PastLoan(
                    key.id, data, out_at, None if still_out else back,
                    manager_approval=self.manager if key.category == "public" else None,
                ))
                busy_until[key.id] = datetime.max if still_out else back
        # One key kept overnight without an excuse: out since yesterday afternoon.
        yesterday = self.today - timedelta(days=1)
        # (a key free from then on: loans were made in time order, so its last one ended before)
        late_out = datetime.combine(yesterday, time(15, 40))
        late_key = next((k for k in by_cat["public"] if busy_until.get(k.id, datetime.min) < late_out), None)
        if late_key is not None:
            fields = self._borrower(late_key)
            halves["reception1"].append(PastLoan(
                late_key.id, LoanInput(**fields, signed_on_slip=True), late_out, None,
                manager_approval=self.manager))
            busy_until[late_key.id] = datetime.max
        # A three-day loan the general manager approved (an elevator overhaul).
        long_out = datetime.combine(yesterday, time(9, 10))
        long_key = next((k for k in by_cat["equipment"] if busy_until.get(k.id, datetime.min) < long_out), None)
        if long_key is not None:
            halves["reception1"].append(PastLoan(
                long_key.id, LoanInput(purpose="电梯大修", borrower_kind="contractor", borrower_name="郑海涛",
                                       borrower_company="广东华信电梯有限公司", borrower_phone=self.d.fake.mobile(),
                                       borrower_doc_type="mainland_id", borrower_doc_number=self.d.fake.mainland_id(False),
                                       due_at=datetime.combine(self.today + timedelta(days=2), time(17, 0)),
                                       signed_on_slip=True),
                long_out, None, gm_approval=self.gm))
        total = 0
        for who, entries in halves.items():
            entries.sort(key=lambda e: e.out_at)
            self.svc.ctx.operator = self.d.ops[who]
            total += len(self.svc.keys.register_past_loans(entries))
        # Last night's shift acknowledged what was still out.
        self.svc.ctx.operator = self.d.ops["reception2"]
        night = datetime.combine(yesterday, time(21, 30))
        for o in self.svc.keys.still_out(night):
            if o.overnight and o.loan.out_at <= night:
                self.svc.keys.acknowledge_overnight(o.loan.id, "已电话联系借用人，明早归还", at=night)
        return total

    def events(self, by_cat: dict[str, list]) -> None:
        rng = self.rng
        free = [k for k in by_cat["unit"] + by_cat["equipment"] if self.svc.keys.get(k.id).status == "in"]
        worn, changed, lost, copied, moved = rng.sample(free, 5)
        self.svc.ctx.operator = self.d.ops["supervisor"]
        for _ in range(3):
            self.svc.keys.record_lock_change(worn.id, new_count=2, changed_by="工程部 周国庆", note="锁芯损坏更换")
        self.svc.keys.record_lock_change(changed.id, new_count=2, changed_by="工程部 周国庆", note="业主要求换锁")
        self.svc.keys.retire(worn.id, reason="lock_changed", returned_to="工程部 周国庆", approval=self.manager,
                             note="门锁已更换三次")
        self.svc.ctx.operator = self.d.ops["reception1"]
        self.svc.keys.report_lost(lost.id, count=1, lost_by="保洁员 何丽", note="清洁时遗失，已报告部门主管")
        self.svc.keys.record_copy_request(copied.id, requested_by=self.d.fake.name()[0],
                                          reason="装修工人要求配一把钥匙，已拒绝")
        if moved.category == "unit":
            self.svc.keys.hand_over(moved.id, recipient=moved.occupant_name or "业主", note="业主入住，钥匙交还本人")


def _renovations(b: _DemoBuilder, units: list[str], today: date) -> int:
    """Renovation permits at every stage, workers' passes and their fee receipts (app/demo_permits.py)."""
    from app.demo_permits import add_renovations

    return add_renovations(b, units, today, next(a.password for a in ACCOUNTS if a.username == "manager"))


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
        keys, key_loans, keys_out = _CabinetBuilder(b, units, today, current).run()
        _renovations(b, units, today)
        fill_repairs(services, b.ops, units, today, current, b.rng)  # repair slips, complaints
        _demo_receipts(services, b, current)
        fill_newspapers(services, b.ops, units, today, current, random.Random(seed + 3))  # app/demo_newspapers.py
        fill_parcels(services, b.ops, units, today, current, random.Random(seed + 4))  # app/demo_parcels.py
    finally:
        services.ctx.operator = previous
    return DemoSummary(
        property_name=PROFILE[0], buildings=buildings, units=len(units), occupants=occupants,
        members=members, visits=visits, on_site=on_site, amendments=amended,
        first_day=today - timedelta(days=DAYS - 1), last_day=today, keys=keys, key_loans=key_loans,
        keys_out=keys_out,
    )


def _demo_receipts(services: Services, b: _DemoBuilder, current: datetime) -> None:
    """Yesterday's closed shift and today's open one at the counter (app/demo_receipts.py)."""
    from app.demo_receipts import fill_receipts

    fill_receipts(services, b.ops, b.rng, current, next(a.password for a in ACCOUNTS if a.username == "supervisor"))
