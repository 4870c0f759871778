"""Word pools for realistic Danish and Swedish associations (used by bench/seed.py only).

Nothing here is real: the places exist, the associations, people and numbers are invented.
"""

# Neighbourhoods and towns per municipality (country, code); other municipalities fall back to
# their own name plus a few generic parts of town.
PLACES = {
    ("DK", "751"): ["Brabrand", "Gellerup", "Toveshøj", "Bispehaven", "Viby", "Hasle", "Trige", "Tilst",
                    "Åbyhøj", "Risskov", "Højbjerg", "Tranbjerg", "Lystrup", "Skejby", "Frederiksbjerg",
                    "Trøjborg", "Vejlby", "Skovgårdsparken", "Herredsvang", "Hasle Bakker", "Sabro", "Harlev",
                    "Mårslet", "Egå", "Hjortshøj", "Aarhus Midtby", "Aarhus Vest", "Aarhus Nord"],
    ("DK", "101"): ["Nørrebro", "Mjølnerparken", "Tingbjerg", "Husum", "Bispebjerg", "Sydhavnen", "Amager",
                    "Urbanplanen", "Valby", "Vesterbro", "Østerbro", "Brønshøj", "Vanløse"],
    ("DK", "461"): ["Vollsmose", "Odense Øst", "Bolbro", "Dalum", "Tarup", "Korsløkke", "Munkebjerg"],
    ("DK", "851"): ["Aalborg Øst", "Hasseris", "Nørresundby", "Vejgaard", "Gug", "Svenstrup"],
    ("DK", "175"): ["Rødovre", "Islev", "Jyllingevej"],
    ("DK", "167"): ["Hvidovre", "Avedøre", "Friheden"],
    ("SE", "1480"): ["Hammarkullen", "Angered", "Biskopsgården", "Bergsjön", "Hjällbo", "Gårdsten", "Lövgärdet",
                     "Tynnered", "Frölunda", "Majorna", "Kortedala", "Backa", "Lindholmen", "Tuve", "Torslanda",
                     "Kviberg", "Rannebergen", "Eriksbo", "Länsmansgården", "Gamlestaden", "Högsbo", "Askim",
                     "Hisingen", "Linnéstaden"],
    ("SE", "0180"): ["Rinkeby", "Tensta", "Husby", "Skärholmen", "Hässelby", "Bagarmossen", "Farsta",
                     "Södermalm", "Kista", "Vårby gård"],
    ("SE", "1280"): ["Rosengård", "Seved", "Lindängen", "Holma", "Kroksbäck", "Hermodsdal", "Möllevången",
                     "Fosie"],
    ("SE", "0380"): ["Gottsunda", "Valsätra", "Stenhagen", "Eriksberg", "Sävja"],
}
GENERIC_PLACES = {
    "DK": ["{m}", "{m} Nord", "{m} Syd", "{m} Øst", "{m} Vest", "{m} Midtby"],
    "SE": ["{m}", "{m} centrum", "Norra {m}", "Södra {m}", "Östra {m}", "Västra {m}"],
}

