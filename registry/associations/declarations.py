"""The texts of the declarations an association gives, versioned.

A given declaration stores the version key and the exact text shown, so that a later
change of wording never alters what was declared. Change a text → bump its version.
"""

from dataclasses import dataclass

from flask_babel import lazy_gettext as _l

from registry.core.i18n import localized


@dataclass(frozen=True)
class DeclarationText:
    """One declaration: which countries ask for it, its version, its legal source and texts."""

    kind: str
    version: str
    countries: tuple[str, ...]
    title: object
    source: dict[str, str]
    texts: dict[str, dict[str, str]]  # country → locale → text

    def text(self, country: str, locale: str) -> str:
        """The wording for an association of this country, in the reader's language."""
        return localized(self.texts[country], locale)


CHILD_CERTIFICATES = DeclarationText(
    kind="child_certificates",
    version="2026-11",
    countries=("DK",),
    title=_l("Declaration on child-protection certificates (børneattest)"),
    source={"DK": "Folkeoplysningsloven § 4, stk. 4, og § 33, stk. 7"},
    texts={"DK": {
        "da": ("Foreningen erklærer, at den indhenter børneattest, jf. folkeoplysningslovens § 4, stk. 4, "
               "i det omfang foreningen ansætter eller beskæftiger personer, der som led i udførelsen af "
               "deres opgaver har direkte kontakt med eller på anden måde færdes blandt børn under 15 år."),
        "sv": ("Föreningen försäkrar att den hämtar in barnattest (børneattest) enligt 4 § stycke 4 i den "
               "danska folkoplysningslagen (folkeoplysningsloven), i den utsträckning föreningen anställer "
               "eller engagerar personer som i sina uppgifter har direkt kontakt med eller på annat sätt "
               "regelbundet vistas bland barn under 15 år."),
        "en": ("The association declares that it obtains child-protection certificates (børneattest), cf. "
               "section 4(4) of the Danish folkeoplysningslov, to the extent that it employs or engages "
               "persons who, as part of their tasks, have direct contact with or otherwise regularly spend "
               "time among children under 15."),
    }},
)

DEMOCRACY = DeclarationText(
    kind="democracy",
    version="2026-11",
    countries=("DK", "SE"),
    title=_l("Declaration on democracy and fundamental rights"),
    source={"DK": "Folkeoplysningsloven § 4 a og § 44 a",
            "SE": "Kommunens demokrativillkor för föreningsbidrag"},
    texts={
        "DK": {
            "da": ("Foreningen erklærer, at hverken dens formål eller dens adfærd modarbejder eller "
                   "underminerer demokrati eller grundlæggende friheds- og menneskerettigheder, jf. "
                   "folkeoplysningslovens § 4 a og § 44 a. Foreningen vil straks oplyse kommunen, hvis der "
                   "sker ændringer, som har betydning for denne erklæring."),
            "sv": ("Föreningen försäkrar att varken dess syfte eller dess agerande motarbetar eller undergräver "
                   "demokratin eller de grundläggande fri- och rättigheterna, enligt 4 a § och 44 a § i den "
                   "danska folkoplysningslagen. Föreningen underrättar genast kommunen om förhållanden som "
                   "påverkar denna försäkran ändras."),
            "en": ("The association declares that neither its purpose nor its conduct works against or "
                   "undermines democracy or fundamental freedoms and human rights, cf. sections 4 a and 44 a "
                   "of the Danish folkeoplysningslov. The association will inform the municipality at once "
                   "of any change that matters for this declaration."),
        },
        "SE": {
            "da": ("Foreningen erklærer, at den og dens repræsentanter i virksomheden ikke udøver vold, tvang "
                   "eller trusler, ikke krænker andres rettigheder, ikke diskriminerer eller på anden måde "
                   "bryder med princippet om alle menneskers lige værd, ikke forsvarer, fremmer eller opfordrer "
                   "til sådanne handlinger og ikke modarbejder den demokratiske styreform. Foreningen vil straks "
                   "oplyse kommunen om ændringer, som har betydning for denne erklæring."),
            "sv": ("Föreningen försäkrar att föreningen och dess företrädare inom ramen för verksamheten inte "
                   "utövar våld, tvång eller hot eller på annat sätt kränker någons grundläggande fri- och "
                   "rättigheter, inte diskriminerar eller på annat sätt bryter mot principen om alla människors "
                   "lika värde, inte försvarar, främjar eller uppmanar till sådana handlingar och inte "
                   "motverkar det demokratiska styrelseskicket. Föreningen underrättar genast kommunen om "
                   "förhållanden som påverkar denna försäkran ändras."),
            "en": ("The association declares that neither it nor its representatives, within its activities, "
                   "use violence, coercion or threats or otherwise violate anyone's fundamental rights and "
                   "freedoms, discriminate or otherwise breach the principle of the equal worth of all people, "
                   "defend, promote or incite such acts, or counteract the democratic form of government. The "
                   "association will inform the municipality at once of any change that matters for this "
                   "declaration."),
        },
    },
)

ALL = (CHILD_CERTIFICATES, DEMOCRACY)
BY_KIND = {declaration.kind: declaration for declaration in ALL}


def required_for(country: str) -> list[DeclarationText]:
    """The declarations an association of this country is asked for."""
    return [declaration for declaration in ALL if country in declaration.countries]
