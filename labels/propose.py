"""Propose theme labels for paragraphs of the corpus, for a reader to decide.

The proposal comes from the section heading and from counts of the guide's
own keywords; it only orders and pre-fills the work. Every row that lands in
labels/*.jsonl was decided by reading the paragraph against GUIDE.md.

usage: python labels/propose.py CORPUS_DIR SEEDS_DIR > pool.jsonl
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

from devzone.clean import clean_bytes
from devzone.segment import segment

KEYWORDS = {
    "industry": "产业 工业 项目 投资 招商 企业 制造 集群 链 园区 农业 粮食 旅游 物流 消费 外贸 出口 科技 创新 数字经济 GDP 生产总值 增加值 开工 投产 签约 专精特新 服务业 金融 文旅 电商".split(),
    "business_environment": "营商环境 放管服 审批 一网通办 一件事 帮办 代办 政务服务 好差评 12345 信用 诚信 改革 民营 中小企业 涉企 执法 法治 拖欠 政企 市场主体 简政放权 机构改革 国企改革 财政体制".split(),
    "livelihood": "就业 收入 教育 学校 医疗 医院 养老 托育 社保 医保 低保 住房 老旧小区 供水 供热 文化 体育 民生 脱贫 帮扶 乡村振兴 困难群众 残疾 社区 物业 环卫".split(),
    "safety": "安全生产 隐患 应急 防汛 消防 危化 治安 犯罪 信访 矛盾 维稳 风险 债务 保交楼 食品安全 药品安全 疫情防控 灾害 平安 交通安全 扫黑".split(),
    "ecology": "生态 环保 污染 大气 水质 土壤 碳 节能 减排 绿色 治沙 造林 河湖 湿地 垃圾 固废 督察 蓝天 碧水 净土 环境质量 新能源 低碳 节水".split(),
    "other": "党的 党建 学习贯彻 习近平 思想 精神 政治 团结 奋斗 各位代表 忠诚 自身建设 作风 廉政".split(),
}


def propose(text: str, headings: tuple[str, ...]) -> tuple[str, dict[str, int]]:
    counts = {theme: sum(text.count(k) for k in words) for theme, words in KEYWORDS.items()}
    head = " ".join(headings[-2:])
    for theme, words in KEYWORDS.items():
        counts[theme] += 3 * sum(head.count(k) for k in words)
    best = max(counts, key=lambda t: counts[t])
    return (best if counts[best] else "other"), counts


def slug(path: Path, root: Path) -> str:
    rel = str(path.relative_to(root))
    return rel.rsplit(".", 1)[0].replace("/", "-")


def main() -> None:
    corpus, seeds = Path(sys.argv[1]), Path(sys.argv[2])
    files = [(p, corpus) for p in sorted(corpus.rglob("*.txt"))] + [(p, seeds) for p in sorted(seeds.glob("*.txt"))]
    for path, root in files:
        doc = segment(clean_bytes(path.read_bytes(), str(path)).text)
        prefix = "seed-" if root == seeds else ""
        for p in doc.paragraphs:
            theme, counts = propose(p.text, p.heading_path)
            row = {
                "id": f"{prefix}{slug(path, root)}#p{p.index}",
                "text": p.text,
                "heading_path": list(p.heading_path),
                "proposed": theme,
                "counts": counts,
                "source": f"{'seeds' if root == seeds else 'corpus'}/{path.relative_to(root)}",
                "sha": hashlib.sha256(p.text.encode()).hexdigest()[:12],
            }
            print(json.dumps(row, ensure_ascii=False))


if __name__ == "__main__":
    main()
