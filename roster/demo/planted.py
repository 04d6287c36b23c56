"""Experts with distinct, realistic specialties, planted among the synthetic roster.

They are the people the relevance judgement list (roster.demo.judgements) expects a search to
put first. Names cover the region's writing systems and naming orders: Vietnamese diacritics,
names in a local script only, family-name-first cultures and hyphenated names.
"""

# Names are written as their bearers write them, Turkish dotless i included.
# ruff: noqa: RUF001, E501

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import select

from roster.experts.models import AvailabilityWindow, Expert, ExpertLanguage
from roster.extensions import db
from roster.reference.models import ThematicArea


@dataclass(frozen=True)
class PlantedExpert:
    key: str
    full_name: str
    name_local: str
    nationality: str
    position: str
    organisation: str
    bio: str
    thematic_areas: tuple[str, ...]
    # {ISO 639-1 code: level}
    languages: dict[str, str]


def _expert(key, full_name, name_local, nationality, position, organisation, bio, areas, languages):
    return PlantedExpert(
        key,
        full_name,
        name_local,
        nationality,
        position,
        organisation,
        bio,
        tuple(areas.split()),
        dict(item.split(":") for item in languages.split()),
    )


PLANTED = (
    _expert(
        "document_examiner",
        "Nguyễn Thị Thu Hà",
        "",
        "VNM",
        "Forensic Document Examiner",
        "Immigration Department",
        "Examines counterfeit and fraudulently altered travel documents, visas and residence permits; "
        "trains airport staff to spot substituted photographs and tampered security laminates.",
        "document-fraud border-management",
        "vi:native en:fluent",
    ),
    _expert(
        "naval_boarding",
        "Siosaia Fīnau",
        "",
        "TON",
        "Lieutenant Commander, Maritime Patrol",
        "His Majesty's Armed Forces",
        "Naval officer who commands patrol boat boardings of suspect vessels in Pacific waters and "
        "trains boarding parties in the safe interception of migrant boats.",
        "maritime people-smuggling",
        "to:native en:fluent",
    ),
    _expert(
        "fishing_labour_inspector",
        "Siriporn Chaiyaphum",
        "ศิริพร ชัยภูมิ",
        "THA",
        "Labour Inspector",
        "Ministry of Labour",
        "Inspects deep-sea fishing fleets at port-in port-out control centres, interviews crews about "
        "wage deductions, withheld identity papers and excessive working hours at sea.",
        "labour-migration trafficking-in-persons",
        "th:native en:working my:basic",
    ),
    _expert(
        "online_child_exploitation",
        "Maria Cristina dela Cruz",
        "",
        "PHL",
        "Police Senior Inspector, Women and Children Protection Center",
        "Philippine National Police",
        "Investigates livestreamed sexual abuse of children paid for by offenders abroad; works with "
        "internet service providers and payment companies to identify facilitators.",
        "children technology criminal-justice",
        "tl:native en:fluent",
    ),
    _expert(
        "hawala_finance",
        "Farhad Rahimi",
        "فرهاد رحیمی",
        "AFG",
        "Financial Intelligence Analyst",
        "Financial Intelligence Unit",
        "Traces informal value transfer systems such as hawala used to pay smugglers; analyses "
        "suspicious transaction reports and cash couriers at land crossings.",
        "transnational-crime people-smuggling",
        "fa:native ps:fluent en:working",
    ),
    _expert(
        "refugee_status",
        "Rafiqul Islam",
        "রফিকুল ইসলাম",
        "BGD",
        "Eligibility Officer",
        "United Nations High Commissioner for Refugees",
        "Conducts asylum eligibility interviews with Rohingya applicants, drafts assessments of "
        "credibility and writes country of origin research on Rakhine State.",
        "refugee-protection",
        "bn:native en:fluent my:working",
    ),
    _expert(
        "shelter_psychologist",
        "Kumari Jayawardena",
        "කුමාරි ජයවර්ධන",
        "LKA",
        "Clinical Psychologist",
        "National Women's Shelter Network",
        "Runs a residential shelter for survivors of trafficking and provides trauma counselling, "
        "with a caseworker team trained in psychological first aid.",
        "victim-protection trafficking-in-persons",
        "si:native ta:working en:fluent",
    ),
    _expert(
        "statelessness",
        "Kavitha Subramaniam",
        "கவிதா சுப்பிரமணியம்",
        "MYS",
        "Legal Officer, Nationality and Statelessness",
        "Legal Aid Centre",
        "Helps people without any nationality obtain birth certificates and citizenship; litigates "
        "late birth registration cases for plantation workers' families.",
        "legislation-policy refugee-protection",
        "ta:native ms:fluent en:fluent",
    ),
    _expert(
        "age_assessment",
        "Ingrid Solberg-Hansen",
        "",
        "AUS",
        "Paediatrician",
        "Royal Children's Hospital",
        "Performs holistic age assessments of young asylum seekers who arrive without papers, "
        "combining medical, psychosocial and developmental evidence.",
        "children refugee-protection",
        "en:native no:native",
    ),
    _expert(
        "dari_interpreter",
        "Zahra Hosseini",
        "زهرا حسینی",
        "IRN",
        "Court and Asylum Interpreter",
        "Independent",
        "Interprets Dari, Pashto and Farsi in protection interviews and court hearings; trains "
        "interpreters in confidentiality and vicarious trauma.",
        "refugee-protection",
        "fa:native ps:fluent en:fluent",
    ),
    _expert(
        "biometrics",
        "Park Ji-hoon",
        "박지훈",
        "KOR",
        "Biometrics Systems Architect",
        "Korea Immigration Service",
        "Designs fingerprint and facial recognition enrolment at entry points and the matching of "
        "travellers against watchlists using advance passenger information.",
        "border-management technology",
        "ko:native en:working",
    ),
    _expert(
        "airline_liaison",
        "Jean-Baptiste Moreau",
        "",
        "NCL",
        "Airline Liaison Officer",
        "Police aux frontières",
        "Posted at hub airports to advise airlines on boarding passengers with improperly documented "
        "itineraries and on carrier sanctions for inadmissible travellers.",
        "border-management document-fraud",
        "fr:native en:fluent",
    ),
    _expert(
        "sea_rescue",
        "Aroha Ngāta",
        "",
        "NZL",
        "Rescue Coordinator",
        "Rescue Coordination Centre New Zealand",
        "Coordinates distress responses for overcrowded boats and the disembarkation of survivors "
        "rescued from sinking vessels in the Southwest Pacific.",
        "maritime",
        "en:native mi:fluent",
    ),
    _expert(
        "extradition",
        "Tanaka Hiroshi",
        "田中浩",
        "JPN",
        "Public Prosecutor, International Affairs",
        "Supreme Public Prosecutors Office",
        "Handles extradition requests and mutual legal assistance in criminal matters with "
        "neighbouring states; drafts treaties on transfer of evidence.",
        "criminal-justice legislation-policy",
        "ja:native en:working",
    ),
    _expert(
        "border_corruption",
        "Andrés Felipe Ramírez Ochoa",
        "",
        "USA",
        "Integrity and Anti-Corruption Adviser",
        "Office of Inspector General",
        "Investigates bribery and collusion by border guards and immigration officials; designs "
        "integrity testing and asset declarations for frontline officers.",
        "corruption border-management",
        "es:native en:native",
    ),
    _expert(
        "recruitment_fees",
        "Sabina Tamang",
        "सबिना तामाङ",
        "NPL",
        "Fair Recruitment Specialist",
        "International Labour Organization",
        "Works with recruitment agencies and employers to end worker-paid fees and debt bondage in "
        "labour migration corridors to the Gulf and Malaysia.",
        "labour-migration",
        "ne:native hi:fluent en:fluent",
    ),
    _expert(
        "domestic_workers_gulf",
        "Layla Al-Hashimi",
        "ليلى الهاشمي",
        "JOR",
        "Human Rights Lawyer",
        "Migrant Workers' Legal Clinic",
        "Represents housemaids held by employers in the Gulf under the kafala sponsorship system, "
        "recovering unpaid wages and confiscated passports.",
        "labour-migration trafficking-in-persons",
        "ar:native en:fluent",
    ),
    _expert(
        "organ_removal",
        "Ahmet Şükrü Yılmaz",
        "",
        "TUR",
        "Transplant Surgeon and Ethicist",
        "Ankara University Hospital",
        "Advises prosecutors on trafficking for the removal of organs; reviews kidney transplant "
        "tourism cases and hospital screening of living donors.",
        "trafficking-in-persons criminal-justice",
        "tr:native en:fluent de:working",
    ),
    _expert(
        "bride_trafficking",
        "王建华",
        "",
        "CHN",
        "Researcher, Cross-Border Marriage",
        "Yunnan University",
        "Studies the sale of women from Myanmar and Laos as brides into rural China, and the "
        "rescue and repatriation of women held in forced marriages.",
        "trafficking-in-persons irregular-migration",
        "zh:native my:working en:working",
    ),
    _expert(
        "scam_compounds",
        "Chea Sokha",
        "ជា សុខា",
        "KHM",
        "Investigator, Anti-Human Trafficking Police",
        "Cambodian National Police",
        "Raids fraud compounds where trafficked workers are forced to run online romance and "
        "investment scams, and screens rescued workers as victims.",
        "trafficking-in-persons technology transnational-crime",
        "km:native th:working en:working zh:basic",
    ),
    _expert(
        "palermo_legislation",
        "Eleanor Whitcombe-Price",
        "",
        "AUS",
        "Legislative Drafter",
        "Attorney-General's Department",
        "Drafts criminal law bringing offences into line with the Palermo Protocol; reviews "
        "definitions of exploitation, consent and the liability of legal persons.",
        "legislation-policy criminal-justice",
        "en:native",
    ),
    _expert(
        "statistician",
        "Oyuntsetseg Batbold",
        "Оюунцэцэг Батболд",
        "MNG",
        "Survey Statistician",
        "National Statistics Office",
        "Designs household surveys on emigration and estimates the prevalence of forced labour "
        "from sample data, with confidence intervals for regional figures.",
        "migration-data",
        "mn:native ru:fluent en:working",
    ),
    _expert(
        "reintegration_grants",
        "Lê Thị Hồng Nhung",
        "",
        "VNM",
        "Reintegration Case Manager",
        "International Organization for Migration",
        "Counsels returnees who came home after failed migration and runs small business grants "
        "and vocational training to help them rebuild a livelihood.",
        "return-reintegration",
        "vi:native en:fluent",
    ),
    _expert(
        "climate_displacement",
        "Tevita Koroi",
        "",
        "FJI",
        "Planned Relocation Adviser",
        "Ministry of Economy",
        "Plans the relocation of coastal villages threatened by sea-level rise and cyclones, and "
        "works on mobility in the context of disasters across the Pacific.",
        "irregular-migration legislation-policy",
        "fj:native en:fluent",
    ),
    _expert(
        "gbv_camps",
        "Amina Yusuf",
        "أمينة يوسف",
        "IRQ",
        "Protection Coordinator, Gender-Based Violence",
        "International Rescue Committee",
        "Runs case management for survivors of sexual violence in displacement camps and sets up "
        "safe spaces for women and girls.",
        "victim-protection refugee-protection",
        "ar:native ku:working en:fluent",
    ),
    _expert(
        "crypto_tracing",
        "Daniel Okonkwo-Reyes",
        "",
        "SGP",
        "Blockchain Analyst",
        "Singapore Police Force",
        "Follows cryptocurrency wallets and stablecoin transfers used to launder the proceeds of "
        "migrant smuggling and scam operations.",
        "transnational-crime technology",
        "en:native",
    ),
    _expert(
        "osint_recruitment",
        "Nur Aisyah binti Kamarudin",
        "",
        "MYS",
        "Open Source Intelligence Analyst",
        "Royal Malaysia Police",
        "Monitors Facebook groups, Telegram channels and job advertisements that lure jobseekers, "
        "and preserves online evidence for investigators.",
        "technology trafficking-in-persons",
        "ms:native en:fluent",
    ),
    _expert(
        "alternatives_detention",
        "Hannah Lindqvist",
        "",
        "NZL",
        "Policy Adviser, Community Placement",
        "International Detention Coalition",
        "Designs community-based case management so that asylum seekers and children are not held "
        "in immigration detention while their cases are decided.",
        "refugee-protection legislation-policy",
        "en:native sv:fluent",
    ),
    _expert(
        "referral_mechanism",
        "Phạm Quang Huy",
        "",
        "VNM",
        "Victim Identification Coordinator",
        "Ministry of Labour, Invalids and Social Affairs",
        "Built the national referral system that connects police, border guards and social services "
        "so that identified victims receive shelter, medical care and legal aid.",
        "victim-protection trafficking-in-persons",
        "vi:native en:working",
    ),
    _expert(
        "port_state_measures",
        "Budi Santoso",
        "",
        "IDN",
        "Fisheries Inspector",
        "Ministry of Marine Affairs and Fisheries",
        "Enforces port state measures against illegal unreported and unregulated fishing; checks "
        "catch documentation, transshipment at sea and crew lists of foreign-flagged vessels.",
        "maritime labour-migration",
        "id:native en:working",
    ),
    _expert(
        "awareness_radio",
        "Khamphone Vongsavath",
        "ຄຳພອນ ວົງສະຫວາດ",
        "LAO",
        "Community Outreach Officer",
        "Lao Women's Union",
        "Produces radio dramas and village theatre that warn young people in source villages about "
        "deceptive job offers across the border.",
        "information-campaigns trafficking-in-persons",
        "lo:native th:fluent en:basic",
    ),
    _expert(
        "judicial_training",
        "Justice Mereana Tuhoe",
        "",
        "NZL",
        "Judge and Judicial Educator",
        "Institute of Judicial Studies",
        "Trains judges and magistrates in sentencing trafficking offenders and in courtroom "
        "measures that spare victims from facing the accused.",
        "criminal-justice",
        "en:native mi:working",
    ),
    _expert(
        "witness_protection",
        "Rizal Mahendra",
        "",
        "IDN",
        "Head of Protection Programmes",
        "Witness and Victim Protection Agency",
        "Relocates and guards witnesses who testify against trafficking syndicates, with new "
        "identities for those at risk of reprisals.",
        "criminal-justice victim-protection",
        "id:native en:working",
    ),
    _expert(
        "consular_welfare",
        "Ma. Teresa Villanueva-Lim",
        "",
        "PHL",
        "Labour Attaché",
        "Department of Migrant Workers",
        "Assists overseas Filipino workers in distress at the embassy, runs a shelter for runaway "
        "workers and negotiates their repatriation with employers.",
        "labour-migration return-reintegration",
        "tl:native en:fluent ar:basic",
    ),
    _expert(
        "karaoke_exploitation",
        "Nattapong Kaewmanee",
        "ณัฐพงษ์ แก้วมณี",
        "THA",
        "Police Lieutenant Colonel, Anti-Trafficking Division",
        "Royal Thai Police",
        "Leads raids on karaoke bars, massage parlours and brothels where foreign women are "
        "sexually exploited, and the interviews of the women found.",
        "trafficking-in-persons criminal-justice",
        "th:native en:working lo:fluent",
    ),
    _expert(
        "forced_begging",
        "Sunita Devi Chaudhary",
        "सुनीता देवी चौधरी",
        "IND",
        "Child Protection Officer",
        "Childline India Foundation",
        "Rescues boys and girls forced to beg at railway stations and temples, and traces their "
        "families in neighbouring states.",
        "children victim-protection",
        "hi:native en:fluent",
    ),
    _expert(
        "seafarers_rights",
        "Karl-Heinz Brandt",
        "",
        "AUS",
        "Seafarers' Welfare Inspector",
        "International Transport Workers' Federation",
        "Boards merchant ships and trawlers to check crew contracts, repatriation of abandoned "
        "seafarers and compliance with the Work in Fishing Convention.",
        "labour-migration maritime",
        "de:native en:fluent",
    ),
    _expert(
        "civil_registration",
        "Dorjee Wangmo",
        "རྡོ་རྗེ་དབང་མོ",
        "BTN",
        "Civil Registration Specialist",
        "Department of Civil Registration and Census",
        "Modernises birth and death registration and the national identity card system so that "
        "every resident has proof of legal identity.",
        "document-fraud migration-data",
        "dz:native en:fluent ne:working",
    ),
    _expert(
        "container_concealment",
        "Mohammed Tariq Chaudhry",
        "محمد طارق چودھری",
        "PAK",
        "Customs Scanning Supervisor",
        "Pakistan Customs",
        "Runs X-ray scanning of trucks and shipping containers at land ports to detect people "
        "hidden in freight, and trains officers in concealment search methods.",
        "border-management people-smuggling",
        "ur:native pa:fluent en:fluent",
    ),
    _expert(
        "mhpss",
        "Ana Lúcia Soares",
        "",
        "TLS",
        "Psychosocial Support Coordinator",
        "Ministry of Social Solidarity",
        "Leads mental health and psychosocial support for returning migrants and families of the "
        "missing, training community health workers in basic counselling.",
        "victim-protection return-reintegration",
        "pt:native en:working",
    ),
    _expert(
        "andaman_boats",
        "Aung Kyaw Moe",
        "အောင်ကျော်မိုး",
        "MMR",
        "Research Associate, Mixed Migration",
        "Mixed Migration Centre",
        "Tracks departures of boats carrying Rohingya across the Andaman Sea and Bay of Bengal, "
        "interviewing passengers after landing about routes and fares.",
        "irregular-migration people-smuggling migration-data",
        "my:native en:fluent bn:basic",
    ),
    _expert(
        "smuggling_anthropology",
        "Wayan Sudarsana",
        "",
        "IDN",
        "Anthropologist",
        "Universitas Udayana",
        "Has spent a decade of fieldwork with fishing communities on Rote island that ferried "
        "asylum seekers to Australia, and on how boat crews are recruited.",
        "people-smuggling irregular-migration",
        "id:native en:fluent",
    ),
    _expert(
        "undercover",
        "Marcus Featherstone",
        "",
        "AUS",
        "Detective Inspector, Covert Operations",
        "Australian Federal Police",
        "Runs undercover officers and informants inside organised immigration crime groups, and "
        "controlled deliveries across borders.",
        "people-smuggling transnational-crime",
        "en:native",
    ),
    _expert(
        "maritime_surveillance",
        "Zhang Wei",
        "张伟",
        "SGP",
        "Maritime Domain Awareness Analyst",
        "Information Fusion Centre",
        "Fuses ship tracking signals, coastal radar and satellite imagery to spot dark vessels and "
        "suspicious rendezvous at sea.",
        "maritime technology",
        "zh:native en:fluent ms:working",
    ),
    _expert(
        "elearning",
        "Priya Ramanathan-Iyer",
        "",
        "IND",
        "Instructional Designer",
        "UNODC Global eLearning Programme",
        "Builds self-paced online courses and mobile learning modules for frontline officers, "
        "translated into twelve languages.",
        "information-campaigns technology",
        "ta:native hi:fluent en:fluent",
    ),
    _expert(
        "supply_chain",
        "Sarah O'Connor-Walsh",
        "",
        "AUS",
        "Responsible Sourcing Manager",
        "Walk Free",
        "Audits palm oil and seafood suppliers for forced labour and helps companies report under "
        "modern slavery legislation.",
        "labour-migration legislation-policy",
        "en:native",
    ),
    _expert(
        "non_refoulement",
        "Mariam Bakr",
        "مريم بكر",
        "SYR",
        "Protection Monitor",
        "Independent Human Rights Commission",
        "Monitors deportation flights and pushbacks at sea for breaches of the principle of "
        "non-refoulement, documenting cases for courts.",
        "refugee-protection return-reintegration",
        "ar:native en:fluent fr:working",
    ),
    _expert(
        "illegal_adoption",
        "Renée Lefèvre-Dubois",
        "",
        "NCL",
        "Intercountry Adoption Specialist",
        "International Social Service",
        "Reviews intercountry adoption files for falsified consent and baby selling, and helps "
        "adoptees trace their origins.",
        "children document-fraud",
        "fr:native en:fluent",
    ),
    _expert(
        "labour_mou",
        "Bayarmaa Tsogt",
        "Баярмаа Цогт",
        "MNG",
        "Bilateral Agreements Negotiator",
        "Ministry of Labour and Social Protection",
        "Negotiates government-to-government agreements on the employment of seasonal workers, "
        "setting recruitment rules and minimum standards.",
        "labour-migration legislation-policy",
        "mn:native en:fluent ko:working",
    ),
    _expert(
        "nationality_verification",
        "Trần Đức Minh",
        "",
        "VNM",
        "Nationality Verification Officer",
        "Consular Department",
        "Confirms the nationality of undocumented citizens detained abroad and issues emergency "
        "travel documents for their return.",
        "return-reintegration document-fraud",
        "vi:native en:working",
    ),
    _expert(
        "forensic_interviewing",
        "Emily Hartono-Wijaya",
        "",
        "IDN",
        "Forensic Interviewer",
        "Child Advocacy Centre",
        "Conducts recorded investigative interviews of child victims and witnesses using the PEACE "
        "model, and trains police in child-friendly questioning.",
        "children criminal-justice",
        "id:native en:fluent",
    ),
    _expert(
        "interpol_liaison",
        "Khalid Mahmoud Al-Amri",
        "خالد محمود العامري",
        "ARE",
        "Police Liaison Officer",
        "National Central Bureau",
        "Circulates red notices and diffusions for fugitive smugglers and coordinates joint "
        "operations through police cooperation channels.",
        "transnational-crime people-smuggling",
        "ar:native en:fluent",
    ),
    _expert(
        "asset_forfeiture",
        "Olumide Adeyemi-Brown",
        "",
        "USA",
        "Asset Recovery Attorney",
        "Department of Justice",
        "Freezes, seizes and confiscates the property of traffickers, and sets up funds that pay "
        "restitution to survivors from confiscated assets.",
        "criminal-justice corruption",
        "en:native",
    ),
    _expert(
        "migrant_health",
        "Zoë Müller",
        "",
        "AUS",
        "Public Health Physician",
        "Migration Health Division",
        "Runs tuberculosis screening and vaccination for arriving migrants and health assessments "
        "at reception centres.",
        "irregular-migration",
        "en:native de:fluent",
    ),
    _expert(
        "khmer_legal_translation",
        "Sok Chanthy",
        "សុខ ចាន់ធី",
        "KHM",
        "Legal Translator",
        "Extraordinary Chambers Translation Unit",
        "Translates court judgments, statutes and evidence between Khmer, English and French, and "
        "certifies translations for cross-border cases.",
        "criminal-justice",
        "km:native en:fluent fr:fluent",
    ),
    _expert(
        "disability_inclusion",
        "María Fernanda López García",
        "",
        "USA",
        "Inclusion Adviser",
        "Humanity and Inclusion",
        "Makes protection services accessible to refugees with disabilities: sign language, "
        "wheelchair access and adapted shelters.",
        "refugee-protection victim-protection",
        "es:native en:fluent",
    ),
    _expert(
        "air_transit",
        "Batbayar Dolgor",
        "",
        "MNG",
        "Document Control Officer",
        "General Authority for Border Protection",
        "Screens transit passengers at the international airport for impostors using genuine "
        "passports of lookalikes, and swapped boarding passes.",
        "document-fraud border-management",
        "mn:native en:working ru:working",
    ),
    _expert(
        "wildlife_timber",
        "Pham Minh Chau",
        "",
        "VNM",
        "Environmental Crime Investigator",
        "Environmental Police Department",
        "Investigates the illegal trade in pangolin scales, ivory and rosewood timber across the "
        "Mekong, working with customs on seizures.",
        "transnational-crime",
        "vi:native en:working",
    ),
    _expert(
        "narcotics_sea",
        "Kiri Manu",
        "",
        "WSM",
        "Drug Interdiction Officer",
        "Samoa Police Service",
        "Intercepts yachts and fishing boats smuggling methamphetamine and cocaine through the "
        "South Pacific, boarding at sea with partner navies.",
        "maritime transnational-crime",
        "sm:native en:fluent",
    ),
    _expert(
        "cyrillic_only",
        "Батбаяр Должин",
        "",
        "MNG",
        "Border Guard Trainer",
        "Border Protection Academy",
        "Teaches patrol tactics on the steppe frontier, tracking footprints and vehicle routes of "
        "people crossing between checkpoints.",
        "border-management irregular-migration",
        "mn:native ru:fluent en:basic",
    ),
    _expert(
        "korean_trafficking_shelter",
        "이민준",
        "",
        "KOR",
        "Counsellor for Migrant Women",
        "Migrant Women's Support Center",
        "Supports foreign wives who fled abusive marriages arranged by matchmaking agencies, with "
        "shelter, visa advice and Vietnamese-language hotlines.",
        "victim-protection labour-migration",
        "ko:native vi:working en:basic",
    ),
    _expert(
        "thai_only_migrant_school",
        "สมศรี ทองดี",
        "",
        "THA",
        "Head Teacher, Migrant Learning Centre",
        "Mae Sot Migrant Education Coordination Centre",
        "Runs schools for the children of Burmese migrant workers in border towns and helps them "
        "get documents to study in Thai schools.",
        "children labour-migration",
        "th:native my:fluent en:basic",
    ),
    _expert(
        "dang_hotline",
        "Đặng Văn Lợi",
        "",
        "VNM",
        "Hotline Manager",
        "Peace House Shelter",
        "Manages a free national telephone hotline that takes calls from people tricked into "
        "exploitative work abroad and their worried relatives.",
        "victim-protection information-campaigns",
        "vi:native en:working",
    ),
)

