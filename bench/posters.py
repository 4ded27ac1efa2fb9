"""`make bench` for posters: all Haidong villages into one PDF, timed, with the peak memory of the process.

Each measured run is its own process (`qingfeng qr posters ...`), so its peak RSS is its own (read
with os.wait4). Goals from issue #6: ≤ 30 s and ≤ 200 MB for all of Haidong, memory flat whatever the
number of villages (shown by a run on a fifth of them). The baseline, measured in the same run, is
the naive way: a PNG per code through qrcode + PIL, placed with reportlab's drawImage, on a canvas
that holds every page until it saves. It runs on a sample and is projected per page.

Run: python -m bench posters   (or: python -m bench.posters)
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from bench.load import Options

ROOT = Path(__file__).resolve().parents[1]
GOAL_SECONDS = 30.0
GOAL_MB = 200.0
BASELINE_SAMPLE = 200

SETUP = """
from handlers.runtime import Runtime
from storage.db import transaction
from storage.migrate import upgrade
from storage.repos.villages import list_places
from storage.types import utcnow
from villages.places.importer import import_registry
from villages.posters.qr_batch import ensure_posters, select_places
from villages.places.registry import PACKAGED_REGISTRY
rt = Runtime.from_settings()
upgrade(rt.engine)
with transaction(rt.sessions) as s:
    import_registry(s, path=PACKAGED_REGISTRY)
    places = select_places(list_places(s))
ensure_posters(rt.sessions, places=places, per_village=1, kind="h5",
               public_base_url=rt.settings.public_base_url, now=utcnow())
print(len(places))
"""

NAIVE = """
import sys
import qrcode
from qrcode.constants import ERROR_CORRECT_H
from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen import canvas
from handlers.runtime import Runtime
from storage.db import transaction
from storage.repos import posters
from storage.repos.villages import list_places
from villages.posters.qr_batch import select_places
n, out = int(sys.argv[1]), sys.argv[2]
rt = Runtime.from_settings()
with transaction(rt.sessions) as s:
    places = {p.code: p for p in select_places(list_places(s))}
    rows = posters.list_posters(s, village_codes=list(places))[:n]
pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
c = canvas.Canvas(out, pagesize=A4)
for row in rows:
    p = places[row.village_code]
    qr = qrcode.QRCode(error_correction=ERROR_CORRECT_H, border=4, box_size=10)
    qr.add_data(row.content)
    img = qr.make_image().get_image()
    c.setFont("STSong-Light", 22); c.drawCentredString(297, 768, p.county_name + " " + p.town_name)
    c.setFont("STSong-Light", 46); c.drawCentredString(297, 712, p.name)
    c.drawImage(ImageReader(img), 147, 395, 300, 300)
    c.setFont("STSong-Light", 30)
    for i, t in enumerate(("政策咨询", "项目公开", "反映问题", "查询进度")):
        c.drawCentredString(167 + 260 * (i % 2), 292 - 70 * (i // 2), t)
    c.setFont("STSong-Light", 20); c.drawCentredString(297, 155, "可以匿名反映，我们依法为您保密。")
    c.setFont("STSong-Light", 17); c.drawCentredString(297, 90, "举报电话：纪检监察举报电话 12388")
    c.setFont("STSong-Light", 8); c.drawString(40, 24, "编号 " + row.scene)
    c.showPage()
c.save()
print(len(rows))
"""


@dataclass(frozen=True)
class Measured:
    pages: int
    seconds: float
    peak_mb: float


def _run(argv: list[str], env: dict[str, str]) -> tuple[str, float, float]:
    """Run a child process; its stdout, wall seconds and own peak RSS in MB."""
    start = time.perf_counter()
    proc = subprocess.Popen(argv, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    assert proc.stdout is not None
    out = proc.stdout.read()
    _pid, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise RuntimeError(f"{argv[:4]} failed with {proc.returncode}")
    return out, seconds, usage.ru_maxrss / 1024  # Linux: KiB


def _pages(pdf: Path) -> int:
    from pypdf import PdfReader

    return len(PdfReader(pdf).pages)


# The poster command alone: `qingfeng` itself imports every command group (the knowledge base, the
# web app ...) before parsing, which costs seconds and over 100 MB that are not the posters' own.
ONLY_QR = (
    "import argparse, sys\n"
    "from handlers import cli_qr\n"
    "p = argparse.ArgumentParser(); cli_qr.register(p.add_subparsers(dest='c', required=True))\n"
    "a = p.parse_args(sys.argv[1:]); sys.exit(a.func(a))\n"
)


def posters_cli(env: dict[str, str], out: Path, *extra: str, only_qr: bool = False) -> Measured:
    entry = ["-c", ONLY_QR] if only_qr else ["-m", "handlers.cli.main"]
    argv = [sys.executable, *entry, "qr", "posters", "--size", "A4", "--out", str(out), *extra]
    _out, seconds, peak = _run(argv, env)
    return Measured(_pages(out), seconds, peak)


def run(options: Options) -> dict[str, object]:
    with tempfile.TemporaryDirectory(prefix="qf-bench-posters-") as tmp:
        tmpdir = Path(tmp)
        env = {**os.environ, "QF_DATABASE_URL": f"sqlite:///{tmpdir / 'bench.db'}", "QF_ENV": "dev"}
        villages = int(_run([sys.executable, "-c", SETUP], env)[0].strip())
        fifth = tmpdir / "fifth.txt"
        codes = (ROOT / "villages/data/haidong_villages.csv").read_text(encoding="utf-8").splitlines()[1:]
        fifth.write_text("\n".join(line.split(",")[4] for line in codes[::5]), encoding="utf-8")
        full = posters_cli(env, tmpdir / "all.pdf")
        alone = posters_cli(env, tmpdir / "alone.pdf", only_qr=True)
        small = posters_cli(env, tmpdir / "fifth.pdf", "--villages", str(fifth), only_qr=True)
        out, seconds, peak = _run([sys.executable, "-c", NAIVE, str(BASELINE_SAMPLE), str(tmpdir / "naive.pdf")], env)
        naive = Measured(int(out.strip()), seconds, peak)
    per_page_naive = naive.seconds / max(naive.pages, 1)
    report: dict[str, object] = {
        "villages": villages,
        "qingfeng": full.__dict__,
        "qr_command_alone": alone.__dict__,
        "qingfeng_fifth": small.__dict__,
        "naive_sample": naive.__dict__,
        "naive_projected_seconds": per_page_naive * full.pages,
        "goals": {
            "seconds": GOAL_SECONDS,
            "seconds_pass": full.seconds <= GOAL_SECONDS,
            "peak_mb": GOAL_MB,
            "peak_pass": full.peak_mb <= GOAL_MB,
            "pages_pass": full.pages == villages,
        },
    }
    _print(report, full, alone, small, naive, per_page_naive)
    out_dir = Path(options.out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / "posters.json").write_text(json.dumps(report, indent=2), encoding="utf-8")
    return report


def _print(
    report: dict[str, object], full: Measured, alone: Measured, small: Measured, naive: Measured, per_page: float
) -> None:
    def verdict(ok: bool) -> str:
        return "PASS" if ok else "MISS"

    print(f"{'run':<40}{'pages':>7}{'seconds':>10}{'ms/page':>9}{'peak MB':>9}")
    rows = (
        ("qingfeng qr posters, all Haidong", full),
        ("qr group alone, all Haidong", alone),
        ("qr group alone, a fifth of villages", small),
    )
    for name, m in rows:
        print(f"{name:<40}{m.pages:>7}{m.seconds:>10.1f}{m.seconds / m.pages * 1000:>9.1f}{m.peak_mb:>9.0f}")
    print(
        f"{'naive baseline (sample)':<40}{naive.pages:>7}{naive.seconds:>10.1f}"
        f"{per_page * 1000:>9.1f}{naive.peak_mb:>9.0f}"
    )
    print(f"naive projected to {full.pages} pages: {report['naive_projected_seconds']:.0f} s")
    print(
        f"goal: {report['villages']} villages, one page each: {full.pages} pages "
        f"{verdict(full.pages == report['villages'])}"
    )
    print(f"goal: ≤ {GOAL_SECONDS:.0f} s: {full.seconds:.1f} s {verdict(full.seconds <= GOAL_SECONDS)}")
    print(f"goal: ≤ {GOAL_MB:.0f} MB: {full.peak_mb:.0f} MB {verdict(full.peak_mb <= GOAL_MB)}")
    print(f"memory flat: {small.peak_mb:.0f} MB for {small.pages} pages, {alone.peak_mb:.0f} MB for {alone.pages}")


def main() -> int:
    report = run(Options())
    goals = report["goals"]
    assert isinstance(goals, dict)
    return 0 if all(goals[k] for k in ("seconds_pass", "peak_pass", "pages_pass")) else 1


if __name__ == "__main__":
    sys.exit(main())
