"""Fine-tunes all-MiniLM-L6-v2 (multi-label sigmoid head over mean pooling) on corpus parts; after each epoch writes the
probabilities of the scored parts (--score) and, with --save, the weights. CPU, torch.set_num_threads(2)."""
import argparse
import json
import random
import time

import torch
import torch.nn as nn

from bert import WordPiece, Bert, batch, mean_pool
from common import INTENTS, TRAIN_PARTS, load, model_input, target

ap = argparse.ArgumentParser()
ap.add_argument("--minilm", default="/tmp/ft-jar")
ap.add_argument("--exclude", nargs="*", default=[], help="training parts left out (the dev split)")
ap.add_argument("--score", nargs="*", default=[], help="parts to score after every epoch")
ap.add_argument("--epochs", type=int, default=4, help="length of the learning-rate schedule")
ap.add_argument("--stop-after", type=int, default=0, help="stop after this many epochs (schedule unchanged)")
ap.add_argument("--lr", type=float, default=5e-5)
ap.add_argument("--head-lr", type=float, default=1e-3)
ap.add_argument("--batch", type=int, default=32)
ap.add_argument("--max-len", type=int, default=64)
ap.add_argument("--seed", type=int, default=13)
ap.add_argument("--out", required=True, help="prefix of the files written")
ap.add_argument("--save", action="store_true")
ap.add_argument("--freeze-below", type=int, default=4,
                help="layers below this one (and the embeddings) stay as MiniLM has them; their output is computed once")
a = ap.parse_args()

torch.set_num_threads(2)
torch.manual_seed(a.seed)
random.seed(a.seed)
tok = WordPiece(f"{a.minilm}/all-minilm-l6-v2-tokenizer.json")


class Reader(nn.Module):
    def __init__(self):
        super().__init__()
        self.bert = Bert()
        self.drop = nn.Dropout(0.1)
        self.head = nn.Linear(384, len(INTENTS))

    def lower(self, ids, mask):
        """Embeddings and the frozen layers (eval mode: no dropout), computed once per message."""
        b = self.bert
        x = b.ln(b.word(ids) + b.pos(torch.arange(ids.shape[1]).unsqueeze(0)) + b.typ(torch.zeros_like(ids)))
        bias = (1.0 - mask[:, None, None, :].float()) * -10000.0
        for layer in b.layers[:a.freeze_below]:
            x = layer(x, bias)
        return x

    def upper(self, x, mask):
        bias = (1.0 - mask[:, None, None, :].float()) * -10000.0
        for layer in self.bert.layers[a.freeze_below:]:
            x = layer(x, bias)
        return self.head(self.drop(mean_pool(x, mask)))

    def forward(self, ids, mask):
        return self.upper(self.lower(ids, mask), mask)


model = Reader()
model.bert.load_onnx(f"{a.minilm}/all-minilm-l6-v2.onnx")
for n, p in model.named_parameters():
    if not n.startswith("head") and not any(n.startswith(f"bert.layers.{i}.") for i in range(a.freeze_below, 6)):
        p.requires_grad_(False)
model.bert.layers[:a.freeze_below].eval()

train = [m for p in TRAIN_PARTS if p not in a.exclude for m in load(p)]


def cached(msgs):
    """(lower-layer states of the message's tokens, target) per message; the frozen part runs once, here."""
    seqs = [tok.encode(model_input(m), a.max_len) for m in msgs]
    order = sorted(range(len(seqs)), key=lambda k: len(seqs[k]))
    states = [None] * len(seqs)
    with torch.no_grad():
        for i in range(0, len(order), 64):
            ids = order[i:i + 64]
            n = max(len(seqs[k]) for k in ids)
            x = torch.tensor([seqs[k] + [tok.pad] * (n - len(seqs[k])) for k in ids])
            mask = torch.tensor([[1] * len(seqs[k]) + [0] * (n - len(seqs[k])) for k in ids])
            h = model.lower(x, mask)
            for j, k in enumerate(ids):
                states[k] = h[j, :len(seqs[k])].clone()
    return [(states[k], target(m)) for k, m in enumerate(msgs)]


