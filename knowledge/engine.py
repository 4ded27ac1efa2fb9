"""The standalone search engine: index any list of documents, search them, say how sure it is.

Retrieval: BM25 over character bigrams and single Chinese characters, plus BM25 over folded-pinyin
bigrams, scored per question variant (an entry's title is one more variant) and per entry (all its
variants together). An entry's lexical score is mostly the whole entry's, plus a share of its best
variant's, each a fraction of what the question could score. The best candidates are then reranked
with rapidfuzz against every variant, with boosts for entries tagged with the policy a question names
(found by jieba), for agreeing with the question on describing a problem, and for the overview entry
of a topic when the question is nothing but its policy term. Between entries of the best candidate's
topic, what the question asks for (how to apply, how much, whom to ask...: knowledge.intent) breaks
near ties, without making the answer any surer.

The index is a pair of numpy CSR matrices (variants x terms, entries x terms), so a query is a few
vectorised gathers and one `bincount`, whatever the number of terms or entries.
"""

from __future__ import annotations

import importlib
import re
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from itertools import chain
from operator import itemgetter

import numpy as np
import numpy.typing as npt
from rapidfuzz import fuzz, process

from knowledge.analyzer import Analysed, Analyzer, describes_trouble
from knowledge.bm25 import POSTINGS_CAP, Postings
from knowledge.intent import asks, profile
from knowledge.phonetic import char_syllable
from knowledge.story import asked_apart, asking_part, focus, tells_shortfall

UNIGRAM_CAP = 32  # postings a single character keeps in a large index (bigrams: POSTINGS_CAP); it says less
SMALL_INDEX = 400  # entries up to which every entry is scored exactly, without a candidate pool
_MASK_CACHE = 4096  # visibility masks kept, one per county code seen
STORY_POOL = 10  # hits of a long story's question and of the whole story weighed together

IntArray = npt.NDArray[np.int64]
Ids = npt.NDArray[np.int32] | npt.NDArray[np.int64]  # numbers of characters, terms, texts
FloatArray = npt.NDArray[np.float64]


@dataclass(frozen=True)
class Doc:
    """What the engine needs of an entry. `terms`: extra policy terms the entry is tagged with."""

    id: str
    title: str
    questions: Sequence[str]
    topics: Sequence[str] = ()
    terms: Sequence[str] = ()
    scope: str = "national"
    replaces: str | None = None
    overview: bool = False  # the entry a question naming only a policy term of its first topic gets
    asks: Sequence[str] = ()  # what it answers, said by its maintainers (knowledge.intent.profile)


@dataclass(frozen=True)
class Hit:
    entry_id: str
    topics: tuple[str, ...]
    score: float
    title: str


@dataclass(frozen=True)
class SearchResult:
    hits: tuple[Hit, ...]
    confident: bool
    out_of_scope: bool
    policy_terms: tuple[str, ...] = ()

    @property
    def top(self) -> Hit | None:
        return self.hits[0] if self.hits else None


# Words that only ask (after normalising: 咋 is 怎么), for `SearchEngine._plain`.
_PLAIN_ASK_WORDS = """
怎么申请 怎么办理 怎么办 怎么弄 怎么领 怎么样 怎么 找谁 找哪 问谁 在哪 哪里 多少钱 多少 能给 能领 能拿 给
有没有 能不能 是什么 什么意思 什么 谁能 标准 申请 办理 一年 一个月 每月 吗 不 呢 啊 有
"""
PLAIN_ASKS = tuple(_PLAIN_ASK_WORDS.split())


