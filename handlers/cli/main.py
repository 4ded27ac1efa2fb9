"""The `qingfeng` command. Each command group lives in its own handlers/cli_*.py module."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from importlib import import_module

# Modules that define `register(subparsers)`; a new command group adds its module here and in COMMANDS.
COMMAND_MODULES = (
    "handlers.cli.db",
    "handlers.cli.worker",
    "handlers.cli.serve",
    "handlers.cli.villages",
    "handlers.cli.wechat",
    "handlers.cli.chat",
    "handlers.cli.kb",
    "handlers.cli.projects",
    "handlers.cli.qr",
    "handlers.cli.org",
    "handlers.cli.outbox",
    "handlers.cli.backup",
    "handlers.cli.data",
    "handlers.cli.open311",
)

# The command each module defines, so `qingfeng X` imports only X's module: importing all of them
# (segmenter, PDF fonts, web app) costs seconds and ~180 MB, which every short command would pay.
COMMANDS = {
    "db": "handlers.cli.db",
    "worker": "handlers.cli.worker",
    "outbox": "handlers.cli.outbox",
    "serve": "handlers.cli.serve",
    "setup": "handlers.cli.serve",
    "villages": "handlers.cli.villages",
    "wechat": "handlers.cli.wechat",
    "chat": "handlers.cli.chat",
    "kb": "handlers.cli.kb",
    "projects": "handlers.cli.projects",
    "qr": "handlers.cli.qr",
    "org": "handlers.cli.org",
    "users": "handlers.cli.org",
    "backup": "handlers.cli.backup",
    "restore": "handlers.cli.backup",
    "data": "handlers.cli.data",
    "api-keys": "handlers.cli.open311",
    "subscribers": "handlers.cli.open311",
}

Command = Callable[[argparse.Namespace], int]


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """All command groups, or only the module that defines `command` when it is known."""
    parser = argparse.ArgumentParser(prog="qingfeng", description="清风 village supervision service")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    modules = (COMMANDS[command],) if command in COMMANDS else COMMAND_MODULES
    for name in modules:
        import_module(name).register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    first = next((a for a in args_list if not a.startswith("-")), None)
    parser = build_parser(first)
    args = parser.parse_args(args_list)
    func: Command = args.func
    try:
        return func(args)
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
