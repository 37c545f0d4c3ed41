"""The `acnlp` command line: one module per command, composed here.

Exit codes: 0 all inputs went through, 1 some inputs failed (each is reported on stderr),
2 the command was called wrongly (a bad option value, an output location that cannot be
written: nothing was done), 130 stopped by Ctrl-C and 143 by SIGTERM (every file left under
its final name is complete; see `acnlp.cli._output`).
"""

from __future__ import annotations

import gc

import typer

from . import audit, cells, evaluate, evaluate_extractors, lemmatize, parse, review, train

app = typer.Typer(
    name="acnlp",
    help="Read Ukrainian anti-corruption program reports and tell, row by row, what was really done.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode="rich",
)
app.command("audit", epilog=audit.EPILOG)(audit.audit)
app.command("parse", epilog=parse.EPILOG)(parse.parse)
app.command("lemmatize", epilog=lemmatize.EPILOG)(lemmatize.lemmatize)
app.command("cells", epilog=cells.EPILOG)(cells.cells)
app.command("train", epilog=train.EPILOG)(train.train)
app.command("evaluate", epilog=evaluate.EPILOG)(evaluate.evaluate)
app.command("evaluate-extractors", epilog=evaluate_extractors.EPILOG)(evaluate_extractors.evaluate_extractors)
app.command("review", epilog=review.EPILOG)(review.review)


def main() -> None:
    """Entry point of the ``acnlp`` script."""
    try:
        app()
    finally:
        # The process ends with the command. As it shuts down, Python collects garbage once
        # more (whether or not the collector is enabled) over every object still alive: the
        # loaded dictionaries and a run's caches, 0.3 s after 1,350 cells and longer after an
        # audit, to find nothing that the exit does not free anyway. Frozen objects are left
        # out of that walk; exit handlers still run and objects are still freed as before.
        gc.freeze()