@dataclass(frozen=True)
class Tuning:
    char_weight: float = 0.5  # of the character-bigram coverage
    sound_weight: float = 0.5  # of the pinyin-bigram coverage
    entry_share: float = 0.9  # of the whole entry's coverage; the rest is its best variant's
    entry_k1: float = 1.2  # BM25 term-frequency saturation of the whole entry
    fuzz_weight: float = 0.1  # of the best rapidfuzz similarity to a variant
    topic_boost: float = 0.08  # the question names a policy of the entry's topics
    term_boost: float = 0.15  # ... a policy term the entry holds, or one of its topics' terms
    trouble_boost: float = 0.075  # question and title agree on describing a problem (or not)
    overview_boost: float = 0.3  # a bare policy term, and the overview entry speaks of it
    bare_rest: int = 2  # characters besides its policy terms that a question may have and be bare
    pool: int = 20  # entries scored exactly, of those with the best capped whole-entry score
    variant_pool: int = 8  # of those, the best by exact whole-entry score get their variants scored
    candidates: int = 10  # of those, reranked with rapidfuzz
    named_seats: int = 2  # ... with this many more of the topics the question names, if none is (`_with_named`)
    # A wrong answer costs more than a choice: tuned for c-wrong <= 3% (on the tuning split).
    confident_score: float = 0.80
    confident_margin: float = 0.05  # over the runner-up...
    sibling_margin: float = 0.20  # ... or over one sharing a topic (the usual near miss)
    confident_similarity: float = 0.5  # rapidfuzz similarity of the answer's closest variant
    crowd: int = 2  # ... and no more entries than this cover the question nearly as well
    crowd_ratio: float = 0.8
    # "Is it a policy question we cover?" is asked apart from "which entry?": by the closest entry's
    # coverage of the question, at a floor set by what else the question says. Tuned on the tuning
    # split for in-scope refused <= 3% and out-of-scope refused >= 95%.
    in_scope_lexical: float = 0.8  # below this whole-entry coverage, with no policy term: out of scope
    in_scope_lexical_cue: float = 0.25  # ... with a word of public support (补助, 村长, 申请: scope_cues.txt)
    story_context: float = 0.5  # share of the whole story's score added to its question's (story.focus)
    # ... when its question names no policy term (有没有啥扶持, 这个政府管不管): the story's own best entries
    # join the question's and its score counts this many times (1-4 alike on the tuned part; 4 on fresh 6)
    story_context_unnamed: float = 4.0
    in_scope_lexical_terms: float = 0.0  # ... and with one (拖拉机打不着火: a term, but not its policy)
    # ... and with neither, when the question says enough (`agreeing_chars` characters or more) and its two
    # closest entries share a topic: chit-chat that happens to share words with an entry scatters over
    # unrelated ones, a policy question in other words lands on one topic (娃爸妈都在服刑 算不算事实无人抚养)
    in_scope_lexical_agreeing: float = 0.6
    agreeing_chars: int = 10
    # ... and with neither, a long story telling a problem (`story_chars` characters or more: 娃十四了死活不去
    # 学校 跟着人去工地了 老师也不管 这咋办): chit-chat telling one reaches 0.34 at most over the eval sets'
    # out-of-scope messages (快递咋还没到, 话费咋又扣了), such stories in scope 0.44-0.52 in our own phrasings
    in_scope_lexical_story: float = 0.4
    story_chars: int = 20
    plain_boost: float = 0.15  # policy terms and a plain ask (多少, 怎么申请, 找谁): the overview, less strongly
    # What the question asks for (怎么申请, 多少, 找谁, 多久, 能不能: knowledge.intent) against what each entry
    # answers: the entry answering it best among the candidates of its topic gets this times its lead
    facet_boost: float = 0.3  # chosen on the tuning split (0.2-0.3 alike; 0.5 broke more than it fixed)
    facet_reach: float = 0.5  # ... among the candidates scoring within this of the best


def visible(scope: str, county_code: str | None) -> bool:
    """National entries are seen by everyone; local ones by villagers of that province/county."""
    if scope == "national":
        return True
    return county_code is not None and county_code.startswith(scope)


def _bigram_codes(ids: Ids, base: int, solo: npt.NDArray[np.bool_] | None = None) -> tuple[Ids, Ids]:
    """Bigram codes (a * base + b) of the texts in `ids`, texts separated (and surrounded) by 0;
    a text of one token is coded a * base + base - 1, and so is every token `solo` marks (also
    counted on its own). Returns the codes and each one's text."""
    sep = ids == 0
    text_of = np.cumsum(sep, dtype=np.int32) - 1
    if base * base >= 1 << 31:  # codes overflow 32 bits
        ids = ids.astype(np.int64)
    left, right = ids[:-1], ids[1:]
    pair = ~sep[:-1] & ~sep[1:]
    single = ~sep[1:-1] & sep[:-2] & sep[2:]
    if solo is not None:
        single |= solo[1:-1]
    codes = np.concatenate((left[pair] * base + right[pair], ids[1:-1][single] * base + (base - 1)))
    texts = np.concatenate((text_of[:-1][pair], text_of[1:-1][single]))
    return codes, texts


_FIRST_CJK = 0x4E00  # characters from here on also count one by one in the character space
_ASCII_RUN = re.compile(r"[!-~]+")
_DENSE_LIMIT = 1 << 23  # values below this are numbered with a lookup table instead of a sort


def _numbered(values: Ids, bound: int) -> tuple[IntArray, Ids]:
    """`np.unique(values, return_inverse=True)` for values in 0..bound-1: with a table instead of
    a sort when `bound` is small (an index build numbers millions of codes)."""
    if bound > _DENSE_LIMIT:
        unique, inverse = np.unique(values, return_inverse=True)
        return unique.astype(np.int64), inverse.reshape(-1).astype(np.int64)
    seen = np.zeros(bound, dtype=bool)
    seen[values] = True
    unique = np.flatnonzero(seen)
    lookup = np.zeros(bound, dtype=np.int32)  # (32 bits: the table is most of a build's fresh memory)
    lookup[unique] = np.arange(len(unique))
    return unique, lookup[values]


