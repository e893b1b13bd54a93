"""LoRA on all-MiniLM-L6-v2: low-rank adapters (rank r) on query, key, value, attention output and both FFN linears of
all 6 layers; trained: the adapters, every LayerNorm, every linear bias, the head. Frozen: every base weight matrix and
every embedding table. Same data, input format, schedule shape (6 % warm-up, linear decay), batches and per-epoch
probability files as train.py; --save writes only the trained tensors (a few MB) per epoch.

  lora.py --rank 8 --lr 1e-3 --epochs 5 --exclude heldout-11 tuning-families-8 --score heldout-11 tuning-families-8 --out P"""
import argparse
import json
import math
import random
import time

import torch
import torch.nn as nn

from bert import WordPiece, Bert, mean_pool
from common import INTENTS, SHIPPED_PARTS, SLOT_LABELS, TRAIN_PARTS, load, model_input, slot_target, target

LINEARS = ("q", "k", "v", "o", "i", "out")


class LoRALinear(nn.Module):
    """y = base(x) + scale * (x A^T) B^T; base frozen; A (r x in) Kaiming-uniform, B (out x r) zeros.
    Merged for ONNX: W' = W + scale * B A (torch layout [out, in]; the ONNX MatMul initializer is W'^T)."""

    def __init__(self, base, r, alpha):
        super().__init__()
        self.base = base
        self.scale = alpha / r
        self.A = nn.Parameter(torch.empty(r, base.in_features))
        self.B = nn.Parameter(torch.zeros(base.out_features, r))
        nn.init.kaiming_uniform_(self.A, a=math.sqrt(5))

    def forward(self, x):
        return self.base(x) + (x @ self.A.t() @ self.B.t()) * self.scale


class Reader(nn.Module):
    def __init__(self, r, alpha, minilm, outputs=len(INTENTS)):
        super().__init__()
        self.bert = Bert()
        self.bert.load_onnx(f"{minilm}/all-minilm-l6-v2.onnx")
        for layer in self.bert.layers:
            for name in LINEARS:
                setattr(layer, name, LoRALinear(getattr(layer, name), r, alpha))
        self.drop = nn.Dropout(0.1)
        self.head = nn.Linear(384, outputs)

    def forward(self, ids, mask):
        return self.head(self.drop(mean_pool(self.bert(ids, mask), mask)))


