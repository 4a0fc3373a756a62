"""The search queries the tests check and the search bench measures (scripts/bench_search.py):
each with the page (or pages) it must find. Plain data; imports nothing from tests/."""
from __future__ import annotations

# The guideline's pages, relative to the site.
LUKU1, LUKU2 = "mika-on-sosiaalinen-media/", "loimaan-kaupunki-ja-sosiaalinen-media/"
KAUPUNKI = LUKU2
TIETOTURVA, ROOLISI, ASIALLISUUS = "ohjeistus/tietoturva/", "ohjeistus/roolisi/", "ohjeistus/asiallisuus/"
TARPEET, VIESTINTA = "ohjeistus/todelliset-tarpeet/", "ohjeistus/onnistunut-viestinta/"
LISATIETOA = "ohjeistus/lisatietoa/"
# Images are the subject of three pages; any of them is right.
KUVAT = (VIESTINTA, LUKU1, "tarkistuslistat/ennen-julkaisua/")
# A checklist page answers for its own section.
CHECKLIST = {TARPEET: "tarkistuslistat/uusi-profiili/", VIESTINTA: "tarkistuslistat/ennen-julkaisua/"}

# (query, the page (or pages) it must bring into the top three). Neither the base forms nor
# the inflected forms below occur verbatim in the text, unless marked "verbatim".
BASE_FORMS = [  # the 20 of issue 6
    ("kuvakaappaus", ASIALLISUUS), ("kaveripyyntö", ROOLISI), ("salasana", TIETOTURVA),
    ("tekijänoikeus", TARPEET), ("yksityisyysasetus", TIETOTURVA),
    ("rikosilmoitus", ASIALLISUUS),  # verbatim
    ("vahingonkorvauslaki", ASIALLISUUS), ("käyttöehto", TARPEET),
    ("vaitiolovelvollisuus", TIETOTURVA), ("asiantuntijaprofiili", ROOLISI), ("Wilma", TIETOTURVA),
    ("työsähköposti", ROOLISI),  # verbatim
    ("kriisitilanne", KAUPUNKI),
    ("luottamushenkilö", ROOLISI),  # verbatim on 3.4, inflected on 3.1
    ("henkilötieto", TIETOTURVA), ("seuraamus", ASIALLISUUS),
    ("kuva", KUVAT),  # verbatim
    ("tietoturvaohje", TIETOTURVA), ("Canva", LISATIETOA), ("esimies", ROOLISI),
]


INFLECTED = [  # singular and plural, several cases
    ("salasanoja", TIETOTURVA), ("salasanan", TIETOTURVA), ("rikosilmoituksen", ASIALLISUUS),
    ("tekijänoikeuksia", TARPEET), ("tekijänoikeuden", VIESTINTA), ("vahingonkorvauslakia", ASIALLISUUS),
    ("kriisitilanteessa", KAUPUNKI), ("esimiehelle", ROOLISI), ("esimiehet", ROOLISI),
    ("kuvakaappauksia", ASIALLISUUS), ("kaveripyyntöjen", ROOLISI), ("käyttöehtoja", TARPEET),
    ("henkilötietojen", TIETOTURVA), ("luottamushenkilöille", ROOLISI), ("seuraamuksista", ASIALLISUUS),
    ("yksityisyysasetuksia", TIETOTURVA), ("työsähköpostiin", ROOLISI), ("tietoturvaohjeita", TIETOTURVA),
    ("vaitiolovelvollisuudesta", TIETOTURVA), ("Wilmassa", TIETOTURVA), ("asiantuntijaprofiilin", ROOLISI),
    ("kuvien", KUVAT),
]


COMPOUND_PARTS = [  # parts of compounds, base or inflected
    ("kaappaus", ASIALLISUUS), ("kaappauksen", ASIALLISUUS), ("oikeus", TARPEET), ("oikeuksia", ROOLISI),
    ("pyyntö", ROOLISI), ("ilmoitus", ASIALLISUUS), ("velvollisuus", TIETOTURVA), ("ehdot", TARPEET),
    ("korvauksen", ASIALLISUUS), ("asetuksia", TIETOTURVA),
]