BY_KEY = {expert.key: expert for expert in PLANTED}


def email(planted: PlantedExpert) -> str:
    """The planted expert's address, under the reserved .example domain; it marks them."""
    return f"{planted.key.replace('_', '.')}@judgements.example"


def add_planted() -> dict[str, Expert]:
    """Add the planted experts that are missing, through the ORM so that the search outbox
    queues them; {key: expert} of those added."""
    areas = {area.code: area for area in db.session.scalars(select(ThematicArea))}
    present = set(
        db.session.scalars(select(Expert.email).where(Expert.email.in_(map(email, PLANTED))))
    )
    today = date.today()
    added = {}
    for planted in PLANTED:
        if email(planted) in present:
            continue
        expert = Expert(
            full_name=planted.full_name,
            name_local=planted.name_local,
            email=email(planted),
            nationality=planted.nationality,
            organisation=planted.organisation,
            position=planted.position,
            bio=planted.bio,
            thematic_areas=[areas[code] for code in planted.thematic_areas],
            languages=[
                ExpertLanguage(code=code, level=level) for code, level in planted.languages.items()
            ],
            availability=[
                AvailabilityWindow(
                    start=today + timedelta(days=30), end=today + timedelta(days=120)
                )
            ],
        )
        db.session.add(expert)
        added[planted.key] = expert
    db.session.flush()
    return added
