"""Demo content for `make run`: a few associations and the municipal staff accounts in README."""

from datetime import date

from sqlalchemy import select

from registry.accounts.models import User
from registry.accounts.passwords import hash_password
from registry.associations.declarations import required_for
from registry.associations.models import Association
from registry.associations.services import files, profile, submission
from registry.core.models import utcnow
from registry.extensions import db
from registry.municipalities.models import Municipality

DEMO_PASSWORD = "Partnerregister-demo-2026"
STAFF = [
    ("officer@aarhus.example", "Mette Kjær", "officer", "DK", "751"),
    ("admin@aarhus.example", "Lars Østergaard", "administrator", "DK", "751"),
    ("handlaggare@goteborg.example", "Sara Lindqvist", "officer", "SE", "1480"),
]
REPRESENTATIVE = ("forening@example.org", "Amina Hassan")

# A one-page PDF, so that the demo's statutes can be downloaded and opened.
MINIMAL_PDF = (b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>"
               b"endobj 3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\n"
               b"trailer<</Root 1 0 R>>\n%%EOF\n")

ASSOCIATIONS = [
    {
        "name": "Gellerup Boldklub", "country": "DK", "home": "751", "active": ["741"],
        "registration_number": "13585628", "email": "kontakt@gellerupboldklub.example",
        "address": "Gudrunsvej 10", "postcode": "8220", "city": "Brabrand",
        "purpose": "Foreningens formål er at give børn og unge i Gellerup og Toveshøj mulighed for at spille "
                   "fodbold i et trygt fællesskab og derigennem styrke deres deltagelse i foreningslivet.",
        "activities": "Træning for drenge og piger fra 6 til 17 år fire dage om ugen, weekendkampe i DBU Jylland, "
                      "sommerfodboldskole og forældrecafé hver anden torsdag.",
        "target_groups": ["children", "youth", "families"], "local_areas": "Gellerup\nToveshøj\nBrabrand",
        "languages": ["da", "ar", "so"],
        "board": [("Yusuf Abdi", "chair"), ("Karen Holm", "treasurer"), ("Omar Said", "secretary"),
                  ("Line Mortensen", "member"), ("Hassan Ali", "member")],
        "counts": (180, 152, 24, 1998),
        "roles": ["contact", "activities", "arena"], "motivations": ["premises", "funding", "reach"],
        "collaboration": ["co_creation", "volunteering"],
        "roles_description": "Vores trænere kender familierne og bliver brugt som brobyggere, "
                             "når der er uro i området.",
        "public": True, "submit": True,
    },
    {
        "name": "Nørrebro Lektiecafé", "country": "DK", "home": "101", "active": ["147"],
        "registration_number": None, "email": "hej@lektiecafe-norrebro.example",
        "address": "Nørrebrogade 200", "postcode": "2200", "city": "København N",
        "purpose": "Foreningen vil hjælpe skolebørn på Nørrebro med lektier og give dem lyst til at lære.",
        "activities": "Frivillige studerende hjælper med lektier mandag til torsdag kl. 15–18 på biblioteket.",
        "target_groups": ["children", "youth"], "local_areas": "Mjølnerparken\nNørrebro",
        "languages": ["da", "ar", "ur"],
        "board": [("Sofie Lund", "chair"), ("Ali Rahimi", "treasurer"), ("Ida Krogh", "member")],
        "counts": (42, 35, 30, 2015),
        "roles": ["activities", "voice"], "motivations": ["competence", "recognition"],
        "collaboration": ["roundtable"], "public": True, "submit": False,
    },
    {
        "name": "Hammarkullens Fritidsförening", "country": "SE", "home": "1480", "active": [],
        "registration_number": "802400-0104", "email": "info@hammarkullen-fritid.example",
        "address": "Hammarkulletorget 62", "postcode": "424 37", "city": "Angered",
        "purpose": "Föreningen ska främja en meningsfull fritid för barn och unga i Hammarkullen och verka för "
                   "demokrati, jämställdhet och gemenskap över generationsgränserna.",
        "activities": "Öppen fritidsgård tre kvällar i veckan, tjejgrupp, läxhjälp och sommarlovsaktiviteter.",
        "target_groups": ["youth", "young_adults", "women"], "local_areas": "Hammarkullen\nAngered",
        "languages": ["sv", "ar", "so", "ti"],
        "board": [("Leila Mohammed", "chair"), ("Johan Berg", "treasurer"), ("Fatima Warsame", "secretary")],
        "counts": (95, 80, 18, 2009),
        "roles": ["contact", "dialogue", "mobilising"], "motivations": ["premises", "influence"],
        "collaboration": ["iop", "safe_space"], "public": True, "submit": True,
    },
    {
        "name": "Rosengårds Kulturförening", "country": "SE", "home": "1280", "active": [],
        "registration_number": None, "email": "styrelsen@rosengardkultur.example",
        "address": "Ramels väg 50", "postcode": "213 69", "city": "Malmö",
        "purpose": "Föreningen ska genom kulturaktiviteter skapa mötesplatser för boende i Rosengård.",
        "activities": "Musik- och dansgrupper, kulturkvällar och en årlig stadsdelsfestival.",
        "target_groups": ["adults", "families", "newcomers"], "local_areas": "Rosengård",
        "languages": ["sv", "ar", "bs"],
        "board": [("Amir Hadžić", "chair"), ("Elin Persson", "treasurer")],
        "counts": (60, 48, 12, 2012),
        "roles": ["arena", "activities"], "motivations": ["funding"], "collaboration": ["roundtable"],
        "public": False, "submit": False,
    },
]


