"""Training of the neural tagger (``rasid.ner.neural``): word vectors, then the network(s), with torch.

torch and gensim are imported only here and only when training (``pip install 'rasid[train]'``);
tagging needs numpy alone. The recipe (notes of the 2026-11-29 experiment):

* word vectors: skip-gram word2vec (gensim) over SaudiNewsNet's paragraphs (tokens as
  ``rasid.ner.clusters``) and the ANERcorp TRAIN part's words; one worker, a fixed seed and a
  deterministic ``hashfxn``, so the vectors do not depend on PYTHONHASHSEED;
* the network: per word type tanh(embedding-bag sum of its ``word_attributes`` rows + the projected word
  vector + bias) -> dilated convolutions (kernel 3, ReLU, residual from the second layer; the bundled
  recipe) or, with ``recurrent`` > 0, a bidirectional LSTM of that size per direction -> linear ->
  IOB2 emissions, under a linear-chain CRF (transitions, start, end) trained by its log-likelihood.
  Attribute values seen fewer than ``min_count`` times map to the ``<name>=?`` row of their name, so the
  unseen rows are trained. Adam (dense) + SparseAdam (the bag), learning rate decaying as 1/(1 + d e),
  dropout on the type inputs and after each layer, attribute dropout on the bag, one thread, seeded.

Other-domain sentences (WikiFANE, AQMAR, Wojood: ``training.other_domain_sentences``) train the same
network through a second output layer and CRF of their own (multi-task: the annotation conventions differ,
the word representations are shared); each epoch runs every news batch and a random ``other_domain_share``
of the other-domain batches, in one shuffled order. Only the news output is kept in the model file.
Several seeds give several networks in one model file; the tagger averages them.
Training is deterministic: the same corpora, tables and parameters give a byte-identical file.
"""
from __future__ import annotations

import json
import random
import zlib
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Iterable, Sequence

import numpy as np

from rasid.ner.corpus import Sentence
from rasid.ner.neural import (
    KERNEL, PADDING_KEY, TAGS, UNKNOWN_VECTOR, UNSEEN_VALUE, Network, NeuralModelError, attribute_keys, row_index,
    word_rows, write_model,
)
from rasid.text.normalize import normalize_str

TRAIN_EXTRA = "train"  # pyproject optional dependencies: torch, gensim


class TrainingDependencyError(NeuralModelError):
    """torch or gensim is not installed."""


@dataclass(frozen=True)
class VectorParams:
    """word2vec (skip-gram) over the unlabeled news text."""
    size: int = 100
    window: int = 5
    min_count: int = 3
    epochs: int = 5
    negative: int = 5
    seed: int = 13
    kept: int | None = None  # the model file holds the vectors of the most frequent words, this many (None: all)


@dataclass(frozen=True)
class NeuralParams:
    dim: int = 64  # type input size (embedding bag and projected vector)
    hidden: int = 64  # convolution channels (with recurrent 0)
    dilations: tuple[int, ...] = (1, 2, 1)  # (with recurrent 0)
    # > 0: a bidirectional LSTM of this size per direction instead of the convolutions (not the bundled
    # recipe: with the CRF, 32 units gained 0.4-0.6 F1 by cross-validation and AQMAR 1.2 points, but the
    # ANERcorp test part stayed equal (0.7908 vs 0.7910) and the numpy recurrence costs ~1.5-2 ms an article
    # more; model card); 0: the convolutions
    recurrent: int = 0
    dropout: float = 0.5
    attribute_dropout: float = 0.3
    min_count: int = 2  # attribute values seen fewer times share their name's "<name>=?" row
    epochs: int = 10
    batch: int = 32
    learning_rate: float = 2e-3
    decay: float = 0.05  # learning rate at epoch e: learning_rate / (1 + decay * e)
    clip: float = 5.0  # gradient norm of the dense parameters
    # one network per seed, their scores averaged; the bundled model has one: a second (7) gained 0.1-0.3 F1
    # in cross-validation and 0.1 on the ANERcorp test part for the network's whole cost again (model card)
    seeds: tuple[int, ...] = (13,)
    other_domain_share: float = 0.25  # share of the other-domain batches drawn each epoch (with other-domain data)
    weight: float = 1.0  # the ensemble's lambda: CRF scores + weight x neural scores (stored in the file)
    vectors: VectorParams = field(default_factory=VectorParams)

    def as_dict(self) -> dict[str, object]:
        """The parameters as the model file's meta keeps them (``recurrent`` only when set, so that the
        convolutional recipe writes the same bytes as before the option existed)."""
        named = asdict(self)
        if not self.recurrent:
            del named["recurrent"]
        return named


