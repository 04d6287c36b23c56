"""The relevance judgement list: staffing questions typed the way busy people type, each with
the planted expert(s) (roster.demo.planted) that should come first.

Every third question is held out: it is never looked at while settings are tuned, and it is
reported on its own, as a check that the settings are general rather than fitted.
"""

from dataclasses import dataclass

KINDS = ("concept", "word_forms", "typos", "names", "multi_concept", "abbreviations")


@dataclass(frozen=True)
class Judgement:
    kind: str
    q: str
    expected: tuple[str, ...]
    held_out: bool


_QUESTIONS = {
    # Words for the need that the expert's own texts do not use.
    "concept": (
        ("fake passports", "document_examiner"),
        ("navy officer who boards boats", "naval_boarding"),
        ("kids abused on webcams for foreign paedophiles", "online_child_exploitation"),
        ("underground banking used to pay people smugglers", "hawala_finance"),
        ("doctor who can tell how old a young asylum seeker is", "age_assessment"),
        ("bribes paid to border officials", "border_corruption"),
        ("sham marriages selling women as wives", "bride_trafficking"),
        ("people forced to run internet fraud", "scam_compounds"),
        ("bitcoin laundering", "crypto_tracing"),
        ("keeping refugees out of locked facilities", "alternatives_detention"),
        ("helping people with no citizenship", "statelessness"),
        ("radio soap operas warning villagers", "awareness_radio"),
        ("protecting people who give evidence in court", "witness_protection"),
        ("stowaways hidden in lorries", "container_concealment"),
        ("mental health of people coming home", "mhpss"),
        ("trade in endangered animals", "wildlife_timber"),
        ("drug smuggling on yachts", "narcotics_sea"),
        ("kidney sales", "organ_removal"),
        ("villages moving because of rising seas", "climate_displacement"),
        ("seizing the money and houses of criminals", "asset_forfeiture"),
    ),
    # Plurals, verb forms and derived words.
    "word_forms": (
        ("forged visa", "document_examiner"),
        ("intercepting migrant boat", "naval_boarding"),
        ("inspections of fishing fleet", "fishing_labour_inspector"),
        ("livestreaming abuse investigation", "online_child_exploitation"),
        ("interpreter in court hearing", "dari_interpreter"),
        ("fingerprinting travellers", "biometrics"),
        ("rescuing overcrowded boat", "sea_rescue"),
        ("extraditing criminals", "extradition"),
        ("raid on fraud compound", "scam_compounds"),
        ("drafting criminal laws", "palermo_legislation"),
        ("returnee counselling and business grant", "reintegration_grants"),
        ("relocating coastal village", "climate_displacement"),
        ("monitoring Telegram channel recruiting jobseeker", "osint_recruitment"),
        ("trained judge in sentencing trafficker", "judicial_training"),
        ("children begging at railway station", "forced_begging"),
        ("abandoned seafarer repatriation", "seafarers_rights"),
        ("scanned container", "container_concealment"),
        ("deportation flight monitor", "non_refoulement"),
    ),
    # Two or more typing mistakes in one question.
    "typos": (
        ("forensic documnet examinor", "document_examiner"),
        ("labor inspecter fishng", "fishing_labour_inspector"),
        ("hawalla informl transfers", "hawala_finance"),
        ("rohinga eligibilty interviews", "refugee_status"),
        ("trauma counseling sheltr", "shelter_psychologist"),
        ("birth registation citizenshp", "statelessness"),
        ("facial recogniton fingerprnt", "biometrics"),
        ("extradtion mutal legal assistance", "extradition"),
        ("recruitmnt fess debt bondge", "recruitment_fees"),
        ("kafala housemades", "domestic_workers_gulf"),
        ("cryptocurency stablecoin launderng", "crypto_tracing"),
        ("palm oil suplier audts", "supply_chain"),
        ("intercountry adopton baby seling", "illegal_adoption"),
        ("tuberculoss screning migrants", "migrant_health"),
        ("pangolin ivroy rosewod", "wildlife_timber"),
        ("methamphetamin yachts intercpt", "narcotics_sea"),
        ("undercovr informnts", "undercover"),
        ("satelite imagry dark vesels", "maritime_surveillance"),
    ),
    # Names with and without diacritics, in local scripts, in either order, with hyphens.
    "names": (
        ("Nguyen Thi Thu Ha", "document_examiner"),
        ("Thu Ha Nguyen", "document_examiner"),
        ("Siosaia Finau", "naval_boarding"),
        ("ศิริพร ชัยภูมิ", "fishing_labour_inspector"),
        ("Cristina Dela Cruz", "online_child_exploitation"),
        ("Wang Jianhua", "bride_trafficking"),
        ("Sokha Chea", "scam_compounds"),
        ("Jean Baptiste Moreau", "airline_liaison"),
        ("Yilmaz Sukru", "organ_removal"),
        ("Layla Alhashimi", "domestic_workers_gulf"),
        ("ليلى الهاشمي", "domestic_workers_gulf"),
        ("Ji-hoon Park", "biometrics"),
        ("Hiroshi Tanaka", "extradition"),
        ("Dang Van Loi", "dang_hotline"),
        ("Batbayar Dolzhin", "cyrillic_only"),
        ("Ramirez Ochoa", "border_corruption"),
        ("Lopez Garcia Maria", "disability_inclusion"),
        ("Whitcombe Price", "palermo_legislation"),
        ("Aroha Ngata", "sea_rescue"),
        ("Tran Duc Minh", "nationality_verification"),
        ("Zoe Muller", "migrant_health"),
        ("Khamphone Vongsavath", "awareness_radio"),
        ("Le Thi Hong Nhung", "reintegration_grants"),
        ("Villanueva Lim", "consular_welfare"),
    ),
    # Several needs at once, the way a staffing request is written.
    "multi_concept": (
        ("Thai-speaking labour inspector, fishing", "fishing_labour_inspector"),
        ("Arabic speaking lawyer for maids in the Gulf", "domestic_workers_gulf"),
        ("Bengali interviewer for Rohingya asylum claims", "refugee_status"),
        ("female police officer Philippines online child abuse", "online_child_exploitation"),
        ("Farsi interpreter trauma aware", "dari_interpreter"),
        ("Khmer speaking investigator scam centres", "scam_compounds"),
        ("Pacific navy patrol migrant vessels", "naval_boarding"),
        ("Lao language awareness campaign for young people", "awareness_radio"),
        ("Indonesian fisheries inspection of foreign vessels", "port_state_measures"),
        ("judge training on protecting victims in trials", "judicial_training"),
        ("Mongolian statistics on forced labour prevalence", "statistician"),
        ("Vietnamese returnees livelihoods support", "reintegration_grants"),
        ("Korean border biometrics and watchlists", "biometrics"),
        ("Australian lawyer modern slavery reporting for companies", "supply_chain"),
        ("Myanmar researcher on Rohingya boat departures", "andaman_boats"),
        ("child interviewer for police in Indonesia", "forensic_interviewing"),
        ("French speaking expert on illegal adoptions", "illegal_adoption"),
        ("Burmese speaking teacher for migrant children in Thailand", "thai_only_migrant_school"),
    ),
    # The field's abbreviations.
    "abbreviations": (
        ("OSEC", "online_child_exploitation"),
        ("RSD interviews", "refugee_status"),
        ("MLA requests", "extradition"),
        ("ATD", "alternatives_detention"),
        ("NRM", "referral_mechanism"),
        ("IUU fishing inspections", "port_state_measures"),
        ("GBV case management", "gbv_camps"),
        ("MHPSS", "mhpss"),
        ("SAR coordination", "sea_rescue"),
        ("OSINT", "osint_recruitment"),
        ("MDA analyst", "maritime_surveillance"),
        ("CRVS", "civil_registration"),
        ("ETD issuance", "nationality_verification"),
        ("FIU analyst hawala", "hawala_finance"),
        ("API PNR", "biometrics"),
        ("TIP shelter", "shelter_psychologist"),
        ("SOM research fieldwork", "smuggling_anthropology"),
        ("AML crypto", "crypto_tracing"),
        ("ILO fair recruitment", "recruitment_fees"),
        ("ITF seafarers", "seafarers_rights"),
    ),
}


def _judgements() -> tuple[Judgement, ...]:
    listed = []
    for kind in KINDS:
        for position, (q, expected) in enumerate(_QUESTIONS[kind]):
            listed.append(Judgement(kind, q, tuple(expected.split()), position % 3 == 2))
    return tuple(listed)


JUDGEMENTS = _judgements()
