"""`qingfeng X` imports only X's module; the map of commands to modules must stay true."""

from __future__ import annotations

import argparse

from handlers.cli.main import COMMAND_MODULES, COMMANDS, build_parser


def _commands(parser: argparse.ArgumentParser) -> set[str]:
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return set(sub.choices)


def test_every_mapped_command_is_defined_by_its_module() -> None:
    for command, module in COMMANDS.items():
        assert module in COMMAND_MODULES
        assert command in _commands(build_parser(command)), (command, module)


def test_every_command_of_the_full_parser_is_mapped() -> None:
    # An unmapped command still works (the full parser is built), but pays for importing everything.
    assert _commands(build_parser()) <= set(COMMANDS)
