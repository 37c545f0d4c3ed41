"""What each clause of a status says, read by the guideline's rules: the decisive element.

A status is cut into clauses (sentences, and the halves of «…, однак …», «…, тому …»). Each
clause is read for the elements ``corpus/GUIDELINES.md`` decides by:

* a **reporting frame** («За інформацією, наданою …, …», «НАЗК констатує, що …») is set aside:
  the label is read from what is reported, not from who reports it;
* **what is negated**: the measure's own action («навчання не проведено», unfinished) or a
  trigger or object («скарг не надходило», «підстав не виникало», not applicable), and a
  check's finding («порушень не виявлено»), which is a result when a check is named;
* finished acts (perfective past, passive participles), plans and future, unfinished work
  («розпочато», «на погодженні»), habitual present;
* the monitoring systems' **categories** («Виконано», «Виконано частково», «Виконується
  постійно», «+», «ні», «х»), for the whole cell or as its opening.

Each clause gets a verdict, and the cell's verdict combines them by the precedence
not_applicable > in_progress > done > boilerplate. The classifier takes the cues and the
verdict as features beside its n-grams (`acnlp.classify.features`), so it can weigh them
against what the corpus taught it; the clause that decided is what an explanation names.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from operator import attrgetter

from ..data import load_lexicon
from ..nlp.base import Analysis, Token

#: The guideline's precedence, strongest first.
PRECEDENCE = ("not_applicable", "in_progress", "done", "boilerplate")

#: Names of the cues a clause can carry, in a fixed order (the classifier's feature columns).
CUES = (
    "act",  # a finished act: perfective past or passive participle, not negated
    "habitual",  # imperfective present («проводиться», «здійснюється»)
    "plan",  # future tense or a plan/unfinished marker («заплановано», «розпочато», «триває»)
    "neg_own",  # the clause's own action negated («не проведено», «не затверджено»)
    "neg_own_perfective",  # … as a perfective form: a due act not done («не проведено»)
    "neg_own_imperfective",  # … as an imperfective one: such events did not happen («не проводились»)
    "neg_event",  # a trigger event negated («не надходило», «не виникало», «не було»)
    "neg_finding",  # a finding negated («не виявлено», «не встановлено»)
    "neg_other",  # a negation with no verb after it («не в повному обсязі»)
    "trigger_noun",  # a trigger or object noun stands in a negated clause («скарг», «підстав»)
    "absence_trigger",  # «відсутність звернень», «звернення відсутні»
    "absence_other",  # «відсутність фінансування»: a missing means, not a missing trigger
    "reason",  # a reason connective («оскільки», «у зв'язку з», «тому»)
    "neg_measure",  # a negated clause shares a content word with the measure
    "own_object",  # a negated clause names the measure's own work («захід», «дії», «робота»)
    "inapplicable",  # «втратив актуальність», «не стосується», «ліквідовано»
    "frame",  # a reporting frame was set aside
)

_CLAUSE_CONJUNCTIONS = frozenset({"однак", "проте", "але", "тому", "оскільки", "втім", "натомість", "тоді", "зате",
                                  "однако", "но", "поэтому", "поскольку"})
_NEGATIONS = frozenset({"не", "ні", "ни"})
_NONE_WORDS = frozenset({"жоден", "жодний", "ніякий", "жаден"})
#: «не можна», «не слід», «не допускається»: a rule being explained, not a status negated.
_PROHIBITIONS = frozenset({"можна", "можний", "слід", "допускатися", "дозволятися", "дозволено", "варто", "треба", "потрібно"})
_ABSENCE = frozenset({"відсутній", "відсутність", "немає", "бути відсутнім"})
#: After «не», a bound, not a negation: «не пізніше ніж за 10 днів», «не менше двох разів»,
#: «на рівні, не нижчому за …» say when or how much, and nothing in them is left undone.
_BOUNDS = frozenset({"пізніше", "пізніш", "раніше", "раніш", "менше", "більше", "нижче", "вище",
                     "нижчий", "вищий", "менший", "більший", "частіше", "рідше"})
_PREDICATE_POS = frozenset({"VERB", "AUX", "ADJ", "ADV", "PART"})
_FUNCTION_POS = frozenset({"ADP", "CCONJ", "SCONJ", "PART", "PRON", "DET", "PUNCT", "NUM", "SYM", "AUX"})


@lru_cache(maxsize=None)  # one entry per lexicon: a size of one made trigger words and frames evict each other
def _lexicon_by_kind(name: str) -> dict[str, frozenset[str]]:
    kinds: dict[str, set[str]] = {}
    for kind, words in load_lexicon(name):
        kinds.setdefault(kind, set()).add(words)
    return {kind: frozenset(words) for kind, words in kinds.items()}


def trigger_words() -> dict[str, frozenset[str]]:
    """``event``, ``finding``, ``noun``, ``reason`` and ``remark`` lemmas of ``acnlp/data/trigger_words.txt``."""
    return _lexicon_by_kind("trigger_words.txt")


def report_frames() -> dict[str, frozenset[str]]:
    """``opener`` phrases and reporting ``verb`` lemmas of ``acnlp/data/report_frames.txt``."""
    return _lexicon_by_kind("report_frames.txt")


@lru_cache(maxsize=1)
def categories() -> dict[str, str]:
    """Categorical answer -> kind, from ``acnlp/data/categorical_statuses.txt``."""
    return {answer: kind for kind, answer in load_lexicon("categorical_statuses.txt")}


@lru_cache(maxsize=1)
def compliance_qualifiers() -> tuple[str, ...]:
    """Compliance-only qualifiers, longest first, from ``acnlp/data/compliance_qualifiers.txt``."""
    phrases = (" ".join(entry) for entry in load_lexicon("compliance_qualifiers.txt"))
    return tuple(sorted(phrases, key=len, reverse=True))


@lru_cache(maxsize=1)
def _plan_lemmas() -> frozenset[str]:
    # «проєкт» marks a draft only as what was prepared («підготовлено проєкт наказу»); as any
    # noun («експертиза 14 проєктів наказів») it says nothing about the measure's stage.
    return frozenset(words[0] for words in load_lexicon("plan_markers.txt")) - {"проект", "проєкт"}


def count_phrases(lemmas: Sequence[str], phrases: Sequence[tuple[str, ...]]) -> int:
    """How many times any of the lemma phrases occurs in ``lemmas``.

    >>> count_phrases(["постійно", "проводитися", "робота"], [("постійно",), ("проводитися",), ("на", "постійний")])
    2
    """
    by_first = _phrases_by_first(phrases)
    if by_first.keys().isdisjoint(lemmas):  # most clauses: no phrase can start anywhere
        return 0
    count = 0
    for i, lemma in enumerate(lemmas):
        for phrase in by_first.get(lemma, ()):
            count += tuple(lemmas[i : i + len(phrase)]) == phrase
    return count


_PHRASE_INDEXES: dict[int, tuple[Sequence[tuple[str, ...]], dict[str, list[tuple[str, ...]]]]] = {}


def _phrases_by_first(phrases: Sequence[tuple[str, ...]]) -> dict[str, list[tuple[str, ...]]]:
    """The phrases by their first lemma, kept for the lexicons (the same tuple each call)."""
    kept = _PHRASE_INDEXES.get(id(phrases))
    if kept is not None and kept[0] is phrases:
        return kept[1]
    index: dict[str, list[tuple[str, ...]]] = {}
    for phrase in phrases:
        if phrase:
            index.setdefault(phrase[0], []).append(phrase)
    if isinstance(phrases, tuple) and len(_PHRASE_INDEXES) < 64:  # the lexicons; a passing list is not kept
        _PHRASE_INDEXES[id(phrases)] = (phrases, index)
    return index


_HABITUAL_MARKERS = frozenset({"постійно", "постійний", "систематично", "регулярно", "щоденно", "щорічно"})
_ONGOING = frozenset({"тривати", "продовжуватися", "розроблятися"})

#: Predicates that lay down a standing rule («працівникам заборонено …», «контроль покладено на …»,
#: «викладачі зобов'язані …»): how things stand, not an act of the period.
_STANDING_RULES = frozenset({"заборонити", "зобов'язати", "покласти", "заборонений", "зобов'язаний", "покладений"})

#: A standing channel «функціонує», «діє», «працює»: where the same clause only adds that its details
#: are «розміщено на сайті», the placement describes the channel, not an act of the period; a date
#: («розміщено 05.01.2023») or another act («запущено …, номер розміщено …») makes it one.
_STANDING_PREDICATES = frozenset({"функціонувати", "діяти", "працювати", "функционировать", "действовать", "работать"})
_PLACEMENTS = frozenset({"розмістити", "розміщений", "оприлюднити", "оприлюднений", "разместить", "размещенный"})

#: Nouns that name the measure's own work: negating them is the body's inaction, whatever the aspect.
_OWN_OBJECTS = frozenset({"захід", "дія", "робота", "виконання", "реалізація", "заходи"})


_PERCENT = re.compile(r"\s*\(?\s*100\s*%\s*\)?")
_TRAILING = ".,;:!"  # stripped from the end with the white space among them
_CATEGORY_LEAD = re.compile(r"^(.{1,40}?)\s*[:.;]\s+(?=\S)")


def _plain(text: str) -> str:
    """The text lowercased, without «100%» and the punctuation and spaces that end it.

    Every status and measure passes here, most of them long: a regex anchored at the end
    (``[\\s.,;:!]+$``) would start at every space of the text; this walks back from the end.

    >>> _plain(" Виконано (100 %).\\n")
    'виконано'
    """
    plain = text.lower()
    if "100" in plain:
        plain = _PERCENT.sub("", plain)
    end = len(plain)
    while end and (plain[end - 1] in _TRAILING or plain[end - 1].isspace()):  # isspace is what a regex's \s matches
        end -= 1
    return plain[:end].strip()


def category_of(text: str) -> tuple[str | None, str | None]:
    """(whole, lead): the category the whole status is, and the one that opens it before «:» or «.».

    ``whole`` is ``compliance`` for an ongoing category with only compliance qualifiers after
    it («Виконується постійно»), which the guidelines make boilerplate.

    >>> category_of("Виконано."), category_of("ВИКОНАНО 100%: інформацію розміщено"), category_of("Виконується постійно")
    (('done', None), (None, 'done'), ('compliance', None))
    >>> category_of("Постійно"), category_of("Проведено 5 засідань")
    (('compliance', None), (None, None))
    """
    plain = _plain(text)
    kinds = categories()
    if plain in kinds:
        return kinds[plain], None
    # Only qualifiers can be stripped, whole word by whole word: a word found in no qualifier and
    # no category survives, so the rest could be neither empty nor a category (most cells).
    strippable = _strippable_words()
    if all(word.group() in strippable for word in _WORD.finditer(plain)):  # stops at the first that is not
        rest = _strip_qualifiers(plain)
        if not rest:
            return "compliance", None
        if rest in kinds and kinds[rest] == "ongoing" and rest != plain:
            return "compliance", None
    lead = _CATEGORY_LEAD.match(text.lower())
    if lead and _plain(lead.group(1)) in kinds:
        return None, kinds[_plain(lead.group(1))]
    return None, None


_WORD = re.compile(r"\w+")


@lru_cache(maxsize=1)
def _strippable_words() -> frozenset[str]:
    """The words of every compliance qualifier and category, and the connecting «та/і»."""
    return frozenset(w for text in (*compliance_qualifiers(), *categories(), "та і й и")
                     for w in _WORD.findall(text.lower()))


@lru_cache(maxsize=1)
def _qualifier_patterns() -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(rf"(?<!\w){re.escape(q)}(?!\w)") for q in compliance_qualifiers())


def _strip_qualifiers(plain: str) -> str:
    """The text with every compliance qualifier and the connecting commas and «та/і» removed."""
    rest = plain
    for pattern in _qualifier_patterns():
        rest = pattern.sub(" ", rest)
    return " ".join(w for w in re.split(r"[\s,]+", rest) if w not in ("та", "і", "й", "и")).strip()


@dataclass(frozen=True)
class Clause:
    """One clause of a status: its span in the analysis text, its cues and its verdict."""

    start: int
    end: int
    cues: dict[str, int] = field(default_factory=dict)
    verdict: str = "boilerplate"


@dataclass(frozen=True)
class Reading:
    """A status read clause by clause (see the module docstring)."""

    text: str
    clauses: tuple[Clause, ...]
    category: str | None
    category_lead: str | None
    verdict: str
    deciding: int | None  # the index of the clause that decided the verdict
    frame_tokens: frozenset[int] = frozenset()  # token indices inside reporting frames
    negated_tokens: frozenset[int] = frozenset()  # token indices of negated predicates

    def cue_totals(self) -> Counter[str]:
        totals: Counter[str] = Counter()
        for clause in self.clauses:
            totals.update(clause.cues)
        return totals

    def clause_deciding(self, label: str) -> Clause | None:
        """The first clause whose verdict is ``label``: what an explanation shows for that label."""
        return next((c for c in self.clauses if c.verdict == label), None)


def _clause_spans(tokens: Sequence[Token]) -> list[tuple[int, int]]:
    """Token index ranges of the clauses: cut at sentence ends and before contrast or reason words."""
    texts = [t.text for t in tokens]
    last = len(texts) - 1
    spans, start = [], 0
    for i, text in enumerate(texts):
        cut_after = text in (";", "!", "?") or (text == "." and (i == last or not texts[i + 1][:1].isdigit()))
        cut_before = i > start and (
            (texts[i - 1] in (",", "-", ";") and tokens[i].lemma in _CLAUSE_CONJUNCTIONS)
            or (text == "-" and i < last and texts[i - 1] in (".", ":", ";"))
        )
        if cut_before:
            spans.append((start, i))
            start = i
        if cut_after:
            spans.append((start, i + 1))
            start = i + 1
    if start < len(tokens):
        spans.append((start, len(tokens)))
    words = [t.pos not in ("PUNCT", "SYM") for t in tokens]
    return [(a, b) for a, b in spans if any(words[a:b])]


def _frame_end(tokens: Sequence[Token]) -> int:
    """How many tokens at the clause's start are a reporting frame (0 when there is none)."""
    if not tokens:
        return 0
    frames = report_frames()
    words = " ".join([t.text.lower() for t in tokens[:6]])
    if words.startswith(_openers()):
        comma = next((i for i, t in enumerate(tokens) if t.text == ","), None)
        # «За інформацією, наданою Мінфіном, захід …»: the frame runs to the comma that closes it.
        if comma is not None:
            after = next((i for i in range(comma + 1, len(tokens)) if tokens[i].text == ","), None)
            if after is not None and tokens[comma + 1].pos in ("ADJ", "VERB") and after < 15:
                return after + 1
            return comma + 1
    if _monitor_act(tokens[:12], frames):
        # «НАЗК проаналізувало інформацію, надану управлінням», «Моніторами переглянуто сайт:»:
        # the monitor's own act, to the end of its clause or to the colon that opens what it found
        return next((i + 1 for i, t in enumerate(tokens) if t.text == ":"), len(tokens))
    verbs = frames.get("verb", frozenset())
    for i, token in enumerate(tokens[:12]):
        if token.lemma in verbs and token.pos == "VERB":
            that = next((j for j in range(i + 1, min(i + 4, len(tokens))) if tokens[j].lemma in ("що", "что")), None)
            if that is not None:
                return that + 1
            if i + 1 < len(tokens) and tokens[i + 1].lemma == "про":
                return i + 2  # «повідомлено про проведення …»: read the nominalised act that follows
    return 0


