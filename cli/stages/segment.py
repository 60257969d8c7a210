"""Stage: cleaned lines in, a Document of headed paragraphs and sentences out.

Works on the line structure cleaning leaves: Markdown and short unpunctuated
lines are headings, lines broken in mid-sentence are rejoined, captions that
sit between a heading and its text are dropped, and each paragraph is split
into sentences given as spans of its own text."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace

from ..document import Document, FrontLine, Paragraph, Sentence

MAX_HEADING_CHARS = 40
MAX_SENTENCE_CHARS = 300

_TERMINALS = "。！？!?；;…：:"
_CLOSERS = "”’」』）)】》〉\"'"
_OPENERS = "“‘「『（(【《〈"
# Brackets that nest (a straight quote opens and closes alike, so it does not count), as one
# scan each: cheaper than a count per character kind.
_OPENER = re.compile("[" + re.escape(_OPENERS) + "]")
_NESTING_CLOSER = re.compile("[" + re.escape(_CLOSERS.replace('"', "").replace("'", "")) + "]")
_CONTINUATION_START = "，,、。；;：:）)”’」』》"
_DANGLING = "的了和与及或在对把被将从向于以并而且、，,—"
# Nouns that end in one of those words (政策取向): a heading may end with them.
_NOUNS_ENDING_DANGLING = ("取向", "方向", "导向", "走向", "动向", "倾向", "意向")
_ENUMERATOR = re.compile(r"^(第?[一二三四五六七八九十]+是|第[一二三四五六七八九十]+|首先|其次|最后)$")
# No quantified group faces another over the same characters, so no line can backtrack.
_MD_HEADING = re.compile(r"^(#{1,6})(.*)$")
_NUMBERED = (
    (re.compile(r"^[一二三四五六七八九十百]+[、.．]"), 1),
    (re.compile(r"^第[一二三四五六七八九十百]+[章部分篇节]"), 1),
    (re.compile(r"^[（(][一二三四五六七八九十百]+[）)]"), 2),
    (re.compile(r"^\d{1,2}[、.．](?!\d)"), 3),
    (re.compile(r"^[（(]\d{1,2}[）)]"), 4),
    # 第一，调整和优化农业结构。: the points of a section, below whatever numbered level is above
    (re.compile(r"^第[一二三四五六七八九十]+[，,、]"), 5),
)
_ORDINAL_LEVEL = 5
_ITEM_LEVEL = 2  # （一）
_LEADING_DASH = re.compile(r"^[—\-－–]{1,4}")
# Column labels that news sites append to a headline ("… 建言献策").
# (?<!\s): only the first space of a run may start a match, so a run of spaces cannot backtrack.
# A site's column before or after the headline (【权威发布】…, … 要闻): the site's, not the report's.
# Or its column before a bar (权威发布｜…), a release word before a colon (受权发布：…), and a note
# after the report's name that the page holds it whole (…政府工作报告（全文）).
_COLUMN_TAGS = re.compile(r"(?<!\s)\s+(要闻|头条|专题|专栏|聚焦|图片新闻|本地新闻|时政|综合)$|^【[^【】]{1,8}】\s*(?=\S)"
                          r"|^[^｜|丨\s]{2,8}\s?[｜|丨]\s*(?=\S)|^(?:权威发布|受权发布|重磅|快讯|独家)\s?[:：]\s*(?=\S)"
                          r"|(?<=报告|总结|讲话)\s?(?:[（(【\[](?:全文|全文实录|文字实录|附全文)[）)】\]]|全文|全文实录)$")
# Closing quotes end a sentence with its terminator; closing brackets do not
# ("（见附件。）开工" goes on), so brackets are left to the depth check.
_QUOTE_CLOSERS = "”’」』\"'"
_SENTENCE_MARKS = "。！？!?；;"
_SENTENCE_END = re.compile(r"(……|[" + _SENTENCE_MARKS + r"…])[" + re.escape(_QUOTE_CLOSERS) + r"]*")


def has_sentence_punctuation(text: str) -> bool:
    return any(ch in text for ch in _SENTENCE_MARKS)


# The delivery line under a government report's headline (——2025年1月15日在…人民代表大会…
#会议上), possibly with the speaker run on after it.
_DATELINE = re.compile(
    r"^[—\-－–\s（(]*(\d{4}|[〇○零一二三四五六七八九]{4})\s*年\s*[\d一二三四五六七八九十]{1,3}\s*月"
    r"\s*[\d一二三四五六七八九十]{1,3}\s*日(\s*(在|于)[^。！？]{2,70}?(会议|大会|会)(上|上的讲话)?)?"
)
# A speaker line: office then name (四川省人民政府省长 施小琳, 国务院总理 李强), or the office
# alone with the name on the next line.
_OFFICE = r"^[^。！？，,]{0,24}?(省长|市长|主席|州长|县长|区长|旗长|盟长|总理|主任|书记)"
_SPEAKER = re.compile(
    _OFFICE + r"\s*([\u4e00-\u9fff·](?:\s?[\u4e00-\u9fff·]){1,9}?)\s*(同志)?\s*(作)?(政府工作)?(报告)?$"
)
_OFFICE_ALONE = re.compile(_OFFICE + r"[\s\u3000]*$")
_TITLE_WORD = r"报告|工作总结|讲话|纪要"
_TITLE_WORDS = re.compile(_TITLE_WORD)
_TITLE_END = re.compile(rf"(?:{_TITLE_WORD})$")
_NAME_ALONE = re.compile(r"^[\u4e00-\u9fff·](?:[\s\u3000]?[\u4e00-\u9fff·]){1,5}$")
# Short statements that head the text after them (各位代表：, 一是…。, 主要做了以下工作。).
_LEAD = re.compile(
    r"^(各位代表|各位委员|同志们)[，,：:！!]?$"
    r"|^[^。！？]{0,38}[：:]$"
    r"|^[^。！？]{0,36}(以下|如下)[^。！？]{0,10}[。：:]$"
    r"|^(第?[一二三四五六七八九十]+是|首先|其次|其一|其二)[^。！？]{1,26}[。！]$"
)
MAX_LEAD_CHARS = 40
_ADDRESS = re.compile(r"^(各位代表|各位委员|同志们)[，,：:！!]")
# 附件1 / 2025年省十件民生实事 / 一、…: an appendix's mark heads what follows it, a level above
# the headings under it (they would otherwise close it, being no lower).
_APPENDIX_MARK = re.compile(r"^附\s*[件录]\s*[0-9一二三四五六七八九十]{0,2}(?:[:：\s]|$)")
APPENDIX_LEVEL = -1  # above the parts of the report (2025年工作安排 / 一、…), which it may hold
# A part of the report named by its heading (2023年工作回顾, 2024年工作安排): a section heading
# even above the first paragraph, never the headline.
_PART_HEADING = re.compile(r"^(?:\d{4}年|过去一年|过去五年)?(?:政府)?工作(?:回顾|安排)$")
MAX_FRONT_LINES = 30
MAX_FRONT_CHARS = 1200
# A series of grouping headings (see _mark_series): how long one may run, and how many
# opening characters the series shares.
MAX_SERIES_HEADING_CHARS = 90
# A series groups the numbered sections 一、 holds, so it sits between 一、 and （一）.
SERIES_LEVEL = 1.5
PARALLEL_OPENING_CHARS = 5


@dataclass(frozen=True)
class _Line:
    text: str
    blank_after: bool
    md_level: int  # 0 when not a Markdown heading
    role: str = ""  # "dateline" or "speaker": front matter, never a paragraph
    run_in: bool = False  # a heading cut off the front of its paragraph's line
    in_series: bool = False  # one of a series of grouping headings (see _mark_series)


# What is left of a delivery line whose date a page lost (池州: 人民代表大会第二次会议上), and one
# that gives a month and no day, in brackets or not ((2026年1月在…第五次会议上)).
_DATELINE_TAIL = re.compile(r"^[^。！？，,]{0,30}(?:人民代表大会|代表大会)[^。！？，,]{0,12}(?:会议|大会)上[)）]?$")


def _role(text: str) -> str:
    if len(text) <= 90 and _DATELINE.match(text) and (not text.endswith("。") or "会议" in text):
        return "dateline"
    if _DATELINE_TAIL.match(text):
        return "dateline"
    if len(text) <= 40 and _SPEAKER.match(text):
        return "speaker"
    return ""


def is_lead(text: str) -> bool:
    return len(text) <= MAX_LEAD_CHARS and bool(_LEAD.match(text))


def is_terminated(line: str) -> bool:
    core = line.rstrip(_CLOSERS)
    if not core:
        return True
    if line.endswith(("）", ")")) and core == line[:-1]:
        return True
    return core[-1] in _TERMINALS


def numbered_level(line: str) -> int:
    for pattern, level in _NUMBERED:
        if pattern.match(line):
            return level
    return 0


def _is_heading_like(line: _Line) -> bool:
    if line.md_level or line.run_in or line.in_series:
        return True
    text = line.text
    if is_terminated(text):
        return False
    if _LEADING_DASH.match(text):
        # a dated subtitle under the headline; one with a sentence inside is text a page broke
        # (national 2021: ——推动绿色发展，促进人与自然和谐共生。坚持…屏障建 / 设，…)
        return len(text) <= 2 * MAX_HEADING_CHARS and not any(mark in text for mark in "。！？!?")
    if len(text) > MAX_HEADING_CHARS and not (
            line.blank_after and len(text) <= 2 * MAX_HEADING_CHARS and numbered_level(text) in (1, 2, _ORDINAL_LEVEL)):
        return False  # a numbered heading set apart may run long (一、坚持在…上精准发力，加快建设…)
    if text[0] in _CONTINUATION_START:
        return False
    # A line that stops at an opening bracket or a function word was broken by the page
    # (…缔结了 / 中苏友好同盟互助条约 / …), not written as a heading.
    if text[-1] in _OPENERS or _ENUMERATOR.match(text):
        return False
    # 了 closes a numbered point set apart as often as a page breaks after it (第二，…整个经济比较活了).
    closes = text[-1] == "了" and line.blank_after and bool(numbered_level(text))
    if text[-1] in _DANGLING and not text.endswith(_NOUNS_ENDING_DANGLING) and not closes:
        return False
    # A short unpunctuated line with a full-width comma inside is usually a
    # sentence broken by the page, unless a blank line sets it apart.
    commas = text.count("，")
    if commas >= 3 and not numbered_level(text):
        return False  # 现在，我代表国务院，向大会报告政府工作，请…: a sentence that lost its 。
    return not commas or line.blank_after or bool(numbered_level(text))


def _point_level(stack: list[tuple[float, str]]) -> float:
    """The level of a point (第一，…): that of the point before it while it is open; else right
    under a section 一、 it groups the section's items (第一，全国动员，大办农业 over （一）…（九）),
    and under an item it is the item's own points."""
    open_point = next((level for level, text in reversed(stack) if numbered_level(text) == _ORDINAL_LEVEL), None)
    if open_point is not None:
        return open_point
    return SERIES_LEVEL if not stack or stack[-1][0] <= 1 else _ORDINAL_LEVEL


