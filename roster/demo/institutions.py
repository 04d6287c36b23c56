"""Agencies, focal point functions and expert careers for synthetic data."""

# (name, acronym, sector); where a member has none listed, the generic set is used.
GENERIC_AGENCIES = (
    ("Ministry of Foreign Affairs", "MFA", "foreign-affairs"),
    ("National Police", "NP", "law-enforcement"),
    ("Department of Immigration", "DOI", "immigration-border"),
    ("Office of the Attorney-General", "AGO", "justice-prosecution"),
    ("Ministry of Social Welfare", "MSW", "social-welfare"),
    ("Ministry of Labour and Employment", "MOLE", "labour"),
    ("Ministry of Justice", "MOJ", "justice-prosecution"),
    ("Ministry of Home Affairs", "MHA", "law-enforcement"),
    ("Coast Guard", "CG", "maritime"),
    ("National Committee on Trafficking in Persons", "NCTIP", "other"),
)

AGENCIES = {
    "AUS": (
        ("Australian Federal Police", "AFP", "law-enforcement"),
        ("Department of Home Affairs", "Home Affairs", "immigration-border"),
        ("Australian Border Force", "ABF", "immigration-border"),
        ("Department of Foreign Affairs and Trade", "DFAT", "foreign-affairs"),
        ("Attorney-General's Department", "AGD", "justice-prosecution"),
    ),
    "IDN": (
        ("Indonesian National Police", "POLRI", "law-enforcement"),
        ("Directorate General of Immigration", "DGI", "immigration-border"),
        ("Ministry of Foreign Affairs", "Kemlu", "foreign-affairs"),
        (
            "Coordinating Ministry for Political, Legal and Security Affairs",
            "Kemenko Polhukam",
            "other",
        ),
        ("Ministry of Women's Empowerment and Child Protection", "KemenPPPA", "social-welfare"),
        ("Maritime Security Agency", "Bakamla", "maritime"),
    ),
    "THA": (
        ("Royal Thai Police", "RTP", "law-enforcement"),
        ("Department of Special Investigation", "DSI", "law-enforcement"),
        ("Immigration Bureau", "IMM", "immigration-border"),
        ("Ministry of Foreign Affairs", "MFA", "foreign-affairs"),
        ("Ministry of Social Development and Human Security", "MSDHS", "social-welfare"),
        ("Office of the Attorney General", "OAG", "justice-prosecution"),
        ("Ministry of Labour", "MOL", "labour"),
    ),
    "NZL": (
        ("Immigration New Zealand", "INZ", "immigration-border"),
        ("New Zealand Police", "NZP", "law-enforcement"),
        ("Ministry of Foreign Affairs and Trade", "MFAT", "foreign-affairs"),
        ("Ministry of Business, Innovation and Employment", "MBIE", "labour"),
    ),
    "MYS": (
        ("Royal Malaysia Police", "PDRM", "law-enforcement"),
        ("Immigration Department of Malaysia", "JIM", "immigration-border"),
        ("Malaysian Maritime Enforcement Agency", "MMEA", "maritime"),
        ("Ministry of Home Affairs", "KDN", "other"),
        ("Ministry of Foreign Affairs", "Wisma Putra", "foreign-affairs"),
    ),
    "PHL": (
        ("Inter-Agency Council Against Trafficking", "IACAT", "other"),
        ("Department of Justice", "DOJ", "justice-prosecution"),
        ("Bureau of Immigration", "BI", "immigration-border"),
        ("Philippine National Police", "PNP", "law-enforcement"),
        ("Department of Social Welfare and Development", "DSWD", "social-welfare"),
        ("Department of Migrant Workers", "DMW", "labour"),
        ("Philippine Coast Guard", "PCG", "maritime"),
    ),
    "USA": (
        ("Department of State", "DOS", "foreign-affairs"),
        ("Department of Homeland Security", "DHS", "immigration-border"),
        ("Federal Bureau of Investigation", "FBI", "law-enforcement"),
        ("Department of Justice", "DOJ", "justice-prosecution"),
        ("Department of Labor", "DOL", "labour"),
    ),
    "JPN": (
        ("National Police Agency", "NPA", "law-enforcement"),
        ("Immigration Services Agency", "ISA", "immigration-border"),
        ("Ministry of Foreign Affairs", "MOFA", "foreign-affairs"),
        ("Japan Coast Guard", "JCG", "maritime"),
    ),
    "KOR": (
        ("Korean National Police Agency", "KNPA", "law-enforcement"),
        ("Ministry of Justice", "MOJ", "justice-prosecution"),
        ("Ministry of Foreign Affairs", "MOFA", "foreign-affairs"),
        ("Korea Coast Guard", "KCG", "maritime"),
    ),
    "VNM": (
        ("Ministry of Public Security", "MPS", "law-enforcement"),
        ("Ministry of Foreign Affairs", "MOFA", "foreign-affairs"),
        ("Border Guard Command", "BGC", "immigration-border"),
        ("Ministry of Home Affairs", "MOHA", "labour"),
    ),
    "KHM": (
        ("General Commissariat of National Police", "GCNP", "law-enforcement"),
        ("National Committee for Counter Trafficking", "NCCT", "other"),
        (
            "Ministry of Social Affairs, Veterans and Youth Rehabilitation",
            "MoSVY",
            "social-welfare",
        ),
        ("Ministry of Foreign Affairs and International Cooperation", "MFAIC", "foreign-affairs"),
    ),
    "LKA": (
        ("Department of Immigration and Emigration", "DIE", "immigration-border"),
        ("Sri Lanka Police", "SLP", "law-enforcement"),
        ("Sri Lanka Navy", "SLN", "maritime"),
        ("Ministry of Foreign Affairs", "MFA", "foreign-affairs"),
    ),
    "BGD": (
        ("Ministry of Home Affairs", "MoHA", "law-enforcement"),
        ("Bangladesh Police", "BP", "law-enforcement"),
        ("Ministry of Expatriates' Welfare and Overseas Employment", "MoEWOE", "labour"),
        ("Ministry of Foreign Affairs", "MoFA", "foreign-affairs"),
    ),
    "IOM": (
        ("IOM Regional Office for Asia and the Pacific", "IOM ROAP", "other"),
        ("IOM Country Office for Indonesia", "IOM Indonesia", "other"),
    ),
    "UNHCR": (
        ("UNHCR Regional Bureau for Asia and the Pacific", "UNHCR RBAP", "other"),
        ("UNHCR Multi-Country Office in Canberra", "UNHCR Canberra", "other"),
    ),
    "UNODC": (
        ("UNODC Regional Office for Southeast Asia and the Pacific", "UNODC ROSEAP", "other"),
        ("UNODC Country Office Pakistan", "UNODC COPAK", "other"),
    ),
    "ILO": (
        ("ILO Regional Office for Asia and the Pacific", "ILO ROAP", "other"),
        ("ILO Country Office for Thailand, Cambodia and Lao PDR", "ILO CO-Bangkok", "labour"),
    ),
}