def _spelled(letters: Ids, codes: Ids, base: int) -> list[str]:
    """The strings of bigram codes (a * base + b, a and b numbering `letters`; b = base - 1: the
    character a alone), spelled by numpy: the two code points viewed as one 2-character string,
    where a lone character's second is 0, which numpy drops from the end of a string."""
    points = np.append(letters, 0).astype(np.uint32)  # number base - 1 spells nothing
    pairs = np.empty((len(codes), 2), np.uint32)
    first, second = np.divmod(codes, base)
    pairs[:, 0] = points[first]
    pairs[:, 1] = points[second]
    spelled: list[str] = pairs.view("<U2").ravel().tolist()
    return spelled


def _top(scores: FloatArray, count: int) -> IntArray:
    """The (at most) `count` positive scores' positions, best first not guaranteed. A selection over
    every entry of a large index took a query's largest share of time (argpartition: 56-84 us
    at 10,000 entries, many of them tied at 0); the best are first narrowed to those above a share
    of the highest score, which leaves the selection a few dozen."""
    high = float(scores.max(initial=0.0))
    for share in (0.5, 0.25, 0.0):
        chosen = np.flatnonzero(scores > share * high)
        if len(chosen) >= count:
            break
    if len(chosen) > count:
        chosen = chosen[np.argpartition(-scores[chosen], count - 1)[:count]]
    return chosen


def _code_points(texts: Sequence[str]) -> Ids:
    """The code points of `texts`, each text preceded and the last followed by 0."""
    joined = "\0" + "\0".join(texts) + "\0"
    return np.frombuffer(joined.encode("utf-32-le"), dtype=np.uint32).astype(np.int32)


class _Vocabulary:
    """The indexed texts as term ids, and the term strings (as the analyzer writes them) of the
    two spaces, numbered as in `Postings`. `texts` are normalised and alias-rewritten."""

    def __init__(self, texts: Sequence[str]) -> None:
        # character bigrams (and Chinese characters) of the texts without spaces, over the
        # characters numbered 0 (the separator) .. n-1
        self.compact = [text.replace(" ", "") for text in texts]
        points = _code_points(self.compact)
        letters, ids = _numbered(points, 0x110000)
        base = len(letters) + 1
        codes, self.char_rows = _bigram_codes(ids, base, points >= _FIRST_CJK)
        unique, self.char_terms = _numbered(codes, base * base)
        self.chars: dict[str, int] = dict(zip(_spelled(letters, unique, base), range(len(unique)), strict=True))
        self.lone_chars = np.flatnonzero(unique % base == base - 1)  # the terms of one character
        # syllables (phonetic.syllables, vectorised): a token per non-ASCII character, its folded
        # syllable; a token per run of ASCII letters/digits; spaces only separate
        joined = "\0" + "\0".join(texts) + "\0"
        points = _code_points(texts)
        distinct, char_index = _numbered(points, 0x110000)
        names: list[str] = ["\0"]  # token 0 separates texts
        numbering: dict[str, int] = {"\0": 0}
        lookup = np.zeros(len(distinct), np.int64)
        for i, point in enumerate(distinct.tolist()):
            if point >= 128:
                name = char_syllable(chr(point))
                lookup[i] = numbering.setdefault(name, len(names))
                if lookup[i] == len(names):
                    names.append(name)
        tokens = lookup[char_index]
        keep = points >= 128
        keep[points == 0] = True
        if len(distinct) and int(distinct[distinct < 128].max(initial=0)) > 32:  # some ASCII text
            for match in _ASCII_RUN.finditer(joined):
                name = match.group()
                token = numbering.setdefault(name, len(names))
                if token == len(names):
                    names.append(name)
                tokens[match.start()] = token
                keep[match.start()] = True
        tokens = tokens[keep]
        base = len(names) + 1
        codes, self.sound_rows = _bigram_codes(tokens, base)
        unique, self.sound_terms = _numbered(codes, base * base)
        first, second = np.divmod(unique, base)
        offset = len(self.chars)
        self.sounds: dict[str, int] = {
            names[a] if b == base - 1 else f"{names[a]}_{names[b]}": term
            for term, (a, b) in enumerate(zip(first.tolist(), second.tolist(), strict=True), offset)
        }
        self._tokens, self._names = tokens, names

    def spoken(self) -> list[str]:
        """The syllables of each text joined by spaces (for rapidfuzz)."""
        spelled_out = " ".join(itemgetter(*self._tokens.tolist())(self._names))
        return [part.strip(" ") for part in spelled_out.split("\0")[1:-1]]


def _hugepage_switch() -> Callable[[bool], bool] | None:
    """numpy's switch for asking the kernel for huge pages for large arrays (if this numpy has it)."""
    try:
        module = importlib.import_module("numpy._core.multiarray")
    except ImportError:
        return None
    switch = getattr(module, "_set_madvise_hugepage", None)
    return switch if callable(switch) else None


_HUGEPAGES = _hugepage_switch()