@lru_cache(maxsize=1)
def _openers() -> tuple[str, ...]:
    """The reporting frames' ``opener`` phrases, as `str.startswith` takes them."""
    return tuple(report_frames().get("opener", ()))


_LEMMA = attrgetter("lemma")


def _monitor_act(tokens: Sequence[Token], frames: dict[str, frozenset[str]]) -> bool:
    """Whether the tokens name a monitor and what it did to the answer it monitors."""
    if frames.get("monitor", frozenset()).isdisjoint(map(str.lower, map(_LEMMA, tokens))):
        return False
    reviews = frames.get("review", frozenset())
    return any(t.lemma in reviews and t.pos == "VERB" for t in tokens)


def _negated_head(tokens: Sequence[Token], i: int) -> int | None:
    """Where the predicate a negation at ``i`` negates stands: the last verb or participle of
    the run after it."""
    head = None
    for j in range(i + 1, min(i + 5, len(tokens))):
        token = tokens[j]
        if token.pos in ("VERB", "AUX") or token.morph.get("VerbForm") == "Part":
            head = j
            continue
        if token.pos in ("ADV", "PART") and head is None and token.lemma not in _NEGATIONS:
            continue  # «не завжди», «так і не»
        if token.lemma == "бути" or token.pos in ("ADV",):
            continue
        break
    return head


