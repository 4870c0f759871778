"""The fixed vocabularies of an association's profile, stored as keys."""

from flask_babel import lazy_gettext as _l

from registry.core.choices import Choices

COUNTRIES = Choices(
    ("DK", _l("Denmark")),
    ("SE", _l("Sweden")),
)

STATUSES = Choices(
    ("draft", _l("Draft")),
    ("submitted", _l("Submitted")),
)

# An association's standing with one municipality, set by that municipality's qualification.
PARTNER_STATUSES = Choices(
    ("submitted", _l("Submitted")),
    ("in_qualification", _l("In qualification")),
    ("qualified", _l("Qualified")),
    ("not_qualified", _l("Not qualified")),
)

# Roles a civil-society partner can take in local prevention and inclusion work,
# after the Danish handbook on involving civil society (domain.md §4.1).
ROLES = Choices(
    ("contact", _l("Contact into hard-to-reach milieus"),
     _l("We have trust and daily contact with people the municipality rarely reaches, "
        "and can open doors to them.")),
    ("dialogue", _l("Mediating dialogue"),
     _l("We can bring people with different views together and help them talk, "
        "including when there is tension or conflict.")),
    ("mobilising", _l("Mobilising local associations and resource persons"),
     _l("We can quickly gather other associations, key people and volunteers, "
        "for instance when unrest or polarisation threatens the area.")),
    ("voice", _l("Voice for vulnerable citizens"),
     _l("We speak for people who are seldom heard and pass on their experience to the municipality.")),
    ("activities", _l("Provider of social activities"),
     _l("We run regular activities – sport, homework help, cultural or leisure activities – "
        "that give people a positive community.")),
    ("arena", _l("Arena for inclusion and participation"),
     _l("We offer a place where newcomers and others can take part, take responsibility "
        "and practise democratic participation.")),
    ("other", _l("Other role"),
     _l("Describe the role in your own words below.")),
)

MOTIVATIONS = Choices(
    ("competence", _l("Competence and capacity building")),
    ("premises", _l("Access to premises")),
    ("funding", _l("Funding")),
    ("influence", _l("Influence on local decisions")),
    ("reach", _l("Reaching more people")),
    ("recognition", _l("Recognition of our work")),
    ("other", _l("Other motivation")),
)

COLLABORATION_FORMS = Choices(
    ("co_creation", _l("Partnership with a co-creation approach"),
     _l("Association and municipality define the goal and the work together.")),
    ("roundtable", _l("Roundtable debates"),
     _l("Recurring meetings where associations, citizens and municipality discuss local issues.")),
    ("safe_space", _l("Safe-space dialogues"),
     _l("Confidential conversations where difficult subjects can be raised without fear.")),
    ("iop", _l("Idea-based public partnership (IOP)"),
     _l("A Swedish form of long-term partnership between an idea-based organisation and the public "
        "sector, outside public procurement.")),
    ("volunteering", _l("Volunteering in municipal activities"),
     _l("Our volunteers take part in activities the municipality runs.")),
)

TARGET_GROUPS = Choices(
    ("children", _l("Children (0–12 years)")),
    ("youth", _l("Young people (13–17 years)")),
    ("young_adults", _l("Young adults (18–29 years)")),
    ("adults", _l("Adults")),
    ("seniors", _l("Older people")),
    ("families", _l("Families")),
    ("newcomers", _l("Refugees and newly arrived immigrants")),
    ("disability", _l("People with disabilities")),
    ("vulnerable", _l("Socially vulnerable people")),
    ("women", _l("Women and girls")),
)

# ISO 639-1 codes; names come from Babel in the reader's language.
WORK_LANGUAGES = ("da", "sv", "en", "ar", "so", "tr", "fa", "ur", "ps", "ti", "ku", "bs", "pl", "uk",
                  "de", "es", "fr", "ru", "fi", "no")

BOARD_ROLES = Choices(
    ("chair", _l("Chair")),
    ("vice_chair", _l("Vice-chair")),
    ("treasurer", _l("Treasurer")),
    ("secretary", _l("Secretary")),
    ("member", _l("Board member")),
    ("alternate", _l("Alternate member")),
)

DOCUMENT_KINDS = Choices(
    ("statutes", _l("Statutes")),
    ("minutes", _l("Minutes of the last general assembly")),
    ("accounts", _l("Latest annual accounts")),
    ("other", _l("Other document")),
)
REQUIRED_DOCUMENTS = ("statutes", "minutes", "accounts")

RIGHTS = Choices(
    ("owner", _l("Owner"), _l("Can edit everything, submit, and invite or remove representatives.")),
    ("editor", _l("Editor"), _l("Can edit the profile, upload documents and give declarations.")),
)

SELECTION_KINDS = {
    "role": ROLES,
    "motivation": MOTIVATIONS,
    "collaboration": COLLABORATION_FORMS,
    "target_group": TARGET_GROUPS,
}
