"""Form plumbing shared by case pages that answer a checklist (qualification, screening)."""

from registry.associations.services.files import documents_of
from registry.checklists.answering import AnswerInput
from registry.core.i18n import localized
from registry.core.inputs import list_index

ANSWER_FIELDS = ("answer", "note", "evidence_type", "evidence_document_id", "evidence_url",
                 "evidence_observed_on", "evidence_source")


def stored_answers(case) -> list[dict]:
    """The case's answers as form data, one entry per template item in order."""
    rows = []
    for item in case.template.items:
        answer = case.answer_for(item["key"])
        row = {"item_key": item["key"]}
        if answer is not None:
            row.update({name: getattr(answer, name) for name in ANSWER_FIELDS})
        rows.append(row)
    return rows


def offer_documents(form, association) -> None:
    """Let each answer point at one of the association's documents."""
    # The empty choice must render as value="", which optional_int reads back as None ("None" would not coerce).
    choices = [("", "–")] + [(document.id, document.filename) for document in documents_of(association)]
    for entry in form.answers:
        entry.form.evidence_document_id.choices = choices


def submitted_answers(form) -> list[AnswerInput]:
    """The answers typed into the form."""
    return [AnswerInput(
        item_key=entry.form.item_key.data, answer=entry.form.answer.data or None, note=entry.form.note.data,
        evidence_type=entry.form.evidence_type.data or "none",
        evidence_document_id=entry.form.evidence_document_id.data, evidence_url=entry.form.evidence_url.data,
        evidence_observed_on=entry.form.evidence_observed_on.data, evidence_source=entry.form.evidence_source.data)
        for entry in form.answers]


def show_field_error(form, error) -> None:
    """Put each service error keyed "answers-<i>-<field>" next to that field, others on the form."""
    for one in getattr(error, "errors", [error]):
        parts = one.field.split("-", 2)
        index = list_index(parts[1], len(form.answers) - 1) if len(parts) == 3 else None
        field = getattr(form.answers[index].form, parts[2], None) if index is not None else None
        if field is not None:
            field.errors.append(str(one))
        else:
            form.form_errors.append(str(one))


def item_labels(items: list[dict], locale: str) -> dict[str, str]:
    """"item-<key>" → "<number>. <text>": how an error about an item names it, as the page numbers it."""
    return {f"item-{item['key']}": f"{number}. {localized(item['text'], locale)}"
            for number, item in enumerate(items, start=1)}


def name_entries(form, items: list[dict], locale: str) -> None:
    """Let the error summary name each answer's item by number and text."""
    labels = {item["key"]: label for item, label in zip(items, item_labels(items, locale).values(), strict=True)}
    for entry in form.answers:
        entry.summary_label = labels.get(entry.form.item_key.data)