def _mark_series(lines: list[_Line]) -> list[_Line]:
    """Unpunctuated lines that open alike, three or more, set apart by blank lines: a series of
    grouping headings written as sentences (一年来，我们纵观大势、从容应对，…趋好 / 一年来，我们
    矢志不渝、倾力而为，…), however long and however many commas. A sentence that lost its 。
    does not come in threes."""
    by_opening: dict[str, list[int]] = {}
    dashed: dict[str, list[int]] = {}
    for i, line in enumerate(lines):
        text = line.text
        if not line.blank_after or line.md_level or len(text) > MAX_SERIES_HEADING_CHARS or "，" not in text:
            continue
        if not is_terminated(text):
            # 五年来，在… / 五年来，经…: the opening is the phrase up to its first comma
            # when it is that short.
            comma = text.find("，", 0, PARALLEL_OPENING_CHARS)
            by_opening.setdefault(text[: comma + 1 if comma > 0 else PARALLEL_OPENING_CHARS], []).append(i)
        elif (dash := _LEADING_DASH.match(text)) and _one_sentence(text):
            # ——我们聚焦…，在…上展现更大作为。 over its year's results: a series of one-sentence
            # banners, each over paragraphs of its own (a target list's ——lines come one after another).
            dashed.setdefault(text[: dash.end() + 2], []).append(i)
    series = {i for found in by_opening.values() if len(found) >= 3 for i in found}
    series |= {i for found in dashed.values()
               if len(found) >= 3 and all(b - a > 1 for a, b in zip(found, found[1:])) and found[-1] + 1 < len(lines)
               for i in found}
    return [replace(line, in_series=True) if i in series else line for i, line in enumerate(lines)]