def _is_act(tokens: Sequence[Token], i: int) -> bool:
    """A finished act: a perfective past verb, or a passive participle used as the predicate.

    A participle is an act only as the predicate («члени комісії ознайомлені з …»), not as an
    attribute («у встановленому порядку», «особи, визначені наказом», «забезпечене необхідною
    технікою»): those describe how things stand, which is no act of the period.
    """
    token = tokens[i]
    if token.lemma in _STANDING_RULES:
        return False
    before = tokens[i - 1] if i > 0 else None
    if before is not None and (
        before.text.lower() in ("бути", "быть")  # «можуть бути передані»: a possibility, not an act
        or (before.pos == "VERB" and before.tense == "Pres")  # «засідання проводяться відкрито»: manner
    ):
        return False
    if token.pos == "VERB" and token.aspect == "Perf" and token.tense == "Past":
        return True
    if not (token.morph.get("VerbForm") == "Part" and token.voice == "Pass" and token.aspect == "Perf"):
        return False
    after = tokens[i + 1] if i + 1 < len(tokens) else None
    return (token.morph.get("Case", "Nom") == "Nom"
            and not (after is not None and after.pos in ("NOUN", "ADJ", "PROPN"))
            and not (before is not None and before.text == ","))


#: What a monitor says an answer is: «відповідь не містить наказів» is about the evidence, where
#: «жодне звернення не містило відомостей про корупцію» is an absent trigger.
_ANSWER_NOUNS = frozenset({"відповідь", "звіт", "інформація", "пояснення", "матеріал", "лист", "документ"})


