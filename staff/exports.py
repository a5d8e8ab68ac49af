"""CSV exports whose cells a spreadsheet will not run as formulas."""

import csv

from django.http import StreamingHttpResponse

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value):
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


class _Echo:
    def write(self, value):
        return value


def csv_response(filename, header, rows):
    writer = csv.writer(_Echo())

    def lines():
        # The byte order mark tells Excel the file is UTF-8, or "José" opens as "JosÃ©".
        yield "\ufeff" + writer.writerow(header)
        for row in rows:
            yield writer.writerow([neutralise(cell) for cell in row])

    response = StreamingHttpResponse(lines(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


QUEUE_HEADER = ["Reference", "Sent", "Name", "Date of birth", "Email", "Phone", "Consultation",
                "Status", "Attendance", "Flags"]  # fmt: skip


def export_fields(*, with_flags):
    """The columns the CSV needs, read in the one query (not one query per row)."""
    fields = ["reference", "created_at", "full_name", "date_of_birth", "email", "phone",
              "consult_date", "status", "attendance"]  # fmt: skip
    return [*fields, "flags"] if with_flags else fields


def queue_rows(submissions, *, only, with_flags):
    """The queue's CSV rows, for the submissions whose ids are in `only` (those the audit
    log names); flags only for staff who may see health answers."""
    for s in submissions.iterator(chunk_size=500):
        if s.pk in only:
            yield [
                s.reference, s.created_at.isoformat(), s.full_name, s.date_of_birth, s.email,
                s.phone, s.consult_date or "", s.status_for(with_flags),
                s.get_attendance_display(),
                " ".join(s.flag_codes) if with_flags else "(not shown)",
            ]  # fmt: skip