# Name kinds: (pattern, theme). {p} is the place; {ps} the Swedish genitive of the place.
NAMES = {
    "DK": [
        ("{p} Boldklub", "football"), ("{p} Idrætsforening", "sport"), ("{p} IF", "sport"),
        ("{p} Håndboldklub", "handball"), ("{p} Lektiecafé", "homework"), ("Lektiehjælpen {p}", "homework"),
        ("{p} Kulturforening", "culture"), ("{p} Seniorklub", "seniors"), ("Ældresagen {p}", "seniors"),
        ("{p} Fritidsklub", "leisure"), ("{p} Kvindeforening", "women"), ("Kvindernes Netværk {p}", "women"),
        ("{p} Forældreforening", "families"), ("{p} Beboerforening", "residents"),
        ("{p} Svømmeklub", "swimming"), ("{p} Skakklub", "chess"), ("{p} Musikforening", "music"),
        ("{p} Spejdergruppe", "scouts"), ("{p} Bokseklub", "boxing"), ("{p} Ungdomsklub", "youth"),
        ("{p} Løbeklub", "running"), ("{p} Teaterforening", "theatre"), ("{p} Frivilligcenter", "volunteering"),
        ("Dansk-Somalisk Forening {p}", "diaspora"), ("Arabisk Kulturforening {p}", "diaspora"),
        ("{p} Madklub", "food"), ("{p} Fodboldskole", "football"), ("FC {p}", "football"),
        ("{p} Basketballklub", "basketball"), ("{p} Dansestudie", "dance"),
    ],
    "SE": [
        ("{ps} Fritidsförening", "leisure"), ("{p} IF", "sport"), ("{ps} Bollklubb", "football"),
        ("{p} FC", "football"), ("{ps} Handbollsklubb", "handball"), ("Läxhjälpen {p}", "homework"),
        ("{ps} Läxhjälpsförening", "homework"), ("{ps} Kulturförening", "culture"), ("PRO {p}", "seniors"),
        ("{ps} Seniorförening", "seniors"), ("{ps} Kvinnoförening", "women"), ("Tjejjouren {p}", "women"),
        ("{ps} Föräldraförening", "families"), ("Hyresgästföreningen {p}", "residents"),
        ("{ps} Simsällskap", "swimming"), ("{ps} Schackklubb", "chess"), ("{ps} Musikförening", "music"),
        ("{p} Scoutkår", "scouts"), ("{p} Boxningsklubb", "boxing"), ("{ps} Ungdomsförening", "youth"),
        ("{p} Löparklubb", "running"), ("{ps} Teaterförening", "theatre"), ("Volontärcentralen {p}", "volunteering"),
        ("Somaliska Föreningen i {p}", "diaspora"), ("Arabiska Kulturföreningen {p}", "diaspora"),
        ("{ps} Matförening", "food"), ("{ps} Fotbollsskola", "football"), ("{ps} Basketklubb", "basketball"),
        ("{ps} Dansförening", "dance"),
    ],
}

# What each theme is about, per country: the words an officer would search for.
THEME_WORDS = {
    "DK": {
        "football": ["fodbold", "fodboldtræning", "fodboldskole"],
        "sport": ["idræt", "fodbold", "motion", "gymnastik"],
        "handball": ["håndbold"], "homework": ["lektiehjælp", "lektiecafé", "matematik", "læsning"],
        "culture": ["kultur", "musik", "dans", "kulturaftener"], "seniors": ["seniorer", "ældre", "fællesskab"],
        "leisure": ["fritid", "fritidsaktiviteter", "ture"], "women": ["kvinder", "piger", "netværk"],
        "families": ["familier", "forældre", "børn"], "residents": ["beboere", "boligområdet", "naboskab"],
        "swimming": ["svømning", "svømmeundervisning"], "chess": ["skak"], "music": ["musik", "kor", "sang"],
        "scouts": ["spejder", "natur", "friluftsliv"], "boxing": ["boksning", "kampsport"],
        "youth": ["unge", "ungdomsklub", "fritid"], "running": ["løb", "motion"],
        "theatre": ["teater", "drama"], "volunteering": ["frivillige", "frivilligt arbejde"],
        "diaspora": ["kultur", "modersmål", "integration"], "food": ["fællesspisning", "madlavning"],
        "basketball": ["basketball"], "dance": ["dans", "hiphop", "folkedans"],
    },
    "SE": {
        "football": ["fotboll", "fotbollsträning", "fotbollsskola"],
        "sport": ["idrott", "fotboll", "motion", "gymnastik"],
        "handball": ["handboll"], "homework": ["läxhjälp", "läxläsning", "matematik", "läsning"],
        "culture": ["kultur", "musik", "dans", "kulturkvällar"], "seniors": ["seniorer", "äldre", "gemenskap"],
        "leisure": ["fritid", "fritidsgård", "utflykter"], "women": ["kvinnor", "tjejer", "nätverk"],
        "families": ["familjer", "föräldrar", "barn"], "residents": ["boende", "bostadsområdet", "grannskap"],
        "swimming": ["simning", "simundervisning"], "chess": ["schack"], "music": ["musik", "kör", "sång"],
        "scouts": ["scouting", "natur", "friluftsliv"], "boxing": ["boxning", "kampsport"],
        "youth": ["unga", "ungdomsgård", "fritid"], "running": ["löpning", "motion"],
        "theatre": ["teater", "drama"], "volunteering": ["volontärer", "ideellt arbete"],
        "diaspora": ["kultur", "modersmål", "integration"], "food": ["gemensamma måltider", "matlagning"],
        "basketball": ["basket"], "dance": ["dans", "hiphop", "folkdans"],
    },
}

