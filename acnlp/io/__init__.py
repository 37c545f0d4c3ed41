"""Report readers: every format becomes raw rows (`acnlp.io.grid`), and one assembler
(`acnlp.io.assemble`) makes them a `Report`, so every format follows the same rules.

The public names load on first use (PEP 562), as the package's own do: a command that reads no
report (``acnlp cells``, ``--help``) imports ``acnlp.io.limits`` or ``acnlp.io.atomic`` without
every reader behind this package.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .._lazy import lazy_names

if TYPE_CHECKING:
    from .inputs import Inputs, find_inputs
    from .reader import READERS, ReadResult, detect_format, expand_paths, read_report, read_reports
    from .writers import write_rows

#: Each public name → the module that defines it.
_PUBLIC = {
    "READERS": ".reader",
    "ReadResult": ".reader",
    "detect_format": ".reader",
    "expand_paths": ".reader",
    "read_report": ".reader",
    "read_reports": ".reader",
    "Inputs": ".inputs",
    "find_inputs": ".inputs",
    "write_rows": ".writers",
}

__all__ = ["READERS", "Inputs", "ReadResult", "find_inputs", "detect_format", "expand_paths", "read_report", "read_reports", "write_rows"]


__getattr__, __dir__ = lazy_names(globals(), _PUBLIC)
