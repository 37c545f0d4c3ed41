"""One catalogue of error messages, each with a code, so users can search for them.

Every message about an input names the input (file, and line or row where known) and says
what is wrong in words a report auditor understands. Raise the exceptions below; never let a
bare library traceback reach the user.

>>> print(ReportError(E.NOT_A_ZIP, path="plan.docx", kind=".docx"))
[E003] plan.docx: the file is not a valid .docx (it is not a zip archive); open it in Word and save it again as .docx
"""

from __future__ import annotations

from enum import Enum


class E(str, Enum):
    """Message templates. Placeholders are filled from the keyword arguments of the error."""

    EMPTY_FILE = "[E001] {path}: the file is empty"
    BINARY_GARBAGE = "[E002] {path}: the file is not text in any encoding acnlp knows (UTF-8, UTF-16, Windows-1251); it looks like binary data"
    NOT_A_ZIP = "[E003] {path}: the file is not a valid {kind} (it is not a zip archive); open it in Word and save it again as {kind}"
    CORRUPT_OFFICE = "[E004] {path}: the {kind} file could not be opened: {reason}"
    UNSUPPORTED_FORMAT = "[E005] {path}: the format {suffix!r} is not supported; acnlp reads .txt, .docx, .xlsx, .csv, .html, .pdf, .odt, .doc and .rtf (save old .xls files as .xlsx)"
    NO_TABLE = "[E006] {path}: no report table was found (no header row naming the columns, such as «Найменування заходу» and «Стан виконання»)"
    NO_STATUS_COLUMN = "[E007] {path}: {where}: the table has a header row ({found}) but no status column «Стан виконання»; the status column is required"
    NO_MEASURE_COLUMN = "[E008] {path}: {where}: the table has a header row ({found}) but no measure column «Найменування заходу»"
    NO_ROWS = "[E009] {path}: the report table has a header but no measure rows"
    NOT_FOUND = "[E010] {path}: no such file or folder"
    UNREADABLE = "[E011] {path}: the file could not be read: {reason}"
    NO_LAYOUT = "[E012] {path}: the text file is neither a tab-separated table nor a one-cell-per-line export of a report table"
    TOO_LARGE = "[E013] {path}: {what}, over the limit of {limit} (ReadLimits.{option}; raise it with --limit {option}=N); a report is far smaller, so this looks like a zip bomb or a damaged file"
    TOO_COMPLEX = "[E014] {path}: {where}: {what} (ReadLimits.{option}; raise it with --limit {option}=N); a report is far smaller, so the file is damaged or hostile"
    SHEET_LIMITS = "[E015] {path}: {part}: {what} lies beyond Excel's sheet limits (1,048,576 rows, 16,384 columns); the workbook is damaged"
    CSV_RECORD = "[E016] {path}: line {line}: not a readable CSV record ({reason})"
    CELL_CUT = "[E017] {path}: {where}: a cell of {length:,} characters was cut to its first {limit:,} (ReadLimits.max_cell_chars; raise it with --limit max_cell_chars=N); the rest of it is not read"
    MIXED_ENCODING = "[E018] {path}: {lines}: not UTF-8, unlike other lines of the file; read as Windows-1251"
    XML_DOCTYPE = "[E019] {path}: {part} declares a DOCTYPE or entities, which {kind} files never do; refusing it (entities can expand without bound)"
    BAD_BACKEND = "[E020] unknown backend {mode!r}; available: {available}"
    MISSING_EXTRA = "[E021] the {mode!r} backend needs an optional dependency: pip install 'acnlp[{extra}]'"
    STANZA_MODEL = "[E022] the Stanza backend could not load its model from {path}: {reason}"
    CONFIG = "[E030] {what}: provided {provided}, missing {missing}"
    MODEL_MISSING = "[E050] {path}: no model here (expected {expected}); train one with `acnlp train`"
    MODEL_HASH = "[E051] {path}: the model file's SHA-256 is {actual}, but its manifest says {expected}; refusing to load a damaged or altered model. Retrain or restore the file."
    MODEL_MANIFEST = "[E052] {path}: the model manifest is unreadable: {reason}"
    MODEL_PICKLE = "[E053] {path}: this is a pickled model, and loading a pickle runs whatever code it holds; acnlp refuses it by default. Retrain it with `acnlp train` (which writes a model that loads without pickle), or, only if you trust who made the file, load it with allow_pickle=True (`--allow-pickle`)"
    CLUSTER_UNREACHABLE = "[E060] the Dask scheduler at {address} could not be reached: {reason}"
    PDF_SCANNED = "[E070] {path}: the PDF has no text layer ({pages}): it is a scan, and acnlp reads text, not pictures; give it a text layer with OCR first, e.g. `ocrmypdf -l ukr --force-ocr {path} ocr.pdf` (Debian: apt-get install ocrmypdf tesseract-ocr-ukr), then read ocr.pdf"
    PDF_BROKEN = "[E071] {path}: the PDF could not be opened: {reason}; open it in a PDF viewer and save or print it to PDF again"
    PDF_ENCRYPTED = "[E072] {path}: the PDF is password-protected; save an unprotected copy and read that"
    NO_LIBREOFFICE = "[E073] {path}: reading {kind} files needs LibreOffice, which is not installed; install the Debian package libreoffice-writer-nogui (apt-get install libreoffice-writer-nogui), or save the file as .docx"
    CONVERT_TIMEOUT = "[E074] {path}: LibreOffice did not finish converting the {kind} file within {seconds} s; save it as .docx in Word or LibreOffice and read that"
    CONVERT_FAILED = "[E075] {path}: LibreOffice could not convert the {kind} file: {reason}; open it in Word or LibreOffice and save it as .docx"
    ODF_TOO_LARGE = "[E076] {path}: {where}: {what} repeats past acnlp's limit of {limit} with content; the file is damaged or not a report table"
    SKIPPED = "[E077] {path}: skipped: {reason}"
    TEXT_TOO_LONG = "[E078] {path}: {where}: {what} would bring the text read to {total:,} characters, over the limit of {limit:,} (ReadLimits.max_text_chars; raise it with --limit max_text_chars=N); a report is far shorter, so the file is damaged or hostile"
    CORPUS_LINE = "[E040] {path}: line {line}: {reason}"
    CORPUS_INVALID = "[E041] the corpus has {count} invalid line(s):\n{problems}"
    OUTPUT_IS_A_FILE = "[E080] {path}: the output folder is an existing file; give -o a folder (new or existing)"
    OUTPUT_UNCREATABLE = "[E081] {path}: the output folder could not be created: {reason}"
    OUTPUT_NOT_WRITABLE = "[E082] {path}: nothing can be written in this folder: {reason}"
    OUTPUT_IS_A_FOLDER = "[E083] {path}: an output file would go here, but a folder has this name; move it or choose another -o"
    OUTPUT_WRITE = "[E084] {path}: the output could not be written: {reason}; nothing was left under this name"
    CELLS_LINE = "[E085] {path}: line {line} (byte {offset}): {reason}"
    BAD_JOBS = "[E086] --jobs {value}: give how many reports to audit at once (1, 2, …) or -1 for every core (-2 every core but one)"
    INTERRUPTED = "[E087] interrupted by {signal}: {finished} finished and written completely; {unfinished} not written"
    BAD_CLUSTER = "[E088] --cluster {value!r}: not a Dask scheduler address; give one like tcp://10.0.0.5:8786"
    REVIEW_LABEL = "[E090] {path}: row {row}: label_reviewed {value!r} is not one of the four labels ({labels}); pick one from the drop-down or leave the cell empty. The other reviewed rows are read"
    REVIEW_CUT = "[E091] {path}: row {row}: the status was cut to fit an Excel cell, so the model cannot learn its label from it; set label_reviewed on this row in the audit's .csv, which holds the status whole"
    REVIEW_COLUMNS = "[E092] {path}: not an audit table with a review column: the header row (row 1) has no {missing} column; review the NAME.xlsx or NAME.csv that `acnlp audit` writes"
    CORRECTION_LINE = "[E093] {path}: line {line}: {reason}; the other corrections are read"
    REVIEW_OUTPUT = "[E094] {path}: not an audit output `acnlp review` can read: {reason}; give the NAME.jsonl (or the folder) that `acnlp audit` writes. The other outputs are read"
    REVIEW_ROW = "[E095] {path}: line {line}: {reason}; this row is left out of the picks, the other rows are read"
    REVIEW_CONTRADICTION = "[E096] {source}: reviewed {label!r}, but the text {why} («{clause}»), which the guidelines label {allowed}; listed for a second look and {action}"
    LABEL_STUDIO_TASK = "[E097] {path}: task {number} (Label Studio id {task_id}): {reason}; the other tasks are read"
    NOTHING_TO_REVIEW = "[E098] no row to pick: {reason}"
    SERIES_NO_PERIOD = "[E110] {path}: --series {series}: the title gives no period («{title}»), so the report cannot take its place in the series; it is audited on its own"
    SERIES_SAME_PERIOD = "[E111] {path}: the same body and period ({period}) as {other}; it is audited on its own, not compared with it as a period of a series"


