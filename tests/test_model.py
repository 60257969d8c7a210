"""The trained model: inference form equals the pipeline, loading is safe, training is
reproducible and atomic, malformed labels are refused."""

from __future__ import annotations

import errno
import hashlib
import json
import pickle
import random
import shutil
from pathlib import Path

import numpy as np
import pytest
from devzone import pipeline
from devzone.errors import LabelError, ModelError
from devzone.model import training
from devzone.model.store import load_model
from devzone.resources import model_path

from .conftest import LABELS, ROOT, run_cli, seed, stdout_json

MODELS = ROOT / "models"


def _seed_paragraph_texts() -> list[str]:
    return [ln.strip() for p in sorted((ROOT / "seeds").glob("*.txt")) for ln in p.read_text(encoding="utf-8").splitlines() if ln.strip()]


def test_shipped_inference_form_equals_the_trained_pipeline():
    arrays = load_model(model_path("theme_model.npz"))
    joblib_model = load_model(model_path("theme_model.joblib"))
    texts = _seed_paragraph_texts() + ["", "62.74亿元", "ABC def"]
    a, b = arrays.probabilities(texts), joblib_model.probabilities(texts)
    assert np.allclose(a, b, atol=1e-9)
    assert arrays.tag(texts) == joblib_model.tag(texts)


def test_metadata_describes_the_shipped_model():
    meta = json.loads((MODELS / "metadata.json").read_text(encoding="utf-8"))
    assert meta["labels"] == ["industry", "business_environment", "livelihood", "safety", "ecology", "other"]
    for name, digest in meta["files"].items():
        assert hashlib.sha256((MODELS / name).read_bytes()).hexdigest() == digest
    assert meta["training_data_sha256"] == training._labels_digest(LABELS)
    assert meta["metrics"]["macro_f1"] >= 0.85
    assert all(v["f1"] >= 0.75 for v in meta["metrics"]["per_theme"].values())


@pytest.fixture()
def model_copy(tmp_path) -> Path:
    out = tmp_path / "model"
    out.mkdir()
    for name in ("theme_model.npz", "theme_model.joblib", "metadata.json"):
        shutil.copy(MODELS / name, out / name)
    return out


def _rewrite_checksum(folder: Path, name: str) -> None:
    meta = json.loads((folder / "metadata.json").read_text(encoding="utf-8"))
    meta["files"][name] = hashlib.sha256((folder / name).read_bytes()).hexdigest()
    (folder / "metadata.json").write_text(json.dumps(meta), encoding="utf-8")


def test_checksum_mismatch_is_refused(model_copy):
    npz = model_copy / "theme_model.npz"
    data = bytearray(npz.read_bytes())
    data[-100] ^= 0xFF
    npz.write_bytes(bytes(data))
    proc = run_cli("summarize", str(seed("000")), "--model", str(npz))
    assert proc.returncode == 3
    assert "does not match" in proc.stderr.decode() and b"Traceback" not in proc.stderr


def test_truncated_model_with_matching_checksum_is_refused(model_copy):
    npz = model_copy / "theme_model.npz"
    npz.write_bytes(npz.read_bytes()[:5000])
    _rewrite_checksum(model_copy, "theme_model.npz")
    with pytest.raises(ModelError, match="unreadable model file"):
        load_model(npz)


def test_foreign_npz_is_refused(model_copy):
    npz = model_copy / "theme_model.npz"
    np.savez(npz, weights=np.zeros(3))
    _rewrite_checksum(model_copy, "theme_model.npz")
    with pytest.raises(ModelError, match="not a devzone model"):
        load_model(npz)


def test_model_without_metadata_is_refused(tmp_path):
    lone = tmp_path / "theme_model.npz"
    shutil.copy(MODELS / "theme_model.npz", lone)
    proc = run_cli("classify", "--model", str(lone), "--jsonl", input=b'{"id": 1, "text": "x"}\n')
    assert proc.returncode == 3 and "metadata.json" in proc.stderr.decode()


class _Bomb:
    def __reduce__(self):
        return (Path.touch, (Path(self.target),))


def test_tampered_pickle_is_never_unpickled(model_copy, tmp_path):
    marker = tmp_path / "pwned"
    bomb = _Bomb()
    bomb.target = str(marker)
    (model_copy / "theme_model.joblib").write_bytes(pickle.dumps(bomb))
    proc = run_cli("summarize", str(seed("000")), "--model", str(model_copy / "theme_model.joblib"))
    assert proc.returncode == 3 and "does not match" in proc.stderr.decode()
    assert not marker.exists()


def test_joblib_from_another_sklearn_version_warns(model_copy):
    meta = json.loads((model_copy / "metadata.json").read_text(encoding="utf-8"))
    meta["sklearn_version"] = "0.0.1"
    (model_copy / "metadata.json").write_text(json.dumps(meta), encoding="utf-8")
    proc = run_cli("summarize", str(seed("000")), "--model", str(model_copy / "theme_model.joblib"))
    assert proc.returncode == 0
    assert "scikit-learn 0.0.1" in proc.stderr.decode()