def _municipality(country: str, code: str) -> Municipality:
    return db.session.scalars(select(Municipality).where(
        Municipality.country == country, Municipality.code == code)).one()


def _user(email: str, name: str, role: str = "member", municipality: Municipality | None = None) -> User:
    user = User(email=email, display_name=name, password_hash=hash_password(DEMO_PASSWORD), role=role,
                municipality_id=municipality.id if municipality else None,
                locale="sv" if municipality is not None and municipality.country == "SE" else "da",
                email_verified_at=utcnow())
    db.session.add(user)
    db.session.commit()
    return user


def _build(owner: User, spec: dict) -> Association:
    association = profile.create_association(owner, spec["name"], spec["country"])
    home = _municipality(spec["country"], spec["home"])
    profile.save_identity(owner, association, profile.Identity(
        name=spec["name"], country=spec["country"], registration_number=spec["registration_number"],
        no_registration_number=spec["registration_number"] is None, home_municipality_id=home.id,
        active_municipality_ids=[_municipality(spec["country"], c).id for c in spec["active"]],
        address=spec["address"], postcode=spec["postcode"], city=spec["city"], email=spec["email"]))
    profile.save_purpose(owner, association, spec["purpose"], spec["activities"], spec["target_groups"], None,
                         spec["local_areas"], spec["languages"])
    members, paying, volunteers, founded = spec["counts"]
    profile.save_governance(owner, association, profile.Governance(
        board=[profile.BoardRow(name, role, date(2026, 3, 15)) for name, role in spec["board"]],
        member_count=members, paying_member_count=paying, volunteer_count=volunteers, founded_year=founded,
        assembly_elects_board=True, open_to_all=True, non_commercial=True))
    profile.save_roles(owner, association, spec["roles"], spec.get("roles_description"), spec["motivations"],
                       None, spec["collaboration"], None)
    return association


def _complete(owner: User, association: Association, chair: str) -> None:
    locale = "da" if association.country == "DK" else "sv"
    for kind in ("statutes", "minutes", "accounts"):
        files.add_document(owner, association, kind, f"{kind}.pdf", MINIMAL_PDF)
    for text in required_for(association.country):
        role = "Formand" if locale == "da" else "Ordförande"
        files.give_declaration(owner, association, text.kind, locale, chair, role)


def load_demo_content(force: bool = False) -> str:
    """Create the demo accounts and associations unless they exist."""
    if not force and db.session.scalar(select(User).where(User.email == REPRESENTATIVE[0])) is not None:
        return "Demo content is already loaded."
    for email, name, role, country, code in STAFF:
        _user(email, name, role, _municipality(country, code))
    owner = _user(*REPRESENTATIVE)
    for spec in ASSOCIATIONS:
        association = _build(owner, spec)
        if spec["submit"]:
            _complete(owner, association, spec["board"][0][0])
            submission.submit_association(owner, association)
        if spec["public"]:
            submission.set_public_profile(owner, association, True)
    _casework()
    return f"Demo content loaded: {len(ASSOCIATIONS)} associations, {len(STAFF) + 1} accounts."


def _casework() -> None:
    """A qualification under way in Aarhus and a decided screening in Göteborg, so the staff pages have content."""
    from registry.checklists.answering import AnswerInput
    from registry.checklists.services import load_templates
    from registry.qualification.services import open_case
    from registry.screening.services import cases, decisions

    load_templates()
    officer = db.session.scalar(select(User).where(User.email == STAFF[0][0]))
    open_case(officer, db.session.scalar(select(Association).where(Association.name == ASSOCIATIONS[0]["name"])))
    handler = db.session.scalar(select(User).where(User.email == STAFF[2][0]))
    association = db.session.scalar(select(Association).where(Association.name == ASSOCIATIONS[2]["name"]))
    case = cases.open_screening(handler, association, "se_grant_premises", True, True, "sv")
    answers = [AnswerInput(
        item_key=item["key"], answer="does_not_apply" if item.get("answer_type") == "exception" else "met",
        note="Stadgar, årsmötesprotokoll och föreningens webbplats genomgångna; inget tyder på brott mot villkoren.",
        evidence_type="observation", evidence_observed_on=date(2026, 10, 12),
        evidence_source="Besök hos föreningen och genomgång av dess webbplats") for item in case.items]
    cases.save_screening_answers(handler, case, case.lock_version, answers)
    decisions.propose_decision(handler, case, decisions.DecisionInput(
        grant_outcome="eligible", premises_outcome="eligible", conditions=None, rules_applied=None,
        considerations=None, facts=None, hearing_not_needed_because=None))
