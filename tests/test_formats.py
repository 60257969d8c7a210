"""Inputs people actually have: a seed saved as PDF, as Word .docx and as a government web
page gives the same paragraphs, title and summary as the plain text; scans and old .doc files
are refused with a way forward. Every file is made here, as a user's tools would make it."""

from __future__ import annotations

import io
import re

import pytest
from devzone import Analyzer
from devzone.errors import BinaryInputError

from .conftest import run_cli, seed


def _plain(key: str) -> dict:
    return Analyzer().analyse(seed(key)).to_dict()


def _same_report(got: dict, want: dict) -> None:
    assert [p["text"] for p in got["paragraphs"]] == [p["text"] for p in want["paragraphs"]]
    assert [p["heading_path"] for p in got["paragraphs"]] == [p["heading_path"] for p in want["paragraphs"]]
    assert got["title"] == want["title"]
    assert [s["text"] for s in got["summary"]] == [s["text"] for s in want["summary"]]


def _canvas(pagesize):
    pytest.importorskip("reportlab")
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))  # a CJK font every PDF reader knows
    out = io.BytesIO()
    return out, canvas.Canvas(out, pagesize=pagesize)


def _pdf(lines: list[str], header: str, *, text_layer: bool = True) -> bytes:
    pytest.importorskip("reportlab")
    from reportlab.lib.pagesizes import A4

    out, page = _canvas(A4)
    width, height = A4
    size, per_line, y, number = 11, 36, height - 80, 1

    def furniture() -> None:
        page.setFont("STSong-Light", 9)
        page.drawString(72, height - 50, header)
        page.drawCentredString(width / 2, 40, f"- {number} -")
        page.setFont("STSong-Light", size)

    furniture()
    for text in lines:
        for k in range(0, len(text), per_line):
            if y < 80:
                page.showPage()
                number += 1
                y = height - 80
                furniture()
            if text_layer:
                page.drawString(72 + (2 * size if k == 0 else 0), y, text[k:k + per_line])
            else:
                page.rect(72, y, 300, 8, fill=1)  # ink, but no text
            y -= size * 1.6
        y -= size * 0.6
    page.save()
    return out.getvalue()


def test_a_seed_saved_as_pdf_reads_like_the_plain_text(tmp_path):
    lines = [line.strip() for line in seed("000").read_text(encoding="utf-8").splitlines() if line.strip()]
    path = tmp_path / "report.pdf"
    path.write_bytes(_pdf(lines, "通辽经济技术开发区工作总结"))
    got = Analyzer().analyse(path).to_dict()
    _same_report(got, _plain("000"))
    text = "".join(p["text"] for p in got["paragraphs"])
    assert "工作总结" not in text and not re.search(r"- \d+ -", text)  # no running header, no page numbers


def test_a_pdf_of_short_paragraphs_and_a_contents_page_keeps_its_headings(tmp_path):
    # Where most paragraphs are one line, most lines start indented: the margin is still the
    # edge the long paragraphs' second lines share, and the contents page is dropped.
    lines = ["2026年某某省政府工作报告", "——2026年1月21日在某某省第十四届人民代表大会第五次会议上", "某某省省长 张三",
             "目　录", "一、2025年工作回顾……………………………………1", "二、2026年工作安排……………………………………9",
             "各位代表：", "现在，我代表省人民政府，向大会报告工作，请予审议，并请省政协委员和其他列席人员提出意见。",
             "一、2025年工作回顾", "全省地区生产总值增长5.4%，一般公共预算收入增长3.1%，城镇新增就业92万人，居民人均可支配收入增长5.1%。",
             "二、2026年工作安排", "今年全省经济社会发展的主要预期目标是：地区生产总值增长5%左右，城镇新增就业85万人以上。"]
    path = tmp_path / "report.pdf"
    path.write_bytes(_pdf(lines, "某某省人民政府公报"))
    got = Analyzer().analyse(path).to_dict()
    assert [(p["heading_path"], p["text"][:6]) for p in got["paragraphs"]] == [
        ([], "各位代表：现"), (["一、2025年工作回顾"], "全省地区生产"), (["二、2026年工作安排"], "今年全省经济")]
    assert got["counts"]["dropped"]["contents"] == 3 and got["title"] == "2026年某某省政府工作报告"


