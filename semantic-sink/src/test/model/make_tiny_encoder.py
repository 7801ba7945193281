#!/usr/bin/python3
"""Builds the tiny sentence encoder the semantic sink's DJL tests load.

Writes, into the output directory (default: ../resources/models/tiny-encoder next to this script):

  tiny-encoder.pt              TorchScript module: (input_ids, attention_mask) -> token embeddings [batch, tokens, 48]
  tokenizer.json               HuggingFace tokenizers JSON: BERT normalizer, BERT pre-tokenizer, WordPiece, [CLS]/[SEP]
  noetl-embedder.properties    dimension, max_length, pooling, token_type_ids
  reference.json               sentences with their token ids and sentence vectors computed here in PyTorch
                               (mean pooling over the attention mask, then L2 normalization), without and with
                               token_type_ids (all 0) as third input

The weights are random (fixed seed): the model means nothing, it only exercises the same loading, tokenization,
pooling and normalization path as a real sentence-transformer. Needs only PyTorch (Debian: apt-get install
python3-torch); the tokenization below follows the BERT normalizer, BERT pre-tokenizer and WordPiece rules so the
reference token ids equal what the HuggingFace tokenizer produces in Java.

Run: /usr/bin/python3 semantic-sink/src/test/model/make_tiny_encoder.py [OUTPUT_DIR]
"""

import json
import math
import os
import sys
import unicodedata

import torch
from typing import Optional

from torch import Tensor, nn

HIDDEN = 48
HEADS = 4
FFN = 96
MAX_POSITIONS = 64
MAX_LENGTH = 32
SEED = 20261124

SPECIALS = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"]
PUNCTUATION = list("<>*:./-_=,;()[]'\"!?#@%&+|")
WORDS = """
a an and are as at be by can could did do does for from has have in into is it its no not of on or the this
to was were will with without after before while when during again only all any more than too
error errors failed failure fail fails failing timeout timed out refused reset denied connection connect
connecting closed lost unreachable host port network socket dns resolve resolved name unknown service unavailable
server client request response status code http https bad gateway internal forbidden unauthorized auth
authentication token expired invalid missing required field value null empty type mismatch parse parsing json
yaml syntax schema column table row rows database db query sql postgres duplicate key constraint violation
deadlock lock permission file files directory path disk space full memory heap out killed oom process exit
exited signal retry retries retrying attempt attempts step steps task tasks playbook workflow execution worker
pool queue message broker kafka nats stream topic consumer producer offset partition commit rollback
transaction read write open close start started stop stopped run running wait waiting limit exceeded rate
too many slow latency deadline cancelled canceled abort aborted java python exception raised stack trace
""".split()
SUFFIXES = ["##s", "##ed", "##ing", "##er", "##ion", "##ly", "##es"]

REFERENCE_SENTENCES = [
    "connection refused by <*>",
    "Timeout after <*> retries while connecting to the database",
    "HTTP status 503: service unavailable",
    "duplicate key value violates unique constraint",
    "permission denied: /var/lib/data",
    "worker killed: out of memory (OOM)",
    "consumer timeouts while reading rows",
    "",
]


def vocabulary():
    tokens = list(SPECIALS)
    for t in PUNCTUATION + WORDS + SUFFIXES:
        if t not in tokens:
            tokens.append(t)
    return {t: i for i, t in enumerate(tokens)}


# --- tokenization: the rules of BertNormalizer, BertPreTokenizer and WordPiece --------------------------------

def is_punctuation(ch):
    cp = ord(ch)
    if 33 <= cp <= 47 or 58 <= cp <= 64 or 91 <= cp <= 96 or 123 <= cp <= 126:
        return True
    return unicodedata.category(ch).startswith("P")


def normalize(text):
    out = []
    for ch in text:
        if ch == "\x00" or ch == "\ufffd" or (unicodedata.category(ch).startswith("C") and ch not in "\t\n\r"):
            continue
        out.append(" " if ch.isspace() else ch)
    text = unicodedata.normalize("NFD", "".join(out).lower())
    return "".join(ch for ch in text if unicodedata.category(ch) != "Mn")


def pre_tokenize(text):
    words, current = [], []
    for ch in text:
        if ch.isspace() or is_punctuation(ch):
            if current:
                words.append("".join(current))
                current = []
            if not ch.isspace():
                words.append(ch)
        else:
            current.append(ch)
    if current:
        words.append("".join(current))
    return words


def word_piece(word, vocab):
    if len(word) > 100:
        return ["[UNK]"]
    pieces, start = [], 0
    while start < len(word):
        end, found = len(word), None
        while start < end:
            piece = word[start:end] if start == 0 else "##" + word[start:end]
            if piece in vocab:
                found = piece
                break
            end -= 1
        if found is None:
            return ["[UNK]"]
        pieces.append(found)
        start = end
    return pieces


def encode(text, vocab):
    tokens = ["[CLS]"]
    for word in pre_tokenize(normalize(text)):
        tokens.extend(word_piece(word, vocab))
    tokens = tokens[:MAX_LENGTH - 1] + ["[SEP]"]
    return [vocab[t] for t in tokens]


