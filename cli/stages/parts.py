"""Stage: the part of the report each paragraph belongs to; writes the parts layer.

Government work reports follow one plan: a review of the last year (工作回顾), this year's
general requirements and main targets (总体要求和主要预期目标), this year's tasks (重点工作),
the government's own conduct (政府自身建设), appendices (名词解释, 注释). A paragraph's part
comes from the nearest heading that names one, then from cue words of the paragraph itself
(主要预期目标是 inside a tasks section states targets). The part is what tells a result from
a target, and appendix paragraphs are never summarised."""

from __future__ import annotations

import functools
import re

from ..document import Document

# 名词解释 and its kin (词语注释, 术语解释 …), in a heading or a title left a paragraph.
_GLOSSARY_WORDS = r"(名词|词语|术语|用语)(解释|注释|注解)"
# What numbers a glossary's entry: 1. 1、 (1) ① [1]
_ENTRY_NUMBER = r"(?:\d{1,2}\s*[.、．]|[(（]\d{1,2}[)）]|[①-⑳]|\[\d{1,2}\])"
# Checked in this order against a heading: the first part whose pattern matches wins.
_HEADING_PARTS: tuple[tuple[str, re.Pattern[str]], ...] = (
    # 名词解释 as a report may title it (政府工作报告名词解释, 【名词解释】, 本报告部分名词注释,
    # 名 词 解 释 set in spaces): matched on the heading without its spaces.
    ("appendix", re.compile(r"^[(（【\[]*(附件|附录|附[:：]|注释|注解|说明)|^[^，。；,;]{0,16}" + _GLOSSARY_WORDS)),
    ("review", re.compile(r"回顾|过去(的)?[一五]年|[一五]年来|\d{4}年工作情况|计划(?:前两年|前三年)?的?执行情况")),
    ("government", re.compile(r"自身建设|自身改革|人民满意的?政府|政府建设|作风建设|政府效能|政府[^，。]{0,8}治理|"
                              r"政府履职|廉政建设|反腐败|法治政府|廉洁政府|服务型政府|(?:打造|建设|建成)[^，。]{0,12}政府$|"
                              r"政府机构|政府职能|政风|政府[^，。]{0,6}力$")),
    ("targets", re.compile(r"(总体要求|预期目标|主要目标|主要指标|目标任务|经济社会发展目标|总体部署|\d{4}年(?:的)?发展思路|总体思路|"
                           r"(?:五年计划|[“\"][一二三四五六七八九十]+五[”\"](?:时期|期间|计划))的?(?:概要|基本任务))"
                           r"(?!.{0,6}(重点工作|重点任务|主要任务|工作安排|和主要工作))")),
    ("plan", re.compile(r"重点工作|重点任务|主要任务|工作安排|工作打算|工作计划|工作思路|下一步|明年|今后|"
                        r"\d{4}年(的)?(主要)?工作|关于\d{4}年|目标任务和|总体要求和|工作部署|重点抓好|^结束语$")),
)
_SPACES = re.compile(r"[\s\u3000]+")
# A glossary's title that the segmenter left a paragraph (名词解释（按报告中出现先后排序）, or
# 名词解释：run on into its first entry), and definitions (1.新质生产力：是由…, ①“四上”企业：指…):
# no report's body is written so, and a glossary that no heading opened begins there.
_GLOSSARY_TITLE = re.compile(r"^[(（【\[]*[^，。；,;:：]{0,16}" + _GLOSSARY_WORDS + r"(?:[:：]|[(（][^)）]{0,30}[)）]\s*$|\s*$)")
_DEFINITION = re.compile(
    r"^\s*(?:" + _ENTRY_NUMBER + r"\s*[^，。；,;:：]{2,30}[:：]\s*(?:是指|指的是|系指|主要指|指|即|是由|是以)"
    r"|[^，。；,;:：]{2,20}[:：]\s*(?:是指|指的是|系指|主要指|指))")
MIN_DEFINITIONS = 2
MAX_GLOSSARY_TITLE_CHARS = 48  # a title, or a title run into its first entry, read this far
# After a glossary's title, an entry: numbered, or a short term and a colon (“两重”、“两新”：…).
_ENTRY = re.compile(r"^\s*" + _ENTRY_NUMBER + r"|^[^，。；,;:：]{2,24}[:：]")
_NOTE = re.compile(r"^[(（]?(?:注|备注|注释)\s*\d{0,2}\s*[)）]?\s*[:：]")
# Words of a review that a task's heading uses too (在富民惠民安民上取得新成效): they name the
# part only in a top heading, never in a subsection under a part already named.
_WEAK_REVIEW = re.compile(r"以来|取得|成绩|成效|主要工作|工作总结")
_TARGET_CUES = re.compile(r"预期目标|主要目标是|目标是[:：]|目标任务是|发展目标是|主要指标|总体要求是|总体要求[:：]")
# The targets named as what the tasks serve (按照总体思路和预期目标，今年将…): the plan speaking.
_TARGETS_MET = re.compile(r"(?:按照|围绕|对照|为实现|实现|完成)[^。，,；;]{0,8}(?:预期目标|主要目标)")
# A list of this year's targets: several growth rates or limits with their hedges (增长8%左右).
_TARGET_FIGURE = re.compile(r"(?:增长|增速|控制在|达到)\d+(?:\.\d+)?%(?:左右|以上|以内)?")
_REVIEW_CUES = re.compile(r"过去(的)?一年|一年来|五年来|过去五年|今年以来|上半年|前三季度|回顾")
# A statement of a result: a verb of achievement and, close after it, a number (新建高标准农田313万亩).
_RESULT_CUES = re.compile(
    r"(?:完成|实现|达到|达|新增|新建|增长|增加|提高|提升|下降|累计|建成|突破|引进|签约|改造)[^，,。；;！？]{0,10}?\d"
)
# What a plan says around its numbers: 力争, 确保, 将 …
_PLAN_CUES = re.compile(r"力争|确保|争取|计划|预计|将|(?<![重主需必纲摘纪概])要(?![素求点闻件])")