def _read_lines(text: str) -> list[_Line]:
    raw = text.split("\n")
    out: list[_Line] = []
    for i, line in enumerate(raw):
        if not line.strip():
            continue
        blank_after = i + 1 < len(raw) and not raw[i + 1].strip()
        m = _MD_HEADING.match(line)
        heading = m.group(2).strip().rstrip("#").strip() if m else ""
        if heading:
            out.append(_Line(heading, blank_after, len(m.group(1))))  # type: ignore[union-attr]
        else:
            # A speaker is named in the opening only: further on, 主任委员和委员的职务 is text.
            text = line.strip()
            role = _role(text)
            if role and len(out) >= MAX_FRONT_LINES and not _DATELINE.match(text):
                role = ""
            out.append(_Line(text, blank_after, 0, role))
    return _join_front_pieces(out)


def _join_front_pieces(lines: list[_Line]) -> list[_Line]:
    """Lines of the opening a page broke in two: 国务院总理 / 李　强 (an office, then the name)
    is one speaker line; 政府工作报 / 告 is one headline."""
    out: list[_Line] = []
    for line in lines:
        prev = out[-1] if out and len(out) < MAX_FRONT_LINES else None
        if prev is not None and not prev.role and not prev.md_level and not line.md_level:
            if _OFFICE_ALONE.match(prev.text) and _NAME_ALONE.match(line.text):
                out[-1] = _Line(f"{prev.text.strip()} {line.text}", line.blank_after, 0, "speaker")
                continue
            if len(line.text) <= 2 and _TITLE_END.search(prev.text + line.text) and not _TITLE_END.search(prev.text):
                out[-1] = _Line(prev.text + line.text, line.blank_after, 0)
                continue
        out.append(line)
    return out