t0 = time.time()
enc = cached(train)
print(f"lower {a.freeze_below} layers computed once in {time.time() - t0:.0f}s", flush=True)
print(f"training on {len(enc)} messages from {len(TRAIN_PARTS) - len(a.exclude)} parts", flush=True)


def batches(items, size, shuffle):
    idx = list(range(len(items)))
    if shuffle:
        random.shuffle(idx)
        # length buckets: sort within chunks of 50 batches, then shuffle the batches
        chunks = [sorted(idx[i:i + size * 50], key=lambda k: len(items[k][0])) for i in range(0, len(idx), size * 50)]
        bs = [c[i:i + size] for c in chunks for i in range(0, len(c), size)]
        random.shuffle(bs)
        return bs
    return [idx[i:i + size] for i in range(0, len(idx), size)]


def tensors(items, ids):
    seqs = [items[k][0] for k in ids]
    n = max(len(s) for s in seqs)
    x = torch.stack([torch.cat([s, s.new_zeros(n - len(s), s.shape[1])]) for s in seqs])
    mask = torch.tensor([[1] * len(s) + [0] * (n - len(s)) for s in seqs])
    y = torch.tensor([items[k][1] for k in ids])
    return x, mask, y


body = [p for n, p in model.named_parameters() if p.requires_grad and not n.startswith("head")]
print(f"{sum(p.numel() for p in body)} encoder parameters trained", flush=True)
opt = torch.optim.AdamW([{"params": body, "lr": a.lr}, {"params": model.head.parameters(), "lr": a.head_lr}],
                        weight_decay=0.01)
steps_per_epoch = (len(enc) + a.batch - 1) // a.batch
total = steps_per_epoch * a.epochs
warm = int(0.06 * total)
sched = torch.optim.lr_scheduler.LambdaLR(opt, lambda s: s / max(1, warm) if s < warm else max(0.0, (total - s) / (total - warm)))
loss_fn = nn.BCEWithLogitsLoss()


def score(part, epoch):
    model.eval()
    msgs = load(part)
    items = score_cache.setdefault(part, cached(msgs))
    out = []
    with torch.no_grad():
        for ids in batches(items, 64, False):
            x, mask, _ = tensors(items, ids)
            out.extend(torch.sigmoid(model.upper(x, mask)).tolist())
    with open(f"{a.out}-{part}-e{epoch}.jsonl", "w") as f:
        for m, p in zip(msgs, out):
            f.write(json.dumps({"id": m["id"], "probs": [round(v, 5) for v in p]}) + "\n")
    model.train()
    model.bert.layers[:a.freeze_below].eval()


score_cache = {}
step = 0
for epoch in range(1, a.epochs + 1):
    model.train()
    model.bert.layers[:a.freeze_below].eval()
    t0, run = time.time(), 0.0
    for bi, ids in enumerate(batches(enc, a.batch, True)):
        x, mask, y = tensors(enc, ids)
        loss = loss_fn(model.upper(x, mask), y)
        opt.zero_grad()
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        opt.step()
        sched.step()
        step += 1
        run += loss.item()
        if bi % 50 == 49:
            print(f"epoch {epoch} batch {bi + 1}/{steps_per_epoch} loss {run / 50:.4f} {time.time() - t0:.0f}s", flush=True)
            run = 0.0
    print(f"epoch {epoch} done in {time.time() - t0:.0f}s", flush=True)
    for p in a.score:
        score(p, epoch)
    if a.save:
        torch.save({n: p for n, p in model.state_dict().items() if n.startswith("head")
                    or any(n.startswith(f"bert.layers.{i}.") for i in range(a.freeze_below, 6))}, f"{a.out}-e{epoch}.pt")
    if a.stop_after and epoch >= a.stop_after:
        break
