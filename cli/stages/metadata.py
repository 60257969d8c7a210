"""Stage: what the report is (title, place, year, level, date, speaker); writes the
metadata layer.

Everything is inferred from the text first: the headline, the delivery line (——2025年1月
15日在四川省第十四届人民代表大会第四次会议上), the speaker line, the posting date of a web
page, the report's own wording (我代表四川省人民政府, 全省/全市/全区, 2024年工作回顾). The file
name is the last resort, and ``sources`` says for each field where it came from."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import PurePath

from ..document import Document, Metadata

_CN_DIGITS = {"〇": 0, "○": 0, "零": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_NUM = r"(\d{1,4}|[〇○零一二三四五六七八九十]{1,4})"
_DATE = re.compile(_NUM + r"\s*年\s*" + _NUM + r"\s*月\s*" + _NUM + r"\s*日")
_ISO = re.compile(r"(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})")
# 在四川省第十四届人民代表大会, 在广东省十四届人大 (no 第), 在省十四届人大 (no name: 省 alone)
_CONGRESS = re.compile(r"在\s*(.{1,24}?)\s*(第?[一二三四五六七八九十]+届)?\s*(人民代表大会|人大)")
# What a dateline may name in place of the place: the government's level, no name.
_LEVEL_ONLY = frozenset({"省", "市", "自治区", "自治州", "州", "盟", "县", "旗", "区", "本市", "本省", "全省", "全市"})
_NATIONAL = re.compile(r"全国人民代表大会|国务院|全国人大")
_ZONE = re.compile(r"[\u4e00-\u9fff]{2,12}?(经济技术开发区|经济开发区|高新技术产业开发区|高新区|经开区|开发区|工业园区|"
                   r"产业园区|综合保税区|保税区|新区)")
_TITLE_PLACE = re.compile(r"(?:\d{4}年)?\s*([\u4e00-\u9fff]{2,20}?)(?:人民)?政府工作报告")
_REPRESENT = re.compile(r"我代表([\u4e00-\u9fff]{2,20}?)人民政府")
_SPEAKER = re.compile(
    r"(省长|市长|主席|州长|县长|区长|旗长|盟长|总理|主任|书记)\s*([\u4e00-\u9fff·](?:\s?[\u4e00-\u9fff·]){1,9}?)"
    r"\s*(?:同志)?\s*(?:作|在)?(?:政府工作)?(?:报告)?。?$"
)
# 龚正市长在上海市…: the name before the office, in a dateline.
_NAME_THEN_OFFICE = re.compile(r"日\s*([\u4e00-\u9fff·]{2,5}?)(?:代|代理)?(省长|市长|主席|州长|县长|区长|总理)在")
# 海南省省长 刘小明在海南省…: office, name, then 在.
_OFFICE_NAME_AT = re.compile(r"(?:省长|市长|主席|州长|县长|区长|总理)\s*([\u4e00-\u9fff·]{2,5}?)\s*(?:同志)?在")
_REPRESENT_LEVEL = re.compile(r"我代表[\u4e00-\u9fff]{0,12}?(国务院|自治区|自治州|省|市|州|盟|县|旗|区)人民政府|我代表(国务院)")
_REVIEWED_YEAR = re.compile(r"(\d{4})\s*年(?:工作)?回顾|过去的?一年|(\d{4})\s*年是")
_REPORT_YEAR = re.compile(r"(\d{4})\s*年[\u4e00-\u9fff]{0,20}?(?:政府)?工作报告")
_YEAR_DONE = re.compile(r"((?:19|20)\d{2})\s*年(?!\d)")
_PLANNED_BEFORE = re.compile(r"(计划|预计|力争|争取|确保|将|到|至|于|在|前|目标|规划)\s*\Z")
_YEAR_IN_NAME = re.compile(r"(19[5-9]\d|20[0-4]\d)")
_TITLE_NAMED = re.compile(r"报告的(?:总)?(?:题目|标题)(?:是|为)[:：]\s*[“「]?([^。！？”」\n]{4,60})[”」]?[。！？]")
# Province-level names that reports and file names often write without their suffix.
PROVINCES = (
    "北京 天津 上海 重庆 河北 山西 辽宁 吉林 黑龙江 江苏 浙江 安徽 福建 江西 山东 河南 湖北 湖南 广东 海南 四川 "
    "贵州 云南 陕西 甘肃 青海 台湾 内蒙古 广西 西藏 宁夏 新疆 香港 澳门"
).split()
_MUNICIPALITIES = ("北京", "天津", "上海", "重庆")
# A city led by a prefecture's party committee (在州委、州政府和市委的坚强领导下, 州委八届七次全会)
# is a county-level city: 恩施市 under 恩施州, 锡林浩特市 under 锡林郭勒盟.
_UNDER_PREFECTURE = re.compile(r"(?:州委|盟委|地委)(?:[、，和]?(?:州政府|行署))?[^。；]{0,8}?领导|(?:州委|盟委|地委)[^。，；]{0,8}全会")


def _cn_number(text: str) -> int | None:
    if text.isdigit():
        return int(text)
    if all(ch in _CN_DIGITS for ch in text):  # 二〇二五
        return int("".join(str(_CN_DIGITS[ch]) for ch in text))
    if "十" in text:  # 十五, 二十三
        tens, _, ones = text.partition("十")
        return (_CN_DIGITS.get(tens, 1) if tens else 1) * 10 + (_CN_DIGITS.get(ones, 0) if ones else 0)
    return None


def _iso_date(text: str) -> str | None:
    m = _DATE.search(text)
    if m:
        y, mo, d = (_cn_number(g) for g in m.groups())
    else:
        iso = _ISO.search(text)
        if not iso:
            return None
        y, mo, d = (int(g) for g in iso.groups())
    if y is None or mo is None or d is None or not (1949 <= y <= 2100 and 1 <= mo <= 12 and 1 <= d <= 31):
        return None
    return f"{y:04d}-{mo:02d}-{d:02d}"


# Words that show a match of _ZONE is a phrase (加快建设开发区), not a zone's name.
_NOT_A_NAME = re.compile(r"[推建造创进加快全力奋实新级家省市个持的和与及在为把对是]")
_ZONE_NAMED = re.compile(r"(?:^|[，,。、“\s]|以来|年来)([\u4e00-\u9fff]{2,10}?(?:经济技术开发区|经济开发区|高新技术产业开发区|"
                         r"高新区|经开区|开发区|工业园区|产业园区|综合保税区))")


_PLACE_NAME = re.compile(r"[\u4e00-\u9fff]{2,12}(省|自治区|市|自治州|州|盟|县|旗|区)")
_GOVERNMENT_OF = re.compile(r"^(" + _PLACE_NAME.pattern + r")人民政府")


def _zone_named_in(text: str) -> str | None:
    """The name of the zone a zone report is about, as its opening names it."""
    for m in _ZONE_NAMED.finditer(text):
        name = m.group(1)
        stem = name[: len(name) - len(_ZONE.fullmatch(name).group(1))] if _ZONE.fullmatch(name) else name  # type: ignore[union-attr]
        if len(stem) >= 2 and not _NOT_A_NAME.search(stem):
            return name
    return None


_COUNTRY = "中华人民共和国"


def level_of(place: str | None, wording: Counter[str] | None = None) -> str | None:
    """national, province, city, county or zone, from the place's name, then the wording."""
    if place:
        if place in ("中国", "中华人民共和国", "全国", "国务院"):
            return "national"
        if _ZONE.fullmatch(place) or place.endswith(("开发区", "高新区", "园区", "新区", "保税区")):
            return "zone"
        if place.endswith(("省", "自治区")) or place in PROVINCES or place.startswith(_MUNICIPALITIES):
            return "province"
        if place.endswith(("市", "州", "盟", "地区")):
            return "city"
        if place.endswith(("县", "旗", "区")):
            return "county"
    if wording:
        best, n = max(wording.items(), key=lambda kv: kv[1], default=("", 0))
        if n:
            return {"全国": "national", "全省": "province", "全市": "city", "全州": "city", "全盟": "city",
                    "全县": "county"}.get(best)
    return None