# -- training ---------------------------------------------------------------------------------


def _small_labels(folder: Path, per_theme: int = 25) -> Path:
    rows = [json.loads(line) for line in (LABELS / "paragraphs.jsonl").read_text(encoding="utf-8").splitlines()]
    random.Random(0).shuffle(rows)
    picked, counts = [], {}
    for row in rows:
        if counts.get(row["theme"], 0) < per_theme:
            counts[row["theme"]] = counts.get(row["theme"], 0) + 1
            picked.append(row)
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "small.jsonl").write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in picked), encoding="utf-8")
    return folder


def test_training_is_reproducible(tmp_path):
    labels = _small_labels(tmp_path / "labels")
    first = pipeline.train_model(labels, tmp_path / "a")
    second = pipeline.train_model(labels, tmp_path / "b")
    assert first["files"] == second["files"]
    assert (tmp_path / "a" / "theme_model.npz").read_bytes() == (tmp_path / "b" / "theme_model.npz").read_bytes()
    assert first["training_data_sha256"] == second["training_data_sha256"]


def test_train_cli_writes_a_model_that_loads(tmp_path):
    labels = _small_labels(tmp_path / "labels")
    proc = run_cli("train", "--labels", str(labels), "--out", str(tmp_path / "m"), timeout=300)
    assert proc.returncode == 0, proc.stderr
    assert "macro_f1" in stdout_json(proc)["metrics"]
    tags = load_model(tmp_path / "m" / "theme_model.npz").tag(["推进污水处理厂建设，改善水环境质量。"])
    assert tags[0].theme in ("ecology", "livelihood", "industry", "other", "safety", "business_environment")


def test_malformed_label_rows_stop_training_before_anything_is_written(tmp_path):
    labels = tmp_path / "labels"
    labels.mkdir()
    good = {"id": "a#p1", "text": "推进项目建设。", "theme": "industry", "secondary": []}
    rows = [
        json.dumps(good, ensure_ascii=False),
        "{not json",
        json.dumps(dict(good, id="a#p2", text="新增就业773人。", theme="jobs")),
        json.dumps(dict(good, id="a#p3", text="  ")),
        json.dumps(dict(good, id="a#p4")),
        json.dumps(dict(good, id="a#p1", text="另一段。")),
    ]
    (labels / "bad.jsonl").write_text("\n".join(rows) + "\n", encoding="utf-8")
    out = tmp_path / "out"
    proc = run_cli("train", "--labels", str(labels), "--out", str(out))
    assert proc.returncode == 3
    err = proc.stderr.decode()
    for n, what in [(2, "bad JSON"), (3, "unknown theme 'jobs'"), (4, "empty text"), (5, "duplicate text"), (6, "duplicate id")]:
        assert f"bad.jsonl:{n}: {what}" in err, err
    assert not out.exists()
    with pytest.raises(LabelError) as info:
        training.read_labels(labels)
    assert len(info.value.problems) == 5


def test_full_disk_leaves_the_previous_model_intact(model_copy, monkeypatch, capsys, tmp_path):
    from devzone import app as cli_app

    before = {p.name: p.read_bytes() for p in model_copy.iterdir()}
    labels = _small_labels(tmp_path / "labels")
    real_fsync = training.os.fsync
    calls = {"n": 0}

    def failing_fsync(fd):
        calls["n"] += 1
        if calls["n"] == 2:  # the second file hits a full disk
            raise OSError(errno.ENOSPC, "No space left on device")
        return real_fsync(fd)

    monkeypatch.setattr(training.os, "fsync", failing_fsync)
    code = cli_app._main(["train", "--labels", str(labels), "--out", str(model_copy)], debug=False)
    err = capsys.readouterr().err
    assert code == 3 and "disk full" in err
    assert {p.name: p.read_bytes() for p in model_copy.iterdir()} == before  # no temp files either


def test_unwritable_output_is_a_clear_error(tmp_path):
    labels = _small_labels(tmp_path / "labels")
    blocker = tmp_path / "models"
    blocker.write_text("a file where the directory should be", encoding="utf-8")
    proc = run_cli("train", "--labels", str(labels), "--out", str(blocker / "sub"))
    assert proc.returncode != 0
    assert b"Traceback" not in proc.stderr and str(blocker).encode() in proc.stderr
    assert blocker.read_text(encoding="utf-8") == "a file where the directory should be"


# -- classify --jsonl -------------------------------------------------------------------------