class AcnlpError(Exception):
    """Base class of all errors acnlp raises on purpose.

    An error raised in a worker process comes back whole, its class, code and message kept:

    >>> import pickle
    >>> again = pickle.loads(pickle.dumps(ReportError(E.EMPTY_FILE, path="a.txt")))
    >>> type(again).__name__, again.code, str(again)
    ('ReportError', 'E001', '[E001] a.txt: the file is empty')
    """

    def __init__(self, template: E, **fields: object) -> None:
        self.template = template
        self.fields = fields
        self.code = template.value[1:5]
        super().__init__(template.value.format(**fields))

    def __reduce__(self) -> tuple[object, ...]:
        # Exception pickles its message as the only argument, which this __init__ cannot take.
        return _rebuild, (type(self), self.template, self.fields)


def _rebuild(kind: type[AcnlpError], template: E, fields: dict[str, object]) -> AcnlpError:
    return kind(template, **fields)


class ReportError(AcnlpError, ValueError):
    """An input report cannot be read. The message names the file and the reason."""

    @property
    def path(self) -> str:
        return str(self.fields.get("path", ""))


class BackendError(AcnlpError, RuntimeError):
    """A text-analysis backend cannot be set up."""


class ClusterError(AcnlpError, RuntimeError):
    """The cluster an audit was sent to cannot be used."""


class OutputError(AcnlpError, OSError):
    """An output cannot be written where it was asked for. The message names the output path."""
