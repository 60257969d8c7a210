"""Encodings as people's files have them: short GBK and Big5 fragments, a few broken bytes,
an HTML page's declared charset."""

from __future__ import annotations

import json
import random

import pytest
from devzone.readers import read_bytes

from .conftest import LABELS, run_cli, seed


def _fragments() -> list[str]:
    texts = [json.loads(line)["text"] for line in (LABELS / "paragraphs.jsonl").read_text(encoding="utf-8").splitlines()]
    rng = random.Random(7)
    return [t[:n] for t in rng.sample(texts, 60) for n in (10, 20, 40)]


@pytest.mark.parametrize("encoding", ["gbk", "gb18030", "big5"])
def test_short_fragments_are_decoded_right(encoding):
    import opencc

    to_traditional = opencc.OpenCC("s2t")
    wrong = []
    for fragment in _fragments():
        text = to_traditional.convert(fragment) if encoding == "big5" else fragment
        try:
            data = text.encode(encoding)
        except UnicodeEncodeError:
            continue
        raw = read_bytes(data, "f.txt")
        if raw.text != text:
            wrong.append((text, raw.encoding))
    assert wrong == []


def test_a_few_broken_bytes_are_replaced_and_reported(tmp_path):
    data = bytearray(seed("000").read_text(encoding="utf-8").encode("gbk"))
    for position in (500, 2000, 4000):
        data[position] = 0xFF
    path = tmp_path / "broken.txt"
    path.write_bytes(bytes(data))
    proc = run_cli("summarize", str(path))
    assert proc.returncode == 0, proc.stderr
    record = json.loads(proc.stdout)
    assert record["encoding"] == "gb18030"
    assert any("undecodable" in w for w in record["warnings"])
    assert len(record["paragraphs"]) == 9


def test_an_html_page_is_decoded_with_its_declared_charset():
    body = "<p>推进污水处理厂建设，改善水环境质量。城镇新增就业773人。</p>"
    page = f'<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"></head><body>{body}</body></html>'
    raw = read_bytes(page.encode("gbk"), "page.html")
    assert raw.encoding == "gb18030" and "城镇新增就业773人" in raw.text