QUERIES = BASE_FORMS + INFLECTED + COMPOUND_PARTS
NOT_IN_GUIDELINE = ["kissa", "verovähennys", "kissoja", "verovähennyksiä"]


# (what a city employee types, the section whose page must come first). Written as staff ask,
# not in the guideline's words: short and long, inflected, with staff words ("tili", "postaus").
QUESTIONS = [
    # the three of the issue
    ("kuka saa perustaa tilin", TARPEET),
    ("luottamuksellinen tieto", VIESTINTA),
    ("kirjautuminen facebookiin työsähköpostilla", TIETOTURVA),
    # 3.4
    ("voinko kirjautua instagramiin työsähköpostilla", TIETOTURVA),
    ("saako samaa salasanaa käyttää monessa palvelussa", TIETOTURVA),
    ("miten teen vahvan salasanan", TIETOTURVA),
    ("voiko whatsappissa jakaa oppilaiden tietoja", TIETOTURVA),
    ("wilma viestit huoltajille", TIETOTURVA),
    ("vaitiolovelvollisuus somessa", TIETOTURVA),
    ("yksityisyysasetukset", TIETOTURVA),
    # 3.3
    ("mitä teen jos joku kirjoittaa asiattoman kommentin", ASIALLISUUS),
    ("uhkaava viesti rikosilmoitus", ASIALLISUUS),
    ("saako loukkaavan kommentin poistaa", ASIALLISUUS),
    ("saako poliisille ilmoittaa häiritsevästä viestistä", ASIALLISUUS),
    # 3.5
    ("saako kuvia julkaista ilman lupaa", VIESTINTA),
    ("valokuvien julkaiseminen", VIESTINTA),
    ("millaista kieltä somessa kannattaa käyttää", VIESTINTA),
    ("pitääkö tiedot tarkistaa ennen julkaisua", VIESTINTA),
    ("julkaisin väärää tietoa mitä nyt", VIESTINTA),
    ("musiikin tekijänoikeudet videossa", VIESTINTA),
    ("poliittinen keskustelu kommenteissa", VIESTINTA),
    ("voiko suljetun ryhmän viesti tulla julkiseksi", VIESTINTA),
    ("postauksen kuvat", VIESTINTA),
    # 3.2
    ("uuden instagram-tilin perustaminen", TARPEET),
    ("kuka päivittää profiilia", TARPEET),
    ("määräaikainen profiili hankkeelle", TARPEET),
    ("palvelun käyttöehdot", TARPEET),
    ("tilin ylläpitäjä", TARPEET),
    # 3.1
    ("voinko käyttää työsähköpostia omassa somessa", ROOLISI),
    ("pitääkö hyväksyä esihenkilön kaveripyyntö", ROOLISI),
    ("asiantuntijaprofiili omalla nimellä", ROOLISI),
    ("voiko työnantaja vaatia käyttämään omaa profiilia", ROOLISI),
    ("saako työajalla käyttää somea", ROOLISI),
    ("työ- ja virkanimike omassa profiilissa", ROOLISI),
    # 3.6
    ("mistä löydän brändikäsikirjan", LISATIETOA),
    ("somen kuvakoot", LISATIETOA),
    ("canva ohje", LISATIETOA),
    ("viestintäohje", LISATIETOA),
    # 1 and 2
    ("onko whatsapp sosiaalista mediaa", LUKU1),
    ("mihin kaupunki käyttää somea", LUKU2),
    ("some kriisitilanteessa", LUKU2),
    ("korvaako facebook virallisen tiedotteen", LUKU2),
    ("kenelle ohje on tarkoitettu", LUKU2),
]


def answers(target: str) -> set[str]:
    return {target, CHECKLIST[target]} if target in CHECKLIST else {target}