def _glue(left: str, right: str) -> str:
    if left and right and left[-1].isascii() and left[-1].isalnum() and right[0].isascii() and right[0].isalnum():
        return left + " " + right
    return left + right


# Notices that only become recognisable once their broken lines are joined
# (an online library's public-domain notice is split around its links).
_JOINED_FURNITURE = re.compile(r"^本作品.{0,200}(公有领域|不适用于该法)|^注[:：]中文维基文库")


# A numeral alone, set apart by a blank line (一 / 二 over the sections of a 1960 report): the
# section's number as its heading, not an item's enumerator.
_SECTION_NUMERAL = re.compile(r"^[一二三四五六七八九十]{1,3}$")
_BARE_ENUMERATOR = re.compile(r"^([一二三四五六七八九十]{1,3}[、.．]?|[（(][一二三四五六七八九十]{1,3}[）)]|\d{1,2}[、.．]|[（(]\d{1,2}[）)])$")


def _join_broken(lines: list[_Line]) -> list[_Line]:
    """Rejoin lines that a page or converter broke in mid-sentence, and an enumerator left
    alone on its line (bold text on a web page) with the heading it numbers."""
    out: list[_Line] = []
    # In a text whose paragraphs stand apart (a blank line after nearly every one), a short
    # unnumbered line run straight into the next is a piece of its sentence (national 1984:
    # “互相尊重…和平共处” / 五项原则 / 早已载入我国宪法，…), not a heading.
    blank_separated = sum(1 for ln in lines if ln.blank_after) >= BLANK_SEPARATED_SHARE * len(lines)
    for line in lines:
        if (out and blank_separated and not out[-1].blank_after and not out[-1].md_level and not out[-1].role
                and not line.md_level and not line.role and not numbered_level(out[-1].text)
                and not _BARE_ENUMERATOR.match(out[-1].text) and not numbered_level(line.text)
                and not is_terminated(out[-1].text) and not _PART_HEADING.search(out[-1].text)):
            out[-1] = _Line(_glue(out[-1].text, line.text), line.blank_after, 0)
            continue
        if (out and _BARE_ENUMERATOR.match(out[-1].text) and not out[-1].md_level and not line.role
                and not (out[-1].blank_after and _SECTION_NUMERAL.match(out[-1].text))):
            out[-1] = _Line(out[-1].text + line.text, line.blank_after, line.md_level)
            continue
        if out and not line.md_level and not out[-1].md_level and not line.role and not out[-1].role:
            prev = out[-1]
            if _heading_goes_on(prev, line):
                out[-1] = _Line(prev.text + line.text, line.blank_after, 0)
                continue
            prev_is_body = not _is_heading_like(prev)
            starts_mid = line.text[0] in _CONTINUATION_START
            if starts_mid or (prev_is_body and not is_terminated(prev.text) and not numbered_level(line.text)):
                out[-1] = _Line(_glue(prev.text, line.text), line.blank_after, 0)
                continue
        out.append(line)
    return out