def _reads_as_results(text: str) -> bool:
    """A paragraph that reports results: several achieved quantities and few words of intent.
    Tells a review written as several top sections (a newspaper's 产业转型步伐加快 after
    2024年高质量发展成绩亮眼) from the tasks that follow a review."""
    return _read_part(len(_RESULT_CUES.findall(text)), len(_PLAN_CUES.findall(text))) == "review"


@functools.lru_cache(maxsize=4096)  # every paragraph asks of its headings again
def heading_part(heading: str, top: bool = True) -> str | None:
    """The part a heading names; ``top``: a top heading, where weaker words of a review count."""
    heading = _SPACES.sub("", heading)
    for part, pattern in _HEADING_PARTS:
        if pattern.search(heading):
            return part
    return "review" if top and _WEAK_REVIEW.search(heading) else None


_HEADING_YEAR = re.compile(r"(\d{4})年")
_FIRST_SECTION = re.compile(r"一(?:[、.．]|\Z)")


def _top_heading_part(heading: str, latest_year: int | None) -> str | None:
    """The part a top heading names; of two top headings naming years (2023年主要工作,
    2024年主要目标和重点工作), the one of the earlier year is the review."""
    part = heading_part(heading)
    found = _HEADING_YEAR.search(heading)
    if part == "plan" and found and latest_year is not None and int(found.group(1)) < latest_year:
        return "review"
    return part


def assign_parts(document: Document) -> Document:
    parts: list[str | None] = []
    top_parts: dict[str, str | None] = {}
    last_top: str | None = None
    years = [int(m.group(1)) for p in document.paragraphs if p.heading_path
             for m in [_HEADING_YEAR.search(p.heading_path[0])] if m]
    latest_year = max(years, default=None)
    # 今年以来，开发区…: a zone's news report on the year so far opens with it, before any heading.
    opening = document.paragraphs[0] if document.paragraphs else None
    so_far = opening is not None and not opening.heading_path and "今年以来" in opening.text[:60]
    # A report numbered in the classic form opens with what was done: its section 一, of several,
    # reviews whatever its heading says (一、伟大的历史性转变, 一、当前国内形势和基本任务). A
    # zone's news report (锚定经济质效“新突破”…) may open with its plan.
    tops = list(dict.fromkeys(p.heading_path[0] for p in document.paragraphs if p.heading_path))
    opens_with_review = (len(tops) >= 2 and bool(_FIRST_SECTION.match(tops[0]))
                         and _top_heading_part(tops[0], latest_year) is None)
    for p in document.paragraphs:
        part = None
        for depth in range(len(p.heading_path) - 1, -1, -1):
            part = (heading_part(p.heading_path[depth], top=False) if depth else
                    _top_heading_part(p.heading_path[depth], latest_year))
            if part:
                break
        if part == "targets" and depth < len(p.heading_path) - 1:
            # 二、2024年总体思路和目标任务 / （一）坚持项目为王…: the targets are stated in a
            # paragraph; the numbered sections under the same heading are the year's tasks.
            part = "plan"
        top = None
        if p.heading_path:
            first = p.heading_path[0]
            if first not in top_parts:
                # A top section whose heading names no part, after the review or the targets,
                # is this year's tasks (reports run review -> targets -> plan), unless it comes
                # straight after the review and reads as results.
                named = _top_heading_part(first, latest_year)
                follows = "review" if last_top == "review" and _reads_as_results(p.text) else "plan"
                if named is None and so_far and last_top in (None, "review"):
                    named = "review"  # a news report of the year so far: its sections say what was done
                if named is None and opens_with_review and first == tops[0]:
                    named = "review"
                # After the government's own conduct come the plan's last sections (外交工作, 结束语).
                top_parts[first] = named or (follows if last_top in ("review", "targets", "plan", "government") else None)
                last_top = top_parts[first] or last_top
            top = top_parts[first]
            part = part or top
            if top == "review" and part == "government":
                part = "review"  # (八)政府效能显著提升 in last year's review is a result of the year
        if top == "appendix" or part == "appendix":
            part = "appendix"
        elif part in ("plan", None) and _TARGET_CUES.search(p.text[:120]) and not _TARGETS_MET.search(p.text[:120]):
            part = "targets"
        elif part is None and not p.heading_path and _REVIEW_CUES.search(p.text[:80]):
            part = "review"
        elif part is None and parts and parts[-1] is not None and not p.heading_path:
            # A report without headings runs on from the part before; after the targets comes
            # the plan, unless the paragraph goes on listing targets.
            part = parts[-1]
            if part == "targets" and len(_TARGET_FIGURE.findall(p.text)) < 2:
                part = "plan"
        parts.append(part)
    parts = _parts_by_reading(document, _after_declared_targets(document, parts))
    return document.with_layers(parts=tuple(_after_glossary_start(document, parts)))


