"""The judgement list in the suite: hybrid search with the chosen settings, on the real
Meilisearch and the packaged model, keeps mean reciprocal rank above its floor."""

import meilisearch
import pytest

from roster.demo.generate import generate
from roster.demo.judgements import JUDGEMENTS, KINDS
from roster.demo.planted import add_planted
from roster.experts.index import EXPERTS
from roster.extensions import db
from roster.relevance import settings
from roster.relevance.metrics import by_kind, evaluate
from roster.search.documents import iter_all_documents
from roster.search.settings import index_settings as core_settings
from roster.semantic.model import EMBEDDER, SemanticModel, packaged_model_folder
from roster.semantic.texts import expert_text

FLOOR = 0.85
SYNTHETIC = 60


@pytest.fixture
def judged_index(app, meili):
    generate(SYNTHETIC, 0, 2002, app.config["REVIEW_PERIOD_DAYS"])
    keys = {expert.id: key for key, expert in add_planted().items()}
    db.session.commit()
    documents = [document for batch in iter_all_documents("experts") for document in batch]
    model = SemanticModel(True, packaged_model_folder())
    vectors = model.embed([expert_text(document) for document in documents])
    rows = [
        {**document, "_vectors": {EMBEDDER: vector}}
        for document, vector in zip(documents, vectors, strict=True)
    ]
    client = meilisearch.Client(meili.url, meili.master_key, timeout=60)
    uid = f"{app.config['MEILI_INDEX_PREFIX']}judged"
    client.wait_for_task(client.create_index(uid, {"primaryKey": "id"}).task_uid)
    index = client.index(uid)
    task = index.update_settings(settings.index_settings(core_settings(EXPERTS), True))
    client.wait_for_task(task.task_uid, timeout_in_ms=60_000)
    done = client.wait_for_task(index.add_documents(rows).task_uid, timeout_in_ms=120_000)
    assert done.status == "succeeded", done.error
    return index, keys, model


def test_hybrid_search_keeps_the_floor_on_the_whole_list(judged_index):
    index, keys, model = judged_index

    def ranked(q):
        text, params = settings.search_params(q, settings.query_vector(model, q))
        hits = index.search(text, {**params, "hitsPerPage": 10, "attributesToRetrieve": ["id"]})
        return [keys.get(hit["id"], "") for hit in hits["hits"]]

    table = by_kind(evaluate(JUDGEMENTS, ranked), KINDS)
    assert table["all"]["mrr"] >= FLOOR, table
    assert table["all"]["recall@5"] >= 0.9, table
