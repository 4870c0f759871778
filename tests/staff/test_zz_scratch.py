import pytest
from tests.staff.helpers import form_fields, result_ids

def test_pages(app, factories, client_for, checklists):
    officer = factories.staff(email="o@x.dk", locale="en")
    for i in range(27):
        factories.submitted_association(name=f"Klub {i:02d}")
    c = client_for(officer)
    r = c.get("/staff/search?q=fodbold&page=2")
    print("page2", r.status_code, len(result_ids(r.text)))
    r = c.get("/staff/search?q=fodbold")
    print("page1", r.status_code, len(result_ids(r.text)))
    for q in ["*", "AND OR (", "_", '"', "a:b", "&|!", "NOT", "NEAR(", "ø", "og", "x" * 300, "fodbold OR", "'", "\\", "%"]:
        r = c.get("/staff/search", query_string={"q": q})
        print(repr(q[:10]), r.status_code, len(result_ids(r.text)))
        assert r.status_code == 200

def test_case_roundtrip(app, factories, client_for, checklists):
    officer = factories.staff(email="o@x.dk", locale="en")
    a = factories.submitted_association(complete=True)
    c = client_for(officer)
    r = c.post(f"/staff/qualification/associations/{a.id}/open")
    print(r.status_code, r.location)
    page = c.get(r.location)
    data = form_fields(page.text, r.location)
    print({k: v for k, v in data.items() if k.startswith("answers-0") or "lock" in k})
    r2 = c.post(r.location, data=data)
    print("post back", r2.status_code)
    import re
    print(re.findall(r'class="field-error"[^>]*>(.*?)</p>', r2.text, re.S)[:3])
