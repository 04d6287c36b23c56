"""Relevance of expert search on the judgement list: MRR, recall@5 and nDCG@10 per kind of
question, for the naive all-words baseline, keyword matching and hybrid matching.

    .venv/bin/python bench/relevance.py                  # the tuning part of the list
    .venv/bin/python bench/relevance.py --held-out       # the held-out part, reported alone
    .venv/bin/python bench/relevance.py --candidates     # every candidate setting, tuning part

The demo roster (--experts synthetic experts, seed 2002) and the planted experts of
roster.demo.planted are loaded into a temporary SQLite database; their index documents go into
a Meilisearch of its own on a free port, one index per configuration. Results also go to
bench/results/relevance-*.json.
"""

import argparse
import hashlib
import json
import sys
import tempfile
import time
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

RESULTS = ROOT / "bench" / "results"
DEPTH = 20


@dataclass(frozen=True)
class Candidate:
    """One way of searching: index settings, query shaping and the share of meaning."""

    name: str
    strategy: str = "all"
    vocabulary: bool = True
    stems: bool = False
    names: bool = True
    semantic_ratio: float | None = None
    spelled_out: bool = True
    baseline: bool = False
    settings: dict = field(default_factory=dict, hash=False)


def candidates() -> list[Candidate]:
    """The configurations compared; the first three are the ones reported."""
    typo_4_8 = {"typoTolerance": {"minWordSizeForTypos": {"oneTypo": 4, "twoTypos": 8}}}
    proximity_last = {
        "rankingRules": ["sort", "words", "typo", "attribute", "proximity", "exactness"]
    }
    return [
        Candidate("all-words", baseline=True, vocabulary=False, stems=False, names=False),
        Candidate("keyword", strategy="frequency"),
        Candidate("hybrid", strategy="frequency", semantic_ratio=0.3),
        Candidate("keyword-last", strategy="last"),
        Candidate("keyword-stems", strategy="frequency", stems=True),
        Candidate("keyword-no-names", strategy="frequency", names=False),
        Candidate("keyword-typo-4-8", strategy="frequency", settings=typo_4_8),
        Candidate("keyword-attr-first", strategy="frequency", settings=proximity_last),
        Candidate("hybrid-as-typed", strategy="frequency", semantic_ratio=0.3, spelled_out=False),
        Candidate("hybrid-0.2", strategy="frequency", semantic_ratio=0.2),
        Candidate("hybrid-0.4", strategy="frequency", semantic_ratio=0.4),
        Candidate("hybrid-0.5", strategy="frequency", semantic_ratio=0.5),
        Candidate("hybrid-0.7", strategy="frequency", semantic_ratio=0.7),
        Candidate("hybrid-last", strategy="last", semantic_ratio=0.3),
        Candidate("hybrid-stems", strategy="frequency", stems=True, semantic_ratio=0.3),
        Candidate("semantic-only", strategy="frequency", semantic_ratio=1.0),
    ]