@contextmanager
def _small_pages() -> Iterator[None]:
    """Build with ordinary pages: a large index build makes hundreds of MB of short-lived arrays, and
    with huge pages (numpy asks for them; the kernel compacts memory to find them) the kernel time
    was larger than the build's own (0.6-1.0 s of 2 s at 10,000 entries). Lookups use the arrays
    kept, whatever their pages. The switch is numpy's process-wide flag, set back afterwards."""
    if _HUGEPAGES is None:
        yield
        return
    before = _HUGEPAGES(False)
    try:
        yield
    finally:
        _HUGEPAGES(before)


class SearchEngine:
    def __init__(self, docs: Iterable[Doc], *, analyzer: Analyzer | None = None, tuning: Tuning | None = None) -> None:
        with _small_pages():
            self._build(docs, analyzer, tuning)

    def _build(self, docs: Iterable[Doc], analyzer: Analyzer | None, tuning: Tuning | None) -> None:
        self.analyzer = analyzer if analyzer is not None else Analyzer()
        self.tuning = tuning if tuning is not None else Tuning()
        self.docs: list[Doc] = list(docs)
        analyzer = self.analyzer
        raw: list[str] = []
        starts: list[int] = []
        for doc in self.docs:
            starts.append(len(raw))
            raw.append(doc.title)
            raw.extend(doc.questions)
        forms = analyzer.index_forms(raw)
        vocabulary = _Vocabulary(forms)
        self._chars, self._sounds = vocabulary.chars, vocabulary.sounds
        self._starts = np.array(starts, dtype=np.int64)
        self._ends = np.append(self._starts[1:], len(forms)).astype(np.int64)
        spaces = (
            (vocabulary.char_rows, vocabulary.char_terms, len(self._chars)),
            (vocabulary.sound_rows, vocabulary.sound_terms, len(self._sounds)),
        )
        unit_doc = np.repeat(np.arange(len(self.docs), dtype=np.int64), self._ends - self._starts)
        # A small index is scored exactly from uncapped postings of the query's terms alone; a large
        # one picks a pool from capped entry postings and scores its rows (see `lexical`).
        small = len(self.docs) <= SMALL_INDEX
        entry_spaces = [(unit_doc[rows], terms, n) for rows, terms, n in spaces]
        caps = np.full(len(self._chars) + len(self._sounds), POSTINGS_CAP, dtype=np.int64)
        caps[vocabulary.lone_chars] = UNIGRAM_CAP
        # The two matrices are independent and numpy lets go of the GIL in its sorts and large
        # array operations: on a large index they are built side by side, while this thread
        # does the Python part of the build.
        with ThreadPoolExecutor(max_workers=1 if small else 2) as pool:
            variants = pool.submit(Postings, len(forms), spaces, by_term=small)
            entries = pool.submit(
                Postings, len(self.docs), entry_spaces, k1=self.tuning.entry_k1, by_term=True,
                cap=1 << 30 if small else caps,
            )  # fmt: skip
            self._describe(forms, vocabulary)
            self._variants, self._entries = variants.result(), entries.result()
        self._visible: dict[str | None, npt.NDArray[np.bool_]] = {}
        self._everyone = np.ones(len(self.docs), dtype=bool)  # the mask when all entries are seen
        self._local = threading.local()
        self._hidden: dict[str | None, frozenset[str]] = {}

    def _describe(self, forms: list[str], vocabulary: _Vocabulary) -> None:
        """What the search asks of each entry besides its postings."""
        self._texts = vocabulary.compact
        self._spoken = vocabulary.spoken()
        starts = self._starts.tolist()
        self._spans = list(zip(starts, self._ends.tolist(), strict=True))  # each entry's texts
        # An entry is tagged with every policy term its texts (and `Doc.terms`) hold: asked only of
        # a question's few terms and a few candidates, so kept as the texts themselves.
        self._tagged: list[str] = []
        for doc, (start, end) in zip(self.docs, self._spans, strict=True):
            mine = forms[start:end]
            if doc.terms:
                mine = mine + self.analyzer.index_forms(doc.terms)
            self._tagged.append("|".join(mine).replace(" ", ""))
        self._topics = [frozenset(doc.topics) for doc in self.docs]
        # the topic each entry is the overview of ("" for none)
        self._overview = [doc.topics[0] if doc.overview and doc.topics else "" for doc in self.docs]
        self._trouble = [describes_trouble(self._texts[start]) for start in starts]
        self._profiles: dict[int, dict[str, float]] = {}  # knowledge.intent.profile, made when first asked

    def __len__(self) -> int:
        return len(self.docs)

    def hidden_for(self, county_code: str | None) -> frozenset[str]:
        """Ids replaced by a local entry this county sees."""
        hidden = self._hidden.get(county_code)
        if hidden is None:
            hidden = frozenset(
                d.replaces for d in self.docs if d.replaces and d.scope != "national" and visible(d.scope, county_code)
            )
            if len(self._hidden) >= _MASK_CACHE:
                self._hidden.clear()
            self._hidden[county_code] = hidden
        return hidden

    def _mask(self, county_code: str | None) -> npt.NDArray[np.bool_]:
        """Entries this county sees (its local entries, not the national ones they replace)."""
        mask = self._visible.get(county_code)
        if mask is None:
            hidden = self.hidden_for(county_code)
            mask = np.array([visible(d.scope, county_code) and d.id not in hidden for d in self.docs], dtype=bool)
            if mask.all():
                mask = self._everyone
            if len(self._visible) >= _MASK_CACHE:
                self._visible.clear()
            self._visible[county_code] = mask
        return mask

    def _query_terms(self, query: Analysed) -> tuple[IntArray, FloatArray, FloatArray]:
        """Known term ids of the query and their weights per variant and per entry: each space
        scaled so that a text holding every query term scores its weight (terms never indexed
        count in the ideal, at the top idf)."""
        tuning = self.tuning
        ids: list[int] = []
        per_variant: list[float] = []
        per_entry: list[float] = []
        for grams, vocab, weight in (
            (set(query.chars), self._chars, tuning.char_weight),
            (set(query.sounds), self._sounds, tuning.sound_weight),
        ):
            known = [i for i in map(vocab.get, grams) if i is not None]
            if not known:
                continue
            ids += known
            unseen = len(grams) - len(known)
            # (numpy's gather over the idf arrays: a Python list's floats are scattered objects, and
            # a query's few dozen terms missed the cache on each one)
            at = np.array(known)
            ideal = float(self._variants.idf[at].sum()) + self._variants.unseen_idf * unseen
            per_variant += [weight / ideal] * len(known)
            ideal = float(self._entries.idf[at].sum()) + self._entries.unseen_idf * unseen
            per_entry += [weight / ideal] * len(known)
        return np.array(ids, dtype=np.int64), np.array(per_variant), np.array(per_entry)

    def lexical(self, query: Analysed, county_code: str | None = None) -> tuple[IntArray, FloatArray, FloatArray]:
        """Candidate entries this county sees and, exactly, their best variant's coverage of the
        query and the whole entry's. In a large index the candidates are those with the best
        whole-entry scores from capped postings (`Tuning.pool` of them)."""
        ids, per_variant, per_entry = self._query_terms(query)
        if not len(ids):
            return np.zeros(0, np.int64), np.zeros(0), np.zeros(0)
        mask = self._mask(county_code)
        table = self._scale_table()
        try:
            if len(self.docs) <= SMALL_INDEX:  # every entry exactly, from the query terms' postings
                whole = self._entries.scores(ids, per_entry)
                best = np.maximum.reduceat(self._variants.scores(ids, per_variant), self._starts)
                pool = np.flatnonzero(mask & (whole > 0.0))
                return pool, best[pool], whole[pool]
            coarse = self._entries.scores(ids, per_entry)
            if mask is not self._everyone:
                coarse[~mask] = 0.0
            pool = _top(coarse, self.tuning.pool)
            if not len(pool):
                return pool, np.zeros(0), np.zeros(0)
            table[ids] = per_entry
            whole = self._entries.row_scores(pool, table)
            # best variants only of the entries whose whole score can still make the candidates
            keep = min(self.tuning.variant_pool, len(pool))
            if keep < len(pool):
                top = np.argpartition(-whole, keep - 1)[:keep]
                pool, whole = pool[top], whole[top]
            lengths = self._ends[pool] - self._starts[pool]
            ends = np.cumsum(lengths)
            variants = np.arange(int(ends[-1])) + np.repeat(self._starts[pool] - (ends - lengths), lengths)
            table[ids] = per_variant
            best = np.maximum.reduceat(self._variants.row_scores(variants, table), ends - lengths)
            return pool, best, whole
        finally:
            table[ids] = 0.0

    def _scale_table(self) -> FloatArray:
        """This thread's dense term -> query weight table (all zero between queries), in 32 bits so
        more of it stays in the cache: a large index's pool rows look up a few thousand terms."""
        table: FloatArray | None = getattr(self._local, "table", None)
        if table is None:
            table = self._local.table = np.zeros(self._variants.n_terms, np.float32)
        return table

    def search(self, text: str, *, county_code: str | None = None, limit: int = 3) -> SearchResult:
        """The entries answering `text`; in a long story, those answering its question (`story.focus`),
        the whole story deciding only whether it is a policy question at all."""
        asked = focus(text, self._names_policy)
        whole = self._search(text, county_code, limit if asked is None else max(limit, STORY_POOL))
        apart = asked_apart(text, self._topics_named)
        if apart and not whole.out_of_scope and not self._one_answers_all(whole, apart):
            return self._each_answered(whole, apart, county_code, limit)
        if asked is None:
            return whole
        narrowed = self._search(asked, county_code, STORY_POOL)
        if not narrowed.hits:
            return SearchResult(whole.hits[:limit], whole.confident, whole.out_of_scope, whole.policy_terms)
        if not self._names_term(asked):
            # its question names no programme, only that it is one (这个政府管不管): the story tells which
            return self._in_context(narrowed, whole, limit, self.tuning.story_context_unnamed, union=True)
        return self._in_context(narrowed, whole, limit)

    def _in_context(
        self, narrowed: SearchResult, whole: SearchResult, limit: int, share: float | None = None, union: bool = False
    ) -> SearchResult:
        """The question's hits, each raised by a share of its score for the whole story (the illness
        in 娃得了白血病…合作医疗报了一部分 还有啥办法 points to 大病, not to paying the premium); with `union`,
        the whole story's hits are candidates too."""
        context = {h.entry_id: h.score for h in whole.hits}
        weight = self.tuning.story_context if share is None else share
        candidates = list(narrowed.hits)
        if union:
            seen = {h.entry_id for h in candidates}
            candidates += [h for h in whole.hits if h.entry_id not in seen]
        own = {h.entry_id: h.score for h in narrowed.hits}
        scored = sorted(
            ((own.get(h.entry_id, 0.0) + weight * context.get(h.entry_id, 0.0), h) for h in candidates),
            key=lambda pair: -pair[0],
        )
        hits = tuple(Hit(h.entry_id, h.topics, round(score, 4), h.title) for score, h in scored[:limit])
        out_of_scope = whole.out_of_scope and narrowed.out_of_scope
        same_top = bool(hits) and narrowed.top is not None and hits[0].entry_id == narrowed.top.entry_id
        confident = narrowed.confident and same_top and not out_of_scope
        terms = tuple(dict.fromkeys(whole.policy_terms + narrowed.policy_terms))
        return SearchResult(hits, confident, out_of_scope, terms)

    def _each_answered(
        self, whole: SearchResult, apart: list[str], county_code: str | None, limit: int
    ) -> SearchResult:
        """Two questions asked at once: the best entry for each first, then the whole text's, as choices."""
        firsts = [self._search(part, county_code, limit).top for part in apart]
        hits = {h.entry_id: h for h in [*firsts, *whole.hits] if h is not None}
        return SearchResult(tuple(hits.values())[: max(limit, len(apart))], False, False, whole.policy_terms)

    def _one_answers_all(self, whole: SearchResult, apart: list[str]) -> bool:
        """The whole text's best entry speaks of the policy each question names: one question in two
        clauses (村集体一年收入多少 应该公开不: the collective's accounts made public), not two."""
        top = whole.top
        return top is not None and all(not self._topics_named(part).isdisjoint(top.topics) for part in apart)

    def _topics_named(self, clause: str) -> frozenset[str]:
        return self.analyzer.terms.primary(set(self.analyzer.analyse(clause, known=self._chars).terms))

    def _names_term(self, clause: str) -> bool:
        return bool(self.analyzer.analyse(clause, known=self._chars).terms)

    def _names_policy(self, clause: str) -> bool:
        analysed = self.analyzer.analyse(clause, known=self._chars)
        return bool(analysed.terms) or analysed.cue

    def _search(self, text: str, county_code: str | None, limit: int) -> SearchResult:
        query = self.analyzer.analyse(text, known=self._chars)
        if not query.chars or not self.docs:
            return SearchResult((), confident=False, out_of_scope=True)
        tuning = self.tuning
        pool, best, whole = self.lexical(query, county_code)
        lexical = (1.0 - tuning.entry_share) * best + tuning.entry_share * whole
        cover = float(whole.max(initial=0.0))  # how much of the question the closest entry holds
        q_terms = self._asked_terms(text, query)
        q_topics = self.analyzer.terms.topics(q_terms)
        if len(pool) > tuning.candidates:
            keep = np.argpartition(-lexical, tuning.candidates - 1)[: tuning.candidates]
            keep = self._with_named(keep, pool, lexical, q_topics)
            pool, best, lexical = pool[keep], best[keep], lexical[keep]
        similarity = self._similarity(query, pool.tolist())
        bare = self.analyzer.terms.primary(q_terms) if q_terms and self._bare(query) else frozenset()
        plain = self.analyzer.terms.primary(q_terms) if q_terms and not bare and self._plain(query) else frozenset()
        term_topics = self.analyzer.terms.topics_of
        scored: list[tuple[float, float, int, float]] = []
        for doc_index, lex, top_variant, sim in zip(
            pool.tolist(), lexical.tolist(), best.tolist(), similarity, strict=True
        ):
            score = lex + tuning.fuzz_weight * sim
            topics = self._topics[doc_index]
            if q_topics & topics:
                score += tuning.topic_boost
            own = self._tagged[doc_index]
            held = sum(term in own for term in q_terms)
            # a term pointing to one of the entry's topics counts for every entry of that topic: siblings
            # are told apart by the rest of the question, not by which of them happens to repeat the term
            tagged = sum(term in own or not term_topics[term].isdisjoint(topics) for term in q_terms)
            if tagged:
                score += tuning.term_boost * tagged / len(q_terms)
            if query.trouble == self._trouble[doc_index]:
                score += tuning.trouble_boost
            if self._overview[doc_index] in bare and held == len(q_terms):
                score += tuning.overview_boost
            elif self._overview[doc_index] in plain and held == len(q_terms):
                score += tuning.plain_boost
            scored.append((score, top_variant, doc_index, sim))
        # how sure the search is stays judged without the tie-breaker: it picks among near equals
        plain_order = sorted(scored, key=lambda s: (-s[0], s[2]))
        # a problem told decides among siblings by the trouble boost; when no sibling near tells one
        # (雨露计划去年没申上 今年补报能行不: both entries are about the plan, neither about a problem),
        # what is asked still picks among them
        if tuning.facet_boost and (not query.trouble or not self._trouble_near(scored)):
            scored = self._by_facet(asks(query.text), scored)
        scored.sort(key=lambda s: (-s[0], s[2]))
        hits = tuple(
            Hit(
                entry_id=self.docs[i].id,
                topics=tuple(self.docs[i].topics),
                score=round(score, 4),
                title=self.docs[i].title,
            )
            for score, _, i, _ in scored[:limit]
        )
        floor = tuning.in_scope_lexical
        if query.everyday:  # 拖拉机打不着火咋修: its policy term and scope cues do not lower the floor
            if self._agreeing(query, scored):
                floor = tuning.in_scope_lexical_agreeing
        elif query.terms:
            floor = tuning.in_scope_lexical_terms
        elif query.cue or tells_shortfall(query.text, query.trouble):
            floor = tuning.in_scope_lexical_cue
        # a long story telling a problem has the lower floor even when its two closest entries agree: that
        # they agree (孤儿 and 留守儿童) is no reason to ask more of it than of a story whose entries do not
        elif query.trouble and len(query.text) >= tuning.story_chars:
            floor = tuning.in_scope_lexical_story
        elif self._agreeing(query, scored):
            floor = tuning.in_scope_lexical_agreeing
        out_of_scope = not scored or cover < floor
        confident = False
        if scored and not out_of_scope and plain_order[0][2] == scored[0][2]:
            top, _, top_index, top_sim = plain_order[0]
            margin, needed = top, tuning.confident_margin
            if len(plain_order) > 1:
                second, _, second_index, _ = plain_order[1]
                margin = top - second
                if self._topics[top_index] & self._topics[second_index]:
                    needed = tuning.sibling_margin
                # a sibling answering what is asked (the tie-breaker's lift) may come near: then a choice
                lifted, _, lifted_index, _ = scored[1]
                near = scored[0][0] - lifted
                if near < tuning.sibling_margin and self._topics[top_index] & self._topics[lifted_index]:
                    margin, needed = near, tuning.sibling_margin
            # a question naming a policy (自然灾害救助多久能到) is not answered with confidence by an entry
            # of another topic that wins on the asking words alone
            named = self.analyzer.terms.topics(query.terms)
            foreign = bool(named) and named.isdisjoint(self._topics[top_index])
            # a problem told (草原补助还没打到卡上) and a sibling about a problem near: not the standard for sure
            problem_elsewhere = (
                query.trouble and not self._trouble[top_index] and self._troubled_sibling(top_index, scored)
            )
            # the crowd: entries whose best variant covers the question nearly as well. When the question
            # names a policy (养老保险一个月多少钱), an entry of another policy that comes near on the asking
            # words alone (特困 一个月给多少) is no rival: only entries of the named topics are counted
            near_best = best >= tuning.crowd_ratio * plain_order[0][1]
            if named:
                near_best &= np.fromiter(
                    (not named.isdisjoint(self._topics[i]) for i in pool.tolist()), dtype=bool, count=len(pool)
                )
            confident = (
                not foreign
                and not problem_elsewhere
                and top >= tuning.confident_score
                and margin >= needed
                and top_sim >= tuning.confident_similarity
                and int(np.count_nonzero(near_best)) <= tuning.crowd
            )
        return SearchResult(hits, confident, out_of_scope, tuple(query.terms))

    def _with_named(self, keep: IntArray, pool: IntArray, lexical: FloatArray, q_topics: frozenset[str]) -> IntArray:
        """The candidates, and when none of them is of a topic the question names, the `Tuning.named_seats`
        entries of those topics that share most of its words: a question naming its policy amid words that
        many entries hold (家里养了几头猪 村里说有奖补 跟谁说去: 村里, 跟谁) still gets that policy weighed."""
        if not q_topics or not self.tuning.named_seats:
            return keep
        named = [k for k in np.argsort(-lexical).tolist() if not self._topics[int(pool[k])].isdisjoint(q_topics)]
        if not set(named).isdisjoint(keep.tolist()):
            return keep  # the policy is weighed already: its siblings are told apart by the rest
        return np.union1d(keep, np.asarray(named[: self.tuning.named_seats], dtype=keep.dtype))

    def _troubled_sibling(self, top_index: int, scored: list[tuple[float, float, int, float]]) -> bool:
        """An entry about a problem, sharing a topic with the best, within `Tuning.facet_reach` of it."""
        topics, near = self._topics[top_index], scored[0][0] - self.tuning.facet_reach
        return any(
            self._trouble[i] and not topics.isdisjoint(self._topics[i])
            for score, _, i, _ in scored
            if i != top_index and score >= near
        )

    def _trouble_near(self, scored: list[tuple[float, float, int, float]]) -> bool:
        """The best candidate, or one sharing a topic with it within `Tuning.facet_reach`, is about a problem."""
        if not scored:
            return False
        first = max(scored, key=lambda s: (s[0], -s[2]))
        return self._trouble[first[2]] or self._troubled_sibling(first[2], [first, *scored])

    def _profile(self, doc_index: int) -> dict[str, float]:
        found = self._profiles.get(doc_index)
        if found is None:
            start, end = self._spans[doc_index]
            found = self._profiles[doc_index] = profile(
                self._texts[start], self._texts[start + 1 : end], self.docs[doc_index].asks
            )
        return found

    def _by_facet(
        self, wanted: frozenset[str], scored: list[tuple[float, float, int, float]]
    ) -> list[tuple[float, float, int, float]]:
        """Among the best candidate and those sharing a topic with it, the one answering what the question
        asks for (`wanted`) better than the others gains `Tuning.facet_boost` times its lead."""
        if not wanted or len(scored) < 2:
            return scored
        first = max(range(len(scored)), key=lambda n: (scored[n][0], -scored[n][2]))
        topics = self._topics[scored[first][2]]
        near = scored[first][0] - self.tuning.facet_reach
        group = [n for n, s in enumerate(scored) if s[0] >= near and not topics.isdisjoint(self._topics[s[2]])]
        if len(group) < 2:
            return scored
        fit = {n: sum(self._profile(scored[n][2]).get(kind, 0.0) for kind in wanted) for n in group}
        best = max(group, key=lambda n: fit[n])
        lead = fit[best] - max(fit[n] for n in group if n != best)
        if lead <= 0.0:
            return scored
        score, top_variant, i, sim = scored[best]
        out = list(scored)
        out[best] = (score + self.tuning.facet_boost * lead, top_variant, i, sim)
        return out

    def _agreeing(self, query: Analysed, scored: list[tuple[float, float, int, float]]) -> bool:
        """A question of some length whose two closest entries share a topic."""
        if len(scored) < 2 or len(query.text) < self.tuning.agreeing_chars:
            return False
        return not self._topics[scored[0][2]].isdisjoint(self._topics[scored[1][2]])

    def _asked_terms(self, text: str, query: Analysed) -> set[str]:
        """The policy terms the question asks about: of several, those in its asking clauses, when
        the other clauses only tell what happened (外出务工能领交通补贴 那培训还给钱不: 培训)."""
        terms = set(query.terms)
        if len(terms) < 2:
            return terms
        asked = asking_part(text)
        if asked is None:
            return terms
        named = terms.intersection(self.analyzer.analyse(asked, known=self._chars).terms)
        return named or terms

    def _bare(self, query: Analysed) -> bool:
        """The question is nothing but policy terms (and `Tuning.bare_rest` characters more)."""
        rest = query.text
        for term in sorted(query.terms, key=len, reverse=True):
            rest = rest.replace(term, "")
        return len(rest) <= self.tuning.bare_rest

    def _plain(self, query: Analysed) -> bool:
        """Policy terms and a plain ask, nothing told (临时救助能给多少, 危房找谁): no problem described,
        and besides the terms only words of asking (`PLAIN_ASKS`) and `Tuning.bare_rest` characters."""
        if query.trouble:
            return False
        rest = query.text
        for word in sorted([*query.terms, *PLAIN_ASKS], key=len, reverse=True):
            rest = rest.replace(word, "")
        return len(rest) <= self.tuning.bare_rest

    def _similarity(self, query: Analysed, pool: list[int]) -> list[float]:
        """Per candidate: the best rapidfuzz ratio of the question to one of its variants, by
        characters or by sound (0..1)."""
        if not pool:
            return []
        bounds = [self._spans[i] for i in pool]
        texts = list(chain.from_iterable(self._texts[a:b] for a, b in bounds))
        spoken = list(chain.from_iterable(self._spoken[a:b] for a, b in bounds))
        by_text = process.cdist([query.text], texts, scorer=fuzz.ratio, dtype=np.float32)[0]
        by_sound = process.cdist([query.spoken], spoken, scorer=fuzz.ratio, dtype=np.float32)[0]
        both = np.maximum(by_text, by_sound)
        offsets = np.cumsum([0] + [b - a for a, b in bounds[:-1]])
        best: list[float] = (np.maximum.reduceat(both, offsets) / 100.0).tolist()
        return best
