"""The optional Stanza backbone: spaCy's Ukrainian tokenizer, Stanza's lemmatizer (and tagger).

Install it with ``pip install 'acnlp[stanza]'`` (see docs/stanza.md). It never downloads
anything: it loads models already on disk, with ``download_method=None``. Two layouts work:

* **a directory made by** ``training/stanza_lemmatizer.py``: ``lemma.pt`` and a minimal
  ``resources.json`` (no default processors). The default is the tiny test model shipped in
  ``models/stanza-uk-lemma-tiny/``; it only knows the words of the two seed reports.
* **Stanza's official Ukrainian models**, fetched beforehand with ``stanza.download("uk")``
  (by default into ``~/stanza_resources``): pass that directory as ``model_dir``. Its
  ``resources.json`` names the default packages; the POS tagger is used when its file is there.

Text is normalised (`acnlp.normalize.normalize`) and tokenised by ``spacy.blank("uk")``'s
tokenizer, and Stanza gets the tokens pretokenized, so token offsets always point into
`Analysis.text`, and the tokens are the same as the default backbone's.

``pos`` is Stanza's UPOS when a POS model is loaded (official models), with its XPOS as
``tag`` and its UD features as ``morph``. Without a POS model (the shipped tiny model),
``pos`` is ``"X"`` for every token, ``tag`` is ``""`` and ``morph`` is empty.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

# Imported at module level on purpose: without Stanza, importing this module fails and
# `acnlp.nlp.base.load_backbone` turns that into "pip install 'acnlp[stanza]'".
import stanza

from ..errors import BackendError, E
from ..normalize import normalize
from ..shipped import shipped_model_dir
from .base import Analysis, Token

#: The tiny test model trained from the seed reports by training/stanza_lemmatizer.py.
SHIPPED_MODEL_DIR = shipped_model_dir("stanza-uk-lemma-tiny")

#: The lemma model file of a directory made by training/stanza_lemmatizer.py.
LEMMA_FILE = "lemma.pt"

#: The part of speech of every token when no POS model is loaded.
NO_POS = "X"

#: Tokens after which a new sentence starts: Stanza's tagger reads one sentence at a time.
SENTENCE_END = frozenset({".", "!", "?", "…"})

#: How many texts `StanzaBackbone.pipe` sends to Stanza in one call.
BATCH_TEXTS = 256


@lru_cache(maxsize=1)
def tokenizer() -> Any:
    """The process-wide tokenizer of ``spacy.blank("uk")`` (loaded on first use)."""
    import spacy

    return spacy.blank("uk").tokenizer


def spans(text: str) -> list[tuple[int, str]]:
    """(start, text) of each non-space spaCy token of an already normalised text.

    >>> spans("Проведено 5 нарад.")
    [(0, 'Проведено'), (10, '5'), (12, 'нарад'), (17, '.')]
    """
    return [(t.idx, t.text) for t in tokenizer()(text) if not t.is_space]


def sentences(words: Sequence[str]) -> list[list[str]]:
    """Split tokens into sentences after sentence-final punctuation.

    >>> sentences(["Так", ".", "Ні", "!", "Так"])
    [['Так', '.'], ['Ні', '!'], ['Так']]
    """
    found: list[list[str]] = []
    current: list[str] = []
    for word in words:
        current.append(word)
        if word in SENTENCE_END:
            found.append(current)
            current = []
    if current:
        found.append(current)
    return found


def parse_feats(feats: str | None) -> dict[str, str]:
    """UD features as a dict.

    >>> parse_feats("Aspect=Perf|VerbForm=Fin"), parse_feats(None)
    ({'Aspect': 'Perf', 'VerbForm': 'Fin'}, {})
    """
    if not feats or feats == "_":
        return {}
    return dict(pair.split("=", 1) for pair in feats.split("|") if "=" in pair)


class StanzaBackbone:
    """spaCy tokens, lemmatised (and tagged, if the models allow) by a Stanza pipeline on the CPU.

    Parameters
    ----------
    model_dir : str or None
        A directory of Stanza models: one made by ``training/stanza_lemmatizer.py`` (``lemma.pt``
        plus ``resources.json``), or Stanza's own resources directory after
        ``stanza.download("uk")`` (usually ``~/stanza_resources``). None: the tiny test model
        shipped in ``models/stanza-uk-lemma-tiny/``.
    lemma_model : str or None
        A lemma model file to use instead of the directory's own; relative paths are taken
        from ``model_dir``.

    The Stanza pipeline is built on first use and kept; nothing is ever downloaded.

    Examples
    --------
    >>> backbone = StanzaBackbone()
    >>> analysis = backbone.analyze("Проведено засідання комісії.")
    >>> analysis.lemmas
    ['провести', 'засідання', 'комісія', '.']
    >>> analysis.tokens[0].pos, analysis.text[analysis.tokens[2].start:analysis.tokens[2].end]
    ('X', 'комісії')
    """

    name = "stanza"

    def __init__(self, model_dir: str | None = None, lemma_model: str | None = None) -> None:
        self.model_dir = model_dir
        self.lemma_model = lemma_model
        self._pipeline: Any = None
        self._has_pos = False

    @property
    def path(self) -> Path:
        """The model directory in use."""
        return Path(self.model_dir).expanduser() if self.model_dir else SHIPPED_MODEL_DIR

    def _fail(self, reason: str, path: Path | None = None) -> BackendError:
        return BackendError(E.STANZA_MODEL, path=path or self.path, reason=reason)

    def _lemma_path(self, root: Path) -> Path | None:
        if self.lemma_model is None:
            return None
        found = Path(self.lemma_model).expanduser()
        found = found if found.is_absolute() else root / found
        if not found.is_file():
            raise self._fail("no such lemma model file", found)
        return found

    def _settings(self) -> dict[str, Any]:
        """The keyword arguments of ``stanza.Pipeline`` for the model directory, checked first."""
        root = self.path
        if not root.is_dir():
            raise self._fail("no such directory (run stanza.download('uk', model_dir=...) or training/stanza_lemmatizer.py first)")
        resources_file = root / "resources.json"
        if not resources_file.is_file():
            raise self._fail("it has no resources.json; it is neither Stanza's resources directory nor a model made by training/stanza_lemmatizer.py")
        try:
            resources = json.loads(resources_file.read_text(encoding="utf-8"))
        except (OSError, ValueError) as err:
            raise self._fail(f"resources.json cannot be read: {err}") from None
        ukrainian = resources.get("uk") if isinstance(resources, dict) else None
        if not isinstance(ukrainian, dict):
            raise self._fail("resources.json has no Ukrainian ('uk') entry; run stanza.download('uk', model_dir=...)")
        settings: dict[str, Any] = {
            "lang": "uk",
            "dir": str(root),
            "tokenize_pretokenized": True,
            "download_method": None,
            "use_gpu": False,
            "logging_level": "WARN",
        }
        lemma_path = self._lemma_path(root)
        # Stanza's own resources.json names the default package of each processor twice.
        defaults = (ukrainian.get("packages") or {}).get("default") or ukrainian.get("default_processors") or {}
        if "lemma" in defaults:
            # Stanza's own resources: its default packages, as stanza.download("uk") put them.
            lemma_file = root / "uk" / "lemma" / f"{defaults['lemma']}.pt"
            if lemma_path is None and not lemma_file.is_file():
                raise self._fail(f"the lemma model {lemma_file} is missing; run stanza.download('uk', model_dir=...)")
            pos_file = root / "uk" / "pos" / f"{defaults.get('pos')}.pt"
            self._has_pos = "pos" in defaults and pos_file.is_file()
            settings["processors"] = "tokenize,pos,lemma" if self._has_pos else "tokenize,lemma"
        else:
            # A model of our own: only a lemmatizer, named by path.
            lemma_path = lemma_path or root / LEMMA_FILE
            if not lemma_path.is_file():
                raise self._fail(f"no lemma model {LEMMA_FILE} in it (train one with training/stanza_lemmatizer.py)")
            self._has_pos = False
            settings["package"] = None
            settings["processors"] = {"tokenize": "pretok", "lemma": "acnlp"}
        if lemma_path is not None:
            settings["lemma_model_path"] = str(lemma_path)
        return settings

    def pipeline(self) -> Any:
        """The Stanza pipeline, built on first use and cached."""
        if self._pipeline is None:
            settings = self._settings()
            try:
                self._pipeline = stanza.Pipeline(**settings)
            except Exception as err:  # Stanza raises many kinds; the user needs the path and the reason
                raise self._fail(f"{type(err).__name__}: {err}") from err
        return self._pipeline

    def analyze(self, text: str) -> Analysis:
        """Normalise ``text`` and return its tokens with Stanza's lemmas (and tags)."""
        return next(self.pipe([text]))

    def pipe(self, texts: Iterable[str], batch_size: int = BATCH_TEXTS) -> Iterator[Analysis]:
        """Analyse texts lazily, sending ``batch_size`` texts to Stanza in one call."""
        batch: list[str] = []
        for text in texts:
            batch.append(text)
            if len(batch) >= batch_size:
                yield from self._batch(batch)
                batch = []
        if batch:
            yield from self._batch(batch)

    def _batch(self, originals: Sequence[str]) -> list[Analysis]:
        canonicals = [normalize(text) for text in originals]
        layouts = [spans(text) for text in canonicals]
        all_sentences = [s for layout in layouts for s in sentences([word for _, word in layout])]
        words: list[Any] = []
        if all_sentences:
            document = self.pipeline()(all_sentences)
            words = [word for sentence in document.sentences for word in sentence.words]
        if len(words) != sum(map(len, layouts)):
            raise self._fail(f"Stanza returned {len(words)} words for {sum(map(len, layouts))} tokens")
        analyses = []
        k = 0
        for original, canonical, layout in zip(originals, canonicals, layouts):
            tokens = []
            for start, token_text in layout:
                word = words[k]
                k += 1
                lemma = word.lemma
                if not lemma or (lemma == "_" and token_text != "_"):  # Stanza writes "_" for no lemma
                    lemma = token_text
                if self._has_pos:
                    pos, tag, morph = word.upos or NO_POS, word.xpos or "", parse_feats(word.feats)
                else:
                    pos, tag, morph = NO_POS, "", {}
                tokens.append(Token(token_text, start, start + len(token_text), lemma, pos, tag, morph))
            analyses.append(Analysis(original, canonical, tuple(tokens)))
        return analyses
