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
    version="2026-12",
    countries=("DK",),
    title=_l("Declaration on child-protection certificates (børneattest)"),
    source={"DK": "Folkeoplysningsloven § 4, stk. 4, og § 33, stk. 7"},
    # The Danish text quotes folkeoplysningsloven § 4, stk. 4, 1. pkt., word for word from «personer, der som led …»
    # to «… disse børn»; the declaration belongs to each application (the current application period).
    texts={"DK": {
        "da": ("Foreningen erklærer, at den indhenter børneattester, i det omfang foreningen ansætter eller "
               "beskæftiger personer, der som led i udførelsen af deres opgaver skal have direkte kontakt med børn "
               "under 15 år, og personer, der som led i udførelsen af deres opgaver færdes fast blandt børn under "
               "15 år og derved har mulighed for at opnå direkte kontakt med disse børn, jf. folkeoplysningslovens "
               "§ 4, stk. 4. Erklæringen afgives i forbindelse med foreningens ansøgning om tilskud eller anvisning "
               "af lokaler i den aktuelle ansøgningsperiode. Foreningen er bekendt med, at pligten til at afgive "
               "erklæringen gælder, også selv om foreningen på tidspunktet for erklæringen ikke ansætter eller "
               "beskæftiger sådanne personer."),
        "sv": ("Föreningen försäkrar att den hämtar in børneattester (utdrag ur det danska kriminalregistret för "
               "personer som ska arbeta med barn) i den utsträckning föreningen anställer eller sysselsätter "
               "personer som, som ett led i utförandet av sina uppgifter, ska ha direkt kontakt med barn under 15 år, "
               "och personer som, som ett led i utförandet av sina uppgifter, regelbundet vistas bland barn under "
               "15 år och därigenom har möjlighet att få direkt kontakt med dessa barn, enligt 4 § fjärde stycket i "
               "den danska folkbildningslagen (folkeoplysningsloven). Försäkran lämnas i samband med föreningens "
               "ansökan om bidrag eller anvisning av lokaler under den aktuella ansökningsperioden. Föreningen känner "
               "till att skyldigheten att lämna försäkran gäller även om föreningen när försäkran lämnas inte "
               "anställer eller sysselsätter sådana personer."),
        "en": ("The association declares that it obtains child-protection certificates (børneattester) to the "
               "extent that it employs or engages persons who, as part of performing their tasks, are to have direct "
               "contact with children under 15, and persons who, as part of performing their tasks, are regularly "
               "present among children under 15 and thereby have the opportunity to gain direct contact with those "
               "children, cf. section 4(4) of the Danish Public Enlightenment Act (folkeoplysningsloven). The "
               "declaration is given in connection with the association's application for grants or the allocation "
               "of premises in the current application period. The association is aware that the duty to give this "
               "declaration applies even if, at the time of the declaration, it does not employ or engage such "
               "persons."),
    }},
)

DEMOCRACY = DeclarationText(
    kind="democracy",
    version="2026-12",
    countries=("DK", "SE"),
    title=_l("Declaration on democracy and fundamental rights"),
    source={"DK": "Folkeoplysningsloven § 4 a og § 44 a",
            "SE": "Kommunens egna demokrativillkor för föreningsbidrag"},
    texts={
        "DK": {
            "da": ("Foreningen erklærer, at hverken dens formål eller dens adfærd modarbejder eller "
                   "underminerer demokrati eller grundlæggende friheds- og menneskerettigheder, jf. "
                   "folkeoplysningslovens § 4 a og § 44 a. Foreningen vil straks oplyse kommunen, hvis der "
                   "sker ændringer, som har betydning for denne erklæring."),
            "sv": ("Föreningen försäkrar att varken dess syfte eller dess agerande motarbetar eller undergräver "
                   "demokrati eller grundläggande fri- och rättigheter och mänskliga rättigheter, enligt 4 a § och "
                   "44 a § i den danska folkbildningslagen (folkeoplysningsloven). Föreningen underrättar genast "
                   "kommunen om något ändras som har betydelse för denna försäkran."),
            "en": ("The association declares that neither its purpose nor its conduct works against or "
                   "undermines democracy or fundamental freedoms and human rights, cf. sections 4 a and 44 a "
                   "of the Danish Public Enlightenment Act (folkeoplysningsloven). The association will inform the "
                   "municipality at once of any change that matters for this declaration."),
        },
        "SE": {
            "da": ("Foreningen erklærer efter kommunens egne demokrativillkor for foreningstilskud, at hverken "
                   "foreningen eller dens repræsentanter (företrädare) inden for rammerne af foreningens virksomhed "
                   "udøver vold, tvang eller trusler eller på anden måde krænker nogens grundlæggende friheder og "
                   "rettigheder, diskriminerer eller på anden måde bryder med princippet om alle menneskers lige "
                   "værd, forsvarer, fremmer eller opfordrer til sådanne handlinger eller modarbejder den "
                   "demokratiske styreform. Foreningen vil straks oplyse kommunen om ændringer, som har betydning "
                   "for denne erklæring."),
            "sv": ("Föreningen försäkrar enligt kommunens egna demokrativillkor för föreningsbidrag att varken "
                   "föreningen eller dess företrädare inom ramen för verksamheten utövar våld, tvång eller hot eller "
                   "på annat sätt kränker någons grundläggande fri- och rättigheter, diskriminerar eller på annat "
                   "sätt bryter mot principen om alla människors lika värde, försvarar, främjar eller uppmanar till "
                   "sådana handlingar eller motverkar det demokratiska styrelseskicket. Föreningen underrättar "
                   "genast kommunen om något ändras som har betydelse för denna försäkran."),
            "en": ("The association declares, under the municipality's own democracy conditions for association "
                   "grants, that neither it nor its representatives (företrädare), within the association's "
                   "activities, use violence, coercion or threats or otherwise violate anyone's fundamental rights "
                   "and freedoms, discriminate or otherwise breach the principle of the equal worth of all people, "
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
