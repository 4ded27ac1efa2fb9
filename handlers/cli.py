"""The `qingfeng` command. Each command group lives in its own handlers/cli_*.py module."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from importlib import import_module

# Modules that define `register(subparsers)`; a new command group adds its module here and in COMMANDS.
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
    "handlers.cli_org",
    "handlers.cli_outbox",
    "handlers.cli_backup",
    "handlers.cli_data",
    "handlers.cli_open311",
)

# The command each module defines, so `qingfeng X` imports only X's module: importing all of them
# (segmenter, PDF fonts, web app) costs seconds and ~180 MB, which every short command would pay.
COMMANDS = {
    "db": "handlers.cli_db",
    "worker": "handlers.cli_worker",
    "outbox": "handlers.cli_outbox",
    "serve": "handlers.cli_serve",
    "setup": "handlers.cli_serve",
    "villages": "handlers.cli_villages",
    "wechat": "handlers.cli_wechat",
    "chat": "handlers.cli_chat",
    "kb": "handlers.cli_kb",
    "projects": "handlers.cli_projects",
    "qr": "handlers.cli_qr",
    "org": "handlers.cli_org",
    "users": "handlers.cli_org",
    "backup": "handlers.cli_backup",
    "restore": "handlers.cli_backup",
    "data": "handlers.cli_data",
    "api-keys": "handlers.cli_open311",
    "subscribers": "handlers.cli_open311",
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
