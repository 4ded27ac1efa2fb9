"""`python -m bench [SECTION ...] [--seconds N]` (`make bench` runs every section that exists).

A section is a module `bench.<name>` listed in SECTIONS. It exposes either `run(options)` (taking
bench.load.Options, printing its own table and writing `<out_dir>/<name>.json`; an int it returns is
the exit code) or `main() -> int` (a section with its own settings). Sections are imported only when they run.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from collections.abc import Sequence
from importlib import import_module
from importlib.util import find_spec

from bench.load import Options

SECTIONS = ("webhook", "login_flood", "search", "posters", "queue", "money", "scoreboard")


def available() -> list[str]:
    return [name for name in SECTIONS if find_spec(f"bench.{name}") is not None]


def run_section(name: str, options: Options) -> int:
    module = import_module(f"bench.{name}")
    if hasattr(module, "run"):
        result = module.run(options)
        # A section whose run() returns an exit code (an int) is judged by it; others by finishing.
        return result if isinstance(result, int) and not isinstance(result, bool) else 0
    code: int = module.main()
    return code


def main(argv: Sequence[str] | None = None) -> int:
    sections = available()
    parser = argparse.ArgumentParser(prog="python -m bench", description="Qingfeng benchmarks")
    parser.add_argument("sections", nargs="*", metavar="SECTION", help=f"default: all ({', '.join(sections)})")
    defaults = Options()
    parser.add_argument("--seconds", type=float, default=defaults.seconds, help="measured window per phase")
    parser.add_argument("--warmup", type=float, default=defaults.warmup, help="warm-up before each closed loop")
    parser.add_argument("--connections", type=int, default=defaults.connections, help="closed-loop connections")
    parser.add_argument("--rate", type=float, default=defaults.rate, help="open-loop requests per second")
    parser.add_argument("--out", default=defaults.out_dir, help="where the JSON figures go")
    args = parser.parse_args(argv)
    if args.seconds <= 0 or args.warmup < 0 or args.connections < 1 or args.rate <= 0:
        parser.error("--seconds, --connections and --rate must be positive, --warmup not negative")
    unknown = [name for name in args.sections if name not in sections]
    if unknown:
        parser.error(f"unknown section {', '.join(unknown)}; available: {', '.join(sections)}")
    options = Options(
        seconds=args.seconds, warmup=args.warmup, connections=args.connections, rate=args.rate, out_dir=args.out
    )
    chosen = args.sections or sections
    if len(chosen) == 1:
        print(f"== bench {chosen[0]}", flush=True)
        return run_section(chosen[0], options)
    # Several sections: each in a fresh process, so one section's memory (indexes, imports) never
    # shows up in the next one's figures (a forked child's peak RSS counts the parent's pages).
    failed = 0
    for name in chosen:
        forwarded = ["--seconds", str(args.seconds), "--warmup", str(args.warmup)]
        forwarded += ["--connections", str(args.connections), "--rate", str(args.rate), "--out", str(args.out)]
        failed |= subprocess.run([sys.executable, "-m", "bench", name, *forwarded], check=False).returncode
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
