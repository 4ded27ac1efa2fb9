"""The `qingfeng` command. Each command group lives in its own handlers/cli_*.py module."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from importlib import import_module

# Modules that define `register(subparsers)`; a later issue adds its group here.
COMMAND_MODULES = (
    "handlers.cli_db",
    "handlers.cli_worker",
    "handlers.cli_serve",
    "handlers.cli_villages",
    "handlers.cli_wechat",
    "handlers.cli_chat",
    "handlers.cli_kb",
    "handlers.cli_projects",
    "handlers.cli_qr",
)

Command = Callable[[argparse.Namespace], int]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="qingfeng", description="清风 village supervision service")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name in COMMAND_MODULES:
        try:
            module = import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name != name:
                raise
            continue
        module.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    func: Command = args.func
    try:
        return func(args)
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
