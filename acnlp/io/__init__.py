"""Report readers: every format becomes raw rows (`acnlp.io.grid`), and one assembler
(`acnlp.io.assemble`) makes them a `Report`, so every format follows the same rules."""

from .reader import (
    READERS,
    ReadResult,
    detect_format,
    expand_paths,
    read_report,
    read_reports,
)
from .inputs import Inputs, find_inputs
from .writers import write_rows

__all__ = ["READERS", "Inputs", "ReadResult", "find_inputs", "detect_format", "expand_paths", "read_report", "read_reports", "write_rows"]
