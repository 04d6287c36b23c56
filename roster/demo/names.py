"""Name pools for synthetic people: the Latin form beside the local script, per naming tradition."""

# Names are written as their bearers write them, Turkish dotless i included.
# ruff: noqa: RUF001

import unicodedata
from dataclasses import dataclass


def _pairs(text: str) -> tuple[tuple[str, str], ...]:
    """'Somchai=สมชาย; Suda=สุดา' -> (('Somchai', 'สมชาย'), ...); a bare name has no local form."""
    pairs = []
    for item in text.split(";"):
        latin, _, local = item.partition("=")
        if latin.strip():
            pairs.append((latin.strip(), local.strip()))
    return tuple(pairs)


@dataclass(frozen=True)
class Culture:
    given: tuple[tuple[str, str], ...]
    family: tuple[tuple[str, str], ...]
    # (ISO 639-1 code, level): the first is the mother tongue.
    languages: tuple[tuple[str, str], ...]
    family_first: bool = False
    local_family_first: bool | None = None
    local_joiner: str = " "
    # Names made of 2-3 given names and no family name (Myanmar, Bhutan).
    composed: bool = False
    # Latin form written without diacritics, local form with them (Vietnamese).
    fold_latin: bool = False

    def name(self, rng) -> tuple[str, str]:
        """A (Latin, local) full name; local is '' where the name is written in Latin script."""
        if self.composed:
            latin_parts = local_parts = rng.sample(self.given, rng.choice((2, 2, 3)))
        else:
            given, family = rng.choice(self.given), rng.choice(self.family)
            latin_parts = (family, given) if self.family_first else (given, family)
            local_first = self.family_first
            if self.local_family_first is not None:
                local_first = self.local_family_first
            local_parts = (family, given) if local_first else (given, family)
        latin = " ".join(part[0] for part in latin_parts)
        if self.fold_latin:
            return ascii_fold(latin), latin
        if not all(part[1] for part in local_parts):
            return latin, ""
        return latin, self.local_joiner.join(part[1] for part in local_parts)


def ascii_fold(text: str) -> str:
    text = text.replace("đ", "d").replace("Đ", "D").replace("ı", "i")
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(char for char in decomposed if not unicodedata.combining(char))


NATIVE = "native"
PACIFIC_GIVEN = "John; Mary; Peter; Grace; Michael; Ruth; James; Esther; Joseph; Rose; David; Helen"