def parse_args(argv=None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--experts", type=int, default=500, help="synthetic experts beside")
    parser.add_argument("--held-out", action="store_true", help="report the held-out part")
    parser.add_argument("--candidates", action="store_true", help="every candidate setting")
    parser.add_argument("--show-misses", action="store_true", help="list questions ranked > 1")
    return parser.parse_args(argv)


def build_roster(folder: Path, experts: int):
    """The app on a fresh SQLite database with the demo roster and the planted experts;
    returns (app, documents, {id: planted key})."""
    import os

    os.environ["ROSTER_DATA_DIR"] = str(folder)
    from roster import create_app
    from roster.demo.generate import generate
    from roster.demo.planted import add_planted
    from roster.extensions import db
    from roster.reference.operations import load_reference
    from roster.search.documents import iter_all_documents

    app = create_app({"SQLALCHEMY_DATABASE_URI": f"sqlite:///{folder / 'relevance.db'}"})
    with app.app_context():
        db.create_all()
        load_reference()
        generate(experts, 0, 2002, app.config["REVIEW_PERIOD_DAYS"])
        planted = add_planted()
        db.session.commit()
        keys = {expert.id: key for key, expert in planted.items()}
        documents = [doc for batch in iter_all_documents("experts") for doc in batch]
    return app, documents, keys


def index_settings(candidate: Candidate) -> dict:
    from roster.experts.index import EXPERTS
    from roster.relevance.vocabulary import synonyms
    from roster.search.settings import index_settings as core_settings
    from roster.search.text import SYNONYM_GROUPS
    from roster.semantic.model import DIMENSIONS, EMBEDDER

    settings = json.loads(json.dumps(core_settings(EXPERTS)))
    searchable = list(settings["searchableAttributes"])
    if not candidate.names:
        searchable.remove("name_variants")
    if candidate.stems:
        searchable.insert(searchable.index("bio") + 1, "stems")
    settings["searchableAttributes"] = searchable
    if candidate.baseline:
        settings["synonyms"] = {
            variant: [other for other in group if other != variant]
            for group in SYNONYM_GROUPS
            for variant in group
        }
    elif candidate.vocabulary:
        settings["synonyms"] = synonyms()
    if candidate.semantic_ratio is not None:
        settings["embedders"] = {EMBEDDER: {"source": "userProvided", "dimensions": DIMENSIONS}}
    for name, value in candidate.settings.items():
        merged = settings.get(name)
        settings[name] = {**merged, **value} if isinstance(merged, dict) else value
    return settings


def indexed_documents(documents, candidate: Candidate, vectors) -> list[dict]:
    from roster.relevance.stemming import stemmed_text
    from roster.semantic.model import EMBEDDER

    shaped = []
    for document in documents:
        row = dict(document)
        if candidate.stems:
            row["stems"] = stemmed_text(
                document["position"], document["organisation"], document["bio"],
                *document["thematic_area_names"],
            )  # fmt: skip
        if candidate.semantic_ratio is not None:
            row["_vectors"] = {EMBEDDER: vectors[document["id"]]}
        shaped.append(row)
    return shaped


def search_params(candidate: Candidate, q: str, model) -> tuple[str, dict]:
    from roster.relevance.stemming import with_stems
    from roster.relevance.vocabulary import spelled_out
    from roster.semantic.model import EMBEDDER

    params = {
        "matchingStrategy": candidate.strategy,
        "hitsPerPage": DEPTH,
        "page": 1,
        "attributesToRetrieve": ["id"],
    }
    text = with_stems(q) if candidate.stems else q
    if candidate.semantic_ratio is not None:
        params["hybrid"] = {"embedder": EMBEDDER, "semanticRatio": candidate.semantic_ratio}
        params["vector"] = list(model.query_vector(spelled_out(q) if candidate.spelled_out else q))
    return text, params


def embed_documents(model, documents, text_of) -> dict[int, list[float]]:
    """{id: vector}; vectors of texts seen before come from a cache in bench/results/."""
    cache_path = RESULTS / "vectors-cache.json"
    cache = json.loads(cache_path.read_text()) if cache_path.exists() else {}
    digests = [hashlib.sha256(text_of(d).encode()).hexdigest()[:32] for d in documents]
    missing = sorted({digest for digest in digests if digest not in cache})
    if missing:
        texts = {digest: text_of(d) for digest, d in zip(digests, documents, strict=True)}
        for digest, vector in zip(missing, model.embed([texts[m] for m in missing]), strict=True):
            cache[digest] = [round(value, 6) for value in vector]
        RESULTS.mkdir(parents=True, exist_ok=True)
        cache_path.write_text(json.dumps(cache))
    return {d["id"]: cache[digest] for d, digest in zip(documents, digests, strict=True)}


def run(args) -> dict:
    import meilisearch

    from roster.demo.judgements import JUDGEMENTS, KINDS
    from roster.relevance.metrics import Outcome, by_kind
    from roster.search.local import LocalMeilisearch, free_port
    from roster.semantic.model import SemanticModel, packaged_model_folder
    from roster.semantic.texts import expert_text

    judgements = [j for j in JUDGEMENTS if j.held_out == args.held_out]
    chosen = candidates() if args.candidates else candidates()[:3]
    folder = Path(tempfile.mkdtemp(prefix="roster-relevance-"))
    app, documents, keys = build_roster(folder, args.experts)
    model = SemanticModel(True, packaged_model_folder())
    started = time.perf_counter()
    vectors = embed_documents(model, documents, expert_text) if model.available else {}
    embedding_s = time.perf_counter() - started
    if not model.available:
        chosen = [candidate for candidate in chosen if candidate.semantic_ratio is None]
    meili = LocalMeilisearch(app.config["MEILI_BIN"], folder, free_port()).start()
    report = {"judgements": len(judgements), "held_out": args.held_out, "candidates": {}}
    try:
        client = meilisearch.Client(meili.url, meili.master_key, timeout=60)
        for number, candidate in enumerate(chosen):
            uid = f"experts_{number}"
            client.wait_for_task(client.create_index(uid, {"primaryKey": "id"}).task_uid)
            index = client.index(uid)
            task = index.update_settings(index_settings(candidate))
            client.wait_for_task(task.task_uid, timeout_in_ms=120_000)
            task = index.add_documents(indexed_documents(documents, candidate, vectors))
            done = client.wait_for_task(task.task_uid, timeout_in_ms=300_000)
            if done.status != "succeeded":
                raise RuntimeError(f"{candidate.name}: indexing failed: {done.error}")
            outcomes, misses = [], []
            for judgement in judgements:
                text, params = search_params(candidate, judgement.q, model)
                hits = index.search(text, params)["hits"]
                ranked = tuple(keys.get(hit["id"], "") for hit in hits)
                outcome = Outcome(judgement.kind, judgement.held_out, ranked, judgement.expected)
                outcomes.append(outcome)
                if outcome.rank != 1:
                    misses.append((judgement.kind, judgement.q, outcome.rank, ranked[:3]))
            report["candidates"][candidate.name] = {
                "table": by_kind(outcomes, KINDS),
                "misses": misses if args.show_misses and not args.held_out else [],
            }
    finally:
        meili.stop()
    report["embedding_s"] = round(embedding_s, 1)
    report["documents"] = len(documents)
    return report


def print_report(report: dict) -> None:
    from roster.demo.judgements import KINDS

    part = "held-out part" if report["held_out"] else "tuning part"
    print(
        f"{report['judgements']} questions ({part}) over {report['documents']} experts; "
        f"document embedding {report['embedding_s']} s"
    )
    header = f"{'configuration':<18} {'kind':<14} {'n':>3} {'MRR':>6} {'R@5':>6} {'nDCG10':>7} miss"
    print(header)
    for name, result in report["candidates"].items():
        for kind in (*KINDS, "all"):
            row = result["table"][kind]
            print(
                f"{name:<18} {kind:<14} {row['n']:>3} {row['mrr']:>6.3f} {row['recall@5']:>6.3f} "
                f"{row['ndcg@10']:>7.3f} {row['missed']:>4}"
            )
        for kind, q, rank, top in result["misses"]:
            print(f"    {kind:<14} rank {rank}  {q!r}  top: {', '.join(k or '-' for k in top)}")


def main(argv=None) -> int:
    args = parse_args(argv)
    report = run(args)
    print_report(report)
    RESULTS.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    part = "held-out" if args.held_out else "tuning"
    (RESULTS / f"relevance-{part}-{stamp}.json").write_text(json.dumps(report, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
