"""The ``--limit NAME=VALUE`` option of the commands that read reports (parse, audit)."""

from __future__ import annotations

from typing import Annotated, Optional

import typer

from ..io.limits import ReadLimits, limits_from


def _check(values: Optional[list[str]]) -> Optional[list[str]]:
    try:
        limits_from(values or [])
    except ValueError as err:
        raise typer.BadParameter(str(err)) from None
    return values


#: Raise (or lower) a read limit of `acnlp.io.limits.ReadLimits`; repeat for several.
LimitOption = Annotated[
    Optional[list[str]],
    typer.Option(
        "--limit", metavar="NAME=VALUE", callback=_check, show_default=False,
        help="Change a read limit, e.g. --limit max_xml_nodes=5000000 or --limit max_file_bytes=512MiB "
        "(an error past a limit names it; the limits and defaults are in the README).",
    ),
]


def read_limits(values: Optional[list[str]]) -> ReadLimits:
    """The limits the command reads with: the defaults, changed by ``--limit`` (already checked)."""
    return limits_from(values or [])