def tokenizer_json(vocab):
    added = [{"id": vocab[t], "content": t, "single_word": False, "lstrip": False, "rstrip": False,
              "normalized": False, "special": True} for t in SPECIALS]
    return {
        "version": "1.0",
        "truncation": None,
        "padding": None,
        "added_tokens": added,
        "normalizer": {"type": "BertNormalizer", "clean_text": True, "handle_chinese_chars": True,
                       "strip_accents": None, "lowercase": True},
        "pre_tokenizer": {"type": "BertPreTokenizer"},
        "post_processor": {"type": "BertProcessing", "sep": ["[SEP]", vocab["[SEP]"]],
                           "cls": ["[CLS]", vocab["[CLS]"]]},
        "decoder": {"type": "WordPiece", "prefix": "##", "cleanup": True},
        "model": {"type": "WordPiece", "unk_token": "[UNK]", "continuing_subword_prefix": "##",
                  "max_input_chars_per_word": 100, "vocab": vocab},
    }


# --- the model -------------------------------------------------------------------------------------------------

class EncoderLayer(nn.Module):
    """One post-norm transformer encoder layer written with plain ops, so any libtorch can run it."""

    def __init__(self):
        super().__init__()
        self.hidden = HIDDEN
        self.heads = HEADS
        self.scale = 1.0 / math.sqrt(HIDDEN // HEADS)
        self.qkv = nn.Linear(HIDDEN, 3 * HIDDEN)
        self.out = nn.Linear(HIDDEN, HIDDEN)
        self.norm1 = nn.LayerNorm(HIDDEN)
        self.ff1 = nn.Linear(HIDDEN, FFN)
        self.ff2 = nn.Linear(FFN, HIDDEN)
        self.norm2 = nn.LayerNorm(HIDDEN)

    def forward(self, x: Tensor, attention_mask: Tensor) -> Tensor:
        batch, length = x.size(0), x.size(1)
        head_dim = self.hidden // self.heads
        qkv = self.qkv(x).view(batch, length, 3, self.heads, head_dim).permute(2, 0, 3, 1, 4)
        q, k, v = qkv[0], qkv[1], qkv[2]
        scores = torch.matmul(q, k.transpose(-1, -2)) * self.scale
        masked = (attention_mask == 0).view(batch, 1, 1, length)
        scores = scores.masked_fill(masked, -1.0e9)
        context = torch.matmul(torch.softmax(scores, dim=-1), v)
        context = context.permute(0, 2, 1, 3).reshape(batch, length, self.hidden)
        x = self.norm1(x + self.out(context))
        return self.norm2(x + self.ff2(torch.nn.functional.gelu(self.ff1(x))))


class TinyEncoder(nn.Module):
    """Token + position (+ token type, when given) embeddings and one encoder layer; returns the token embeddings
    (no pooling). The optional third input lets the tests cover models that take token_type_ids."""

    def __init__(self, vocab_size: int):
        super().__init__()
        self.tokens = nn.Embedding(vocab_size, HIDDEN)
        self.positions = nn.Embedding(MAX_POSITIONS, HIDDEN)
        self.types = nn.Embedding(2, HIDDEN)
        self.norm = nn.LayerNorm(HIDDEN)
        self.layer = EncoderLayer()

    def forward(self, input_ids: Tensor, attention_mask: Tensor,
                token_type_ids: Optional[Tensor] = None) -> Tensor:
        positions = torch.arange(input_ids.size(1), device=input_ids.device).unsqueeze(0)
        x = self.tokens(input_ids) + self.positions(positions)
        if token_type_ids is not None:
            x = x + self.types(token_type_ids)
        return self.layer(self.norm(x), attention_mask)


def sentence_vector(model, ids, with_token_types=False):
    input_ids = torch.tensor([ids], dtype=torch.long)
    mask = torch.ones_like(input_ids)
    with torch.no_grad():
        if with_token_types:
            tokens = model(input_ids, mask, torch.zeros_like(input_ids))
        else:
            tokens = model(input_ids, mask)
    summed = (tokens * mask.unsqueeze(-1)).sum(dim=1)
    mean = summed / mask.sum(dim=1, keepdim=True).clamp(min=1)
    return torch.nn.functional.normalize(mean, p=2.0, dim=1)[0].tolist()


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    out_dir = sys.argv[1] if len(sys.argv) > 1 else os.path.join(here, "..", "resources", "models", "tiny-encoder")
    os.makedirs(out_dir, exist_ok=True)
    torch.manual_seed(SEED)
    vocab = vocabulary()
    model = TinyEncoder(len(vocab)).eval()
    scripted = torch.jit.script(model)
    scripted.save(os.path.join(out_dir, "tiny-encoder.pt"))

    with open(os.path.join(out_dir, "tokenizer.json"), "w", encoding="utf-8") as f:
        json.dump(tokenizer_json(vocab), f, indent=1)
    with open(os.path.join(out_dir, "noetl-embedder.properties"), "w", encoding="utf-8") as f:
        f.write("# Settings of the tiny test encoder (written by make_tiny_encoder.py)\n")
        f.write("model=tiny-encoder\ndimension=%d\nmax_length=%d\npooling=mean\ntoken_type_ids=false\n"
                % (HIDDEN, MAX_LENGTH))
    reference = []
    for sentence in REFERENCE_SENTENCES:
        ids = encode(sentence, vocab)
        reference.append({"text": sentence, "input_ids": ids,
                          "vector": [round(x, 7) for x in sentence_vector(scripted, ids)],
                          "vector_with_token_type_ids": [round(x, 7) for x in sentence_vector(scripted, ids, True)]})
    with open(os.path.join(out_dir, "reference.json"), "w", encoding="utf-8") as f:
        json.dump({"dimension": HIDDEN, "sentences": reference}, f, indent=1)
    print("wrote", out_dir)


if __name__ == "__main__":
    main()