def require_training_packages():
    """(torch, gensim.models) or one clear error naming the extra."""
    try:
        import torch
        from gensim import models
    except ImportError as exc:
        raise TrainingDependencyError(
            f"training the neural NER tagger needs torch and gensim: pip install 'rasid[{TRAIN_EXTRA}]' "
            f"(or train with --no-neural) ({exc.name} is missing)") from None
    return torch, models


# --- word vectors -----------------------------------------------------------------------------------

def stable_hash(text: str) -> int:
    """A hash that does not depend on PYTHONHASHSEED (gensim seeds some vectors with ``hashfxn``)."""
    return zlib.crc32(text.encode("utf-8"))


def vector_sentences(news_dir: Path, sentences: Sequence[Sentence]) -> list[list[str]]:
    """SaudiNewsNet paragraphs (as ``rasid.ner.clusters`` reads them), then the labelled sentences' words;
    equal words share one string object (10 M tokens)."""
    from rasid.ner.clusters import _news_sequences

    if not news_dir.is_dir():
        raise NeuralModelError(f"news corpus not found: {news_dir} (needed to train the word vectors)")
    shared: dict[str, str] = {}
    one = shared.setdefault
    sequences = [[one(w, w) for w in words] for words in _news_sequences(news_dir)]
    sequences += [[one(w, w) for w in (normalize_str(word) or word for word, _ in s)] for s in sentences]
    return sequences


def train_vectors(sequences: list[list[str]], params: VectorParams) -> tuple[list[str], np.ndarray]:
    """Words, most frequent first, and their vectors (float32)."""
    _torch, models = require_training_packages()
    model = models.Word2Vec(sequences, vector_size=params.size, window=params.window, min_count=params.min_count,
                            sg=1, negative=params.negative, epochs=params.epochs, workers=1, seed=params.seed,
                            hashfxn=stable_hash)
    return list(model.wv.index_to_key), np.asarray(model.wv.vectors, dtype=np.float32)


def read_or_train_vectors(news_dir: Path, sentences: Sequence[Sentence], params: VectorParams,
                          cache: Path | None = None) -> tuple[list[str], np.ndarray]:
    """The word vectors: read from ``cache`` when it holds vectors of the same parameters, else trained
    (and written to ``cache`` when given)."""
    stamp = json.dumps({k: v for k, v in asdict(params).items() if k != "kept"}, sort_keys=True)
    if cache is not None and cache.is_file():
        with np.load(cache) as data:
            if data["params"].tobytes().decode("utf-8") == stamp:
                return data["words"].tolist(), data["vectors"]
    words, vectors = train_vectors(vector_sentences(news_dir, sentences), params)
    if cache is not None:
        cache.parent.mkdir(parents=True, exist_ok=True)
        with cache.open("wb") as handle:
            np.savez(handle, words=np.array(words), vectors=vectors,
                     params=np.frombuffer(stamp.encode("utf-8"), dtype=np.uint8))
    return words, vectors


def kept_vectors(words: list[str], vectors: np.ndarray, kept: int | None) -> tuple[list[str], np.ndarray]:
    """The ``kept`` most frequent words' vectors (None: all), rounded to float16 as the model file stores them.

    Trimming without retraining was measured on CV fold 0 (the 2026-11-29 network, 119,592 words):
    keeping 100,000 / 60,000 / 30,000 words moved the ensemble's F1 (document pass) by -0.07 / -0.40 / -0.05
    points (not monotonic: the network met "no vector" where training had one); float16 changed nothing.
    Default: all.
    """
    return words[:kept], vectors[:kept].astype(np.float16)


# --- the network ------------------------------------------------------------------------------------