def _is_glossary_title(text: str) -> bool:
    head = text[:MAX_GLOSSARY_TITLE_CHARS]
    if "释" not in head and "解" not in head:  # 解释, 注释, 注解: most paragraphs end here, unsquashed
        return False
    return bool(_GLOSSARY_TITLE.match(_SPACES.sub("", head)))


def _after_glossary_start(document: Document, parts: list[str | None]) -> list[str | None]:
    """The glossary that no heading opened: a paragraph that is its title and the entries after
    it, a run of definitions that ends the report, and notes (注：…, 备注：…) on their own."""
    paragraphs = document.paragraphs
    out = list(parts)
    entries = False
    for i, p in enumerate(paragraphs):
        text = p.text
        if _is_glossary_title(text):
            out[i], entries = "appendix", True
        elif _NOTE.match(text):
            out[i], entries = "appendix", False
        elif entries and (_ENTRY.match(text) or _DEFINITION.match(text)):
            out[i] = "appendix"
        else:
            entries = False
    run = len(paragraphs)
    while run > 0 and _DEFINITION.match(paragraphs[run - 1].text):
        run -= 1
    if len(paragraphs) - run >= MIN_DEFINITIONS:
        out[run:] = ["appendix"] * (len(paragraphs) - run)
    return out


# This year's targets declared (今年全市经济社会发展主要预期目标是：…, 做好今年政府工作的总体要求是):
# what follows is no longer the review, whatever heading it still sits under.
_TARGETS_DECLARED = re.compile(
    r"(?:今年|\d{4}年)[^。；]{0,24}(?:主要预期目标|预期目标|主要目标)(?:是|为)[:：]?|今年政府工作的总体要求是"
)


def _after_declared_targets(document: Document, parts: list[str | None]) -> list[str | None]:
    """A review section that goes on into this year's targets and tasks (its file lost the
    heading between them): from the declaration on, targets, then the plan."""
    out = list(parts)
    section: str | None = None
    for i, p in enumerate(document.paragraphs):
        top = p.heading_path[0] if p.heading_path else ""
        if section is not None and top != section:
            section = None
        if out[i] != "review":
            continue
        if section is None and _TARGETS_DECLARED.search(p.text):
            section = top
            out[i] = "targets"
        elif section is not None:
            out[i] = "targets" if _TARGET_CUES.search(p.text[:120]) else "plan"
    return out


def _parts_by_reading(document: Document, parts: list[str | None]) -> list[str | None]:
    """Parts for the sections that no heading or cue placed (a zone's newspaper report with
    headings such as 产业发展夯实“硬根基”): a section whose paragraphs report results is a
    review, one that says what will be done is a plan; otherwise it stays unknown."""
    sections: dict[str, list[int]] = {}
    for i, p in enumerate(document.paragraphs):
        if parts[i] is None:
            sections.setdefault(p.heading_path[0] if p.heading_path else "", []).append(i)
    out = list(parts)
    if not sections:
        return out
    cues = {i: (len(_RESULT_CUES.findall(document.paragraphs[i].text)), len(_PLAN_CUES.findall(document.paragraphs[i].text)))
            for members in sections.values() for i in members}
    undecided: list[int] = []
    for members in sections.values():
        part = _read_part(sum(cues[i][0] for i in members), sum(cues[i][1] for i in members))
        for i in members:
            out[i] = part
        if part is None:
            undecided += members
    # Sections too short to tell (one paragraph each) are told together: a zone's plan for
    # the year reads as a plan over all its sections.
    part = _read_part(sum(cues[i][0] for i in undecided), sum(cues[i][1] for i in undecided), by_majority=True)
    for i in undecided:
        out[i] = part
    return out


def _read_part(results: int, intents: int, by_majority: bool = False) -> str | None:
    """review, plan or None for a stretch of text with this many words of achievement and of
    intent; ``by_majority``: the more frequent wins (when nothing else will tell)."""
    if by_majority and max(results, intents) >= 3 and results != intents:
        return "review" if results > intents else "plan"
    if results >= 2 and results > 2 * intents:
        return "review"
    return "plan" if intents >= 3 and intents > results else None