# (position, thematic areas, sectors that usually hold it)
FUNCTIONS = (
    (
        "National Contact Point, Trafficking in Persons",
        ("trafficking-in-persons", "victim-protection", "criminal-justice"),
        ("law-enforcement", "justice-prosecution", "other"),
    ),
    (
        "National Contact Point, People Smuggling",
        ("people-smuggling", "irregular-migration", "transnational-crime"),
        ("law-enforcement", "immigration-border"),
    ),
    (
        "Senior Officials' Meeting Focal Point",
        ("legislation-policy", "irregular-migration"),
        ("foreign-affairs",),
    ),
    (
        "Focal Point, Working Group on Trafficking in Persons",
        ("trafficking-in-persons", "legislation-policy"),
        ("justice-prosecution", "other"),
    ),
    (
        "Focal Point, Working Group on the Disruption of People Smuggling and Trafficking Networks",
        ("people-smuggling", "trafficking-in-persons", "transnational-crime"),
        ("law-enforcement",),
    ),
    (
        "Focal Point, Task Force on Planning and Preparedness",
        ("maritime", "irregular-migration", "refugee-protection"),
        ("foreign-affairs", "maritime", "immigration-border"),
    ),
    (
        "Focal Point, Document Examination and Identity Fraud",
        ("document-fraud", "border-management"),
        ("immigration-border",),
    ),
    (
        "Focal Point, Victim Identification and Support",
        ("victim-protection", "children", "trafficking-in-persons"),
        ("social-welfare",),
    ),
    (
        "Focal Point, Labour Migration and Forced Labour",
        ("labour-migration", "trafficking-in-persons"),
        ("labour",),
    ),
    ("Focal Point, Maritime Search and Rescue Coordination", ("maritime",), ("maritime",)),
    (
        "Focal Point, Return and Reintegration",
        ("return-reintegration", "irregular-migration"),
        ("immigration-border", "social-welfare"),
    ),
    (
        "Focal Point, Migration Data and Information Sharing",
        ("migration-data", "technology"),
        ("immigration-border", "law-enforcement"),
    ),
    (
        "Focal Point, Corruption in Border Management",
        ("corruption", "border-management"),
        ("justice-prosecution", "immigration-border"),
    ),
    (
        "Focal Point, Mutual Legal Assistance and Extradition",
        ("criminal-justice", "legislation-policy"),
        ("justice-prosecution",),
    ),
    (
        "Focal Point, Technology-Facilitated Trafficking",
        ("technology", "trafficking-in-persons", "children"),
        ("law-enforcement",),
    ),
    (
        "Focal Point, Public Information Campaigns",
        ("information-campaigns", "irregular-migration"),
        ("foreign-affairs", "other"),
    ),
    (
        "Focal Point, Refugee Protection and Asylum",
        ("refugee-protection", "children"),
        ("immigration-border", "other"),
    ),
)