def describe(document: Document, source: str = "", posted: tuple[str, ...] = ()) -> Document:
    """The document with its metadata layer. ``posted``: posting times the cleaner took off
    a web page, the publication date when the text states no delivery date."""
    return document.with_layers(metadata=infer_metadata(document, source, posted))


def infer_metadata(document: Document, source: str = "", posted: tuple[str, ...] = ()) -> Metadata:
    sources: dict[str, str] = {}
    datelines = [f.text for f in document.front if f.role == "dateline"]
    speakers = [f.text for f in document.front if f.role == "speaker"]
    opening = "\n".join(p.text for p in document.paragraphs[:6])
    body_head = "\n".join(p.text for p in document.paragraphs[:40])

    title = document.title
    if title is None:
        # A speech that names its own headline in its opening (national 1978: 报告的总题目是：
        # 团结起来，为建设社会主义的现代化强国而奋斗。).
        stated = _TITLE_NAMED.search(opening)
        title = stated.group(1) if stated else None
    if title:
        sources["title"] = "text"
    # A headline is short; a long one is read at its head only, which keeps every pattern
    # below linear whatever the line holds.
    head = title[:120] if title else None

    delivered = next((d for d in map(_iso_date, datelines) if d), None)
    date = delivered or next((d for d in map(_iso_date, posted) if d), None)
    if date:
        sources["date"] = "text"

    speaker = None
    for line in speakers + datelines:
        m = _SPEAKER.search(line)
        found = m.group(2) if m else None
        for pattern in (_NAME_THEN_OFFICE, _OFFICE_NAME_AT):
            other = pattern.search(line)
            if found is None and other:
                found = other.group(1)
        if found:
            speaker = "".join(found.split())  # 马 军: a name spaced out to two characters' width
            sources["speaker"] = "text"
            break

    # 我代表州人民政府: the government that reports, which says the place's form and the level.
    represent = _REPRESENT_LEVEL.search(opening)
    place = None
    for text in datelines:
        m = _CONGRESS.search(text)
        if m:
            place = m.group(1).strip()
            if _NATIONAL.search(text) or place.startswith("第"):
                place = "中国"
            elif place in _LEVEL_ONLY:
                place = None
            break
    if place is None:
        # 池州市人民政府市长 朱浩东: the government the speaker heads, where no dateline names it.
        place = next((m.group(1) for text in speakers if (m := _GOVERNMENT_OF.match(text))), None)
    mastheads = [f.text for f in document.front if f.role == "masthead"]
    if place is None:
        place = next((t for t in mastheads if _PLACE_NAME.fullmatch(t)), None)
    if place is None and head:
        m = _TITLE_PLACE.search(head)
        place = _zone_named_in(head) or (m.group(1) if m else None)
    if place is None:
        m = _REPRESENT.search(opening)
        if m and m.group(1) == "中央":
            place = "中国"  # 我代表中央人民政府: the national government before the State Council (1954)
        elif m and m.group(1) not in ("省", "市", "区", "县", "州", "自治区"):
            place = m.group(1)
        elif re.search(r"我代表国务院", opening):
            place = "中国"
    government_report = "人民政府" in opening or "各位代表" in opening
    if place is None and not government_report:
        place = _zone_named_in("\n".join(p.text for p in document.paragraphs[:2]))
    if place:
        sources["place"] = "text"
    else:
        stem = PurePath(source).stem if source and source != "-" else ""
        stem = _YEAR_IN_NAME.sub("", stem).strip("_- ")
        if stem and re.fullmatch(r"[\u4e00-\u9fff]{2,20}", stem):
            # The file says where; the text may still say it in full (蚌埠 -> 蚌埠市): the
            # official name of an autonomous prefecture where the text writes it anywhere
            # (凉山彝族自治州, not the 凉山州 it says most), else the form it uses most (宣城市,
            # not the 宣城区 of 宣城区域).
            whole_text = "\n".join(p.text for p in document.paragraphs)
            full = re.search(re.escape(stem) + r"[\u4e00-\u9fff]{1,8}?自治(?:州|县|旗)", whole_text)
            form_re = re.escape(stem) + r"(?:市|县|区|州|盟|旗|省|自治区)(?!域)"
            # the opening's forms; a text that writes the full name only further on still writes it
            forms = Counter(re.findall(form_re, body_head)) or Counter(re.findall(form_re, whole_text))
            # The government that reports says which: 我代表州人民政府 is 恩施州's, whatever
            # 恩施市 inside it the text names more often.
            suffix = (represent.group(1) or "")[-1:] if represent else ""
            own = [form for form, _ in forms.most_common() if suffix and form.endswith(suffix)]
            written = full.group(0) if full else own[0] if own else forms.most_common(1)[0][0] if forms else None
            place = written or stem
            sources["place"] = "text" if written else "file_name"

    # 全国 tells a national report only where nothing names a place: every report ranks
    # itself in the country (锡林郭勒's says 全国 more than 全盟).
    wording = Counter(re.findall(r"全省|全市|全州|全盟|全县" if place else r"全国|全省|全市|全州|全盟|全县", body_head))
    level = level_of(place, wording)
    # Where no place is named, the government that reports (我代表市人民政府) says the level
    # better than the wording: a city's report that ranks itself in the country says 全国
    # more than 全市.
    if represent and (level is None or place is None or sources.get("place") == "file_name"):
        office = represent.group(1) or represent.group(2)
        level = {"国务院": "national", "自治区": "province", "省": "province", "市": "city", "州": "city",
                 "自治州": "city", "盟": "city", "县": "county", "旗": "county", "区": "county"}[office]
        if office == "市" and place and place.startswith(_MUNICIPALITIES):
            level = "province"
    if level:
        sources["level"] = "text" if sources.get("place") == "text" or not place else "file_name"
    city_government = (place or "").endswith("市") or bool(represent and represent.group(1) == "市")
    if level == "city" and city_government and _UNDER_PREFECTURE.search(body_head):
        level = "county"
    if level == "national":
        # The country's place is its name as the report writes it, or none: 国务院 and 全国 say
        # the level, not a name (STRUCTURE.md: place as written).
        written_name = any(_COUNTRY in p.text for p in document.paragraphs) or any(_COUNTRY in h for h in document.headings)
        place = _COUNTRY if written_name else None
        sources.pop("place", None)
        if place:
            sources["place"] = "text"

    year = int(delivered[:4]) if delivered else None
    if year is None and head:
        m = _REPORT_YEAR.search(head)
        if m:
            year = int(m.group(1))
    if year is None:
        # The year a report reviews is the one before its own (2023年工作回顾; national 2000:
        # 1999年国内工作回顾).
        m = re.search(r"(\d{4})\s*年(?:[\u4e00-\u9fff]{0,4}工作)?回顾", "\n".join(document.headings[:3]) + "\n" + body_head)
        if m:
            year = int(m.group(1)) + 1
    if year is None and date:
        # A page's posting time: after what the report says of itself, since a site may post a
        # report, or post it again, in a later year than the one it was delivered in.
        year = int(date[:4])
    if year is None:
        # Zone and news reports: the latest year their section headings name (2024年成绩亮眼,
        # 2025年目标), ignoring far-off horizons such as 2035年远景.
        named = sorted({int(y) for h in document.headings for y in re.findall(r"((?:19|20)\d{2})\s*年", h)})
        if named:
            year = max(y for y in named if y <= named[0] + 1)
    if year is None and "今年以来" in body_head:
        # A news report of the year so far (今年以来) names no year of its own: the latest
        # year its text names as done, not planned (完成2022年度招聘; not 预计于2022年竣工).
        done = [int(m.group(1)) for p in document.paragraphs for m in _YEAR_DONE.finditer(p.text)
                if not _PLANNED_BEFORE.search(p.text, max(0, m.start() - 6), m.start())]
        year = max(done, default=None)
    if year is not None:
        sources["year"] = "text"
    else:
        m = _YEAR_IN_NAME.search(source or "")
        if m:
            year = int(m.group(1))
            sources["year"] = "file_name"
    return Metadata(title=title, place=place, year=year, level=level, date=date, speaker=speaker,
                    sources=tuple(sorted(sources.items())))
