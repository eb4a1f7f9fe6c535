"""argv -> options -> library call -> report. The only package that prints or exits.

Each subcommand lives in its own module exposing ``register(subparsers)``, which adds an
argparse parser and sets ``run=<function(args) -> int>`` as its default.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import NoReturn

from retold.errors import RetoldError

# Subcommand modules, in the order `retold --help` lists them.
_COMMANDS = ("compare", "trace", "serve", "spark")


class UsageError(Exception):
    """A command line argparse refused; reported as one line with exit code 3."""


class _Parser(argparse.ArgumentParser):
    # argparse prints a usage block and exits 2 on a bad flag; retold's exit code for a wrong
    # option is 3 (2 is bad input), and every error is one line. Subparsers inherit this class.
    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{message} (see '{self.prog} --help')")


def build_parser() -> argparse.ArgumentParser:
    import importlib

    from retold import __version__

    parser = _Parser(
        prog="retold",
        description="See how news is retold: compare a retelling with its original, "
        "or trace who retold whom across a corpus.",
    )
    parser.add_argument("--version", action="version", version=f"retold {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in _COMMANDS:
        try:
            module = importlib.import_module(f"retold.cli.{name}")
        except ModuleNotFoundError as exc:  # a subcommand module not written yet
            if exc.name == f"retold.cli.{name}":
                continue
            raise
        module.register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code (documented in retold.errors)."""
    parser = build_parser()
    try:
        args = parser.parse_args(list(sys.argv[1:] if argv is None else argv))
    except UsageError as exc:
        print(f"retold: error: {exc}", file=sys.stderr)
        return 3
    if not getattr(args, "run", None):
        parser.print_help(sys.stderr)
        return 3
    try:
        return int(args.run(args))
    except RetoldError as exc:
        print(f"retold: error: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("retold: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:  # `retold ... | head` closed the pipe: not an error for the user
        return 0


def entry() -> None:
    sys.exit(main())