def build_vocabulary(sentences: Iterable[Sequence[str]], min_count: int) -> list[str]:
    """Bag rows: padding, ``v=none``, one ``<name>=?`` row per attribute name, then every attribute value
    seen at least ``min_count`` times (sorted)."""
    counts: dict[str, int] = {}
    for norms in sentences:
        for norm in norms:
            for key in attribute_keys(norm):
                counts[key] = counts.get(key, 0) + 1
    names = sorted({key.partition("=")[0] for key in counts})
    rows = [PADDING_KEY, UNKNOWN_VECTOR] + [f"{name}={UNSEEN_VALUE}" for name in names]
    known = set(rows)
    rows += [key for key, count in sorted(counts.items()) if count >= min_count and key not in known]
    return rows


class TypeInputs:
    """Per word type (cached): its bag rows and its word vector (zeros + ``v=none`` when it has none)."""

    def __init__(self, rows: list[str], words: list[str], vectors: np.ndarray):
        self.size = len(rows)
        self.rows = row_index(rows)
        self.vector_rows = {word: i for i, word in enumerate(words)}
        self.vectors = np.asarray(vectors, dtype=np.float32)
        self.zeros = np.zeros(self.vectors.shape[1], dtype=np.float32)
        self.cache: dict[str, tuple[list[int], np.ndarray]] = {}

    def get(self, norm: str) -> tuple[list[int], np.ndarray]:
        hit = self.cache.get(norm)
        if hit is None:
            rows, vector = word_rows(norm, self.rows, self.vector_rows)
            hit = self.cache[norm] = (rows, self.zeros if vector is None else self.vectors[vector])
        return hit


def _tagger_class(torch):
    nn = torch.nn

    class ConvolutionalTagger(nn.Module):
        def __init__(self, attributes: int, vector_size: int, params: NeuralParams):
            super().__init__()
            self.bag = nn.EmbeddingBag(attributes, params.dim, mode="sum", padding_idx=0, sparse=True)
            nn.init.normal_(self.bag.weight, std=0.05)
            self.projection = nn.Linear(vector_size, params.dim, bias=False)
            self.bias = nn.Parameter(torch.zeros(params.dim))
            self.convolutions = nn.ModuleList()
            self.lstm = None
            size = params.dim
            if params.recurrent:
                self.lstm = nn.LSTM(size, params.recurrent, batch_first=True, bidirectional=True)
                size = 2 * params.recurrent
            else:
                for d in params.dilations:
                    self.convolutions.append(nn.Conv1d(size, params.hidden, KERNEL, dilation=d, padding=d))
                    size = params.hidden
            self.output_size = size
            self.dropout = nn.Dropout(params.dropout)
            self.out = nn.Linear(size, len(TAGS))
            self.transitions = nn.Parameter(torch.zeros(len(TAGS), len(TAGS)))
            self.start = nn.Parameter(torch.zeros(len(TAGS)))
            self.end = nn.Parameter(torch.zeros(len(TAGS)))

        def type_inputs(self, rows, offsets, weights, vectors):
            """(tokens, dim): each token's word type input."""
            bags = self.bag(rows, offsets, per_sample_weights=weights)
            return torch.tanh(bags + self.projection(vectors) + self.bias)

        def add_other_domain_head(self) -> None:
            """A second output layer and CRF for the other-domain sentences."""
            self.other_out = nn.Linear(self.output_size, len(TAGS))
            self.other_transitions = nn.Parameter(torch.zeros(len(TAGS), len(TAGS)))
            self.other_start = nn.Parameter(torch.zeros(len(TAGS)))
            self.other_end = nn.Parameter(torch.zeros(len(TAGS)))

        def head(self, other: bool):
            """(output layer, transitions, start, end) of the news or the other domain."""
            if other:
                return self.other_out, self.other_transitions, self.other_start, self.other_end
            return self.out, self.transitions, self.start, self.end

        def emissions(self, x, mask, other: bool = False):
            """x (B, L, dim), mask (B, L) -> (B, L, tags); positions beyond a sentence are zeros, as the
            gaps between sequences are in numpy."""
            if self.lstm is not None:
                packed = nn.utils.rnn.pack_padded_sequence(self.dropout(x), mask.sum(1), batch_first=True,
                                                           enforce_sorted=False)
                h, _ = self.lstm(packed)
                h, _ = nn.utils.rnn.pad_packed_sequence(h, batch_first=True, total_length=x.shape[1])
                return self.head(other)[0](self.dropout(h))
            m = mask.unsqueeze(1).float()
            h = self.dropout(x).transpose(1, 2) * m
            for i, convolution in enumerate(self.convolutions):
                y = torch.relu(convolution(h)) * m
                h = y if i == 0 else h + y
                h = self.dropout(h)
            return self.head(other)[0](h.transpose(1, 2))

        def negative_log_likelihood(self, em, tags, mask, other: bool = False):
            """Mean over the batch of the CRF's negative log-likelihood of the gold tags."""
            _out, transitions, start, end = self.head(other)
            batch, length, _ = em.shape
            maskf = mask.float()
            emitted = em.gather(2, tags.unsqueeze(2)).squeeze(2)
            gold = start[tags[:, 0]] + emitted[:, 0]
            gold = gold + ((emitted[:, 1:] + transitions[tags[:, :-1], tags[:, 1:]]) * maskf[:, 1:]).sum(1)
            last = tags.gather(1, (mask.sum(1) - 1).unsqueeze(1)).squeeze(1)
            gold = gold + end[last]
            alpha = start + em[:, 0]
            for t in range(1, length):
                step = torch.logsumexp(alpha.unsqueeze(2) + transitions.unsqueeze(0), dim=1) + em[:, t]
                live = maskf[:, t].unsqueeze(1)
                alpha = step * live + alpha * (1 - live)
            return (torch.logsumexp(alpha + end, dim=1) - gold).mean()

    return ConvolutionalTagger