def _remark(tokens: Sequence[Token], head: int, remarks: frozenset[str]) -> bool:
    """Whether the negated predicate at ``head`` says what the answer leaves out («не зазначено»,
    «не наведено», «відповідь не містить …»), not what the body did or what happened."""
    lemma = tokens[head].lemma
    if lemma not in remarks:
        return False
    return lemma != "містити" or any(t.lemma in _ANSWER_NOUNS for t in tokens[:head])


#: What a body waits for from another after sending its draft: «відповіді не отримано»,
#: «погодження не отримано» leave the measure's own step pending, where «проєкти на погодження
#: не надходили» is a trigger that never came.
_AWAITED = frozenset({"відповідь", "погодження", "висновок", "ответ", "согласование", "заключение"})
_RECEIVE = frozenset({"отримати", "получить"})


def _awaited(tokens: Sequence[Token], negation: int, head: int) -> bool:
    """Whether the negated receiving at ``head`` is of an answer the body waits for."""
    if tokens[head].lemma not in _RECEIVE:
        return False
    return any(tokens[j].lemma in _AWAITED and (j == 0 or tokens[j - 1].lemma not in ("на", "для"))
               for j in range(max(0, negation - 6), min(len(tokens), head + 4)))


def _read_clause(tokens: Sequence[Token], measure: frozenset[str], negated: set[int]) -> dict[str, int]:
    """The cues of one clause (frame already set aside); adds the negated heads' indices to ``negated``."""
    triggers = trigger_words()
    reasons = triggers["reason"]
    cues: Counter[str] = Counter()
    for i, token in enumerate(tokens):
        lemma = token.lemma
        if lemma in _NEGATIONS or lemma in _NONE_WORDS:
            if i + 1 < len(tokens) and (tokens[i + 1].lemma in _PROHIBITIONS or tokens[i + 1].lemma in _BOUNDS):
                continue
            at = _negated_head(tokens, i)
            if lemma in _NONE_WORDS and at is None:
                # «жодного повідомлення не надійшло» is caught at its «не»; «жодних скарг» alone is
                # absence, but not as the object of a negated act: «не розглянуто жодного з трьох
                # повідомлень» leaves received reports unhandled.
                object_of_negated = any(j in negated for j in range(max(0, i - 3), i))
                if not object_of_negated and any(t.lemma in triggers["noun"] for t in tokens[i + 1 : i + 4]):
                    cues["absence_trigger"] += 1
                continue
            if at is None:
                cues["neg_other"] += 1
                continue
            head = tokens[at]
            if head.morph.get("VerbForm") == "Inf":
                # «зобов'язані не розголошувати», «так, щоб не порушувати»: a duty or a purpose
                # says what must not happen, not what did not
                continue
            negated.add(at)
            if _remark(tokens, at, triggers["remark"]):
                # «Не зазначено, де і коли оприлюднено результати»: the monitor says what the
                # answer leaves out; nothing in the clause is an act or a gap of the period
                return {}
            if _awaited(tokens, i, at):
                cues["neg_own"] += 1
                cues["neg_own_perfective"] += 1
            elif head.lemma in triggers["event"]:
                cues["neg_event"] += 1
            elif head.lemma in triggers["finding"]:
                cues["neg_finding"] += 1
            else:
                # «не проведено» (a due act not done) reads differently from «не проводились»
                # (such events did not happen): the model gets both, the verdict treats both as own.
                cues["neg_own"] += 1
                cues["neg_own_imperfective" if head.aspect == "Imp" else "neg_own_perfective"] += 1
        elif lemma in _ABSENCE:
            nearby = [t.lemma for t in tokens[max(0, i - 4) : i + 4]]
            cues["absence_trigger" if any(n in triggers["noun"] for n in nearby) else "absence_other"] += 1
        if lemma in reasons:
            cues["reason"] += 1
    if cues["neg_own"] + cues["neg_event"] + cues["neg_finding"] + cues["neg_other"]:
        lemmas = {t.lemma for t in tokens}
        if lemmas & triggers["noun"]:
            cues["trigger_noun"] += 1
        content = {t.lemma for t in tokens if t.pos not in _FUNCTION_POS and len(t.lemma) > 3}
        if content & measure:
            cues["neg_measure"] += 1
    lemmas = [t.lemma for t in tokens]
    # «робота триває на постійній основі» is the duty going on, not a step left unfinished.
    habitual = not _HABITUAL_MARKERS.isdisjoint(lemmas)
    cues["plan"] += count_phrases(lemmas, load_lexicon("pending_markers.txt"))
    inapplicable = count_phrases(lemmas, load_lexicon("inapplicable_markers.txt"))
    if inapplicable:
        cues["inapplicable"] += inapplicable
    if cues["neg_own"] and not _OWN_OBJECTS.isdisjoint(lemmas):
        cues["own_object"] += 1
    placements = 0
    plans = _plan_lemmas()
    for i, token in enumerate(tokens):
        if i in negated:
            continue
        # Token.tense and Token.aspect read ``morph``; read here once per token, as this loop
        # runs over every word of every status and measure.
        morph = token.morph
        tense = morph.get("Tense")
        if tense == "Fut" or (
            token.lemma in plans
            and not (token.pos == "ADJ" and i + 1 < len(tokens) and tokens[i + 1].pos == "NOUN")  # attributive
            and not (habitual and token.lemma in _ONGOING)  # an ongoing duty
        ):
            # «заплановано», «розпочато» are perfective, but not the measure done; «4 заплановані
            # навчання» only names what was planned.
            cues["plan"] += 1
        elif morph.get("Aspect") == "Perf":
            if _is_act(tokens, i):  # every act is perfective
                cues["act"] += 1
                placements += token.lemma in _PLACEMENTS
        elif token.pos == "VERB" and tense == "Pres":
            cues["habitual"] += 1
    if placements and placements == cues["act"] and not _STANDING_PREDICATES.isdisjoint(lemmas) \
            and not any(t.pos == "NUM" or t.text[:1].isdigit() or "//" in t.text or "www." in t.text for t in tokens):
        cues["habitual"] += cues.pop("act")
    return dict(cues)