def test_a_pdf_in_a_font_it_does_not_embed_keeps_its_paragraphs_whole(tmp_path):
    # STSong-Light is named, not embedded: a run of Chinese has no height in the text layer and
    # its top is its base, while a run with digits has both. Placed by their tops, a line with
    # digits stood a line's height above the next, read as a paragraph's end; and a paragraph's
    # second line starting 1% looked indented.
    opening = ("2023年是全面贯彻党的二十大精神的开局之年，是三年新冠疫情防控转段后经济恢复发展的一年。我们坚持稳中求进工作"
               "总基调，学思想、拼经济、稳增长、惠民生，克难奋进、砥砺前行，全市经济整体回升向好，呈现基础稳、活力强、韧性大、"
               "后劲足的良好态势，社会大局和谐稳定，高质量发展的动能更加强劲。")
    results = ("2023年，全市地区生产总值增长5.8%，一、二、三产增加值分别增长4.1%、7.3%和5%。规上工业增加值增长9.2%，"
               "总量居全区第二。城乡居民收入稳步增长，就业和物价总体稳定，在全国、全区经验交流会上作典型经验介绍。")
    lines = ["各位代表：", "现在，我代表市人民政府向大会报告工作，请予审议。", "一、2023年工作回顾", opening, results,
             "二、2024年工作安排", "今年全市经济社会发展的主要目标是：地区生产总值增长5.5%以上，规上工业增加值增长9%以上。"]
    path = tmp_path / "report.pdf"
    path.write_bytes(_pdf(lines, "某某日报"))
    got = Analyzer().analyse(path).to_dict()
    assert [p["text"] for p in got["paragraphs"]][1:3] == [opening, results]
    assert [(h["indicator"], h["kind"], h["value"]) for h in got["headline"][:2]] == [
        ("gdp_growth", "achieved", 5.8), ("gdp_growth", "target", 5.5)]


def _set_lines(text: str, width: int) -> list[str]:
    """A paragraph broken as a layout engine breaks it: indented two characters, no line
    opened by a closing mark, no Latin word or number cut."""
    pieces, k = [], 0
    while k < len(text):
        end = k + width - (2 if k == 0 else 0)
        while end < len(text) and text[end] in "。，、；：？！”）》%":
            end += 1
        while k + 4 < end < len(text) and text[end].isascii() and text[end].isalnum() and text[end - 1].isascii():
            end -= 1
        pieces.append(text[k:end])
        k = end
    return pieces