# Theme → target groups that are likely (the rest are drawn at random).
THEME_GROUPS = {
    "football": ["children", "youth"], "sport": ["children", "youth", "young_adults"], "handball": ["youth"],
    "homework": ["children", "youth"], "culture": ["adults", "families"], "seniors": ["seniors"],
    "leisure": ["youth", "young_adults"], "women": ["women"], "families": ["families", "children"],
    "residents": ["adults", "families"], "swimming": ["children"], "chess": ["youth", "seniors"],
    "music": ["youth", "adults"], "scouts": ["children", "youth"], "boxing": ["youth", "young_adults"],
    "youth": ["youth"], "running": ["adults"], "theatre": ["youth", "adults"], "volunteering": ["adults"],
    "diaspora": ["newcomers", "families"], "food": ["vulnerable", "seniors"], "basketball": ["youth"],
    "dance": ["youth", "women"],
}

GROUP_WORDS = {
    "DK": {"children": "børn", "youth": "unge", "young_adults": "unge voksne", "adults": "voksne",
           "seniors": "ældre", "families": "familier", "newcomers": "nyankomne flygtninge og indvandrere",
           "disability": "mennesker med handicap", "vulnerable": "socialt udsatte", "women": "kvinder og piger"},
    "SE": {"children": "barn", "youth": "ungdomar", "young_adults": "unga vuxna", "adults": "vuxna",
           "seniors": "äldre", "families": "familjer", "newcomers": "nyanlända", "disability":
           "personer med funktionsnedsättning", "vulnerable": "socialt utsatta", "women": "kvinnor och tjejer"},
}

PURPOSES = {
    "DK": [
        "Foreningens formål er at give {g} i {p} mulighed for at dyrke {w} i et trygt og inkluderende fællesskab.",
        "Foreningen vil gennem {w} styrke {g}s deltagelse i foreningslivet og i lokalsamfundet i {p}.",
        "Formålet er at skabe et mødested for {g} i {p}, hvor {w} bruges til at fremme demokrati og medborgerskab.",
        "Foreningen arbejder for at {g} i {p} får en meningsfuld fritid med {w} og gode voksne rollemodeller.",
        "Foreningens formål er at fremme {w} og bekæmpe ensomhed blandt {g} i {p} og omegn.",
    ],
    "SE": [
        "Föreningens ändamål är att ge {g} i {p} möjlighet att ägna sig åt {w} i en trygg och inkluderande gemenskap.",
        "Föreningen ska genom {w} stärka {g}s delaktighet i föreningslivet och i lokalsamhället i {p}.",
        "Syftet är att skapa en mötesplats för {g} i {p} där {w} används för att främja demokrati och delaktighet.",
        "Föreningen verkar för att {g} i {p} får en meningsfull fritid med {w} och goda vuxna förebilder.",
        "Föreningens ändamål är att främja {w} och motverka ensamhet bland {g} i {p} med omnejd.",
    ],
}

ACTIVITIES = {
    "DK": [
        "Træning i {w} {d} i {v}.", "Lektiehjælp {d} på {v} med frivillige studerende.",
        "Fællesspisning hver anden {wd} i {v}.", "Kulturaftener med musik, dans og fortællinger fra hele verden.",
        "Seniortræf med kaffe, foredrag og gåture {d}.", "Sommerlejr og weekendture for hele familien.",
        "Forældrecafé hver {wd}, hvor forældre kan mødes og få vejledning.",
        "Danskundervisning og hjælp til breve fra kommunen {d}.", "Turneringer og stævner i {w} i hele Jylland.",
        "Rådgivning om job, uddannelse og fritidsjob for unge.", "Pigegruppe med {w} og samtaler {d}.",
        "Åbent hus for nye medlemmer den første {wd} i måneden.", "Frivillige trænere tager på kursus hos DGI.",
    ],
    "SE": [
        "Träning i {w} {d} i {v}.", "Läxhjälp {d} på {v} med ideella studenter.",
        "Gemensam middag varannan {wd} i {v}.", "Kulturkvällar med musik, dans och berättelser från hela världen.",
        "Seniorträffar med fika, föreläsningar och promenader {d}.", "Sommarläger och helgutflykter för hela familjen.",
        "Föräldracafé varje {wd} där föräldrar kan träffas och få stöd.",
        "Svenska för nyanlända och hjälp med myndighetsbrev {d}.", "Turneringar och cuper i {w} i hela Västsverige.",
        "Vägledning om jobb, utbildning och sommarjobb för unga.", "Tjejgrupp med {w} och samtal {d}.",
        "Öppet hus för nya medlemmar första {wd} i månaden.", "Ideella ledare går utbildning hos RF-SISU.",
    ],
}
DAYS = {
    "DK": ["to gange om ugen", "tre dage om ugen", "hver mandag og onsdag", "hver tirsdag og torsdag",
           "i weekenderne", "alle hverdage kl. 15–18"],
    "SE": ["två gånger i veckan", "tre dagar i veckan", "varje måndag och onsdag", "varje tisdag och torsdag",
           "på helgerna", "alla vardagar kl. 15–18"],
}
WEEKDAYS = {"DK": ["mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag"],
            "SE": ["måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag"]}
