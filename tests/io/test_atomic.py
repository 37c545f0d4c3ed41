"""Outputs whole or not at all (`acnlp.io.atomic`): a failure inside the block never touches a final name."""

from __future__ import annotations

from pathlib import Path

import pytest

from acnlp.io.atomic import is_temporary, remove_leftovers, replacing


def test_atomic_failure_mid_write_keeps_the_old_files_and_leaves_no_temporary(tmp_path: Path) -> None:
    finals = [tmp_path / "r.jsonl", tmp_path / "r.csv"]
    for final in finals:
        final.write_text("old", encoding="utf-8")
    with pytest.raises(KeyboardInterrupt):
        with replacing(*finals) as (jsonl, csv_path):
            jsonl.write_text("new", encoding="utf-8")
            csv_path.write_text("half", encoding="utf-8")
            raise KeyboardInterrupt  # Ctrl-C in the middle of the group
    assert [final.read_text(encoding="utf-8") for final in finals] == ["old", "old"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r.csv", "r.jsonl"]


def test_atomic_success_replaces_every_final_together(tmp_path: Path) -> None:
    finals = [tmp_path / "r.jsonl", tmp_path / "r.csv"]
    finals[0].write_text("old", encoding="utf-8")
    with replacing(*finals) as temporaries:
        for temporary in temporaries:
            assert temporary.parent == tmp_path and is_temporary(temporary)  # same folder: one atomic rename
            temporary.write_text("new", encoding="utf-8")
        assert finals[0].read_text(encoding="utf-8") == "old" and not finals[1].exists()
    assert [final.read_text(encoding="utf-8") for final in finals] == ["new", "new"]


def test_atomic_leftovers_of_a_killed_writer_are_removed(tmp_path: Path) -> None:
    leftover = tmp_path / ".r.xlsx.0123456789ab.acnlp-partial"
    leftover.write_bytes(b"PK half a workbook")
    (tmp_path / "r.csv").write_text("kept", encoding="utf-8")
    assert remove_leftovers(tmp_path, since=0) == [leftover]
    assert [p.name for p in tmp_path.iterdir()] == ["r.csv"]