def test_classify_jsonl_one_line_per_paragraph_in_order():
    lines = [
        {"id": "a", "text": "全年计划实施重点项目72个,总投资462.17亿元,开复工率98.6%。"},
        {"id": 7, "text": "聘请安全生产专家对辖区重点生产企业开展隐患排查治理。\n共检查生产经营单位112家次。"},
        {"id": None, "text": "有序推進環保督察反饋問題整改,規範污水處理廠(chǎng)運營管理。"},
    ]
    payload = "".join(json.dumps(x, ensure_ascii=False) + "\n" for x in lines).encode()
    proc = run_cli("classify", "--jsonl", input=payload)
    assert proc.returncode == 0, proc.stderr
    out = [json.loads(x) for x in proc.stdout.decode().splitlines()]
    assert [o["id"] for o in out] == ["a", 7, None]
    assert [o["theme"] for o in out] == ["industry", "safety", "ecology"]
    for o in out:
        assert set(o) == {"id", "theme", "secondary", "scores"}
        assert abs(sum(o["scores"].values()) - 1) < 1e-3


def test_classify_jsonl_bad_line_gets_an_error_record():
    proc = run_cli("classify", "--jsonl", input=b'{"id": 1, "text": "\xe6\x8e\xa8\xe8\xbf\x9b\xe9\xa1\xb9\xe7\x9b\xae\xe5\xbb\xba\xe8\xae\xbe\xe3\x80\x82"}\nnot json\n{"id": 3}\n')
    assert proc.returncode == 1
    out = [json.loads(x) for x in proc.stdout.decode().splitlines()]
    assert out[0]["theme"] and "error" in out[1] and out[2]["id"] == 3 and "error" in out[2]
    assert b"stdin:2" in proc.stderr and b"Traceback" not in proc.stderr


def test_classify_a_report_file():
    proc = run_cli("classify", str(seed("000")))
    assert proc.returncode == 0
    data = json.loads(proc.stdout)
    assert len(data["paragraphs"]) == 9
    assert data["paragraphs"][7]["theme"] == "safety"


def test_classify_jsonl_error_never_carries_an_earlier_lines_id():
    proc = run_cli("classify", "--jsonl", input='{"id": "first", "text": "推进项目建设。"}\n{broken\n'.encode())
    assert proc.returncode == 1
    out = [json.loads(x) for x in proc.stdout.decode().splitlines()]
    assert out[0]["id"] == "first" and out[1] == {"id": None, "line": 2, "error": out[1]["error"]}


def test_classify_a_single_unreadable_report_is_exit_2(tmp_path):
    bad = tmp_path / "scan.txt"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64))
    proc = run_cli("classify", str(bad))
    assert proc.returncode == 2 and "PNG image" in proc.stderr.decode()


def test_scoring_in_chunks_gives_every_text_the_row_it_gets_alone(monkeypatch):
    from devzone.model import inference

    model = load_model(model_path("theme_model.npz"))
    texts = [json.loads(line)["text"] for line in (LABELS / "paragraphs.jsonl").read_text(encoding="utf-8").splitlines()[:40]]
    whole = model.probabilities(texts)
    monkeypatch.setattr(inference, "CHUNK_TEXTS", 7)
    chunked = model.probabilities(texts)
    assert np.allclose(whole, chunked, rtol=0, atol=1e-12)


def test_the_gram_index_finds_every_key_and_no_other():
    from devzone.model.inference import GramIndex

    rng = np.random.default_rng(3)
    keys = np.unique(np.concatenate([rng.integers(0, 70_000, 3000), rng.integers(0, 2**42, 20_000)]))
    columns = rng.permutation(len(keys))
    index = GramIndex(keys, columns)
    queries = np.concatenate([keys, rng.integers(0, 2**42, 20_000), np.arange(0, 70_000, 7)])
    expected = {int(k): int(c) for k, c in zip(keys, columns)}
    assert index.columns_of(queries).tolist() == [expected.get(int(q), -1) for q in queries]
    assert GramIndex(keys[:0], columns[:0]).columns_of(queries[:5]).tolist() == [-1] * 5


def test_a_report_scored_at_once_gives_each_paragraph_and_sentence_its_own_row():
    # paragraph_probabilities looks up the n-grams of a whole report in one pass; every text
    # must still score as it does alone.
    from devzone.pipeline import clean_bytes
    from devzone.stages.segment import segment

    model = load_model(model_path("theme_model.npz"))
    document = segment(clean_bytes((ROOT / "seeds" / "004_f80d7eaeb07b7d9b.txt").read_bytes()).text)
    paragraphs = [(p.text, [(s.start, s.end) for s in p.sentences]) for p in document.paragraphs]
    para, sentences = model.paragraph_probabilities(paragraphs)
    alone = model.probabilities([t for t, _ in paragraphs] + [t[a:b] for t, spans in paragraphs for a, b in spans])
    assert len(paragraphs) > 20
    assert np.allclose(np.vstack([para, sentences]), alone, rtol=0, atol=1e-12)