CULTURES: dict[str, Culture] = {
    "thai": Culture(
        _pairs(
            "Somchai=สมชาย; Suda=สุดา; Anong=อนงค์; Prasert=ประเสริฐ; Nattapong=ณัฐพงศ์; "
            "Siriporn=ศิริพร; Wichai=วิชัย; Kanokwan=กนกวรรณ; Thanakorn=ธนากร; "
            "Pimchanok=พิมพ์ชนก; Chaiwat=ชัยวัฒน์; Ratana=รัตนา"
        ),
        _pairs(
            "Saetang=แซ่ตั้ง; Srisuk=ศรีสุข; Wongsawat=วงศ์สวัสดิ์; Boonmee=บุญมี; "
            "Thongchai=ทองชัย; Rattanakorn=รัตนากร; Suwannarat=สุวรรณรัตน์; "
            "Kittisak=กิตติศักดิ์; Phromma=พรหมมา; Chaiyaphum=ชัยภูมิ"
        ),
        (("th", NATIVE),),
    ),
    "khmer": Culture(
        _pairs(
            "Dara=ដារា; Sophea=សុភា; Vannak=វណ្ណៈ; Sreymom=ស្រីមុំ; Bopha=បុប្ផា; Pisey=ពិសី; "
            "Rithy=រិទ្ធី; Chantha=ចន្ថា; Sokha=សុខា; Veasna=វាសនា"
        ),
        _pairs(
            "Sok=សុខ; Chan=ចាន់; Kim=គឹម; Heng=ហេង; Prak=ប្រាក់; Meas=មាស; Keo=កែវ; Chea=ជា; "
            "Ly=លី; Nhem=ញឹម"
        ),
        (("km", NATIVE),),
        family_first=True,
    ),
    "lao": Culture(
        _pairs(
            "Souksavanh=ສຸກສະຫວັນ; Bounmy=ບຸນມີ; Khamla=ຄຳຫລ້າ; Viengkham=ວຽງຄຳ; "
            "Phonsavanh=ໂພນສະຫວັນ; Somphone=ສົມພອນ; Chanthaly=ຈັນທະລີ; Sisouk=ສີສຸກ"
        ),
        _pairs(
            "Phommachanh=ພົມມະຈັນ; Vongsa=ວົງສາ; Keomany=ແກ້ວມະນີ; Sisavath=ສີສະຫວາດ; "
            "Inthavong=ອິນທະວົງ; Xayavong=ໄຊຍະວົງ; Souvannavong=ສຸວັນນະວົງ; "
            "Chanthavong=ຈັນທະວົງ"
        ),
        (("lo", NATIVE),),
    ),
    "burmese": Culture(
        _pairs(
            "Aung=အောင်; Kyaw=ကျော်; Moe=မိုး; Thu=သူ; Zaw=ဇော်; Win=ဝင်း; Htun=ထွန်း; "
            "Myint=မြင့်; Hla=လှ; Su=စု; Khin=ခင်; Nwe=နွယ်; Thiri=သီရိ; Naing=နိုင်; "
            "Min=မင်း; Lwin=လွင်; Mya=မြ; Phyu=ဖြူ"
        ),
        (),
        (("my", NATIVE),),
        local_joiner="",
        composed=True,
    ),
    "chinese": Culture(
        _pairs(
            "Wei=伟; Fang=芳; Na=娜; Min=敏; Jing=静; Lei=磊; Qiang=强; Jun=军; Xiulan=秀兰; "
            "Haoran=浩然; Yuting=雨婷; Jianguo=建国; Lina=丽娜; Hui=慧"
        ),
        _pairs(
            "Wang=王; Li=李; Zhang=张; Liu=刘; Chen=陈; Yang=杨; Zhao=赵; Huang=黄; Zhou=周; "
            "Wu=吴; Xu=徐; Sun=孙"
        ),
        (("zh", NATIVE),),
        family_first=True,
        local_joiner="",
    ),
    "hongkong": Culture(
        _pairs(
            "Ka-yan=嘉欣; Chi-ming=志明; Wai-kit=偉傑; Mei-ling=美玲; Ho-yin=浩賢; "
            "Siu-wai=小慧; Kwok-wing=國榮; Hoi-yan=凱欣"
        ),
        _pairs(
            "Chan=陳; Wong=黃; Lee=李; Cheung=張; Lau=劉; Ho=何; Leung=梁; Lam=林; Tsang=曾; Yip=葉"
        ),
        (("zh", NATIVE),),
        family_first=True,
        local_joiner="",
    ),
    "sgchinese": Culture(
        _pairs(
            "Wei Ming=伟明; Hui Min=慧敏; Jia Hui=佳慧; Kok Leong=国良; Mei Ling=美玲; "
            "Boon Kiat=文杰; Siew Ling=秀玲; Zhi Hao=志豪"
        ),
        _pairs("Tan=陈; Lim=林; Lee=李; Ng=黄; Ong=王; Goh=吴; Chua=蔡; Koh=许; Teo=张"),
        (("zh", NATIVE),),
        family_first=True,
        local_joiner="",
    ),
    "japanese": Culture(
        _pairs(
            "Hiroshi=浩; Yuki=由紀; Kenji=健二; Akiko=明子; Takeshi=武; Yumi=由美; "
            "Daisuke=大輔; Naoko=直子; Shota=翔太; Emi=恵美"
        ),
        _pairs(
            "Sato=佐藤; Suzuki=鈴木; Takahashi=高橋; Tanaka=田中; Watanabe=渡辺; Ito=伊藤; "
            "Yamamoto=山本; Nakamura=中村; Kobayashi=小林; Kato=加藤"
        ),
        (("ja", NATIVE),),
        local_family_first=True,
        local_joiner="",
    ),
    "korean": Culture(
        _pairs(
            "Min-jun=민준; Seo-yeon=서연; Ji-hoon=지훈; Ha-eun=하은; Hyun-woo=현우; "
            "Soo-jin=수진; Dong-hyun=동현; Ji-young=지영; Sung-min=성민; Eun-ji=은지"
        ),
        _pairs(
            "Kim=김; Lee=이; Park=박; Choi=최; Jung=정; Kang=강; Cho=조; Yoon=윤; Jang=장; Lim=임"
        ),
        (("ko", NATIVE),),
        family_first=True,
        local_joiner="",
    ),
    "nkorean": Culture(
        _pairs(
            "Chol-su=철수; Myong-hui=명희; Song-il=성일; Kum-sun=금순; Yong-nam=영남; "
            "Un-jong=은정; Kwang-chol=광철; Hyang-mi=향미"
        ),
        _pairs("Kim=김; Ri=리; Pak=박; Choe=최; Jong=정; Han=한; Kang=강; O=오"),
        (("ko", NATIVE),),
        family_first=True,
        local_joiner="",
    ),
    "mongolian": Culture(
        _pairs(
            "Batbayar=Батбаяр; Oyuntsetseg=Оюунцэцэг; Enkhjargal=Энхжаргал; "
            "Tumurbaatar=Төмөрбаатар; Saruul=Саруул; Ganzorig=Ганзориг; Nomin=Номин; "
            "Erdenebat=Эрдэнэбат; Anujin=Анужин; Temuulen=Тэмүүлэн"
        ),
        # Patronymics, in the genitive as written before the given name.
        _pairs(
            "Ganbold=Ганболдын; Bat-Erdene=Бат-Эрдэнийн; Tsogt=Цогтын; Enkhbold=Энхболдын; "
            "Dorj=Доржийн; Sukhbaatar=Сүхбаатарын; Purev=Пүрэвийн; Altankhuyag=Алтанхуягийн"
        ),
        (("mn", NATIVE),),
        local_family_first=True,
    ),
    "arabic": Culture(
        _pairs(
            "Ahmad=أحمد; Mohammed=محمد; Fatima=فاطمة; Omar=عمر; Layla=ليلى; Khalid=خالد; "
            "Noor=نور; Yousef=يوسف; Mariam=مريم; Hassan=حسن; Rania=رانيا; Ali=علي"
        ),
        _pairs(
            "Al-Hashimi=الهاشمي; Haddad=حداد; Al-Masri=المصري; Khoury=خوري; Nasser=ناصر; "
            "Al-Amiri=العامري; Saleh=صالح; Ibrahim=إبراهيم; Mansour=منصور; "
            "Al-Jubouri=الجبوري; Al-Tamimi=التميمي"
        ),
        (("ar", NATIVE),),
    ),
    "persian": Culture(
        _pairs(
            "Reza=رضا; Maryam=مریم; Ali=علی; Zahra=زهرا; Mehdi=مهدی; Fatemeh=فاطمه; "
            "Hossein=حسین; Parisa=پریسا; Amir=امیر; Neda=ندا"
        ),
        _pairs(
            "Hosseini=حسینی; Ahmadi=احمدی; Mohammadi=محمدی; Karimi=کریمی; Rahimi=رحیمی; "
            "Moradi=مرادی; Rezaei=رضایی; Jafari=جعفری; Sadeghi=صادقی; Tehrani=تهرانی"
        ),
        (("fa", NATIVE),),
    ),
    "afghan": Culture(
        _pairs(
            "Ahmad=احمد; Mariam=مریم; Farid=فرید; Shabnam=شبنم; Hamid=حمید; Zarghona=زرغونه; "
            "Nasir=نصیر; Fereshta=فرشته; Wahid=وحید; Roya=رویا"
        ),
        _pairs(
            "Ahmadzai=احمدزی; Popal=پوپل; Karimi=کریمی; Stanikzai=ستانکزی; Sultani=سلطانی; "
            "Hakimi=حکیمی; Noori=نوری; Safi=صافی; Wardak=وردک"
        ),
        (("fa", NATIVE), ("ps", "fluent")),
    ),
    "pakistani": Culture(
        _pairs(
            "Muhammad=محمد; Ayesha=عائشہ; Imran=عمران; Sana=ثنا; Bilal=بلال; Fatima=فاطمہ; "
            "Usman=عثمان; Hina=حنا; Kamran=کامران; Nadia=نادیہ"
        ),
        _pairs(
            "Khan=خان; Ahmed=احمد; Malik=ملک; Hussain=حسین; Qureshi=قریشی; Chaudhry=چوہدری; "
            "Shah=شاہ; Siddiqui=صدیقی; Raza=رضا"
        ),
        (("ur", NATIVE), ("pa", "fluent")),
    ),
    "indian": Culture(
        _pairs(
            "Amit=अमित; Priya=प्रिया; Rahul=राहुल; Sunita=सुनीता; Vikram=विक्रम; Anjali=अंजलि; "
            "Rajesh=राजेश; Neha=नेहा; Sanjay=संजय; Pooja=पूजा"
        ),
        _pairs(
            "Sharma=शर्मा; Verma=वर्मा; Gupta=गुप्ता; Singh=सिंह; Kumar=कुमार; Patel=पटेल; "
            "Mishra=मिश्रा; Joshi=जोशी; Iyer=अय्यर"
        ),
        (("hi", NATIVE),),
    ),
    "nepali": Culture(
        _pairs(
            "Bikash=बिकास; Sita=सीता; Ramesh=रमेश; Sarita=सरिता; Prakash=प्रकाश; Gita=गीता; "
            "Dipak=दीपक; Anita=अनिता; Suman=सुमन; Kabita=कबिता"
        ),
        _pairs(
            "Shrestha=श्रेष्ठ; Thapa=थापा; Gurung=गुरुङ; Tamang=तामाङ; Adhikari=अधिकारी; "
            "Karki=कार्की; Rai=राई; Magar=मगर; Bhattarai=भट्टराई; Poudel=पौडेल"
        ),
        (("ne", NATIVE), ("hi", "working")),
    ),
    "bengali": Culture(
        _pairs(
            "Rahim=রহিম; Fatema=ফাতেমা; Karim=করিম; Nusrat=নুসরাত; Tanvir=তানভীর; "
            "Sharmin=শারমিন; Arif=আরিফ; Farzana=ফারজানা; Habib=হাবিব; Ruma=রুমা"
        ),
        _pairs(
            "Hossain=হোসেন; Rahman=রহমান; Ahmed=আহমেদ; Islam=ইসলাম; Chowdhury=চৌধুরী; "
            "Uddin=উদ্দিন; Akter=আক্তার; Sarker=সরকার; Das=দাস"
        ),
        (("bn", NATIVE),),
    ),
    "sinhala": Culture(
        _pairs(
            "Nimal=නිමල්; Kumari=කුමාරි; Chaminda=චමින්ද; Dilani=දිලානි; Ruwan=රුවන්; "
            "Nadeesha=නදීෂා; Sunil=සුනිල්; Tharanga=තරංග; Kasun=කසුන්; Ishara=ඉෂාරා"
        ),
        _pairs(
            "Perera=පෙරේරා; Silva=සිල්වා; Jayasinghe=ජයසිංහ; Bandara=බණ්ඩාර; "
            "Dissanayake=දිසානායක; Gunawardena=ගුණවර්ධන; Herath=හේරත්; Fernando=ප්‍රනාන්දු"
        ),
        (("si", NATIVE),),
    ),
    "tamil": Culture(
        _pairs(
            "Kumar=குமார்; Priya=பிரியா; Lakshmi=லட்சுமி; Murugan=முருகன்; Kavitha=கவிதா; "
            "Suresh=சுரேஷ்; Devi=தேவி; Arun=அருண்"
        ),
        _pairs(
            "Rajendran=ராஜேந்திரன்; Krishnan=கிருஷ்ணன்; Subramaniam=சுப்பிரமணியம்; "
            "Pillai=பிள்ளை; Selvam=செல்வம்; Raman=ராமன்"
        ),
        (("ta", NATIVE),),
    ),
    "bhutanese": Culture(
        _pairs(
            "Tshering=ཚེ་རིང་; Dorji=རྡོ་རྗེ་; Pema=པདྨ་; Karma=ཀརྨ་; Sonam=བསོད་ནམས་; "
            "Wangchuk=དབང་ཕྱུག་; Namgay=རྣམ་རྒྱལ་; Choden=ཆོས་སྒྲོན་"
        ),
        (),
        (("dz", NATIVE), ("ne", "working")),
        composed=True,
    ),
    "maldivian": Culture(
        _pairs(
            "Ahmed=އަޙްމަދު; Mohamed=މުޙައްމަދު; Aishath=އާއިޝަތު; Fathimath=ފާތިމަތު; "
            "Ibrahim=އިބްރާހީމް; Hassan=ޙަސަން; Mariyam=މަރިޔަމް; Ali=ޢަލީ"
        ),
        _pairs("Shareef=ޝަރީފް; Rasheed=ރަޝީދު; Waheed=ވަޙީދު; Naseer=ނަޞީރު; Saeed=ސަޢީދު; Latheef=ލަޠީފް"),
        (("dv", NATIVE),),
    ),
    "indonesian": Culture(
        _pairs("Siti; Budi; Dewi; Agus; Rina; Hendra; Sri; Eko; Wahyu; Ratna; Ahmad; Putri"),
        _pairs(
            "Rahayu; Santoso; Wijaya; Hidayat; Saputra; Kusuma; Nugroho; Lestari; Setiawan; "
            "Pratama; Susanto; Siregar"
        ),
        (("id", NATIVE), ("jv", "fluent")),
    ),
    "malay": Culture(
        _pairs("Nurul; Ahmad; Siti; Muhammad; Aisyah; Faridah; Hafiz; Zainal; Azlina; Rosli"),
        _pairs("Ismail; Abdullah; Hassan; Yusof; Rahman; Osman; Ibrahim; Hamid; Salleh"),
        (("ms", NATIVE),),
    ),
    "filipino": Culture(
        _pairs("Maria; Jose; Ana; Juan; Kristine; Mark; Angelica; Paolo; Rowena; Ramon; Jennifer"),
        _pairs(
            "Santos; Reyes; Cruz; Bautista; Garcia; Mendoza; Villanueva; Dela Cruz; Ramos; "
            "Aquino; Torres; Castillo"
        ),
        (("tl", NATIVE),),
    ),
    "vietnamese": Culture(
        _pairs(
            "Văn An; Thị Lan; Minh Tuấn; Thị Hương; Văn Hùng; Thu Trang; Quốc Bảo; Ngọc Anh; "
            "Đức Minh; Thị Mai"
        ),
        _pairs("Nguyễn; Trần; Lê; Phạm; Hoàng; Vũ; Đặng; Bùi; Đỗ; Ngô"),
        (("vi", NATIVE),),
        family_first=True,
        fold_latin=True,
    ),
    "turkish": Culture(
        _pairs("Mehmet; Ayşe; Mustafa; Fatma; Ahmet; Zeynep; Emre; Elif; Murat; Esra"),
        _pairs("Yılmaz; Kaya; Demir; Şahin; Çelik; Yıldız; Aydın; Öztürk; Arslan; Doğan"),
        (("tr", NATIVE),),
    ),
    "timorese": Culture(
        _pairs("José; Maria; Ana; João; Domingos; Filomena; Agostinho; Rosa; Francisco; Lúcia"),
        _pairs("da Silva; Soares; Guterres; Pereira; Ximenes; Belo; dos Santos; Alves; Martins"),
        # Tetum, the mother tongue of most, has no ISO 639-1 code.
        (("pt", "fluent"), ("id", "working")),
    ),
    "fijian": Culture(
        _pairs("Josefa; Mere; Seru; Ana; Viliame; Litia; Jone; Salote"),
        _pairs("Naivalu; Ravuvu; Tabua; Nailatikau; Vunibobo; Koroi; Rokovada"),
        (("fj", NATIVE),),
    ),
    "indofijian": Culture(
        _pairs("Anil; Sunita; Ravin; Shalini; Vijay; Kamini"),
        _pairs("Prasad; Kumar; Lal; Chand; Narayan; Sharma"),
        (("hi", NATIVE),),
    ),
    "melanesian": Culture(
        _pairs(PACIFIC_GIVEN),
        _pairs("Kila; Namaliu; Wari; Kuman; Pundari; Kaupa; Tausinga; Oti; Maelanga; Rini"),
        (("en", "fluent"),),
    ),
    "nivanuatu": Culture(
        _pairs("Jean; Marie; Joe; Ralph; Charlot; Anne; Kalo; Leinasei"),
        _pairs("Kalsakau; Natapei; Salwai; Tabimasmas; Vohor; Molisa; Kilman; Lini"),
        (("bi", NATIVE),),
    ),
    "micronesian": Culture(
        _pairs("Teburoro; Taneti; Ioane; Tessie; Baraniko; Tinaai; Tebao; Rereao"),
        _pairs("Tito; Maamau; Teiwaki; Kaiea; Tabai; Tong; Tekee; Ientaake"),
        # Gilbertese has no ISO 639-1 code.
        (("en", "fluent"),),
    ),
    "palauan": Culture(
        _pairs("Surangel; Faustina; Tommy; Sandra; Johnson; Kathy; Baklai; Ngiraibai"),
        _pairs("Remengesau; Whipps; Toribiong; Ngirmang; Tellei; Rechebei; Kuartei; Nakamura"),
        # Palauan has no ISO 639-1 code.
        (("en", "fluent"),),
    ),
    "nauruan": Culture(
        _pairs(PACIFIC_GIVEN),
        _pairs("Adeang; Dabwido; Aingimea; Scotty; Detenamo; Kun; Harris"),
        (("na", NATIVE),),
    ),
    "tongan": Culture(
        _pairs("Sione; Mele; Siosaia; Ana; Viliami; Losana; Tevita; Salote"),
        _pairs("Tupou; Fifita; Taufa; Latu; Havili; Vaipulu; Pulu; Mateialona"),
        (("to", NATIVE),),
    ),
    "samoan": Culture(
        _pairs("Tavita; Malia; Ioane; Sefo; Fetu; Lagi; Pele; Sina"),
        _pairs("Leota; Schmidt; Tuiasosopo; Faasalele; Mataafa; Toleafoa; Tuilagi"),
        (("sm", NATIVE),),
    ),
    "french": Culture(
        _pairs("Jean; Marie; Pierre; Sophie; Nicolas; Camille; Laurent; Isabelle"),
        _pairs("Martin; Bernard; Wamytan; Gomès; Dubois; Lafleur; Néaoutyine; Tjibaou"),
        (("fr", NATIVE),),
    ),
    "anglo": Culture(
        _pairs(
            "James; Sarah; Michael; Emily; David; Jessica; Daniel; Olivia; Andrew; Hannah; "
            "Christopher; Grace"
        ),
        _pairs(
            "Smith; Jones; Williams; Brown; Wilson; Taylor; Anderson; Thompson; Martin; Walker; "
            "Campbell; O'Brien"
        ),
        (("en", NATIVE),),
    ),
    "maori": Culture(
        _pairs("Aroha; Tane; Mere; Wiremu; Hemi; Anahera"),
        _pairs("Ngata; Parata; Tamihana; Walker; Tawhiri; Henare"),
        (("en", NATIVE), ("mi", "fluent")),
    ),
    "hispanic": Culture(
        _pairs("Carlos; Maria; Luis; Ana; Jorge; Sofia; Miguel; Lucia"),
        _pairs("Garcia; Martinez; Rodriguez; Hernandez; Lopez; Gonzalez; Perez; Flores"),
        (("es", NATIVE), ("en", NATIVE)),
    ),
}
