"""``python -m acnlp.cli``: the ``acnlp`` command, where the script is not on PATH."""

from . import main

main()