def _bag_tensors(torch, lists: list[list[int]], dropout: float, generator):
    flat, offsets = [], []
    for rows in lists:
        offsets.append(len(flat))
        flat.extend(rows)
    weights = torch.ones(len(flat))
    if dropout and generator is not None:
        weights = (torch.rand(len(flat), generator=generator) >= dropout).float()
    return torch.tensor(flat, dtype=torch.long), torch.tensor(offsets, dtype=torch.long), weights


def batch_emissions(torch, model, inputs: TypeInputs, batch: list[Sequence[str]], dropout: float = 0.0,
                    generator=None, other: bool = False):
    """Emissions (B, L, tags) and mask (B, L) of a batch of sentences of normalized words."""
    size, length = len(batch), max(map(len, batch))
    vectors = np.zeros((size * length, inputs.vectors.shape[1]), dtype=np.float32)
    mask = np.zeros((size, length), dtype=bool)
    rows = []
    for b, norms in enumerate(batch):
        for t in range(length):
            if t < len(norms):
                found, vector = inputs.get(norms[t])
                vectors[b * length + t] = vector
                mask[b, t] = True
                rows.append(found)
            else:
                rows.append([])
    flat, offsets, weights = _bag_tensors(torch, rows, dropout, generator)
    x = model.type_inputs(flat, offsets, weights, torch.from_numpy(vectors)).view(size, length, -1)
    mask = torch.from_numpy(mask)
    return model.emissions(x, mask, other), mask


def _labelled(sentences: Sequence[Sentence]) -> tuple[list[list[str]], list[list[int]]]:
    """The sentences' normalized words and tag ids."""
    tag_ids = {tag: i for i, tag in enumerate(TAGS)}
    return ([[normalize_str(w) or w for w, _ in s] for s in sentences],
            [[tag_ids[t] for _, t in s] for s in sentences])


def _length_batches(norms: Sequence[Sequence[str]], size: int) -> list[list[int]]:
    """Sentence indices in batches of ``size``, sentences of similar length together."""
    order = sorted(range(len(norms)), key=lambda i: len(norms[i]))
    return [order[i:i + size] for i in range(0, len(order), size)]


