"""The packaged embedding model: loaded from disk, turned off by ROSTER_SEMANTIC=0 or a
missing model, and reported by /healthz."""

import numpy as np
import pytest

from roster import create_app
from roster.semantic.model import DIMENSIONS, SemanticModel, packaged_model_folder


@pytest.fixture(scope="module")
def loaded():
    model = SemanticModel(True, packaged_model_folder())
    assert model.available
    return model


def test_similar_meanings_are_closer_than_unrelated_ones(loaded):
    fake, forged, fishing = np.array(
        loaded.embed(["fake passports", "forged travel documents", "fishing vessel crews"])
    )
    assert fake.shape == (DIMENSIONS,)
    assert np.isclose(np.linalg.norm(fake), 1.0, atol=1e-5)
    assert fake @ forged > fake @ fishing + 0.1


def test_query_vectors_are_computed_once_per_text(loaded):
    first = loaded.query_vector("naval boarding")
    hits = loaded.query_vector.cache_info().hits
    assert loaded.query_vector("naval boarding") is first
    assert loaded.query_vector.cache_info().hits == hits + 1
    assert loaded.query_vector("  ") is None


def test_turned_off_it_embeds_nothing():
    model = SemanticModel(False, packaged_model_folder())
    assert model.status == "off"
    assert model.embed(["anything"]) is None
    assert model.query_vector("anything") is None


def test_a_missing_model_is_off(tmp_path):
    model = SemanticModel(True, tmp_path / "no-model")
    assert model.status == "off"
    assert model.embed(["anything"]) is None


def test_a_broken_model_is_off_after_one_try(tmp_path):
    (tmp_path / "model.safetensors").write_bytes(b"not a model")
    (tmp_path / "config.json").write_text("{}")
    model = SemanticModel(True, tmp_path)
    assert model.embed(["anything"]) is None
    assert model.status == "off"


def test_healthz_says_whether_matching_by_meaning_is_on(client):
    assert client.get("/healthz").get_json()["semantic"] == "on"


@pytest.mark.parametrize(
    "overrides", [{"SEMANTIC": False}, {"SEMANTIC_MODEL_DIR": "/nonexistent/model"}]
)
def test_healthz_says_off_without_the_model(app, overrides):
    other = create_app({**app.config, **overrides})
    body = other.test_client().get("/healthz").get_json()
    assert body["semantic"] == "off"
    assert body["database"] == "ok"
