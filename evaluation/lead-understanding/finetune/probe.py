"""A slot head over the intent reader's own features (the twentieth round): the encoder and the intents' head stay exactly as
trained, and one linear output per categorical slot value (common.SLOT_LABELS) is fitted on the mean-pooled output the intents'
head already reads. No second forward pass, and the intents and opt-outs read as before to the bit.

  probe.py features DELTA PART... OUT.npz       pooled features and the intents' probabilities of each message of the parts;
                                                DELTA is a delta .npz (delta.py export) or a shipped adapter .bin (JOIA)
  probe.py fit FEATURES.npz OUT.npz             the slot head fitted on them (BCE, labelled values weighted, L2, full batch)
  probe.py read FEATURES.npz HEAD.npz PREFIX    a probability file per part, as lora.py --score writes them (PREFIX-PART-e0.jsonl:
                                                the intents' probabilities, then the slot head's), for score.py slots
Measured in the twentieth round (README): no gain on the dev split, so nothing of it ships."""
import json
import struct
import sys

import numpy as np
import torch
import torch.nn as nn

from bert import WordPiece, batch, mean_pool
from common import INTENTS, SLOT_LABELS, load, model_input, slot_target
from delta import Plain, apply_delta

POS_WEIGHT = 10.0  # each value is labelled on 1 to 3 % of messages (declared with the second dev model)
L2 = 1e-4
STEPS = 400


class Joia(dict):
    """A shipped adapter file (JOIA version 2, delta.py ship) read as delta.py's .npz is: arrays by name, plus 'intents'."""

    def __init__(self, path):
        super().__init__()
        b = open(path, "rb").read()
        assert b[:4] == b"JOIA", path
        assert struct.unpack_from("<i", b, 4)[0] == 2, path
        off = 8 + 32 + 4 * 6 + 4
        n = struct.unpack_from("<i", b, off)[0]
        off += 4
        labels = []
        for _ in range(n):
            k = struct.unpack_from("<i", b, off)[0]
            labels.append(b[off + 4:off + 4 + k].decode())
            off += 4 + k
        count = struct.unpack_from("<i", b, off)[0]
        off += 4
        for _ in range(count):
            k = struct.unpack_from("<i", b, off)[0]
            name = b[off + 4:off + 4 + k].decode()
            off += 4 + k
            nd = struct.unpack_from("<i", b, off)[0]
            shape = struct.unpack_from(f"<{nd}i", b, off + 4)
            off += 4 + 4 * nd
            size = int(np.prod(shape))
            self[name] = np.frombuffer(b, "<f2", size, off).reshape(shape).copy()
            off += 2 * size
        assert off == len(b), (off, len(b))
        self["intents"] = np.array(labels)
        self.files = list(self.keys())


def open_delta(path):
    return Joia(path) if path.endswith(".bin") else np.load(path)


def features(delta, parts, out):
    torch.set_num_threads(2)
    d = open_delta(delta)
    model = apply_delta(Plain(), d).eval()
    tok = WordPiece("/tmp/ft-jar/all-minilm-l6-v2-tokenizer.json")
    ids_, pooled, intents, parts_, targets, has = [], [], [], [], [], []
    with torch.no_grad():
        for part in parts:
            msgs = load(part)
            for i in range(0, len(msgs), 32):
                chunk = msgs[i:i + 32]
                ids, mask = batch(tok, [model_input(m) for m in chunk])
                x = mean_pool(model.bert(ids, mask), mask)
                p = torch.sigmoid(model.head(x))[:, :len(INTENTS)]
                pooled.append(x.numpy())
                intents.append(p.numpy())
                for m in chunk:
                    st = None if part == "near-misses" else slot_target(m)
                    ids_.append(m["id"])
                    parts_.append(part)
                    targets.append(st or [0.0] * len(SLOT_LABELS))
                    has.append(st is not None)
    np.savez(out, ids=np.array(ids_), parts=np.array(parts_), x=np.concatenate(pooled), intents=np.concatenate(intents),
             y=np.array(targets, np.float32), has=np.array(has))
    print(f"{len(ids_)} messages from {len(parts)} parts")


def fit(feats, out):
    torch.manual_seed(13)
    f = np.load(feats)
    keep = f["has"]
    x, y = torch.tensor(f["x"][keep]), torch.tensor(f["y"][keep])
    head = nn.Linear(x.shape[1], len(SLOT_LABELS))
    loss_fn = nn.BCEWithLogitsLoss(pos_weight=torch.full((len(SLOT_LABELS),), POS_WEIGHT))
    opt = torch.optim.Adam(head.parameters(), lr=0.01)
    for step in range(STEPS):
        opt.zero_grad()
        loss = loss_fn(head(x), y) + L2 * head.weight.pow(2).sum()
        loss.backward()
        opt.step()
    print(f"fitted on {len(x)} messages, final loss {loss.item():.4f}")
    np.savez(out, weight=head.weight.detach().numpy(), bias=head.bias.detach().numpy(), labels=np.array(SLOT_LABELS))


def read(feats, head_path, prefix):
    f, h = np.load(feats), np.load(head_path)
    slots = 1 / (1 + np.exp(-(f["x"] @ h["weight"].T + h["bias"])))
    files = {}
    for i, part, p, s in zip(f["ids"], f["parts"], f["intents"], slots):
        files.setdefault(str(part), []).append({"id": str(i), "probs": [round(float(v), 5) for v in list(p) + list(s)]})
    for part, rows in files.items():
        with open(f"{prefix}-{part}-e0.jsonl", "w") as out:
            out.writelines(json.dumps(r) + "\n" for r in rows)


if __name__ == "__main__":
    cmd = sys.argv[1]
    if cmd == "features":
        features(sys.argv[2], sys.argv[3:-1], sys.argv[-1])
    elif cmd == "fit":
        fit(sys.argv[2], sys.argv[3])
    elif cmd == "read":
        read(sys.argv[2], sys.argv[3], sys.argv[4])