def _verdict(cues: dict[str, int], cell_has_act: bool) -> str:
    # A perfective negation is a due act not done («не проведено»); an imperfective one says such
    # events did not take place («договори не укладались»), which reports use for a measure with
    # nothing to act on, unless it names the measure's own work («дій не здійснювалось»).
    own = cues.get("neg_own_perfective", 0) + cues.get("neg_other", 0) + cues.get("absence_other", 0)
    idle = cues.get("neg_own_imperfective", 0)
    if cues.get("own_object"):
        own, idle = own + idle, 0
    trigger = cues.get("neg_event", 0) + cues.get("absence_trigger", 0) + cues.get("inapplicable", 0)
    if cues.get("neg_finding") and not cell_has_act:
        trigger += 1
    if trigger and (not own or cues.get("reason")):
        return "not_applicable"
    if own or cues.get("plan"):
        return "in_progress"
    if idle:
        return "not_applicable"
    if cues.get("act") or cues.get("neg_finding"):
        return "done"
    return "boilerplate"


_CATEGORY_VERDICT = {"done": "done", "unfinished": "in_progress", "ongoing": "in_progress",
                     "compliance": "boilerplate", "non_answer": "boilerplate"}


def read(analysis: Analysis, measure_lemmas: frozenset[str] = frozenset()) -> Reading:
    """Read a status (its backbone analysis) clause by clause.

    >>> from acnlp.nlp.base import load_backbone
    >>> r = read(load_backbone().analyze("Скарг не надходило, тому службову перевірку не проведено."))
    >>> r.verdict, [c.verdict for c in r.clauses]
    ('not_applicable', ['not_applicable', 'in_progress'])
    >>> read(load_backbone().analyze("За інформацією, наданою ДПС, навчання не проведено.")).verdict
    'in_progress'
    """
    tokens = analysis.tokens
    whole, lead = category_of(analysis.text)
    clauses = []
    frame_tokens: set[int] = set()
    negated_tokens: set[int] = set()
    for a, b in _clause_spans(tokens):
        part = tokens[a:b]
        skip = _frame_end(part)
        negated: set[int] = set()
        cues = _read_clause(part[skip:], measure_lemmas, negated)
        negated_tokens.update(a + skip + j for j in negated)
        if skip:
            cues["frame"] = 1
            frame_tokens.update(range(a, a + skip))
        clauses.append((part[0].start, part[-1].end, cues))
    cell_has_act = any(c.get("act") for _, _, c in clauses)
    read_clauses = tuple([Clause(s, e, cues, _verdict(cues, cell_has_act)) for s, e, cues in clauses])
    if whole is not None:
        verdict, deciding = _CATEGORY_VERDICT[whole], 0 if read_clauses else None
    else:
        verdicts = [c.verdict for c in read_clauses]
        if lead is not None:
            verdicts.append(_CATEGORY_VERDICT[lead])
        verdict = min(verdicts, key=PRECEDENCE.index) if verdicts else "boilerplate"
        if lead == "done" and verdict == "boilerplate":
            verdict = "done"  # «ВИКОНАНО 100%:» over habitual details is a finished claim
        deciding = next((i for i, c in enumerate(read_clauses) if c.verdict == verdict), 0 if read_clauses else None)
    return Reading(analysis.text, read_clauses, whole, lead, verdict, deciding,
                   frozenset(frame_tokens), frozenset(negated_tokens))
