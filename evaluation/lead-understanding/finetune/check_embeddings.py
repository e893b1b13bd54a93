"""Prints sentence embeddings (mean pooling + L2 normalise) of the torch MiniLM and their cosine similarities."""
import sys
import torch
from bert import WordPiece, Bert, batch, mean_pool

d = sys.argv[1] if len(sys.argv) > 1 else "/tmp/ft-jar"
tok = WordPiece(f"{d}/all-minilm-l6-v2-tokenizer.json")
model = Bert().load_onnx(f"{d}/all-minilm-l6-v2.onnx").eval()
texts = ["I want to sell my house", "Estoy pensando en vender mi casa", "Can you call me tomorrow?",
         "STOP texting me", "How much is my home worth?", "Quiero comprar una casa en Katy, ¿qué tienen?"]
print([tok.encode(t) for t in texts[:2]])
with torch.no_grad():
    ids, mask = batch(tok, texts)
    e = torch.nn.functional.normalize(mean_pool(model(ids, mask), mask), dim=-1)
for t, v in zip(texts, e):
    print(t, "->", [round(x, 5) for x in v[:6].tolist()])
print((e @ e.T).numpy().round(3))
