"""Exports a saved fine-tuned reader (MiniLM + trained layers + head, sigmoid inside) to ONNX for ONNX Runtime:
inputs input_ids, attention_mask (int64, [1, n]); output probs [1, 18]. Prints the largest difference from torch.

  export_onnx.py CHECKPOINT OUT.onnx"""
import sys

import torch
import torch.nn as nn

from bert import WordPiece, Bert, mean_pool
from common import INTENTS


class Reader(nn.Module):
    def __init__(self):
        super().__init__()
        self.bert = Bert()
        self.head = nn.Linear(384, len(INTENTS))

    def forward(self, input_ids, attention_mask):
        return torch.sigmoid(self.head(mean_pool(self.bert(input_ids, attention_mask), attention_mask)))


model = Reader()
model.bert.load_onnx("/tmp/ft-jar/all-minilm-l6-v2.onnx")
model.load_state_dict(torch.load(sys.argv[1]), strict=False)
model.eval()
tok = WordPiece("/tmp/ft-jar/all-minilm-l6-v2-tokenizer.json")
ids = torch.tensor([tok.encode("seller | how much could I get for my house in Katy? call me after 5")])
torch.onnx.export(model, (ids, torch.ones_like(ids)), sys.argv[2], input_names=["input_ids", "attention_mask"],
                  output_names=["probs"], dynamic_axes={"input_ids": {1: "n"}, "attention_mask": {1: "n"}}, opset_version=14)
with torch.no_grad():
    print(" ".join(f"{v:.5f}" for v in model(ids, torch.ones_like(ids))[0].tolist()))
    print(" ".join(map(str, ids[0].tolist())))
