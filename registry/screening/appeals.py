"""Appeal information per country, shipped as defaults that each municipality may edit.

Denmark: folkeoplysningsloven leaves every decision on grants and premises to the municipality (§ 33, stk. 1)
and opens no administrative appeal, so forvaltningsloven § 25's duty of appeal guidance does not apply. The
text says so, and names the supervision authority and the Ombudsman, without calling itself a "klagevejledning".

Sweden: a nämnd's decision on föreningsbidrag or premises is reviewed by laglighetsprövning under 13 kap.
kommunallagen (2017:725): only a member of the municipality may appeal, in writing to the förvaltningsrätt within
three weeks of the notice that the minutes were approved; the court tries lawfulness only and can only annul.
"""

from flask_babel import lazy_gettext as _l

#: The heading over the appeal information in a letter, by the deciding municipality's country.
HEADINGS = {
    "DK": _l("Can the decision be appealed?"),
    "SE": _l("How to appeal"),
}

DEFAULTS: dict[str, dict[str, str]] = {
    "DK": {
        "da": (
            "Afgørelsen kan ikke indbringes for en anden administrativ myndighed. Efter folkeoplysningsloven "
            "træffer kommunen afgørelse i alle forhold vedrørende tilskud og anvisning af lokaler (§ 33, stk. 1), "
            "og loven giver ikke adgang til at klage over afgørelsen til en anden myndighed. Det samme gælder "
            "tilskud og lokaler efter andre regler, fx kommunalfuldmagten.\n\n"
            "Mener I, at afgørelsen er forkert, eller har I nye oplysninger, kan I skrive til kommunen og bede om, "
            "at sagen bliver genoptaget.\n\n"
            "Ankestyrelsen fører tilsyn med, at kommunerne overholder den lovgivning, der særligt gælder for "
            "offentlige myndigheder. Ankestyrelsen er ikke klageinstans, men I kan henvende jer dertil, og "
            "Ankestyrelsen vurderer selv, om der er grundlag for at rejse en tilsynssag.\n\n"
            "I kan også klage til Folketingets Ombudsmand. En klage til ombudsmanden skal være indgivet senest "
            "12 måneder efter afgørelsen (ombudsmandslovens § 13, stk. 3)."),
        "sv": (
            "Beslutet kan inte överklagas till en annan förvaltningsmyndighet. Enligt den danska folkbildningslagen "
            "(folkeoplysningsloven) beslutar kommunen i alla frågor om bidrag och anvisning av lokaler (33 § första "
            "stycket), och lagen ger ingen rätt att överklaga beslutet till en annan myndighet. Detsamma gäller "
            "bidrag och lokaler enligt andra regler, t.ex. kommunalfuldmagten (kommunernas allmänna befogenhet).\n\n"
            "Anser ni att beslutet är felaktigt, eller har ni nya uppgifter, kan ni skriva till kommunen och be att "
            "ärendet prövas på nytt.\n\n"
            "Ankestyrelsen har tillsyn över att kommunerna följer den lagstiftning som särskilt gäller för "
            "offentliga myndigheter. Ankestyrelsen är ingen överklagandeinstans, men ni kan vända er dit, och "
            "Ankestyrelsen avgör själv om det finns skäl att inleda ett tillsynsärende.\n\n"
            "Ni kan också klaga till Folketingets ombudsman. Klagomålet ska ha kommit in senast 12 månader efter "
            "beslutet (13 § tredje stycket i den danska ombudsmannalagen)."),
        "en": (
            "The decision cannot be brought before another administrative authority. Under the folkeoplysningslov "
            "the municipality decides all matters of grants and the allocation of premises (section 33(1)), and the "
            "Act gives no right to appeal the decision to another authority. The same holds for grants and premises "
            "under other rules, such as the municipalities' general powers (kommunalfuldmagten).\n\n"
            "If you think the decision is wrong, or you have new information, you can write to the municipality "
            "and ask it to reopen the case.\n\n"
            "Ankestyrelsen (the Danish Appeals Board) supervises that municipalities comply with the legislation "
            "that applies specifically to public authorities. It is not an appeal body, but you can contact it, "
            "and it decides itself whether there are grounds to open a supervision case.\n\n"
            "You can also complain to the Parliamentary Ombudsman (Folketingets Ombudsmand). A complaint must be "
            "made within 12 months of the decision (section 13(3) of the Ombudsman Act)."),
    },
    "SE": {
        "sv": (
            "Beslutet kan överklagas genom laglighetsprövning enligt 13 kap. kommunallagen (2017:725).\n\n"
            "Vem kan överklaga? Den som är medlem i kommunen, det vill säga är folkbokförd i kommunen, äger fast "
            "egendom i kommunen eller ska betala kommunalskatt där (1 kap. 5 § kommunallagen). Föreningens "
            "medlemmar som är folkbokförda i kommunen kan alltså överklaga, medan föreningen själv ofta inte kan "
            "det.\n\n"
            "Vad prövar domstolen? Förvaltningsrätten prövar bara om beslutet har kommit till på ett lagligt sätt "
            "(13 kap. 8 § kommunallagen). Den kan upphäva beslutet men inte ersätta det med ett annat beslut.\n\n"
            "Så här gör ni: Skriv till förvaltningsrätten. Ange vilket beslut ni överklagar och varför det ska "
            "upphävas. Överklagandet ska ha kommit in till förvaltningsrätten inom tre veckor från den dag då det "
            "tillkännagavs på kommunens anslagstavla att protokollet med beslutet har justerats (13 kap. 5 § "
            "kommunallagen). Ett beslut som fattats på delegation tas upp i protokollet från det sammanträde där det "
            "anmäls till nämnden, eller i ett särskilt protokoll över beslutet; tiden räknas från tillkännagivandet av "
            "det protokollet. Kommunen kan berätta när det sker.\n\n"
            "Anser ni att beslutet bygger på felaktiga uppgifter, eller har ni nya uppgifter, kan ni också kontakta "
            "kommunen."),
        "da": (
            "Afgørelsen kan prøves ved en lovlighedsprøvelse (laglighetsprövning) efter 13. kapitel i den svenske "
            "kommunallov (kommunallagen, 2017:725).\n\n"
            "Hvem kan klage? Den, der er medlem af kommunen, dvs. er folkeregistreret i kommunen, ejer fast ejendom "
            "i kommunen eller skal betale kommuneskat dér (1. kapitel § 5 i kommunallagen). Foreningens medlemmer, "
            "der er folkeregistreret i kommunen, kan altså klage, mens foreningen selv ofte ikke kan.\n\n"
            "Hvad prøver domstolen? Forvaltningsdomstolen (förvaltningsrätten) prøver kun, om afgørelsen er truffet "
            "på lovlig vis (13. kapitel § 8 i kommunallagen). Den kan ophæve afgørelsen, men ikke erstatte den med "
            "en anden.\n\n"
            "Sådan gør I: Skriv til förvaltningsrätten. Angiv, hvilken afgørelse I klager over, og hvorfor den skal "
            "ophæves. Klagen skal være modtaget af förvaltningsrätten inden tre uger fra den dag, hvor det blev "
            "bekendtgjort på kommunens opslagstavle (anslagstavla), at protokollen med afgørelsen er justeret "
            "(13. kapitel § 5 i kommunallagen). En afgørelse truffet efter delegation kommer med i protokollen fra "
            "det møde, hvor den meddeles nævnet, eller i en særskilt protokol over afgørelsen; fristen regnes fra "
            "bekendtgørelsen af den protokol. Kommunen kan oplyse, hvornår det sker.\n\n"
            "Mener I, at afgørelsen bygger på forkerte oplysninger, eller har I nye oplysninger, kan I også kontakte "
            "kommunen."),
        "en": (
            "The decision can be reviewed by a legality review (laglighetsprövning) under chapter 13 of the Swedish "
            "Local Government Act (kommunallagen, 2017:725).\n\n"
            "Who can appeal? A member of the municipality, that is a person registered as resident there, owning "
            "real property there or liable to pay municipal tax there (chapter 1, section 5 of the Act). Members of "
            "the association who are registered as resident in the municipality can therefore appeal, while the "
            "association itself often cannot.\n\n"
            "What does the court review? The administrative court (förvaltningsrätten) only reviews whether the "
            "decision was made lawfully (chapter 13, section 8). It can annul the decision but cannot replace it "
            "with another.\n\n"
            "How to appeal: Write to the administrative court. State which decision you appeal and why it should "
            "be annulled. The appeal must reach the court within three weeks of the day on which the municipality's "
            "official notice board announced that the minutes containing the decision had been approved "
            "(chapter 13, section 5). A decision made under delegation is entered in the minutes of the meeting at "
            "which it is reported to the committee, or in separate minutes of the decision; the three weeks run "
            "from the notice of those minutes. The municipality can tell you when that happens.\n\n"
            "If you think the decision rests on incorrect information, or you have new information, you can also "
            "contact the municipality."),
    },
}


def defaults_for(country: str) -> dict[str, str]:
    """The shipped appeal information of a country, in da, sv and en (a copy the caller may change)."""
    return dict(DEFAULTS[country])