MAX_HEADING_TAIL_CHARS = 16
BLANK_SEPARATED_SHARE = 0.7


def _heading_goes_on(prev: _Line, line: _Line) -> bool:
    """三、持续提升政府 / 治理效能和服务水平: a numbered heading broken over two lines, with no
    blank line between; the second part is short, unnumbered and unpunctuated."""
    if prev.blank_after or numbered_level(prev.text) not in (1, 2) or is_terminated(prev.text):
        return False
    if numbered_level(line.text) or _BARE_ENUMERATOR.match(line.text) or is_terminated(line.text):
        return False
    # A tail may hold one comma (（一）着力稳增长 / 促发展，经济运行稳中向好), never a figure: a
    # short line with a number after a heading is its section's text.
    return (len(line.text) <= MAX_HEADING_TAIL_CHARS and line.text.count("，") <= 1
            and not any(ch.isdigit() for ch in line.text)
            and len(prev.text) + len(line.text) <= MAX_HEADING_CHARS)


MAX_RUN_IN_HEADING_CHARS = 50
_RUN_IN_END = re.compile(r"[。！？]")


def _split_run_in_headings(lines: list[_Line]) -> list[_Line]:
    """（二）坚持供需两端协同发力，想方设法提振消费。消费一直是…: a numbered section heading
    set in bold at the head of its paragraph; cut it off as a heading of its own."""
    out: list[_Line] = []
    for k, line in enumerate(lines):
        level = 0 if line.md_level or line.role else numbered_level(line.text)
        # A point (第一，…。) is a heading only alone on its short line: run on, it opens a paragraph.
        point_alone = level == _ORDINAL_LEVEL and len(line.text) <= MAX_HEADING_CHARS and _one_sentence(line.text)
        end = (_RUN_IN_END.search(line.text, 0, MAX_RUN_IN_HEADING_CHARS + 1)
               if level in (1, 2) or point_alone else None)
        rest = len(line.text) - end.end() if end is not None else 0
        if end is not None and (rest >= 20 or (rest and _body_follows(lines, k, level))):
            # the text run on after the heading is its section's first statement; a short one
            # (打好扩大内需升级战，推动消费提档升级。) too, when the section's text follows
            out.append(_Line(line.text[: end.start()], False, 0, run_in=True))
            out.append(_Line(line.text[end.end():], line.blank_after, 0))
        elif (end is not None and end.end() == len(line.text) or level == 2 and _one_sentence(line.text)) \
                and _body_follows(lines, k, level):
            # （一）聚力打造…，在服务全国发展大局中展现新担当。 alone on its line, the section's
            # text after it: a heading written as a sentence, not a paragraph of one; a （一）
            # item even a long one (national 1986: （一）进一步增强企业特别是…生产者和经营者。),
            # where a long 一、 sentence is more often a rule of a list (national 1982).
            out.append(_Line(line.text[:-1], line.blank_after, 0, run_in=True))
        else:
            out.append(line)
    return out


