"""`find_inputs`: a folder's reports are read, its other files skipped with a reason, none silently."""

from __future__ import annotations

from pathlib import Path

from acnlp.io import expand_paths, find_inputs


def _folder(tmp_path: Path) -> Path:
    folder = tmp_path / "звіти"
    (folder / "2019").mkdir(parents=True)
    for name in ("звіт.pdf", "звіт.odt", "2019/звіт.doc", "старий.rtf", "таблиця.xls", "скан.jpg", "~$звіт.docx",
                 ".~lock.звіт.odt#", "архів.zip", ".DS_Store", "README"):
        (folder / name).write_bytes(b"x")
    return folder


def test_inputs_folder_reports_read_and_the_rest_skipped_with_reasons(tmp_path):
    found = find_inputs([_folder(tmp_path)])
    assert sorted(p.name for p in found.files) == ["звіт.doc", "звіт.odt", "звіт.pdf", "старий.rtf", "таблиця.xls"]
    reasons = {Path(e.path).name: str(e) for e in found.skipped}
    assert sorted(reasons) == sorted(["скан.jpg", "~$звіт.docx", ".~lock.звіт.odt#", "архів.zip", ".DS_Store", "README"])
    assert all(e.code == "E077" and e.path in str(e) for e in found.skipped)
    assert "ocrmypdf -l ukr" in reasons["скан.jpg"] and "lock file" in reasons["~$звіт.docx"]
    assert "not a report format ('.zip')" in reasons["архів.zip"] and ".pdf" in reasons["архів.zip"]


def test_inputs_files_named_are_never_skipped(tmp_path):
    folder = _folder(tmp_path)
    named = [folder / "архів.zip", folder / "скан.jpg"]
    found = find_inputs(named)
    assert found.files == named and not found.skipped
    assert expand_paths([folder, *named])[-2:] == named
