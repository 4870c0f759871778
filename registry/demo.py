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
    ("admin@goteborg.example", "Johan Ek", "administrator", "SE", "1480"),
]
# What each demo municipality fills in before its first decision. Demo texts, not the municipalities' real rules.
SETTINGS = {
    "751": {"delegation": "Delegationsplan for Kultur- og Borgerserviceudvalget, pkt. 4.2 (demo)",
            "rules_name": "Retningslinjer for tilskud og lokaler til folkeoplysende foreninger (demo)",
            "rules_adopted_on": date(2025, 2, 24)},
    "1480": {"delegation": "Kultur- och fritidsnämndens delegationsordning, punkt 3.4 (demo)",
             "rules_name": "Regler för föreningsbidrag (demo)", "rules_adopted_on": date(2025, 1, 30),
             "democracy_grounds": {"violence": "avsnitt 4.1", "discrimination": "avsnitt 4.2",
                                   "promoting": "avsnitt 4.3", "counteracting_democracy": "avsnitt 4.4",
                                   "special_reasons": "avsnitt 4.5"}},
}
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


def _staff(email: str) -> User:
    return db.session.scalar(select(User).where(User.email == email))


def _association(name: str) -> Association:
    return db.session.scalar(select(Association).where(Association.name == name))


def _casework() -> None:
    """Filled-in decision settings, a qualification under way in Aarhus, and a decided screening with an award in
    Aarhus and in Göteborg, so that the staff pages, letters and the § 35 a list have content."""
    from contextlib import nullcontext

    from flask import current_app, has_request_context

    from registry.awards.services import AwardInput, record_award
    from registry.checklists.services import load_templates
    from registry.qualification.services import open_case
    from registry.screening.services import settings

    load_templates()
    for email, code in ((STAFF[1][0], "751"), (STAFF[3][0], "1480")):
        admin = _staff(email)
        current = settings.settings_for(admin.municipality_id)
        settings.save_settings(admin, current, settings.SettingsInput(**{
            **{name: getattr(current, name) for name in settings.SettingsInput.__dataclass_fields__},
            **SETTINGS[code]}))
    officer, handler = _staff(STAFF[0][0]), _staff(STAFF[2][0])
    open_case(officer, _association(ASSOCIATIONS[0]["name"]))
    # The decision e-mails carry absolute links: to where `flask demo load --base-url` says the app is served.
    # A context of its own only for a caller without one, whose links could not point anywhere real anyway.
    with nullcontext() if has_request_context() else current_app.test_request_context():
        for actor, name, basis, note in (
                (officer, ASSOCIATIONS[0]["name"], "dk_fol_stk3",
                 "Vedtægt, referat og regnskab gennemgået, og foreningen besøgt; alle betingelser er opfyldt."),
                (handler, ASSOCIATIONS[2]["name"], "se_grant_premises",
                 "Stadgar, årsmötesprotokoll och föreningens webbplats genomgångna; villkoren är uppfyllda.")):
            case = _decided(actor, _association(name), basis, note)
            record_award(actor, case, AwardInput(year=date.today().year, grant=True, premises=False, amount=25000,
                                                 decision_reference="Demo: udvalgsmøde / nämndsammanträde 1",
                                                 nothing_new=True))


def _decided(actor: User, association: Association, basis: str, note: str):
    """A screening of grant and premises, every criterion met with evidence, decided eligible."""
    from registry.checklists.answering import AnswerInput
    from registry.screening import criteria
    from registry.screening.services import cases, decisions

    case, _opened = cases.open_screening(actor, association, basis, True, True, actor.locale)
    answers = [AnswerInput(
        item_key=item["key"], answer="not_relevant" if criteria.criterion_of(item) == criteria.SPECIAL_REASONS
        else "met", note=note, evidence_type="observation", evidence_observed_on=date.today(),
        evidence_source="Demo") for item in case.items]
    cases.save_screening_answers(actor, case, case.lock_version, answers)
    decisions.propose_decision(actor, case, decisions.DecisionInput(
        grant_outcome="eligible", premises_outcome="eligible", conditions=None, rules_applied=None,
        considerations=None, facts=None, hearing_not_needed_because=None))
    return case