VENUES = {"DK": ["medborgerhuset", "biblioteket", "skolens idrætshal", "klubhuset", "beboerhuset", "kulturhuset"],
          "SE": ["medborgarhuset", "biblioteket", "skolans idrottshall", "klubbstugan", "fritidsgården",
                 "kulturhuset"]}
ROLE_NOTES = {
    "DK": ["Vores trænere kender familierne og bliver brugt som brobyggere, når der er uro i området.",
           "Vi kan hurtigt samle frivillige og nøglepersoner, hvis der opstår konflikter.",
           "Vi har kontakt til familier, som kommunen sjældent når.",
           "Foreningen stiller lokaler og frivillige til rådighed ved kommunens arrangementer."],
    "SE": ["Våra ledare känner familjerna och fungerar som brobyggare när det är oro i området.",
           "Vi kan snabbt samla ideella och nyckelpersoner om konflikter uppstår.",
           "Vi har kontakt med familjer som kommunen sällan når.",
           "Föreningen ställer lokaler och ideella till förfogande vid kommunens arrangemang."],
}
OTHER_GROUPS = {"DK": ["Enlige mødre", "Unge uden for uddannelse og job", "Nyankomne familier fra Ukraine"],
                "SE": ["Ensamstående mammor", "Unga som varken arbetar eller studerar",
                       "Nyanlända familjer från Ukraina"]}

FIRST_NAMES = {
    "DK": ["Mette", "Lars", "Karen", "Jens", "Sofie", "Mads", "Ida", "Anders", "Line", "Peter", "Anne", "Søren",
           "Yusuf", "Amina", "Omar", "Fatima", "Hassan", "Leila", "Ali", "Zainab", "Ahmed", "Maryam", "Mustafa",
           "Hodan", "Ibrahim", "Nadia", "Kasper", "Camilla", "Rasmus", "Louise", "Emre", "Elif"],
    "SE": ["Anna", "Johan", "Sara", "Erik", "Emma", "Lars", "Maria", "Karl", "Elin", "Anders", "Lena", "Per",
           "Yusuf", "Amina", "Omar", "Fatima", "Hassan", "Leila", "Ali", "Zainab", "Ahmed", "Maryam", "Mustafa",
           "Hodan", "Ibrahim", "Nadia", "Oskar", "Linnea", "Gustav", "Ebba", "Emir", "Selma"],
}
LAST_NAMES = {
    "DK": ["Jensen", "Nielsen", "Hansen", "Pedersen", "Andersen", "Christensen", "Larsen", "Sørensen", "Rasmussen",
           "Jørgensen", "Madsen", "Kristensen", "Østergaard", "Kjær", "Holm", "Lund", "Mortensen", "Abdi", "Ali",
           "Hassan", "Mohamed", "Said", "Yilmaz", "Rahimi", "Hussein", "Warsame", "Demir", "Khan"],
    "SE": ["Andersson", "Johansson", "Karlsson", "Nilsson", "Eriksson", "Larsson", "Olsson", "Persson", "Svensson",
           "Gustafsson", "Lindqvist", "Berg", "Lindberg", "Abdi", "Ali", "Hassan", "Mohammed", "Said", "Yilmaz",
           "Rahimi", "Hussein", "Warsame", "Hadžić", "Khan", "Jönsson", "Sandberg"],
}
STREETS = {"DK": ["Gudrunsvej", "Søndervangen", "Hovedgaden", "Skolevej", "Stationsvej", "Kirkevej", "Parkvej",
                  "Bygaden", "Engvej", "Toftevej"],
           "SE": ["Storgatan", "Skolgatan", "Kyrkogatan", "Torget", "Parkvägen", "Björkvägen", "Hammarkulletorget",
                  "Bergsgatan", "Ängsvägen", "Långgatan"]}
LANGUAGE_MIX = {"DK": ["da", "ar", "so", "tr", "ur", "fa", "en", "uk", "pl", "ku"],
                "SE": ["sv", "ar", "so", "ti", "fa", "bs", "en", "uk", "fi", "ku"]}
