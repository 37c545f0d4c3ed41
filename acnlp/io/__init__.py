"""Report readers: every format becomes raw rows, and one assembler makes them a `Report`.

>>> report = read_report("corpus/reports/dms_2019_annual.txt")  # doctest: +SKIP
"""

from .reader import READERS, ReadResult, detect_format, expand_paths, read_report, read_reports
from .writers import write_rows

__all__ = ["READERS", "ReadResult", "detect_format", "expand_paths", "read_report", "read_reports", "write_rows"]