def _one_sentence(text: str) -> bool:
    """One sentence, no longer than a numbered heading set apart may run."""
    end = _RUN_IN_END.search(text)
    return end is not None and end.end() == len(text) and len(text) <= 2 * MAX_HEADING_CHARS


def _body_follows(lines: list[_Line], k: int, level: int) -> bool:
    """The line after the k-th is body text: not a heading, not another item of this level or
    above (an item of a deeper one, 1.攻坚重大项目… under （一）…, is the section's text)."""
    if k + 1 >= len(lines):
        return False
    after = lines[k + 1]
    after_level = numbered_level(after.text)
    # A short sentence is body too (我们注重把握宏观调控的方向、重点和力度，…。); a short
    # unpunctuated line may be another heading.
    return (not (after.md_level or after.role) and (not after_level or after_level > level)
            and (len(after.text) > MAX_HEADING_CHARS or is_terminated(after.text)))


def _pick_title(preamble: list[_Line]) -> str | None:
    """The headline: a Markdown H1, else the first front line that reads like a report's
    title, else the longest; never a dateline, speaker, dated subtitle or numbered heading."""
    for line in preamble:
        if line.md_level == 1:
            return _COLUMN_TAGS.sub("", line.text)
    candidates = [
        ln.text for ln in preamble
        if not ln.role and not _LEADING_DASH.match(ln.text) and not ln.md_level and not numbered_level(ln.text)
        and not _PART_HEADING.search(ln.text)
    ]
    if not candidates:
        return None
    candidates = [_COLUMN_TAGS.sub("", c) for c in candidates]
    titled = [c for c in candidates if _TITLE_WORDS.search(c)]
    # A report's name over a news headline that names it (政府工作报告全文来了！ / 政府工作报告)
    named = [c for c in titled if _TITLE_END.search(c)]
    return (named or titled or [max(candidates, key=len)])[0]


def split_sentences(text: str, paragraph: int = 0, first_index: int = 0) -> tuple[Sentence, ...]:
    """Split a paragraph into sentence spans, never inside quotes or brackets; the sentences
    are numbered from ``first_index`` (the count of sentences before this paragraph)."""
    pieces: list[tuple[int, int]] = []
    start = 0
    for m in _SENTENCE_END.finditer(text):
        pieces.append((start, m.end()))
        start = m.end()
    if start < len(text):
        pieces.append((start, len(text)))
    merged: list[tuple[int, int]] = []
    depth = 0
    for s, e in pieces:
        chunk = text[s:e]
        if merged and depth > 0 and (e - merged[-1][0]) <= MAX_SENTENCE_CHARS:
            merged[-1] = (merged[-1][0], e)
        else:
            merged.append((s, e))
            depth = 0
        depth += len(_OPENER.findall(chunk)) - len(_NESTING_CLOSER.findall(chunk))
        depth = max(depth, 0)
    spans: list[tuple[int, int]] = []
    for s, e in merged:
        spans.extend(_split_long(text, s, e))
    out: list[Sentence] = []
    for s, e in spans:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            if out and not any(ch.isalnum() for ch in text[s:e]):
                last = out[-1]
                out[-1] = Sentence(paragraph, last.start, e, text[last.start : e], last.index)
                continue
            out.append(Sentence(paragraph, s, e, text[s:e], first_index + len(out)))
    return tuple(out)


