"""Crashes and concurrent instances: nothing acknowledged is ever lost, the file stays sound."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from db.backup import verify_database_file
from desktop.services import documents
from desktop.services.backups import list_backups
from desktop.services.store import StoreSettings, open_store

ROOT = Path(__file__).resolve().parents[2]

# Writes as fast as it can, a mix of new documents and edits of its own documents, and prints
# one line per write only after the write committed: "<id> <revision> <title>".
WRITER = r"""
import sys
from desktop.model.document import Document, Paragraph, runs
from desktop.model.kinds import DocumentKind
from db.backup import verify_database_file
from desktop.services import documents
from desktop.services.backups import list_backups
from desktop.services.store import open_store

tag = sys.argv[2]
store = open_store(sys.argv[1])
body = tuple(Paragraph(runs("Nội dung báo cáo Đắk Glei %d " % i * 40)) for i in range(20))
mine = []
for i in range(100000):
    if mine and i % 3 == 0:
        doc_id = mine[i % len(mine)]
        title = f"{tag} sửa {i}"
        current = documents.get(store, doc_id).document
        revision = documents.save(store, doc_id, current.with_changes(title=title))
    else:
        title = f"{tag} mới {i}"
        doc_id = documents.add(store, Document(DocumentKind.BAO_CAO, title=title, body=body))
        mine.append(doc_id)
        revision = 1
    print(doc_id, revision, title, flush=True)
"""


def env() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONIOENCODING": "utf-8"}


def acknowledged(output: bytes) -> list[tuple[int, int, str]]:
    text = output.decode("utf-8", "replace")
    complete = text[: text.rfind("\n") + 1]  # a line cut by the kill was never acknowledged
    out = []
    for line in complete.splitlines():
        doc_id, revision, title = line.split(" ", 2)
        out.append((int(doc_id), int(revision), title))
    return out


@pytest.mark.slow
def test_sigkill_at_random_moments_loses_no_acknowledged_write(tmp_path):
    if not hasattr(signal, "SIGKILL"):
        pytest.skip("needs SIGKILL")
    rng = random.Random(1234)
    acks: list[tuple[int, int, str]] = []
    kills = 25
    for round_ in range(kills):
        proc = subprocess.Popen(
            [sys.executable, "-c", WRITER, str(tmp_path), f"r{round_}"],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env(), cwd=ROOT,
        )  # fmt: skip
        # From during start-up and the very first migrations to the middle of a write stream.
        time.sleep(rng.uniform(0.15, 0.6))
        proc.send_signal(signal.SIGKILL)
        out, err = proc.communicate(timeout=30)
        assert proc.returncode == -signal.SIGKILL, err.decode("utf-8", "replace")
        acks += acknowledged(out)
    assert len(acks) > 50, "the writers never got going; the test proves nothing"

    store = open_store(tmp_path, settings=StoreSettings(backup_on_open=False))
    try:
        conn = store.db.conn
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        conn.execute("INSERT INTO documents_fts (documents_fts) VALUES ('integrity-check')")
        latest: dict[int, tuple[int, str]] = {}
        for doc_id, revision, title in acks:
            latest[doc_id] = (revision, title)
        for doc_id, (revision, title) in latest.items():
            stored = documents.get(store, doc_id)
            # A later write may have committed just before the kill, never an earlier state.
            assert stored.revision >= revision
            if stored.revision == revision:
                assert stored.document.title == title
    finally:
        store.close()
    # A kill during a backup never leaves a damaged file that passes for a backup.
    for made in list_backups(tmp_path):
        verify_database_file(made.path)


SECOND = r"""
import sys
from desktop.model.document import Document
from desktop.model.kinds import DocumentKind
from db.backup import verify_database_file
from desktop.services import documents
from desktop.services.backups import list_backups
from desktop.services.store import open_store

with open_store(sys.argv[1]) as store:
    for i in range(40):
        documents.add(store, Document(DocumentKind.CONG_VAN, title=f"{sys.argv[2]} {i}"))
print("done")
"""


def test_two_instances_write_the_same_database_at_once(tmp_path):
    procs = [
        subprocess.Popen([sys.executable, "-c", SECOND, str(tmp_path), name],
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env(), cwd=ROOT)
        for name in ("A", "B")
    ]  # fmt: skip
    for proc in procs:
        out, err = proc.communicate(timeout=60)
        assert (proc.returncode, out) == (0, b"done\n"), err.decode("utf-8", "replace")
    with open_store(tmp_path, settings=StoreSettings(backup_on_open=False)) as store:
        titles = sorted(s.title for s in documents.list_documents(store))
    assert titles == sorted([f"A {i}" for i in range(40)] + [f"B {i}" for i in range(40)])