def _newspaper_pdf(headline: str, lines: list[str], columns: int) -> bytes:
    """A newspaper's pages: the paper's name and date atop each, the headline set large across
    the first, and the text in columns, flowing down each column, then the next, then the next page."""
    from reportlab.lib.pagesizes import A3

    out, page = _canvas(A3)
    width, height = A3
    size, margin, gap, bottom = 10.5, 50, 16, 60
    column_width = (width - 2 * margin - (columns - 1) * gap) / columns

    def new_page(first: bool) -> float:
        page.setFont("STSong-Light", 9)
        page.drawString(margin, height - 30, "某某日报 2026年1月27日 第3版")
        if first:
            page.setFont("STSong-Light", 24)
            page.drawCentredString(width / 2, height - 70, headline)
        page.setFont("STSong-Light", size)
        return height - (120 if first else 60)

    top = y = new_page(True)
    column = 0
    for text in lines:
        for k, piece in enumerate(_set_lines(text, int(column_width // size))):
            if y < bottom:
                column, y = column + 1, top
                if column == columns:
                    page.showPage()
                    column, top = 0, new_page(False)
                    y = top
            page.drawString(margin + column * (column_width + gap) + (2 * size if k == 0 else 0), y, piece)
            y -= size * 1.5
    page.save()
    return out.getvalue()


def test_a_newspaper_page_set_in_columns_reads_like_the_plain_text(tmp_path):
    # Read across the page, each line of the text layer would join three columns' lines.
    lines = [line.strip() for line in seed("001").read_text(encoding="utf-8").splitlines() if line.strip()]
    path = tmp_path / "page.pdf"
    path.write_bytes(_newspaper_pdf(lines[0], lines[1:], columns=3))
    got, want = Analyzer().analyse(path).to_dict(), _plain("001")
    assert [(p["heading_path"], p["text"]) for p in got["paragraphs"]] == [
        (p["heading_path"], p["text"]) for p in want["paragraphs"]]
    assert [s["text"] for s in got["summary"]] == [s["text"] for s in want["summary"]]
    # the headline's two lines are one line of the PDF, which says nothing of the space between
    assert got["title"].replace(" ", "") == want["title"].replace(" ", "")
    assert "某某日报" not in "".join(p["text"] for p in got["paragraphs"])


def test_a_table_is_read_row_by_row_not_as_two_columns(tmp_path):
    from reportlab.lib.pagesizes import A4

    out, page = _canvas(A4)
    page.setFont("STSong-Light", 11)
    rows = [("地区生产总值", "增长5.4%，高于全国0.4个百分点"), ("一般公共预算收入", "增长3.1%"),
            ("规模以上工业增加值", "增长6.2%，居全省第三位"), ("固定资产投资", "增长4.0%"),
            ("社会消费品零售总额", "增长5.5%"), ("城镇新增就业", "92万人"), ("居民人均可支配收入", "增长5.1%"),
            ("进出口总额", "增长8.0%，总量创历史新高"), ("实际使用外资", "32亿美元"), ("居民消费价格", "上涨0.4%")]
    for k, (name, value) in enumerate(rows):
        page.drawString(72, 760 - 18 * k, name)
        page.drawString(300, 760 - 18 * k, value)
    page.save()
    path = tmp_path / "table.pdf"
    path.write_bytes(out.getvalue())
    from devzone.readers.pdf_reader import pdf_text

    text = pdf_text(path.read_bytes(), str(path))
    assert all(name + value in text for name, value in rows)


def test_a_pdf_of_one_line_is_read(tmp_path):
    from reportlab.lib.pagesizes import A4

    out, page = _canvas(A4)
    page.setFont("STSong-Light", 11)
    page.drawString(72, 760, "全市地区生产总值增长百分之五点五，一般公共预算收入增长百分之五。")
    page.save()
    path = tmp_path / "one.pdf"
    path.write_bytes(out.getvalue())
    got = Analyzer().analyse(path).to_dict()
    assert [p["text"] for p in got["paragraphs"]] == ["全市地区生产总值增长百分之五点五，一般公共预算收入增长百分之五。"]


def test_a_hyphen_at_a_lines_end_is_kept_in_chinese_and_mends_a_latin_word(tmp_path):
    # PDFium turns a hyphen that ends a line into a soft hyphen; Chinese never breaks a word with one.
    from reportlab.lib.pagesizes import A4

    out, page = _canvas(A4)
    page.setFont("STSong-Light", 11)
    for k, line in enumerate(["　　推进郑州一吉隆坡、郑州-", "墨西哥城等“双枢纽”建设，深化inter-", "national合作，AHT-",
                              "101注射液获批上市。"]):
        page.drawString(72, 760 - 18 * k, line)
    page.save()
    from devzone.readers.pdf_reader import pdf_text

    assert pdf_text(out.getvalue(), "x.pdf") == "推进郑州一吉隆坡、郑州-墨西哥城等“双枢纽”建设，深化international合作，AHT-101注射液获批上市。"


def _wrapped(lines: list[str], width: int, indent: str) -> list[str]:
    """Lines broken at a width, as an e-paper page or a PDF's text saved as plain text breaks them."""
    out = []
    for line in lines:
        line = indent + line
        out += [line[k:k + width] for k in range(0, len(line), width)]
    return out


def test_an_e_paper_page_broken_at_a_width_reads_like_the_plain_text(tmp_path):
    # A newspaper's e-paper page: one block, its lines broken by <br> at 22 characters, and
    # each paragraph opened by two ideographic spaces; the report's lines are all heading-short.
    lines = [line.strip() for line in seed("002").read_text(encoding="utf-8").splitlines() if line.strip()]
    body = "<br>".join(_wrapped([line.lstrip("# ") for line in lines[1:]], 22, "\u3000\u3000"))
    page = (f"<html><head><meta charset='utf-8'><title>{lines[0].lstrip('# ')}</title></head><body>"
            f"<div class='nav'>首页 | 上一版 | 下一版</div><h1>{lines[0].lstrip('# ')}</h1>"
            f"<div id='ozoom'>{body}</div><div class='foot'>版权所有 某某日报社</div></body></html>")
    path = tmp_path / "page.html"
    path.write_text(page, encoding="utf-8")
    got = Analyzer().analyse(path).to_dict()
    want = _plain("002")
    assert [p["text"] for p in got["paragraphs"]] == [p["text"] for p in want["paragraphs"]]
    assert [s["text"] for s in got["summary"]] == [s["text"] for s in want["summary"]]


def test_a_plain_text_broken_at_a_width_is_read_in_paragraphs():
    # no indents: a line as wide as the wrap goes on in the next, whatever it begins with; a
    # shorter one ends its paragraph, and a number broken across lines is one number again
    paragraphs = [
        "各位代表：",
        "现在，我代表市人民政府向大会报告工作，请予审议，并请市政协委员和其他列席人员提出意见。",
        "一、2023年工作回顾",
        "过去一年，全市地区生产总值增长5.8%，总量达到3806.6亿元，规上工业增加值增长9.2%，总量居全省第二，"
        "一般公共预算收入增长8.8%，城乡居民人均可支配收入分别增长4.4%和7.5%，居民消费价格涨幅控制在预期以内。",
        "适老化改造2000户以上，新增城镇就业5.3万人，城镇调查失业率控制在5.5%以内，社会大局和谐稳定，"
        "人民群众获得感、幸福感、安全感持续增强。",
        "二、2024年工作安排",
        "今年全市经济社会发展的主要预期目标是：地区生产总值增长6%左右，规上工业增加值增长8%，一般公共预算"
        "收入增长5%，城乡居民人均可支配收入增长与经济增长同步。",
    ] * 3
    text = "\n".join(_wrapped(paragraphs, 20, ""))
    got = Analyzer().analyse_text(text, source="report.txt").to_dict()
    texts = [p["text"] for p in got["paragraphs"]]
    assert paragraphs[3] in texts and paragraphs[4] in texts and paragraphs[6] in texts
    assert got["paragraphs"][1]["heading_path"] == ["一、2023年工作回顾"]
    assert got["headline"][0]["value"] == 5.8 and got["headline"][0]["kind"] == "achieved"


def test_a_word_files_contents_is_dropped_though_its_leader_dots_are_a_tab(tmp_path):
    import docx

    document = docx.Document()
    for text in ["2026年某某省政府工作报告", "目  录", "一、2025年工作回顾\t1", "二、2026年工作安排\t9", "各位代表：",
                 "现在，我代表省人民政府，向大会报告工作，请予审议。", "一、2025年工作回顾",
                 "全省地区生产总值增长5.4%，一般公共预算收入增长3.1%。", "二、2026年工作安排", "今年地区生产总值增长5%左右。"]:
        document.add_paragraph(text)
    path = tmp_path / "report.docx"
    document.save(str(path))
    got = Analyzer().analyse(path).to_dict()
    assert got["counts"]["dropped"]["contents"] == 3
    assert [p["heading_path"] for p in got["paragraphs"]] == [[], ["一、2025年工作回顾"], ["二、2026年工作安排"]]


def test_a_scanned_pdf_is_refused_with_a_way_forward(tmp_path):
    path = tmp_path / "scan.pdf"
    path.write_bytes(_pdf(["第一段。"] * 40, "", text_layer=False))
    proc = run_cli("summarize", str(path))
    assert proc.returncode == 2 and b"no text layer" in proc.stderr and b"OCR" in proc.stderr


def _docx(markdown_lines: list[str]) -> bytes:
    docx = pytest.importorskip("docx")
    document = docx.Document()
    for line in markdown_lines:
        level = len(line) - len(line.lstrip("#"))
        text = line.lstrip("#").strip()
        if level == 1:
            document.add_paragraph(text, style="Title")
        elif level:
            document.add_heading(text, level=level - 1)
        else:
            document.add_paragraph(text)
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "指标", "数值"
    table.cell(1, 0).text, table.cell(1, 1).text = "地区生产总值", "107.92亿元"
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_a_seed_saved_as_docx_reads_like_the_plain_text(tmp_path):
    lines = [line.strip() for line in seed("002").read_text(encoding="utf-8").splitlines() if line.strip()]
    path = tmp_path / "report.docx"
    path.write_bytes(_docx(lines))
    got = Analyzer().analyse(path).to_dict()
    want = _plain("002")
    assert got["title"] == want["title"] and got["title"]
    # the table the file adds comes last, a sentence per row
    assert [p["text"] for p in got["paragraphs"][-2:]] == ["指标，数值。", "地区生产总值，107.92亿元。"]
    got["paragraphs"] = got["paragraphs"][:-2]
    assert [p["text"] for p in got["paragraphs"]] == [p["text"] for p in want["paragraphs"]]
    assert [p["heading_path"] for p in got["paragraphs"]] == [p["heading_path"] for p in want["paragraphs"]]


def test_an_old_binary_doc_is_refused_naming_a_conversion(tmp_path):
    path = tmp_path / "report.doc"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600))
    proc = run_cli("summarize", str(path))
    assert proc.returncode == 2 and b"--convert-to docx" in proc.stderr


GOV_PAGE = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>{title} - 通辽经济技术开发区管委会</title></head>
<body><div class="header"><a href="/">首页</a> <a href="/zwgk">政务公开</a> <a href="/xwzx">新闻中心</a></div>
<div class="crumb">当前位置：<a href="/">首页</a> &gt; <a href="/xwzx">新闻中心</a> &gt; 正文</div>
<div class="main"><div class="article">
<h1>{title}</h1>
<div class="info">发布时间：2023-10-20 09:30 来源：开发区融媒体中心 【字号：大 中 小】 <a href="javascript:print()">打印</a></div>
<div class="content">{body}</div>
<div class="share">分享到：<a href="#">微信</a> <a href="#">微博</a></div>
</div>
<div class="related"><h3>相关新闻</h3><ul><li><a href="/1">开发区召开经济运行分析会</a></li><li><a href="/2">开发区举行重点项目集中开工仪式</a></li></ul></div>
</div>
<div class="footer">版权所有：通辽经济技术开发区管理委员会 蒙ICP备12345678号 网站标识码1505000001</div>
</body></html>"""


def test_a_seed_on_a_government_page_reads_like_the_plain_text(tmp_path):
    lines = [line.strip() for line in seed("002").read_text(encoding="utf-8").splitlines() if line.strip()]
    title = lines[0].lstrip("# ")
    body = "".join(f"<h{line.count('#', 0, 3) + 1}>{line.lstrip('# ')}</h{line.count('#', 0, 3) + 1}>"
                   if line.startswith("#") else f"<p>{line}</p>" for line in lines[1:])
    path = tmp_path / "page.html"
    path.write_text(GOV_PAGE.format(title=title, body=body), encoding="utf-8")
    got = Analyzer().analyse(path).to_dict()
    want = _plain("002")
    assert got["title"] == want["title"]
    assert [p["text"] for p in got["paragraphs"]] == [p["text"] for p in want["paragraphs"]]
    text = "\n".join(p["text"] for p in got["paragraphs"]) + "\n".join(got["summary"][0]["text"])
    for furniture in ("首页", "当前位置", "字号", "分享到", "相关新闻", "开发区召开经济运行分析会", "版权所有", "ICP"):
        assert furniture not in text


def _mhtml(page: bytes, charset: str, transfer: str) -> bytes:
    """A page as a browser saves it to one file: a MIME message, the page in its first part."""
    import base64
    import quopri

    body = quopri.encodestring(page) if transfer == "quoted-printable" else base64.encodebytes(page)
    head = ("From: <Saved by Blink>\r\nSnapshot-Content-Location: https://www.example.gov.cn/art/1.html\r\n"
            "MIME-Version: 1.0\r\nContent-Type: multipart/related;\r\n\ttype=\"text/html\";\r\n"
            "\tboundary=\"----MultipartBoundary--x----\"\r\n\r\n\r\n------MultipartBoundary--x----\r\n"
            f"Content-Type: text/html; charset={charset}\r\nContent-Transfer-Encoding: {transfer}\r\n"
            "Content-Location: https://www.example.gov.cn/art/1.html\r\n\r\n")
    css = ("\r\n------MultipartBoundary--x----\r\nContent-Type: text/css\r\n"
           "Content-Location: cid:css-1@mhtml.blink\r\n\r\nbody { color: red; }\r\n------MultipartBoundary--x------\r\n")
    return head.encode("ascii") + body + css.encode("ascii")


@pytest.mark.parametrize("charset,transfer", [("utf-8", "quoted-printable"), ("gbk", "base64")])
def test_a_page_saved_as_one_mhtml_file_reads_like_the_page(tmp_path, charset, transfer):
    lines = [line.strip() for line in seed("002").read_text(encoding="utf-8").splitlines() if line.strip()]
    body = "".join(f"<p>{line.lstrip('# ')}</p>" for line in lines[1:])
    page = GOV_PAGE.format(title=lines[0].lstrip("# "), body=body).replace('charset="utf-8"', f'charset="{charset}"')
    html_path, mhtml_path = tmp_path / "page.html", tmp_path / "page.mhtml"
    html_path.write_bytes(page.encode(charset))
    mhtml_path.write_bytes(_mhtml(page.encode(charset), charset, transfer))
    want, got = Analyzer().analyse(html_path).to_dict(), Analyzer().analyse(mhtml_path).to_dict()
    assert got["title"] == want["title"] and got["html"] and got["encoding"] == want["encoding"]
    assert [p["text"] for p in got["paragraphs"]] == [p["text"] for p in want["paragraphs"]]
    assert "color" not in " ".join(p["text"] for p in got["paragraphs"])


OLD_GOV_PAGE = """<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312">
<title>政府工作报告_某某省人民政府门户网站</title></head><body><table width="100%">
<tr><td><a href="/">首页</a> | <a href="/zwgk">政务公开</a></td></tr>
<tr><td class="title">2026年某某省政府工作报告</td></tr>
<tr><td>发布时间：2026-01-28 来源：某某日报 【字体：<a>大</a> <a>中</a> <a>小</a>】</td></tr>
<tr><td class="content"><div id="zoom">{body}</div></td></tr>
<tr><td>【<a>打印本页</a>】【<a>关闭窗口</a>】</td></tr></table></body></html>"""

NEWS_PAGE = """<html><head><meta charset="utf-8"><title>2026年某某省政府工作报告 - 某某日报网</title></head>
<body><header><nav>某某日报网 首页 要闻 时政</nav></header><article>
<h2 class="art-title">2026年某某省政府工作报告</h2><p class="meta">2026-01-28 08:15 来源：某某日报</p>
{body}<p>（责任编辑：刘洋）</p></article></body></html>"""


@pytest.mark.parametrize("page,encoding", [(OLD_GOV_PAGE, "gbk"), (NEWS_PAGE, "utf-8")])
def test_the_headline_of_a_page_is_the_one_it_shows_not_its_title_tag(tmp_path, page, encoding):
    # An old site's table cell marked as the title, with the <title> naming less and the site;
    # a newspaper's h2 that the <title> names: either is the report's headline.
    lines = [line.strip() for line in seed("002").read_text(encoding="utf-8").splitlines()[1:] if line.strip()]
    body = "<br/>".join(line.lstrip("# ") for line in lines) if encoding == "gbk" else "".join(
        f"<p>{line.lstrip('# ')}</p>" for line in lines)
    path = tmp_path / "page.html"
    path.write_bytes(page.format(body=body).encode(encoding))
    got = Analyzer().analyse(path).to_dict()
    assert got["title"] == "2026年某某省政府工作报告"
    texts = [p["text"] for p in got["paragraphs"]]
    assert texts and not any("责任编辑" in t or "打印本页" in t or "首页" in t for t in texts)


def test_pdf_reader_refuses_bytes_that_are_no_pdf():
    from devzone.readers import read_bytes

    with pytest.raises(BinaryInputError, match="cannot open this PDF"):
        read_bytes(b"%PDF-1.4\n" + b"\x00garbage" * 50, "x.pdf")
