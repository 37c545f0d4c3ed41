"""Where the CLI talks: data to stdout, messages and progress to stderr."""

from __future__ import annotations

from rich.console import Console

err_console = Console(stderr=True, highlight=False, soft_wrap=True)


def report_error(message: str) -> None:
    """Print one input's error on stderr, plainly (no markup interpretation of report text)."""
    err_console.print(f"[bold red]error:[/] {escape(message)}")


def report_note(message: str) -> None:
    """Print a note about one input (what reading it changed) on stderr, plainly."""
    err_console.print(f"[yellow]note:[/] {escape(message)}")


def escape(text: str) -> str:
    from rich.markup import escape as rich_escape

    return rich_escape(text)