def _split_long(text: str, s: int, e: int) -> list[tuple[int, int]]:
    """Cut an over-long span at its last comma before the limit, so one
    run-on sentence cannot swamp a summary."""
    spans: list[tuple[int, int]] = []
    while e - s > MAX_SENTENCE_CHARS:
        window = text[s : s + MAX_SENTENCE_CHARS]
        cut = max(window.rfind("，"), window.rfind(","), window.rfind("、"))
        cut = s + cut + 1 if cut > MAX_SENTENCE_CHARS // 3 else s + MAX_SENTENCE_CHARS
        spans.append((s, cut))
        s = cut
    spans.append((s, e))
    return spans


def segment(text: str) -> Document:
    """Parse cleaned text into headed paragraphs."""
    joined = _join_broken(_mark_series(_read_lines(text)))
    lines = [ln for ln in joined if not _JOINED_FURNITURE.match(ln.text)]
    dropped: Counter[str] = Counter()
    dropped["notice"] += len(joined) - len(lines)
    lines = _split_run_in_headings(lines)
    front = [FrontLine(ln.role, ln.text) for ln in lines if ln.role]
    for line in lines:
        if line.role:
            dropped[line.role] += 1
    lines = [ln for ln in lines if not ln.role]
    heading_flags = [_is_heading_like(ln) for ln in lines]
    first_body = next((i for i, h in enumerate(heading_flags) if not h), len(lines))
    # A work report's text starts at its address (各位代表：): what a web page puts above it
    # (a photo caption naming the speaker, a summary box) is front matter, not a paragraph.
    address = next((i for i, ln in enumerate(lines[:MAX_FRONT_LINES]) if _ADDRESS.match(ln.text)), None)
    # Only a short stretch can be front matter: a file that opens with the review's body has
    # lost its opening, and the 各位代表 found is a later one (各位代表，成绩来之不易).
    if address is not None and address > first_body and sum(len(ln.text) for ln in lines[first_body:address]) <= MAX_FRONT_CHARS:
        first_body = address
    preamble = lines[:first_body]
    md_doc = sum(1 for ln in lines if ln.md_level) >= 2
    title = _pick_title(preamble) if preamble else None
    # A Markdown H1 later on, with no title yet, is still the headline.
    if preamble:
        # Section headings before the first paragraph stay headings; the rest is masthead.
        body_preamble = [ln for ln in preamble if (ln.md_level >= 2 and not _is_banner(ln, lines)) or (
            not ln.md_level and (numbered_level(ln.text) or _PART_HEADING.search(ln.text)))]
        masthead = [ln for ln in preamble if ln not in body_preamble and _COLUMN_TAGS.sub("", ln.text) != title]
        front += [FrontLine("masthead", ln.text) for ln in masthead]
        dropped["masthead"] += len(masthead)
        lines = body_preamble + lines[first_body:]
        heading_flags = [True] * len(body_preamble) + heading_flags[first_body:]
    # Trailing headings with no text after them are captions or repeats.
    while lines and heading_flags[-1]:
        lines.pop()
        heading_flags.pop()
        dropped["caption"] += 1
    lines, heading_flags = _attach_leads(lines, heading_flags)

    stack: list[tuple[float, str]] = []
    paragraphs: list[Paragraph] = []
    headings: list[str] = []
    seen: set[str] = set()
    duplicates = 0
    n_sentences = 0
    parts_above = _part_headings(lines, heading_flags)
    for position, (line, is_heading) in enumerate(zip(lines, heading_flags, strict=True)):
        if is_heading:
            if line.md_level == 1 and title is None:
                title = line.text
                continue
            if md_doc and not line.md_level and not numbered_level(line.text):
                dropped["caption"] += 1  # a bare caption under a Markdown heading
                continue
            level: float = (APPENDIX_LEVEL if _APPENDIX_MARK.match(line.text) else 0 if position in parts_above
                            else line.md_level or numbered_level(line.text) or 1)
            if line.in_series and not line.md_level and not numbered_level(line.text):
                # A banner sentence (——我们…。) heads paragraphs, as an item （一） does, and the
                # items after the banners close it; an unpunctuated series groups the items.
                level = _ITEM_LEVEL if is_terminated(line.text) else SERIES_LEVEL
            elif level == _ORDINAL_LEVEL and not line.md_level and position not in parts_above:
                level = _point_level(stack)
            while stack and stack[-1][0] >= level:
                stack.pop()
            stack.append((level, line.text))
            headings.append(line.text)
            continue
        if len(line.text) >= 20 and line.text in seen:
            duplicates += 1
            dropped["duplicate"] += 1
            continue
        seen.add(line.text)
        index = len(paragraphs)
        sentences = split_sentences(line.text, index, n_sentences)
        n_sentences += len(sentences)
        paragraphs.append(
            Paragraph(index=index, text=line.text, heading_path=tuple(h for _, h in stack), sentences=sentences)
        )
    return Document(
        title=title,
        paragraphs=tuple(paragraphs),
        headings=tuple(headings),
        dropped=tuple(sorted((k, v) for k, v in dropped.items() if v)),
        duplicate_paragraphs=duplicates,
        front=tuple(front),
    )


