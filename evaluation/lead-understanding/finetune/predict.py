"""Scores one corpus part with a saved fine-tuned reader (MiniLM from the ONNX file + the saved trained layers and head),
writes its probabilities, and with --time measures single-thread CPU latency per message (batch of one: tokenise + forward).

  predict.py CHECKPOINT PART OUT.jsonl [--time]"""
import json
import statistics
import sys
import time

import torch
import torch.nn as nn

from bert import WordPiece, Bert, mean_pool
from common import INTENTS, load, model_input

ckpt, part, out = sys.argv[1:4]
torch.set_num_threads(1 if "--time" in sys.argv else 2)
tok = WordPiece("/tmp/ft-jar/all-minilm-l6-v2-tokenizer.json")


class Reader(nn.Module):
    def __init__(self):
        super().__init__()
        self.bert = Bert()
        self.head = nn.Linear(384, len(INTENTS))

    def forward(self, ids, mask):
        return self.head(mean_pool(self.bert(ids, mask), mask))


model = Reader()
model.bert.load_onnx("/tmp/ft-jar/all-minilm-l6-v2.onnx")
missing, unexpected = model.load_state_dict(torch.load(ckpt), strict=False)
assert not unexpected and all(not k.startswith("head") for k in missing), (missing, unexpected)
model.eval()


def read(text):
    ids = torch.tensor([tok.encode(text, 64)])
    return torch.sigmoid(model(ids, torch.ones_like(ids)))[0].tolist()


msgs = load(part)
with torch.no_grad(), open(out, "w") as f:
    for m in msgs:
        f.write(json.dumps({"id": m["id"], "probs": [round(v, 5) for v in read(model_input(m))]}) + "\n")
    if "--time" in sys.argv:
        ms = []
        for _ in range(2):
            for m in msgs:
                t0 = time.perf_counter()
                read(model_input(m))
                ms.append((time.perf_counter() - t0) * 1000)
        ms.sort()
        print(f"single thread, batch of one, {len(ms)} reads of {part}: median {statistics.median(ms):.2f} ms, "
              f"p90 {ms[int(0.90 * len(ms))]:.2f} ms, p99 {ms[int(0.99 * len(ms))]:.2f} ms")