def trainable(n):
    """The small delta: adapters, LayerNorms, biases, head (never a base weight matrix or an embedding table)."""
    return (n.startswith("head") or n.endswith(".A") or n.endswith(".B") or ".ln" in n or n.startswith("bert.ln.")
            or n.endswith(".bias"))


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--minilm", default="/tmp/ft-jar")
    ap.add_argument("--exclude", nargs="*", default=[])
    ap.add_argument("--shipped", action="store_true", help="train on SHIPPED_PARTS (every tuning part) instead of TRAIN_PARTS")
    ap.add_argument("--score", nargs="*", default=[])
    ap.add_argument("--epochs", type=int, default=5)
    ap.add_argument("--rank", type=int, default=8)
    ap.add_argument("--alpha", type=float, default=0, help="LoRA alpha; default 2 x rank (scale 2)")
    ap.add_argument("--lr", type=float, default=1e-3)
    ap.add_argument("--head-lr", type=float, default=1e-3)
    ap.add_argument("--batch", type=int, default=32)
    ap.add_argument("--max-len", type=int, default=64)
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--out", required=True)
    ap.add_argument("--save", action="store_true")
    ap.add_argument("--slots", action="store_true", help="the head reads the categorical slots' values too (common.SLOT_LABELS)")
    ap.add_argument("--slot-pos-weight", type=float, default=1.0,
                    help="weight of a slot output's loss where the value is labelled (each value is rare: 1 to 3 %% of messages)")
    a = ap.parse_args()

    torch.set_num_threads(a.threads)
    torch.manual_seed(a.seed)
    random.seed(a.seed)
    tok = WordPiece(f"{a.minilm}/all-minilm-l6-v2-tokenizer.json")
    model = Reader(a.rank, a.alpha or 2.0 * a.rank, a.minilm, len(INTENTS) + (len(SLOT_LABELS) if a.slots else 0))
    for n, p in model.named_parameters():
        p.requires_grad_(trainable(n))
    print(f"{sum(p.numel() for n, p in model.named_parameters() if p.requires_grad)} parameters trained "
          f"(rank {a.rank}, lr {a.lr})", flush=True)

    def encode(msgs, slot_labels=True):
        """(token ids, target, loss weights): with --slots the slot outputs follow the intents', weighted 0 where the part
        has no slot labels (near-misses.jsonl)."""
        out = []
        for m in msgs:
            y, w = target(m), [1.0] * len(INTENTS)
            if a.slots:
                st = slot_target(m) if slot_labels else None
                y, w = y + (st or [0.0] * len(SLOT_LABELS)), w + [1.0 if st else 0.0] * len(SLOT_LABELS)
            out.append((tok.encode(model_input(m), a.max_len), y, w))
        return out

    parts = [p for p in (SHIPPED_PARTS if a.shipped else TRAIN_PARTS) if p not in a.exclude]
    train = [x for p in parts for x in encode(load(p), p != "near-misses")]
    print(f"training on {len(train)} messages from {len(parts)} parts", flush=True)

    def batches(items, size, shuffle):
        idx = list(range(len(items)))
        if shuffle:
            random.shuffle(idx)
            chunks = [sorted(idx[i:i + size * 50], key=lambda k: len(items[k][0])) for i in range(0, len(idx), size * 50)]
            bs = [c[i:i + size] for c in chunks for i in range(0, len(c), size)]
            random.shuffle(bs)
            return bs
        order = sorted(idx, key=lambda k: len(items[k][0]))
        return [order[i:i + size] for i in range(0, len(order), size)]

    def tensors(items, ids):
        seqs = [items[k][0] for k in ids]
        n = max(len(s) for s in seqs)
        x = torch.tensor([s + [tok.pad] * (n - len(s)) for s in seqs])
        mask = torch.tensor([[1] * len(s) + [0] * (n - len(s)) for s in seqs])
        y = torch.tensor([items[k][1] for k in ids])
        w = torch.tensor([items[k][2] for k in ids])
        return x, mask, y, w

    body = [p for n, p in model.named_parameters() if p.requires_grad and not n.startswith("head")]
    opt = torch.optim.AdamW([{"params": body, "lr": a.lr}, {"params": model.head.parameters(), "lr": a.head_lr}],
                            weight_decay=0.01)
    steps_per_epoch = (len(train) + a.batch - 1) // a.batch
    total = steps_per_epoch * a.epochs
    warm = int(0.06 * total)
    sched = torch.optim.lr_scheduler.LambdaLR(
        opt, lambda s: s / max(1, warm) if s < warm else max(0.0, (total - s) / (total - warm)))
    pos_weight = torch.tensor([1.0] * len(INTENTS) + ([a.slot_pos_weight] * len(SLOT_LABELS) if a.slots else []))
    bce = nn.BCEWithLogitsLoss(reduction="none", pos_weight=pos_weight)

    def loss_fn(logits, y, w):
        # each output's loss at the scale the intents-only head had (a mean over its outputs): slot outputs add to it, they
        # do not dilute the intents' gradient
        return (bce(logits, y) * w).sum(dim=1).mean() / len(INTENTS)
    score_items = {}

    def score(part, epoch):
        model.eval()
        msgs = load(part)
        items = score_items.setdefault(part, encode(msgs))
        out = [None] * len(items)
        with torch.no_grad():
            for ids in batches(items, 64, False):
                x, mask, _, _ = tensors(items, ids)
                for k, p in zip(ids, torch.sigmoid(model(x, mask)).tolist()):
                    out[k] = p
        with open(f"{a.out}-{part}-e{epoch}.jsonl", "w") as f:
            for m, p in zip(msgs, out):
                f.write(json.dumps({"id": m["id"], "probs": [round(v, 5) for v in p]}) + "\n")
        model.train()

    for epoch in range(1, a.epochs + 1):
        model.train()
        t0, run = time.time(), 0.0
        for bi, ids in enumerate(batches(train, a.batch, True)):
            x, mask, y, w = tensors(train, ids)
            loss = loss_fn(model(x, mask), y, w)
            opt.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_([p for p in model.parameters() if p.requires_grad], 1.0)
            opt.step()
            sched.step()
            run += loss.item()
            if bi % 50 == 49:
                print(f"epoch {epoch} batch {bi + 1}/{steps_per_epoch} loss {run / 50:.4f} {time.time() - t0:.0f}s", flush=True)
                run = 0.0
        print(f"epoch {epoch} done in {time.time() - t0:.0f}s", flush=True)
        for p in a.score:
            score(p, epoch)
        if a.save:
            torch.save({"rank": a.rank, "alpha": a.alpha or 2.0 * a.rank,
                        "state": {n: p.detach().clone() for n, p in model.named_parameters() if p.requires_grad}},
                       f"{a.out}-e{epoch}.pt")
