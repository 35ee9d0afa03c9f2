"""Files that are not minutes at all are 'failed' with a reason a user can act on, never 'partial',
and leave no meeting row: a server's error page or a text export saved as .pdf, an archive named
.pdf, an error page saved as .html."""

from __future__ import annotations

import zipfile
from pathlib import Path

import duckdb

from pipeline.ingest import ingest_paths
from tests.pdfmaker import minutes_pdf

ERROR_PAGE = ("<!DOCTYPE html><html><head><title>Sivua ei löytynyt</title></head><body>"
              "<h1>Sivua ei löytynyt</h1><p>Hakemaasi sivua ei löytynyt. Palaa etusivulle.</p>"
              "<p>Kokous 12.3.2025</p></body></html>")


def test_not_minutes_fail_with_a_reason_and_leave_no_meeting(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    minutes_pdf(src / "good.pdf")
    (src / "error_page.pdf").write_text(ERROR_PAGE, encoding="utf-8")
    (src / "export.pdf").write_text("Tekninen lautakunta 12.3.2025\nPöytäkirja\n", encoding="utf-8")
    with zipfile.ZipFile(src / "archive.pdf", "w") as zf:
        zf.writestr("poytakirja.txt", "§ 1 Kokouksen avaus")
    (src / "error_page.html").write_text(ERROR_PAGE, encoding="utf-8")
    (src / "shopping.txt").write_text("Ostoslista\nmaitoa\nleipää\n", encoding="utf-8")
    db = tmp_path / "m.duckdb"
    report = ingest_paths([src], db, workers=1)
    status = {r.path.name: (r.status, r.error) for r in report.results}
    assert status["good.pdf"][0] == "ok"
    assert status["error_page.pdf"] == ("failed", "not a PDF: HTML page")
    assert status["export.pdf"] == ("failed", "not a PDF: text file")
    assert status["archive.pdf"][0] == "failed" and status["archive.pdf"][1].startswith("not a PDF: ZIP archive")
    assert status["error_page.html"][0] == "failed"
    assert status["error_page.html"][1].startswith("not minutes: HTML page 'Sivua ei löytynyt'")
    assert status["shopping.txt"][0] == "failed" and status["shopping.txt"][1].startswith("not minutes: text")
    con = duckdb.connect(str(db), read_only=True)
    meetings = con.execute("SELECT d.file_name FROM meetings m JOIN documents d USING (doc_id)").fetchall()
    assert meetings == [("good.pdf",)]
    partial = con.execute("SELECT count(*) FROM documents WHERE status = 'partial'").fetchone()[0]
    assert partial == 0