# (position, thematic areas it usually covers)
EXPERT_POSITIONS = (
    ("Senior Investigator", ("trafficking-in-persons", "transnational-crime", "criminal-justice")),
    (
        "Chief Inspector, Anti-Human Trafficking Division",
        ("trafficking-in-persons", "criminal-justice"),
    ),
    ("Prosecutor", ("criminal-justice", "trafficking-in-persons", "legislation-policy")),
    ("Legal Adviser", ("legislation-policy", "refugee-protection", "criminal-justice")),
    (
        "Immigration Intelligence Analyst",
        ("people-smuggling", "border-management", "migration-data"),
    ),
    ("Document Examiner", ("document-fraud", "border-management", "technology")),
    ("Protection Officer", ("refugee-protection", "children", "victim-protection")),
    ("Victim Support Coordinator", ("victim-protection", "trafficking-in-persons", "children")),
    ("Social Worker", ("victim-protection", "children", "return-reintegration")),
    ("Labour Inspector", ("labour-migration", "trafficking-in-persons", "corruption")),
    ("Maritime Operations Officer", ("maritime", "people-smuggling", "border-management")),
    ("Programme Manager", ("irregular-migration", "return-reintegration", "information-campaigns")),
    ("Policy Adviser", ("legislation-policy", "irregular-migration", "labour-migration")),
    ("Data Analyst", ("migration-data", "technology", "irregular-migration")),
    ("Cybercrime Investigator", ("technology", "transnational-crime", "children")),
    ("Financial Investigator", ("transnational-crime", "corruption", "people-smuggling")),
    ("Research Fellow", ("irregular-migration", "migration-data", "labour-migration")),
    (
        "Associate Professor of Criminology",
        ("transnational-crime", "criminal-justice", "corruption"),
    ),
    ("Communications Specialist", ("information-campaigns", "technology")),
    (
        "Independent Consultant",
        ("legislation-policy", "trafficking-in-persons", "refugee-protection"),
    ),
)

# Places experts work besides their government agencies: (name, domain label, kind); kind "int"
# is an international body, "ac" and "org" a national university or organisation.
OTHER_EMPLOYERS = (
    ("International Organization for Migration", "iom", "int"),
    ("United Nations Office on Drugs and Crime", "unodc", "int"),
    ("United Nations High Commissioner for Refugees", "unhcr", "int"),
    ("International Labour Organization", "ilo", "int"),
    ("Regional Support Office of the Bali Process", "rso", "int"),
    ("National University of {member}", "nu", "ac"),
    ("{member} Institute of Criminology", "criminology", "ac"),
    ("{member} Legal Aid Foundation", "legalaid", "org"),
    ("Migrant Workers' Rights Network, {member}", "mwrn", "org"),
    ("{member} Centre for Migration Studies", "cms", "ac"),
)

ACHIEVEMENTS = {
    "trafficking-in-persons": "led joint investigations into trafficking networks across borders",
    "people-smuggling": "coordinated operations that disrupted maritime smuggling ventures",
    "irregular-migration": "advised governments on managing mixed migration flows",
    "border-management": "designed risk profiling for airport and land border checkpoints",
    "refugee-protection": "conducted refugee status determination and protection screening",
    "victim-protection": "set up referral mechanisms for victims of trafficking",
    "return-reintegration": "managed voluntary return and reintegration programmes",
    "maritime": "coordinated search and rescue responses for vessels in distress",
    "document-fraud": "trained frontline officers to detect forged travel documents",
    "technology": "traced recruitment of victims through social media and messaging apps",
    "corruption": "investigated corruption linked to migrant smuggling",
    "criminal-justice": "prosecuted complex trafficking cases to conviction",
    "legislation-policy": "drafted national anti-trafficking legislation and action plans",
    "information-campaigns": "ran awareness campaigns on safe migration in source communities",
    "children": "built child-sensitive procedures for unaccompanied and separated children",
    "migration-data": "built shared datasets on irregular movements for regional analysis",
    "labour-migration": "inspected recruitment agencies and fishing vessels for forced labour",
    "transnational-crime": "followed the money behind organised crime groups",
}

TRAINING = (
    "Regularly trains law enforcement and prosecutors in the region.",
    "Has delivered Bali Process workshops and regional roundtables.",
    "Mentors newly appointed national contact points.",
    "Has written manuals and standard operating procedures used by several members.",
    "Speaks at regional conferences on migration and protection.",
    "",
)