def train_network(sentences: Sequence[Sentence], inputs: TypeInputs, params: NeuralParams, seed: int,
                  other_domain: Sequence[Sentence] = ()) -> Network:
    """One network trained on the sentences (and the other-domain ones, through their own output) with
    ``seed``; its news output's arrays as the numpy tagger reads them."""
    torch, _models = require_training_packages()
    torch.set_num_threads(1)
    torch.use_deterministic_algorithms(True)
    torch.manual_seed(seed)
    rng = random.Random(seed)
    generator = torch.Generator().manual_seed(seed)
    data = {False: _labelled(sentences), True: _labelled(other_domain)}
    model = _tagger_class(torch)(inputs.size, inputs.vectors.shape[1], params)
    if other_domain:
        model.add_other_domain_head()
    dense = [p for name, p in model.named_parameters() if not name.startswith("bag.")]
    optimizers = [torch.optim.Adam(dense, lr=params.learning_rate),
                  torch.optim.SparseAdam([model.bag.weight], lr=params.learning_rate)]
    schedules = [torch.optim.lr_scheduler.LambdaLR(o, lambda e: 1.0 / (1 + params.decay * e)) for o in optimizers]
    news = [(False, batch) for batch in _length_batches(data[False][0], params.batch)]
    other = [(True, batch) for batch in _length_batches(data[True][0], params.batch)]
    drawn = round(len(other) * params.other_domain_share)
    for _epoch in range(params.epochs):
        model.train()
        batches = news + rng.sample(other, drawn)
        rng.shuffle(batches)
        for is_other, batch in batches:
            norms, tags = data[is_other]
            em, mask = batch_emissions(torch, model, inputs, [norms[j] for j in batch], params.attribute_dropout,
                                       generator, is_other)
            length = em.shape[1]
            gold = torch.tensor([tags[j] + [0] * (length - len(tags[j])) for j in batch])
            loss = model.negative_log_likelihood(em, gold, mask, is_other)
            for optimizer in optimizers:
                optimizer.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(dense, params.clip)
            for optimizer in optimizers:
                optimizer.step()
        for schedule in schedules:
            schedule.step()
    return network_arrays(model)


def network_arrays(model) -> Network:
    """A torch tagger's parameters as the numpy tagger's ``Network`` (bag row 0, the padding, zeroed)."""
    get = lambda p: p.detach().numpy().astype(np.float32).copy()  # noqa: E731
    bag = get(model.bag.weight)
    bag[0] = 0.0
    return Network(
        bag=bag, projection=np.ascontiguousarray(get(model.projection.weight).T), bias=get(model.bias),
        # torch's Conv1d weight (out, in, taps) -> one (in, out) matrix per tap
        convolutions=[(np.ascontiguousarray(get(c.weight).transpose(2, 1, 0)), get(c.bias))
                      for c in model.convolutions],
        recurrent=None if model.lstm is None else lstm_arrays(model.lstm),
        out_weight=np.ascontiguousarray(get(model.out.weight).T), out_bias=get(model.out.bias),
        transitions=get(model.transitions), start=get(model.start), end=get(model.end),
    )


def lstm_arrays(lstm) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """A torch bidirectional LSTM's weights in its own layout, forward then backward: input (2, 4h, dim),
    recurrent (2, 4h, h), bias (2, 4h) (torch's two biases summed)."""
    get = lambda name: getattr(lstm, name).detach().numpy().astype(np.float32)  # noqa: E731
    return (np.stack([get("weight_ih_l0"), get("weight_ih_l0_reverse")]),
            np.stack([get("weight_hh_l0"), get("weight_hh_l0_reverse")]),
            np.stack([get("bias_ih_l0") + get("bias_hh_l0"), get("bias_ih_l0_reverse") + get("bias_hh_l0_reverse")]))


def train_neural(sentences: Sequence[Sentence], words: list[str], vectors: np.ndarray, params: NeuralParams,
                 path: Path, other_domain: Sequence[Sentence] = ()) -> list[Network]:
    """Train one network per seed on the sentences (and the other-domain ones through a second output)
    and write the model file at ``path``. The attribute rows are those seen in either."""
    require_training_packages()
    words, vectors = kept_vectors(words, vectors, params.vectors.kept)
    rows = build_vocabulary(([normalize_str(w) or w for w, _ in s] for s in [*sentences, *other_domain]),
                            params.min_count)
    inputs = TypeInputs(rows, words, vectors)
    networks = [train_network(sentences, inputs, params, seed, other_domain) for seed in params.seeds]
    architecture = {"dilations": [], "recurrent": params.recurrent} if params.recurrent else {
        "dilations": list(params.dilations)}
    meta = {**architecture, "weight": params.weight, "params": params.as_dict(),
            "sentences": len(sentences), "other_domain_sentences": len(other_domain)}
    write_model(path, meta, rows, words, vectors, networks)
    return networks