def _is_banner(line: _Line, lines: list[_Line]) -> bool:
    """A page's series banner above the text (## 在…指引下——新时代新作为新篇章 over ### sections):
    the only heading of its Markdown level, unnumbered, with at least two of a deeper level
    below it. The sections it would head are the article's own."""
    if numbered_level(line.text) or _PART_HEADING.search(line.text):
        return False
    levels = [ln.md_level for ln in lines if ln.md_level >= 2]
    return levels.count(line.md_level) == 1 and sum(1 for lv in levels if lv > line.md_level) >= 2


_FIRST_NUMBERED = re.compile(r"^一[、.．]")


def _part_headings(lines: list[_Line], heading_flags: list[bool]) -> set[int]:
    """Unnumbered headings that head a numbered run of their own (2023年工作回顾 then 一、…
    二、…; 2024年重点工作 then 一、… again): the parts of the report, a level above 一、."""
    heads = [i for i, flag in enumerate(heading_flags) if flag and not lines[i].md_level]
    above = {i: j == i + 1 for i, j in zip(heads, heads[1:])
             if not numbered_level(lines[i].text) and _FIRST_NUMBERED.match(lines[j].text)}
    # One alone counts when 一、 follows it at once (2024年重点工作安排建议 / 一、…): nothing
    # but the numbered run can be under it.
    return set(above) if len(above) >= 2 else {i for i, at_once in above.items() if at_once}


def _attach_leads(lines: list[_Line], heading_flags: list[bool]) -> tuple[list[_Line], list[bool]]:
    """Join each lead statement to the body line right after it, so 各位代表： or 一是…。
    heads its paragraph instead of standing as one; a lead followed by a heading stays."""
    out: list[_Line] = []
    flags: list[bool] = []
    pending: _Line | None = None
    for line, heading in zip(lines, heading_flags, strict=True):
        if pending is not None:
            if not heading and not is_lead(line.text):
                line = _Line(pending.text + line.text, line.blank_after, 0)
            else:
                out.append(pending)
                flags.append(False)
            pending = None
        if not heading and is_lead(line.text):
            pending = line
            continue
        out.append(line)
        flags.append(heading)
    if pending is not None:
        out.append(pending)
        flags.append(False)
    return out, flags
